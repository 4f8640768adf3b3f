"""The concept graph in a browser: the global graph opens notes, a note's graph shows
its neighbourhood, labels follow the reading switch, and nothing leaves the site.

graph.js exposes its mounted graphs as ``window.gardenGraphs``: each has ``mode``
("local" | "global"), ``nodeId``, ``ready`` (layout stopped, view fitted), ``hovered``,
``labelOf(node)`` and ``graph``, the force-graph instance. A force-graph instance is
callable, so page.evaluate must never return one.
"""

from __future__ import annotations

import json
import re
from urllib.parse import quote, urlsplit

import pytest

from garden.index.graph import decode_graph

from .conftest import ARTIFACTS

LOCAL_DEPTH = 2
CJK = re.compile(r"[\u4e00-\u9fff]")

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def graph(demo_site) -> dict:
    path = demo_site.site / "graph.json"
    assert path.is_file(), "the built site has no graph.json at its root"
    nodes, edges = decode_graph(json.loads(path.read_text(encoding="utf-8")))
    return {"nodes": nodes, "edges": [{"source": s, "target": t, "kind": k} for s, t, k in edges]}


def _hosts(page) -> set[str]:
    return {urlsplit(url).hostname for url in page.requested}


def _neighbourhood(graph: dict, start: str, depth: int) -> set[str]:
    """Ids within ``depth`` edges of ``start``, edges read both ways (graph.js's rule)."""
    ids = {node["id"] for node in graph["nodes"]}
    neighbours: dict[str, set[str]] = {node_id: set() for node_id in ids}
    for edge in graph["edges"]:
        source, target = edge["source"], edge["target"]
        if source in ids and target in ids and source != target:
            neighbours[source].add(target)
            neighbours[target].add(source)
    seen, frontier = {start}, {start}
    for _ in range(depth):
        frontier = {other for node_id in frontier for other in neighbours[node_id]} - seen
        seen |= frontier
    return seen


def _wait_ready(page, mode: str) -> None:
    page.wait_for_function(
        "mode => (window.gardenGraphs || []).some(g => g.mode === mode && g.ready)", arg=mode, timeout=20000
    )


# The graph's nodes as plain data, with their position in the viewport.
NODES = """mode => {
  const entry = window.gardenGraphs.find(g => g.mode === mode)
  const box = entry.element.querySelector("canvas").getBoundingClientRect()
  return entry.graph.graphData().nodes.map(node => {
    const at = entry.graph.graph2ScreenCoords(node.x, node.y)
    return { id: node.id, kind: node.kind, url: node.url, x: box.left + at.x, y: box.top + at.y,
             label: entry.labelOf(node) }
  })
}"""


def test_global_graph_opens_a_note_on_click(server, page, graph):
    ARTIFACTS.mkdir(exist_ok=True)
    page.goto(server + "graph/")
    container = page.locator('[data-garden-graph="global"]')
    assert container.count() == 1
    _wait_ready(page, "global")
    assert container.get_attribute("data-garden-graph-ready") == "true"
    nodes = page.evaluate(NODES, "global")
    assert len(nodes) == len(graph["nodes"])
    page.screenshot(path=str(ARTIFACTS / "graph-global.png"))

    # The first note, from the biggest, that the pointer hovers at its drawn position
    # (another node may lie on top of a small one).
    width, height = 1280, 900
    notes = [node for node in nodes if node["kind"] == "note" and node["url"] is not None]
    degree = {node["id"]: len(_neighbourhood(graph, node["id"], 1)) for node in notes}
    for note in sorted(notes, key=lambda node: -degree[node["id"]]):
        if not (0 < note["x"] < width and 0 < note["y"] < height):
            continue
        page.mouse.move(note["x"], note["y"])
        try:
            page.wait_for_function(
                "id => window.gardenGraphs[0].hovered?.id === id", arg=note["id"], timeout=3000
            )
            break
        except Exception:  # noqa: BLE001 (Playwright's TimeoutError: try the next note)
            continue
    else:
        pytest.fail("no note of the global graph could be hovered at its drawn position")

    expected = page.evaluate("url => new URL('../' + url, location.href).href", note["url"])
    page.mouse.click(note["x"], note["y"])
    page.wait_for_url(expected, timeout=10000)
    local = page.locator('[data-garden-graph="local"]')
    assert local.get_attribute("data-garden-node") == note["id"], "the clicked note's own page opened"
    assert _hosts(page) <= {"127.0.0.1"}


