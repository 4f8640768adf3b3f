"""The concept graph: notes, terms and tags, and the links, embeds and tags between them.

Built from the same resolved links as the pages and backlinks, so the three agree.
Written to ``graph.json``; node ids are page slugs (``guide/Writing-a-card``).
"""

from __future__ import annotations

from typing import Any
from urllib.parse import quote, unquote

from .garden import Garden
from .glossary import GLOSSARY_PAGE
from .site_map import SiteMap
from .views import title_of, title_zh

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
            "tags": list(card.meta.tags),
        }
    for listing in garden.listings:
        if listing.kind == "tag":
            nodes[listing.path] = {
                "id": node_id(site_map, listing.path),
                "title": f"#{listing.name}",
                "title_zh": None,
                "url": site_map.url(listing.path),
                "kind": "tag",
                "tags": [],
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
        for tag in card.meta.tags if path in nodes else ():
            tag_page = garden.tag_pages.get(tag)
            if tag_page in nodes:
                edges[(nodes[path]["id"], nodes[tag_page]["id"], "tag")] = None
    return {
        "nodes": list(nodes.values()),
        "edges": [{"source": s, "target": t, "kind": k} for s, t, k in edges],
    }


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
            "tags": [],
        }
    return nodes[key]
