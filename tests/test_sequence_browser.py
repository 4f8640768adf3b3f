"""Sequence maps in Chromium, with nothing but the site on the network: diagrams drawn
by Garden in the page, linked nodes that navigate, labels at body text size on desktop
and phone, zoom and full screen, the /sequence/ page and its list form, dark palette."""

from __future__ import annotations

import pytest

from .conftest import ARTIFACTS, REFERENCE_CARD, build_site, require_shared, serving, wait_for_diagrams
from .test_mermaid_parser import EDGES, LABELS, PROBLEMS

pytestmark = pytest.mark.browser

# The on-screen size of a node's label: its font size times the SVG's scale on screen.
LABEL_PX = """(text) => {
  const label = [...document.querySelectorAll('[data-garden-diagram] .nodeLabel')]
    .find((node) => node.textContent.trim().startsWith(text))
  const svg = label.closest('svg')
  return parseFloat(getComputedStyle(label).fontSize) * svg.getScreenCTM().a
}"""


def offline(page) -> None:
    """Anything not asked of the site itself fails, as with the network off."""
    page.route("**/*", lambda route: route.continue_() if "127.0.0.1" in route.request.url else route.abort())


@pytest.fixture(scope="module")
def reference_site(tmp_path_factory):
    require_shared(REFERENCE_CARD)
    root = tmp_path_factory.mktemp("reference")
    notes = {"index.md": "# Home\n\n[[Five AI value models]]\n", "cards/five.md": REFERENCE_CARD.read_text(encoding="utf-8")}
    site = build_site(root, notes, config={"theme": {"name": "material", "font": False, "palette": [
        {"scheme": "default", "toggle": {"icon": "material/brightness-7", "name": "Dark"}},
        {"scheme": "slate", "toggle": {"icon": "material/brightness-4", "name": "Light"}}]}})
    with serving(site.site) as url:
        yield url


@pytest.mark.parametrize("width", [1280, 390])
def test_the_reference_diagram_is_readable_and_its_nodes_navigate(reference_site, page, width):
    offline(page)
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(reference_site + "cards/five/")
    wait_for_diagrams(page)
    diagram = page.locator("[data-garden-diagram]").first
    diagram.scroll_into_view_if_needed()
    assert page.evaluate(LABEL_PX, "Dependency Management") >= 12
    assert page.evaluate(LABEL_PX, "AI Fluency") >= 12  # a concept, drawn alike
    diagram.screenshot(path=str(ARTIFACTS / f"sequence-reference-{width}.png"))
    link = diagram.locator("svg a", has_text="Dependency Management")
    assert link.count() == 1
    assert "Controlling changes" in link.locator("title").text_content()  # the term's definition
    assert diagram.locator("svg a", has_text="AI Fluency").count() == 0
    # A wide diagram scrolls rather than shrinks, and offers zoom and full screen.
    assert diagram.locator("[data-garden-diagram-action=full-screen]").is_visible()
    link.click()
    page.wait_for_url("**/glossary/#dependency-management")
    assert page.requested_hosts == {"127.0.0.1"} and page.failed == []


def test_zoom_and_full_screen(reference_site, page):
    offline(page)
    page.goto(reference_site + "cards/five/")
    wait_for_diagrams(page)
    diagram = page.locator("[data-garden-diagram]").first
    svg = diagram.locator(".garden-diagram__canvas svg")
    before = svg.bounding_box()["width"]
    diagram.locator("[data-garden-diagram-action=zoom-out]").click()
    assert svg.bounding_box()["width"] < before * 0.9
    diagram.locator("[data-garden-diagram-action=zoom-reset]").click()
    assert abs(svg.bounding_box()["width"] - before) < 1
    # Dragging the background pans; the page's own scroll stays where it was.
    canvas = diagram.locator(".garden-diagram__canvas")
    box = canvas.bounding_box()
    page.mouse.move(box["x"] + box["width"] - 20, box["y"] + 10)
    page.mouse.down()
    page.mouse.move(box["x"] + 40, box["y"] + 10, steps=5)
    page.mouse.up()
    assert canvas.evaluate("(element) => element.scrollLeft") > 100
    diagram.locator("[data-garden-diagram-action=full-screen]").click()
    box = diagram.bounding_box()
    assert box["width"] >= 1270 and box["height"] >= 890
    page.screenshot(path=str(ARTIFACTS / "sequence-full-screen.png"))
    page.keyboard.press("Escape")
    assert diagram.bounding_box()["height"] < 890


def test_the_diagram_follows_the_dark_palette(reference_site, page):
    offline(page)
    page.goto(reference_site + "cards/five/")
    wait_for_diagrams(page)
    light = page.evaluate("() => getComputedStyle(document.querySelector('[data-garden-diagram] .node rect')).fill")
    page.evaluate("() => document.body.setAttribute('data-md-color-scheme', 'slate')")
    page.wait_for_function(
        "(light) => { const r = document.querySelector('[data-garden-diagram] .node rect');"
        " return r && getComputedStyle(r).fill !== light }", arg=light, timeout=10000)
    page.locator("[data-garden-diagram]").first.screenshot(path=str(ARTIFACTS / "sequence-reference-dark.png"))


def test_text_in_a_diagram_stays_selectable(reference_site, page):
    page.goto(reference_site + "cards/five/")
    wait_for_diagrams(page)
    selectable = page.evaluate(
        "() => getComputedStyle(document.querySelector('[data-garden-diagram] .nodeLabel')).userSelect")
    assert selectable != "none"


# --- the demo garden ------------------------------------------------------------------


