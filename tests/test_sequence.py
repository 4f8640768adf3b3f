"""Sequence maps at build time: unlock relations from front matter, diagrams and options,
node matching in both languages, stages, findings, linked diagrams, pages and JSON."""

from __future__ import annotations

import html
import json
import re

import pytest

from garden.cli.main import main
from garden.index.garden import GardenOptions, read_garden
from garden.index.graph import decode_graph

from .conftest import REFERENCE_CARD, build_site, require_shared, write_tree


def note(title: str, body: str = "", **front: str) -> str:
    lines = [f"title: {title}", *(f"{key}: {value}" for key, value in front.items())]
    return "---\n" + "\n".join(lines) + f"\n---\n\n# {title}\n\n{body}\n"


def titles(garden, keys) -> list[str]:
    return [garden.sequence.nodes[key].title for key in keys]


def stages(garden) -> list[list[str]]:
    return [titles(garden, stage) for stage in garden.sequence.stage_list()]


def codes(garden, code: str) -> list:
    return [f for f in garden.findings if f.code == code]


CHAIN = {
    "Seed.md": note("Seed", unlocks='"[[Sprout]]"'),
    "Sprout.md": note("Sprout", title_zh="幼苗", unlocks="[Sapling, Flower]"),
    "Sapling.md": note("Sapling", aliases="[Young tree]"),
    "Tree.md": note("Tree", requires="Young tree"),  # an alias
    "Flower.md": note("Flower", requires="[[Sprout]]"),  # unquoted: YAML's list in a list
    "Fruit.md": note("Fruit", requires='["[[Tree]]", "[[Flower]]"]'),
}


def test_front_matter_unlocks_and_requires_give_stages():
    garden = read_garden(CHAIN.items())
    assert stages(garden) == [["Seed"], ["Sprout"], ["Sapling", "Flower"], ["Tree"], ["Fruit"]]
    assert set(titles(garden, garden.sequence.needs["Fruit.md"])) == {"Tree", "Flower"}
    assert titles(garden, garden.sequence.unlocks["Sprout.md"]) == ["Sapling", "Flower"]
    places = garden.sequence.edges[("Sapling.md", "Tree.md")]
    assert [(p.path, p.line, p.origin) for p in places] == [("Tree.md", 3, "requires")]
    places = garden.sequence.edges[("Sprout.md", "Flower.md")]
    assert [(p.path, p.origin) for p in places] == [("Sprout.md", "unlocks"), ("Flower.md", "requires")]
    assert not codes(garden, "unlock-target") and not codes(garden, "unlock-cycle")


def test_more_keys_from_the_option():
    notes = {"A.md": note("A", next="B"), "B.md": note("B", after="C"), "C.md": note("C")}
    garden = read_garden(notes.items(), options=GardenOptions(sequence_keys={"next": "unlocks", "after": "requires"}))
    assert stages(garden) == [["A", "C"], ["B"]]
    assert garden.sequence.edges[("A.md", "B.md")][0].origin == "next"
    assert read_garden(notes.items()).sequence.nodes == {}


DIAGRAM = """```mermaid
flowchart LR
  subgraph Growing
    A["Seed"] -->|first| B(("幼苗"))
  end
  B -- then --> C[ＳＡＰＬＩＮＧ] & D{{"flower!"}}
  C --> X["A concept"] --> E["[[Tree]]"]
  D --> F[Pollination] --> G["水果"]
```"""


def test_diagram_edges_match_titles_terms_and_wikilinks_in_both_languages():
    notes = {**{k: note(v) for k, v in [("Seed.md", "Seed"), ("Sapling.md", "Sapling"), ("Tree.md", "Tree"),
                                           ("Flower.md", "Flower")]},
             "Sprout.md": note("Sprout", title_zh="幼苗"),
             "glossary/Fruit.md": "---\nterm: Fruit\nzh: 水果\n---\n\nWhat a flower becomes.\n\n花朵结成的东西。\n",
             "Map.md": note("Map", "Intro.\n\n" + DIAGRAM)}
    garden = read_garden(notes.items())
    assert stages(garden) == [["Seed"], ["Sprout"], ["Sapling", "Flower"], ["Tree", "Fruit"]]
    # Through concepts: "A concept" between Sapling and Tree, "Pollination" before the term.
    assert ("Sapling.md", "Tree.md") in garden.sequence.edges
    assert ("Flower.md", "glossary/Fruit.md") in garden.sequence.edges
    assert garden.sequence.nodes["glossary/Fruit.md"].kind == "term"
    place = garden.sequence.edges[("Seed.md", "Sprout.md")][0]
    assert (place.path, place.line, place.origin) == ("Map.md", 12, "mermaid")
    assert not [f for f in garden.findings if f.code.startswith(("unlock", "mermaid"))]


