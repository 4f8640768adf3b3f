"""The card model, on the reference card and on small cards of our own."""

import json
import subprocess
import sys

import pytest

from garden.notes.cards import parse_card
from garden.render.report import card_report

from .conftest import REFERENCE_CARD


@pytest.fixture
def reference(reference_text):
    return card_report(parse_card(reference_text, "five-ai-value-models.md"))


def test_reference_front_matter(reference):
    assert reference["title"] == "The five AI value models driving business reinvention"
    assert reference["title_zh"] == "驱动业务重塑的五类 AI 价值模型"
    assert reference["aliases"] == ["Five AI value models", "五类 AI 价值模型"]
    assert reference["tags"] == ["enterprise-ai", "manufacturing-ai", "ai-strategy"]
    assert reference["source"]["author"] == "OpenAI"
    assert reference["takeaway"].startswith("Enterprise AI value compounds")


def test_reference_top_level_sections(reference):
    top = [(s["number"], s["title"]) for s in reference["sections"] if s["level"] == 2]
    assert top == [
        (None, "Source Snapshot"),
        (None, "Garden Card"),
        ("1", "Executive Summary"),
        ("2", "Key Technical Terms"),
        ("3", "Core Notes"),
        ("4", "Concept Map"),
        ("5", "Adoption Readiness Signals"),
        ("6", "My Take"),
        (None, "References"),
    ]
    mechanism = next(s for s in reference["sections"] if s["title"] == "Mechanism")
    assert (mechanism["level"], mechanism["number"], mechanism["anchor"]) == (3, "3.2", "32-mechanism")


def test_reference_terms_have_both_names_and_definitions(reference):
    terms = reference["terms"]
    assert [(t["en"], t["zh"]) for t in terms] == [
        ("AI value model", "AI 价值模型"),
        ("Workforce empowerment", "员工赋能"),
        ("AI-native distribution", "AI 原生分发"),
        ("Expert capability", "专家能力增强"),
        ("Dependency management", "依赖管理"),
        ("Process re-engineering", "流程重构"),
        ("Compounding value", "复利式价值"),
    ]
    for term in terms:
        assert term["definition_en"] and "/" not in term["definition_en"][:5]
        assert term["definition_zh"] and term["definition_zh"][0] != " "
        assert term["line"] > 0
    assert terms[4]["definition_en"].startswith("Controlling changes across connected artifacts")
    assert terms[4]["definition_zh"].startswith("管理相互关联的产物")


def test_reference_tables_mermaid_links(reference):
    assert len(reference["tables"]) == 2
    assert reference["tables"][0]["header"][0] == "Value model"
    assert len(reference["tables"][0]["rows"]) == 5
    assert reference["tables"][1]["header"] == ["Readiness layer", "Production-ready signal", "Aspirational warning"]
    assert len(reference["mermaid"]) == 1
    assert reference["mermaid"][0]["source"].startswith("flowchart LR")
    links = reference["links"]
    assert len(links) == 8
    labelled = [link for link in links if link["label"]]
    assert labelled == [
        {
            "target": "Dependency management",
            "heading": None,
            "block": None,
            "label": "Systems and dependency management",
            "embed": False,
            "line": labelled[0]["line"],
            "col": 3,
        }
    ]
    assert all(link["line"] > 0 and link["col"] > 0 for link in links)


def test_reference_untranslated(reference, reference_text):
    lines = reference_text.splitlines()
    untranslated = {u["line"] for u in reference["untranslated"]}

    def line_after(heading):
        at = lines.index(heading) + 1
        while not lines[at].strip():
            at += 1
        return at + 1

    for heading in ("### Decision Signal", "### CTO Commitment Check", "### Buyer Boundary", "### Reuse Path"):
        assert line_after(heading) in untranslated, heading
    # Translated paragraphs and the bullets with Chinese on the same line are not.
    assert line_after("## Garden Card") not in untranslated
    assert reference["segments"]["mixed"] >= 15
    assert reference["checklists"][0]["kind"] == "readiness"