@pytest.mark.parametrize(("width", "scheme"), [(1280, "default"), (1280, "slate"), (390, "default")])
def test_the_sequence_page_renders_and_lists_every_stage(server, page, width, scheme):
    offline(page)
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(server + "sequence/")
    if scheme == "slate":
        page.evaluate("() => document.body.setAttribute('data-md-color-scheme', 'slate')")
    wait_for_diagrams(page)
    stages = page.locator("[data-garden-stage]")
    assert stages.count() >= 5
    for at in range(stages.count()):
        assert stages.nth(at).locator("a[href]").count() >= 1
    assert page.locator("[data-garden-diagram] svg a").count() >= 5
    page.wait_for_timeout(300)
    page.screenshot(path=str(ARTIFACTS / f"sequence-page-{width}-{scheme}.png"), full_page=True)
    assert page.requested_hosts == {"127.0.0.1"} and page.failed == []


def test_the_sequence_list_filters_and_its_links_navigate(server, page):
    page.goto(server + "sequence/")
    page.fill("[data-garden-sequence-filter]", "准备度")
    visible = page.locator("[data-garden-sequence-entry]:visible")
    assert visible.count() == 1 and "Readiness checklists" in visible.first.text_content()
    visible.first.locator("a").click()
    page.wait_for_url("**/guide/Readiness-checklists/")


@pytest.mark.parametrize("mode", ["EN", "中文", "EN+中文"])
def test_a_cards_panel_and_diagram_links_survive_every_reading_mode(server, page, mode):
    page.goto(server + "guide/Sequence-maps/")
    page.get_by_role("button", name=mode, exact=True).click()
    wait_for_diagrams(page, 2)
    panel = page.locator(".garden-sequence-panel")
    assert panel.locator("a", has_text="Drawing concept maps").first.is_visible()
    assert panel.locator("a", has_text="Readiness checklists").first.is_visible()
    node = page.locator(".md-content [data-garden-diagram] svg a", has_text="Writing a card").first
    assert node.is_visible()
    page.screenshot(path=str(ARTIFACTS / f"sequence-card-{mode.replace('+', '-')}.png"), full_page=True)
    node.click()
    page.wait_for_url("**/guide/Writing-a-card/")


def test_the_panel_shows_the_checklists_live_score(server, page):
    page.goto(server + "guide/Readiness-checklists/")
    score = page.locator(".garden-sequence-panel [data-garden-score-of]")
    page.wait_for_function("() => document.querySelector('[data-garden-score-of]')?.dataset.gardenScore")

    def total() -> tuple[int, int]:  # every checklist of the card, summed
        scores = [s.split("/") for s in page.locator("[data-garden-checklist] [data-garden-score]").evaluate_all(
            "(all) => all.map((node) => node.dataset.gardenScore)")]
        return sum(int(r) for r, _ in scores), sum(int(t) for _, t in scores)

    assert len(score.get_attribute("data-garden-score-of").split()) == page.locator("[data-garden-checklist]").count()
    assert score.get_attribute("data-garden-score") == "%d/%d" % total()
    page.locator("[data-garden-checklist] input[value=ready]").first.check()
    assert score.get_attribute("data-garden-score") == "%d/%d" % total()
    assert total()[0] >= 1
    panel = page.locator(".garden-sequence-panel")
    panel.scroll_into_view_if_needed()
    panel.screenshot(path=str(ARTIFACTS / "sequence-panel-readiness.png"))


def test_mermaids_own_parser_agrees_with_gardens(server, page):
    """Each case the Python reading of flowcharts accepts, Mermaid accepts; each it rejects, Mermaid rejects."""
    page.goto(server + "sequence/")
    page.wait_for_function("() => window.mermaid")
    accepted = [source for source, _ in EDGES] + [f"flowchart LR\n  {node} --> B" for node, _ in LABELS]
    rejected = [source for source, _ in PROBLEMS]
    verdicts = page.evaluate(
        """async (cases) => { const out = []
             for (const text of cases) out.push(await mermaid.parse(text).then(() => true, () => false))
             return out }""", accepted + rejected)
    disagree = [text for text, ok in zip(accepted + rejected, verdicts) if ok != (text in accepted)]
    assert disagree == []


def test_on_a_phone_a_cards_map_reads_down_the_page(server, page):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(server + "guide/Sequence-maps/")
    wait_for_diagrams(page, 2)
    panel = page.locator(".garden-sequence-panel [data-garden-diagram]")
    canvas = panel.locator(".garden-diagram__canvas")
    assert canvas.evaluate("(element) => element.scrollWidth <= element.clientWidth + 1")
    assert not panel.locator(".garden-diagram__toolbar").is_visible()  # nothing to pan
    assert page.evaluate(LABEL_PX.replace("[data-garden-diagram] .nodeLabel", ".garden-sequence-panel .nodeLabel"),
                         "Sequence maps") >= 12


def test_a_diagram_mermaid_rejects_shows_its_source_and_why_never_an_error_picture(tmp_path, page):
    broken = "# Broken\n\n```mermaid\nsequenceDiagram\n  Alice->>: no one\n```\n\n```mermaid\nflowchart LR\n  A --> B\n```\n"
    site = build_site(tmp_path, {"index.md": "# Home\n", "Broken.md": broken})
    with serving(site.site) as url:
        offline(page)
        page.goto(url + "Broken/")
        page.wait_for_selector("[data-garden-drawn=error]", timeout=15000)
        wait_for_diagrams(page)
        broken_diagram = page.locator("[data-garden-drawn=error]")
        assert broken_diagram.locator(".garden-diagram__error").is_visible()
        assert "Alice->>: no one" in broken_diagram.locator(".garden-diagram__source").inner_text()
        assert "Syntax error" not in page.locator("body").inner_text()
        assert page.locator("[data-garden-drawn=true] svg").count() >= 1  # the next one is drawn all the same
        broken_diagram.screenshot(path=str(ARTIFACTS / "sequence-diagram-error.png"))
