"""Links, pages and the graph in a built garden: slugs, tags, folders, aliases,
backlinks, embeds, block ids, other gardens, drafts and graph.json."""

import json
import re

import pytest

from garden.index.graph import decode_graph

from .conftest import build_site

NOTES = {
    "index.md": "# Home\n\nStart with [[Alpha note]] and the [[topics/]] folder.\n",
    "Alpha note.md": (
        "---\ntitle: Alpha note\ntitle_zh: 甲笔记\naliases: [First & best]\ntags: [topic/sub, 主题]\n---\n\n"
        "## Reasons\n\nAlpha links to [[Beta]]. A second sentence here.\n\n"
        "![[Beta#Details]]\n\n"
        "See [[Beta#^key-point|the key point]] and [[quartz:Some Note#Part One]].\n\n"
        "A [markdown link](Gamma) and a [tag link](tags/topic/sub).\n"
    ),
    "topics/Beta.md": (
        "# Beta\n\nIntro paragraph with a key claim. ^key-point\n\n"
        "## Details\n\n- detail one\n  - nested under one\n\nBack to [[Alpha note]].\n\n## Other\n\nNot embedded.\n"
    ),
    "topics/Gamma.md": "# Gamma\n\n![[Gamma]]\n\n![[Alpha note#Reasons]]\n",
    "Draft.md": "---\ndraft: true\n---\n\n# Draft\n",
    "Private.md": "---\npublish: false\n---\n\n# Private, as Obsidian Publish marks it\n",
}


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    return build_site(
        tmp_path_factory.mktemp("pages"),
        NOTES,
        plugin_options={"gardens": {"quartz": "https://quartz.jzhao.xyz"}},
    )


def test_pages_get_quartz_urls(site):
    assert (site.site / "Alpha-note" / "index.html").is_file()
    assert (site.site / "topics" / "Beta" / "index.html").is_file()
    assert not (site.site / "Draft").exists()
    assert not (site.site / "Private").exists()


def test_tag_and_folder_pages_list_their_notes(site):
    tag = site.html("tags/topic/")
    assert 'href="../../Alpha-note/"' in tag and "Notes tagged #topic" in tag
    assert "甲笔记" in site.html("tags/topic/sub/")
    assert "#主题" in site.html("tags/")
    folder = site.html("topics/")
    assert 'href="../topics/Beta/"' in folder or 'href="Beta/"' in folder
    assert 'href="../topics/"' in site.html("") or 'href="topics/"' in site.html("")


def test_alias_gets_a_redirect_page(site):
    # Quartz's slug of "First & best": " " becomes "-", then "&" becomes "-and-".
    redirect = (site.site / "First--and--best" / "index.html").read_text(encoding="utf-8")
    assert 'http-equiv="refresh" content="0; url=../Alpha-note/"' in redirect


def test_markdown_links_resolve_like_wikilinks(site):
    html = site.html("Alpha-note/")
    assert '<a href="../topics/Gamma/">markdown link</a>' in html
    assert '<a href="../tags/topic/sub/">tag link</a>' in html


def test_block_links_and_other_gardens(site):
    html = site.html("Alpha-note/")
    assert '<a href="../topics/Beta/#%5Ekey-point">the key point</a>' in html
    assert '<a href="https://quartz.jzhao.xyz/Some-Note#part-one">quartz:Some Note &gt; Part One</a>' in html
    assert 'id="^key-point"' in site.html("topics/Beta/")
    assert "^key-point" not in re.sub(r'id="\^key-point"|#%5Ekey-point', "", site.html("topics/Beta/"))
    assert not [w for w in site.garden_warnings if "key-point" in w or "Some Note" in w]


def test_heading_embed_renders_the_section_with_its_links(site):
    html = site.html("Alpha-note/")
    embed = html[html.index('<div class="garden-embed">') : html.index("</div>", html.index('<div class="garden-embed">'))]
    assert "detail one" in embed and "nested under one" in embed
    assert '<a href="./">Alpha note</a>' in embed or 'href="../Alpha-note/"' in embed
    assert "Not embedded." not in embed
    assert re.search(r'<a class="garden-embed-source" href="../topics/Beta/#details">', embed)


def test_embed_cycles_stop_with_a_link_and_are_reported(site):
    html = site.html("topics/Gamma/")
    assert '<a href="./">Gamma</a>' in html or '<a href="../Gamma/">Gamma</a>' in html
    assert any("embed cycle: topics/Gamma.md → topics/Gamma.md" in w for w in site.garden_warnings), site.findings


def test_backlinks_show_the_sentence_around_the_link(site):
    html = site.html("topics/Beta/")
    section = html[html.index('class="garden-backlinks"') :]
    assert 'href="../../Alpha-note/"' in section
    assert "Alpha links to Beta." in section
    assert "A second sentence" not in section


def test_graph_json_matches_the_links(site):
    graph = json.loads((site.site / "graph.json").read_text(encoding="utf-8"))
    node_list, edge_list = decode_graph(graph)
    nodes = {node["id"]: node for node in node_list}
    assert nodes["Alpha-note"] == {
        "id": "Alpha-note", "title": "Alpha note", "title_zh": "甲笔记", "url": "Alpha-note/",
        "kind": "note", "tags": ["topic/sub", "主题"],
    }
    assert nodes["tags/topic/sub"]["kind"] == "tag"
    edges = set(edge_list)
    assert ("Alpha-note", "topics/Beta", "link") in edges
    assert ("Alpha-note", "topics/Beta", "embed") in edges
    assert ("Alpha-note", "topics/Gamma", "link") in edges
    assert ("topics/Gamma", "Alpha-note", "embed") in edges
    assert ("Alpha-note", "tags/topic/sub", "tag") in edges
    assert "Draft" not in nodes and "topics" not in nodes
    assert len(edges) == len(edge_list), "an edge is listed twice"


def test_local_graph_container_names_its_node(site):
    assert 'data-garden-graph="local" data-garden-node="topics/Beta"' in site.html("topics/Beta/")
    assert 'data-garden-graph="global"' in site.html("graph/")


def test_two_notes_with_one_url_are_an_error_naming_both(tmp_path):
    site = build_site(tmp_path, {"index.md": "# Home\n", "A B.md": "# one\n", "A-B.md": "# two\n"})
    (error,) = [w for w in site.garden_warnings if "would both be published" in w]
    assert "A-B.md" in error and "A B.md" in error
    assert (site.site / "A-B" / "index.html").is_file() and (site.site / "A-B-2" / "index.html").is_file()


@pytest.mark.parametrize(
    ("mode", "link", "resolved"),
    [
        ("absolute", "[[topics/Beta]]", True),
        ("absolute", "[[Beta]]", False),
        ("relative", "[[Beta]]", True),
        ("relative", "[[topics/Beta]]", False),
        ("shortest", "[[Beta]]", True),
    ],
)
def test_link_resolution_modes(tmp_path, mode, link, resolved):
    notes = {"index.md": "# Home\n", "topics/Beta.md": "# Beta\n", "topics/Here.md": f"# Here\n\n{link}\n"}
    site = build_site(tmp_path, notes, plugin_options={"link_resolution": mode})
    assert (not any("unresolved" in w for w in site.garden_warnings)) == resolved