def test_cli_card_json(reference_text):
    result = subprocess.run(
        [sys.executable, "-m", "garden.cli", "card", str(REFERENCE_CARD), "--format", "json"],
        capture_output=True, text=True, check=True,
    )
    data = json.loads(result.stdout)
    for key in ("title", "title_zh", "aliases", "tags", "sections", "terms", "tables", "mermaid",
                "links", "segments", "untranslated", "checklists"):
        assert key in data
    assert len(data["terms"]) == 7 and len(data["links"]) == 8


def test_nothing_inside_code_is_read():
    card = parse_card(
        "# Code\n\n"
        "Inline `[[Not a link]]` and **`X / 术语:`** here.\n\n"
        "```markdown\n[[Fenced]]\n- **Term / 术语:** not a term\n```\n\n"
        "    [[Indented code]]\n\n"
        "Real [[Link]].\n"
    )
    assert [link.target for link in card.links] == ["Link"]
    assert card.terms == ()
    assert card.mermaid == ()


def test_chinese_headings_keep_their_text():
    card = parse_card("## 小节\n\n## 小节\n\n## 3.2 机制 Mechanism\n")
    assert [s.anchor for s in card.sections] == ["小节", "小节_1", "32-机制-mechanism"]


def test_pairing_and_untranslated():
    card = parse_card(
        "English one.\n\n中文一。\n\nEnglish two, alone.\n\n"
        "- Item in English. 条目的中文翻译。\n- English only item here.\n"
    )
    langs = [(s.kind, s.lang, s.translated) for s in card.segments]
    assert langs == [
        ("paragraph", "en", True),
        ("paragraph", "zh", True),
        ("paragraph", "en", False),
        ("list_item", "mixed", True),
        ("list_item", "en", False),
    ]
    assert [u.text for u in card.untranslated] == ["English two, alone.", "English only item here."]


def test_heading_between_breaks_a_pair():
    card = parse_card("English paragraph.\n\n## 标题\n\n中文段落。\n")
    assert [s.translated for s in card.segments] == [False, False]


def test_term_with_translation_on_the_same_line_and_fullwidth_colon():
    card = parse_card("- **Backlink / 反向链接：** A link back to the linking note. 指回链接笔记的链接。\n")
    (term,) = card.terms
    assert (term.en, term.zh) == ("Backlink", "反向链接")
    assert term.definition_en == "A link back to the linking note."
    assert term.definition_zh == "指回链接笔记的链接。"


def test_task_lists_are_checklists():
    card = parse_card("## Ready\n\n- [ ] Agree on one home 商定存放位置\n- [x] Name a gardener\n")
    (checklist,) = card.checklists
    assert checklist.kind == "tasks" and checklist.section == "Ready"
    assert [(i.text, i.checked, i.line) for i in checklist.items] == [
        ("Agree on one home 商定存放位置", False, 3),
        ("Name a gardener", True, 4),
    ]


@pytest.mark.parametrize(
    ("front_matter", "line", "fragment"),
    [
        ("title: [unclosed\n", 2, "not valid YAML"),
        ("- just\n- a list\n", 1, "not a mapping"),
        ("title: Ok\ntags: {a: 1}\n", 3, "'tags' should be a list of text"),
    ],
)
def test_bad_front_matter_is_a_problem_with_a_line(front_matter, line, fragment):
    card = parse_card(f"---\n{front_matter}---\n\nBody text stays.\n", "bad.md")
    (problem,) = card.problems
    assert problem.line == line and fragment in problem.message
    assert card.segments[0].text == "Body text stays."


def test_front_matter_keeps_unknown_keys_and_accepts_strings():
    card = parse_card("---\ntitle: T\ntags: a, b\naliases: One\ncssclasses: wide\ndate: 2024-05-01\n---\n")
    assert card.meta.tags == ("a", "b") and card.meta.aliases == ("One",)
    assert card.meta.extra == {"cssclasses": "wide"}
    assert card.meta.date == "2024-05-01"
    assert not card.is_card
