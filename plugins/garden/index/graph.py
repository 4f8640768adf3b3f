"""The concept graph: notes, terms and tags, and the links, embeds and tags between them.

Built from the same resolved links as the pages and backlinks, so the three agree.
Written to ``graph.json``; node ids are page slugs (``guide/Writing-a-card``). The file
is compact, because a 10,000-note garden has over 100,000 edges and every reader of
the graph view downloads it (``encode_graph`` documents the format, ``decode_graph``
reads it back into plain nodes and edges).
"""

from __future__ import annotations

from typing import Any
from urllib.parse import quote, unquote

from garden.index.garden import Garden
from garden.index.glossary import GLOSSARY_PAGE
from garden.index.site_map import SiteMap
from garden.notes.titles import title_of, title_zh

GLOSSARY_PREFIX = "glossary/"


def node_id(site_map: SiteMap, path: str) -> str:
    return unquote(site_map.url(path)).rstrip("/") or "index"


def graph_data(garden: Garden) -> dict[str, Any]:
    site_map = garden.site_map
    assert site_map is not None
    listed = garden.listing_at
    nodes: dict[str, dict[str, Any]] = {}
    for path, card in garden.cards.items():
        if listed.get(path) and listed[path].kind == "folder":
            continue  # a folder's page lists notes; it is not a concept
        nodes[path] = {
            "id": node_id(site_map, path),
            "title": title_of(card),
            "title_zh": title_zh(card),
            "url": site_map.url(path),
            "kind": "term" if path.startswith(GLOSSARY_PREFIX) else "note",
        }
    for listing in garden.listings:
        if listing.kind == "tag":
            nodes[listing.path] = {
                "id": node_id(site_map, listing.path),
                "title": f"#{listing.name}",
                "title_zh": None,
                "url": site_map.url(listing.path),
                "kind": "tag",
            }
    edges: dict[tuple[str, str, str], None] = {}
    for source, resolutions in garden.links.items():
        if source not in nodes:
            continue
        for resolution in resolutions:
            target = resolution.path
            if resolution.kind == "note" and target in nodes and target != source:
                kind = "embed" if resolution.link.embed else "link"
                edges[(nodes[source]["id"], nodes[target]["id"], kind)] = None
    for term, users in garden.term_usage.items():
        term_node = _term_node(garden, term, nodes)
        for user in users:
            if user in nodes and term_node is not None and nodes[user]["id"] != term_node["id"]:
                edges[(nodes[user]["id"], term_node["id"], "term")] = None
    for path, card in garden.cards.items():
        for tag in card.tags if path in nodes else ():
            tag_page = garden.tag_page(tag)
            if tag_page in nodes:
                edges[(nodes[path]["id"], nodes[tag_page]["id"], "tag")] = None
    for (source, target), _places in garden.sequence.edges.items():
        ends = [_sequence_node(garden, key, nodes) for key in (source, target)]
        if None not in ends:
            edges[(ends[0]["id"], ends[1]["id"], "unlock")] = None
    # Directory URLs end in "/", file URLs do not: whichever most pages have is left implied.
    suffix = "/" if sum(node["url"].endswith("/") for node in nodes.values()) * 2 >= len(nodes) else ""
    return encode_graph(list(nodes.values()), list(edges), suffix)


NODE_KINDS = ("note", "term", "tag")
EDGE_KINDS = ("link", "embed", "term", "tag", "unlock")  # "unlock": the sequence's edges
# The characters JavaScript's encodeURI leaves as they are (besides letters, digits
# and "-_.~", which Python's quote never escapes): a URL built this way in Python is
# the very string graph.js rebuilds with encodeURI.
_ENCODE_URI_SAFE = ";,/?:@&=+$!*'()#"


def encode_graph(nodes: list[dict[str, Any]], edges: list[tuple[str, str, str]], url_suffix: str) -> dict[str, Any]:
    """The graph as graph.json holds it.

    - ``nodes``: ``[id, title, title_zh or null, kind]`` with ``kind`` an index into
      ``node_kinds``, and a fifth item, the URL, only when it is not
      ``encodeURI(id) + url_suffix`` (the home page, glossary entries, odd names);
    - ``edges``: for each kind in ``edge_kinds``, rows ``[source, target, target, …]``
      of node indexes, one row per source node.
    """
    position = {node["id"]: at for at, node in enumerate(nodes)}
    rows: dict[str, dict[int, list[int]]] = {kind: {} for kind in EDGE_KINDS}
    for source, target, kind in edges:
        rows[kind].setdefault(position[source], []).append(position[target])
    return {
        "version": 2,
        "url_suffix": url_suffix,
        "node_kinds": list(NODE_KINDS),
        "edge_kinds": list(EDGE_KINDS),
        "nodes": [_encode_node(node, url_suffix) for node in nodes],
        "edges": {kind: [[source, *targets] for source, targets in rows[kind].items()] for kind in EDGE_KINDS},
    }


def _encode_node(node: dict[str, Any], url_suffix: str) -> list[Any]:
    row = [node["id"], node["title"], node["title_zh"], NODE_KINDS.index(node["kind"])]
    if node["url"] != _encode_uri(node["id"]) + url_suffix:
        row.append(node["url"])
    return row


def _encode_uri(text: str) -> str:
    return quote(text, safe=_ENCODE_URI_SAFE)


def decode_graph(data: dict[str, Any]) -> tuple[list[dict[str, Any]], list[tuple[str, str, str]]]:
    """Nodes (id, title, title_zh, url, kind, tags) and (source, target, kind) edges."""
    suffix = data["url_suffix"]
    nodes = [
        {
            "id": row[0], "title": row[1], "title_zh": row[2], "kind": data["node_kinds"][row[3]],
            "url": row[4] if len(row) > 4 else _encode_uri(row[0]) + suffix,
        }
        for row in data["nodes"]
    ]
    edges = [
        (nodes[row[0]]["id"], nodes[target]["id"], kind)
        for kind, kind_rows in data["edges"].items()
        for row in kind_rows
        for target in row[1:]
    ]
    tags: dict[str, list[str]] = {node["id"]: [] for node in nodes}
    titles = {node["id"]: node["title"] for node in nodes}
    for source, target, kind in edges:
        if kind == "tag":
            tags[source].append(titles[target].removeprefix("#"))
    for node in nodes:
        node["tags"] = tags[node["id"]]
    return nodes, edges


def _term_node(garden: Garden, name: str, nodes: dict[str, dict[str, Any]]) -> dict[str, Any] | None:
    """A term's node: its term file's, or an entry on the glossary page for a card-only term."""
    term = garden.terms.lookup(name)
    if term is None:
        return None
    if term.file in nodes:
        return nodes[term.file]
    if GLOSSARY_PAGE not in garden.site_map.dest:
        return None
    key = f"{GLOSSARY_PAGE}#{term.anchor}"
    if key not in nodes:
        page = garden.site_map.url(GLOSSARY_PAGE)
        nodes[key] = {
            "id": f"{node_id(garden.site_map, GLOSSARY_PAGE)}#{term.anchor}",
            "title": term.en,
            "title_zh": term.zh,
            "url": f"{page}#{quote(term.anchor)}",
            "kind": "term",
        }
    return nodes[key]


def _sequence_node(garden: Garden, key: str, nodes: dict[str, dict[str, Any]]) -> dict[str, Any] | None:
    """A node of the sequence in the graph: a note's, or its term's entry."""
    if key in nodes:
        return nodes[key]
    node = garden.sequence.nodes.get(key)
    return _term_node(garden, node.title, nodes) if node is not None and node.kind == "term" else None