def test_card_terms_match_too_and_link_to_the_glossary_entry():
    card = note("Card", "## Key Terms\n\n- **Soil health / 土壤健康:** How alive the soil is.\n\n  土壤有多少生命。\n\n"
                + "```mermaid\nflowchart LR\n  A[Compost] --> B[土壤健康]\n```")
    garden = read_garden([("Card.md", card), ("Compost.md", note("Compost"))])
    assert list(garden.sequence.edges) == [("Compost.md", "glossary/index.md#soil-health")]


def test_a_cycle_is_reported_with_its_notes_in_order_and_shares_a_stage():
    notes = {"A.md": note("A", unlocks="B"), "B.md": note("B", unlocks="C"), "C.md": note("C", unlocks="A"),
             "Start.md": note("Start", unlocks="A"), "After.md": note("After", requires="C")}
    garden = read_garden(notes.items())
    (cycle,) = codes(garden, "unlock-cycle")
    assert cycle.severity == "warning" and cycle.line == 3
    names = re.search(r"unlock cycle: (.*) \(", cycle.message).group(1).split(" → ")
    assert len(names) == 4 and names[0] == names[-1] and set(names) == {"A", "B", "C"}
    assert stages(garden) == [["Start"], ["A", "B", "C"], ["After"]]


def test_an_unlock_naming_nothing_is_reported_where_it_was_written():
    garden = read_garden([("A.md", note("A", unlocks='["[[Nowhere]]", Nothing at all]'))])
    found = codes(garden, "unlock-target")
    assert [(f.path, f.line, f.target) for f in found] == [("A.md", 3, "[[Nowhere]]"), ("A.md", 3, "Nothing at all")]


def test_a_diagram_mermaid_would_reject_is_reported_with_its_line():
    garden = read_garden([("A.md", "# A\n\ntext\n\n```mermaid\nflowchart LR\n  A[Hello (world)] --> B\n```\n")])
    (found,) = codes(garden, "mermaid-syntax")
    assert (found.path, found.line) == ("A.md", 7)
    assert "quotes" in found.message


def test_stages_are_linear_on_a_long_chain():
    notes = [(f"n{i}.md", note(f"N{i}", unlocks=f"N{i + 1}")) for i in range(2000)] + [("n2000.md", note("N2000"))]
    garden = read_garden(notes)
    assert len(garden.sequence.stage_list()) == 2001


# --- the site ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    root = tmp_path_factory.mktemp("sequence")
    notes = {**CHAIN, "index.md": "# Home\n\nSee [[Seed]].\n",
             "Map.md": note("Map", "Intro.\n\n```mermaid\nflowchart LR\n  A[\"Seed\"] --> B[\"Not a note <b>\"]\n"
                                   "  B --> C[\"Sprout\"]\n```"),
             "Sprout.md": note("Sprout", "- [ ] Watered. 浇过水。", title_zh="幼苗", unlocks="[Sapling, Flower]",
                               takeaway='"Small \\"green\\" <things> grow"')}
    return build_site(root, notes, plugin_options={"sequence_depth": 2})


_DIAGRAM = re.compile(r'<div class="garden-diagram" data-garden-diagram([^>]*)><pre class="garden-diagram__source">'
                      r'<code>(.*?)</code></pre>', re.DOTALL)


def _diagram_sources(page_html: str) -> list[str]:
    """Each diagram's Mermaid text as diagrams.js hands it to Mermaid: the source, then the click lines."""
    found = []
    for attributes, source in _DIAGRAM.findall(page_html):
        clicks = re.search(r'data-garden-clicks="([^"]*)"', attributes)
        found.append(html.unescape(source).rstrip("\n") + "\n" + (html.unescape(clicks.group(1)) if clicks else ""))
    return found