def test_local_graph_shows_the_neighbourhood(server, page, graph):
    degree = {node["id"]: 0 for node in graph["nodes"]}
    for edge in graph["edges"]:
        for end in (edge["source"], edge["target"]):
            if end in degree:
                degree[end] += 1
    notes = [node for node in graph["nodes"] if node["kind"] == "note" and node["url"]]
    card = max(notes, key=lambda node: degree[node["id"]])
    assert degree[card["id"]] > 0, "the demo garden has linked notes"

    page.goto(server + quote(card["url"]))
    container = page.locator(f'[data-garden-graph="local"][data-garden-node="{card["id"]}"]')
    assert container.count() == 1
    _wait_ready(page, "local")
    shown = {node["id"] for node in page.evaluate(NODES, "local")}
    assert shown == _neighbourhood(graph, card["id"], LOCAL_DEPTH)
    assert page.evaluate("() => window.gardenGraphs.find(g => g.mode === 'local').nodeId") == card["id"]
    container.screenshot(path=str(ARTIFACTS / "graph-local.png"))
    assert _hosts(page) <= {"127.0.0.1"}


def test_labels_follow_the_reading_switch(server, page, graph):
    titles = {node["id"]: node for node in graph["nodes"]}
    assert any(node.get("title_zh") for node in graph["nodes"]), "the demo garden has Chinese titles"
    page.goto(server + "graph/")
    page.evaluate("() => localStorage.setItem('garden.reading', 'zh')")
    page.reload()
    assert page.get_attribute("html", "data-garden-reading") == "zh"
    _wait_ready(page, "global")
    for node in page.evaluate(NODES, "global"):
        data = titles[node["id"]]
        assert node["label"] == (data.get("title_zh") or data["title"])
    assert any(CJK.search(node["label"]) for node in page.evaluate(NODES, "global"))
    legend = page.locator(".garden-graph__legend")
    assert "笔记" in legend.inner_text() and "Note" not in legend.inner_text()
    page.screenshot(path=str(ARTIFACTS / "graph-global-zh.png"))

    # Flipped while the page is open, as the reading switch does.
    page.evaluate("() => { document.documentElement.dataset.gardenReading = 'en' }")
    page.wait_for_function("() => !document.querySelector('.garden-graph__legend').textContent.includes('笔记')")
    for node in page.evaluate(NODES, "global"):
        assert node["label"] == titles[node["id"]]["title"]
    assert _hosts(page) <= {"127.0.0.1"}


def test_graph_stays_on_the_site(server, page):
    page.goto(server + "graph/")
    _wait_ready(page, "global")
    library = [url for url in page.requested if url.endswith("/force-graph.min.js")]
    assert library == [server + "assets/garden/vendor/force-graph.min.js"]
    assert [url for url in page.requested if url.endswith("/graph.json")] == [server + "graph.json"]
    assert _hosts(page) <= {"127.0.0.1"}

    # A page without a graph does not pay for the library.
    page.requested.clear()
    page.goto(server + "404.html")
    assert not [url for url in page.requested if "force-graph" in url or "graph.json" in url]
    assert _hosts(page) <= {"127.0.0.1"}


def test_graph_js_reads_graph_json_as_python_does(server, page, graph):
    page.goto(server + "graph/")
    _wait_ready(page, "global")
    drawn = {node["id"]: (node["kind"], node["url"]) for node in page.evaluate(NODES, "global")}
    assert drawn == {node["id"]: (node["kind"], node["url"]) for node in graph["nodes"]}


def test_urls_left_implied_are_rebuilt_exactly(page, server):
    """graph.json leaves out a URL that encodeURI rebuilds: Python's rule must be the same."""
    from garden.index.graph import _encode_uri

    names = ["Writing a card", "笔记/反向 链接", "a(b)&c=d;e,f+g$h!i*j'k", "50% off", "ü ß é", "emoji 🌱"]
    page.goto(server)
    assert page.evaluate("names => names.map(encodeURI)", names) == [_encode_uri(name) for name in names]