def test_a_notes_diagram_is_garden_owned_and_linked(site):
    page = site.html("Map/")
    assert 'class="mermaid"' not in page and "data-garden-diagram" in page
    assert "click" not in page[page.index("<pre class=\"garden-diagram__source\">"):page.index("</pre>")]  # as written
    (source,) = _diagram_sources(page)
    assert 'click A "../Seed/"' in source and 'click C "../Sprout/"' in source
    assert "click B" not in source  # a concept stays a plain node
    assert 'Small ”green” <things> grow' in source  # quotes replaced; HTML-escaped in the page
    assert "&lt;things&gt;" in page and "<things>" not in page
    assert "assets/garden/vendor/mermaid.min.js" in page and "assets/garden/diagrams.js" in page


def test_the_sequence_page_lists_every_stage_with_links(site):
    page = site.html("sequence/")
    stages_html = re.findall(r'data-garden-stage="(\d+)"', page)
    assert stages_html == ["1", "2", "3", "4", "5"]
    for name in ("Seed", "Sprout", "Sapling", "Flower", "Tree", "Fruit"):
        assert f'href="../{name}/"' in page
    (source,) = _diagram_sources(page)
    assert source.startswith("flowchart TB\n") and 'click n0 "../Seed/"' in source  # five stages: down the page
    assert "mermaid.min.js" in page and "data-garden-sequence-filter" in page


def test_each_card_shows_what_it_needs_and_unlocks(site):
    page = site.html("Sprout/")
    panel = page[page.index('class="garden-sequence-panel"'):]
    needs = panel[panel.index("Needs first"):panel.index("Unlocks next")]
    unlocks = panel[panel.index("Unlocks next"):panel.index("data-garden-diagram")]
    assert 'href="../Seed/"' in needs and 'href="../Map/"' not in needs
    assert 'href="../Sapling/"' in unlocks and 'href="../Flower/"' in unlocks
    assert 'data-garden-score-of="Sprout/' in unlocks  # the checklist's live score goes here
    (source,) = _diagram_sources(panel)
    assert '"../Tree/"' in source  # depth 2 reaches Tree
    assert "class n1 current" in source and "click n1 " not in source  # the card itself is no link


def test_graph_json_and_sequence_json(site):
    nodes, edges = decode_graph(json.loads((site.site / "graph.json").read_text(encoding="utf-8")))
    unlocks = {(s, t) for s, t, kind in edges if kind == "unlock"}
    assert ("Seed", "Sprout") in unlocks and ("Tree", "Fruit") in unlocks
    data = json.loads((site.site / "sequence.json").read_text(encoding="utf-8"))
    assert data["stages"][0] == ["Seed.md"]
    edge = next(e for e in data["edges"] if (e["source"], e["target"]) == ("Seed.md", "Sprout.md"))
    assert edge["kind"] == "unlock"
    assert {(s["path"], s["origin"]) for s in edge["sources"]} == {("Seed.md", "unlocks"), ("Map.md", "mermaid")}
    assert next(n for n in data["nodes"] if n["id"] == "Fruit.md")["stage"] == 5


def test_a_garden_without_unlocks_has_no_sequence_page(tmp_path):
    site = build_site(tmp_path, {"index.md": "# Home\n", "A.md": "# A\n\n```mermaid\nflowchart LR\n  X --> Y\n```\n"})
    assert not (site.site / "sequence").exists() and not (site.site / "sequence.json").exists()
    assert "garden-sequence-panel" not in site.html("A/")


def test_the_reference_cards_diagram_links_its_terms(tmp_path):
    require_shared(REFERENCE_CARD)
    notes = {"index.md": "# Home\n", "cards/five.md": REFERENCE_CARD.read_text(encoding="utf-8")}
    site = build_site(tmp_path, notes)
    (source,) = _diagram_sources(site.html("cards/five/"))
    assert 'click E "../../glossary/#dependency-management"' in source
    assert 'click A "../../glossary/#workforce-empowerment"' in source
    assert 'click G "../../glossary/#process-re-engineering"' in source
    assert not [f for f in site.findings if f.code.startswith(("unlock", "mermaid"))]


# --- garden sequence ------------------------------------------------------------------


def test_garden_sequence_prints_text_mermaid_and_json(tmp_path, capsys):
    write_tree(tmp_path, CHAIN)
    assert main(["sequence", str(tmp_path)]) == 0
    text = capsys.readouterr().out
    assert text.startswith("Stage 1\n  Seed\nStage 2\n  Sprout / 幼苗  (needs: Seed)\n")
    assert main(["sequence", str(tmp_path), "--format", "mermaid"]) == 0
    assert capsys.readouterr().out.startswith('flowchart TB\n  n0["Seed"]\n')
    assert main(["sequence", str(tmp_path), "--format", "json", "--from", "Sapling"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert {node["id"] for node in data["nodes"]} == {"Seed.md", "Sprout.md", "Sapling.md", "Tree.md", "Fruit.md"}
    assert main(["sequence", str(tmp_path), "--from", "Nowhere"]) == 2


@pytest.mark.parametrize(
    "block",
    [
        '<pre class="mermaid"><code>flowchart LR\n  A[Seed] --&gt; B[Sprout]\n</code></pre>',  # Material's fence
        '<pre  class="mermaid"><code>flowchart LR\n  A[Seed] --> B[Sprout]\n\n</code></pre>',  # mermaid2's, for Material
        '<div  class="mermaid">flowchart LR\n  A[Seed] --> B[Sprout]\n\n</div>',  # mermaid2's own
    ],
)
def test_every_fence_becomes_a_garden_diagram(block):
    from garden.render.diagrams import own_diagrams

    garden = read_garden(CHAIN.items())
    page = own_diagrams(f"<p>Before</p>\n{block}\n<p>After</p>", "Fruit.md", garden)
    assert 'class="mermaid"' not in page and page.count("data-garden-diagram") == 1
    (source,) = _diagram_sources(page)
    assert source.startswith("flowchart LR\n  A[Seed] --> B[Sprout]\n")
    assert 'click A "../Seed/"' in source and 'click B "../Sprout/"' in source
    assert page.endswith("</div>\n<p>After</p>")


def test_a_group_past_the_size_limit_is_listed_not_drawn(tmp_path):
    notes = {**CHAIN, "index.md": "# Home\n", "Pair.md": note("Pair", unlocks="Other"), "Other.md": note("Other")}
    site = build_site(tmp_path, notes, plugin_options={"sequence_max_nodes": 3})
    page = site.html("sequence/")
    groups = page.split('data-garden-sequence-group')[1:]
    assert len(groups) == 2  # the larger first
    assert "garden-sequence__collapsed" in groups[0] and "data-garden-diagram" not in groups[0]
    assert 'href="../Fruit/"' in groups[0]
    assert "data-garden-diagram" in groups[1] and "garden-sequence__collapsed" not in groups[1]


def test_front_matter_may_name_a_term_in_chinese():
    card = note("Card", "## Key Terms\n\n- **Soil health / 土壤健康:** How alive the soil is.\n\n  土壤有多少生命。",
                unlocks="土壤健康")
    garden = read_garden([("Card.md", card)])
    assert list(garden.sequence.edges) == [("Card.md", "glossary/index.md#soil-health")]


def test_a_title_cannot_break_out_of_the_mermaid_text_garden_writes():
    from garden.notes.mermaid import parse_flowchart
    from garden.render.sequence_view import sequence_mermaid

    evil = 'Evil"] --> X; click A call alert(1) %%'
    garden = read_garden([("A.md", note("A", unlocks='"[[B]]"')), ("B.md", note(f"'{evil}'"))])
    text = sequence_mermaid(garden)
    chart = parse_flowchart(text)
    assert chart.problems == () and [n.id for n in chart.nodes] == ["n0", "n1"]
    assert [(e.source, e.target) for e in chart.edges] == [("n0", "n1")]
    assert "call" not in text.split("click", 1)[0] and "alert" in chart.nodes[1].label


def test_garden_check_reports_sequence_findings_with_file_and_line(tmp_path, capsys):
    write_tree(tmp_path, {"A.md": note("A", unlocks="B"), "B.md": note("B", unlocks="[A, Nowhere]")})
    assert main(["check", str(tmp_path), "--format", "json"]) == 0  # warnings, not errors
    found = {(f["code"], f["path"].rpartition("/")[2], f["line"]) for f in json.loads(capsys.readouterr().out)["findings"]}
    assert {("unlock-target", "B.md", 3)} <= found
    assert any(code == "unlock-cycle" and line == 3 for code, _, line in found)


def test_each_item_of_a_block_list_keeps_its_own_line():
    text = "---\ntitle: A\nunlocks:\n  - \"[[B]]\"\n  - Nowhere\nrequires:\n- B\n---\n\n# A\n"
    garden = read_garden([("A.md", text), ("B.md", note("B"))])
    assert [(f.line, f.target) for f in codes(garden, "unlock-target")] == [(5, "Nowhere")]
    assert [p.line for p in garden.sequence.edges[("A.md", "B.md")]] == [4]
    assert [p.line for p in garden.sequence.edges[("B.md", "A.md")]] == [7]
