"""The bilingual term base: terms from files and cards, conflicts, translation checks,
terms linked in the text, the glossary page and the health page."""

import json
import re

import pytest

from garden.notes.cards import parse_card
from garden.index.graph import decode_graph
from garden.index.garden import read_garden
from garden.index.glossary import term_base
from garden.render.glossary_view import pinyin_key
from garden.index.terms import TermMatcher, translation_findings

from .conftest import build_site
from .search_harness import records

BACKLINK = "---\nterm: Backlink\nzh: 反向链接\naliases: [backlinks, 反链]\nrelated: [Wikilink]\n---\n\nA link back to the linking note.\n\n指回链接笔记的链接。\n"
WIKILINK = "---\nterm: Wikilink\nzh: 维基链接\n---\n\nA link in double brackets.\n\n写在双方括号中的链接。\n"


def garden_of(notes: dict[str, str]):
    return read_garden(list(notes.items()))


def test_reference_terms_land_in_the_term_base(reference_text):
    base = term_base({"ref.md": parse_card(reference_text, "ref.md")})
    assert len(base.terms) == 7
    management = base.lookup("依赖管理")
    assert management is base.lookup("dependency MANAGEMENT")
    assert (management.en, management.zh) == ("Dependency management", "依赖管理")
    assert management.definition_en.startswith("Controlling changes across connected artifacts")
    assert management.definition_zh.startswith("管理相互关联的产物")
    assert all(t.definition_en and t.definition_zh for t in base.terms)


def test_term_file_and_card_agree_or_conflict_with_both_places():
    card = "# Card\n\n## Key Terms\n\n- **Backlink / 反向链接:** A link back to the linking note.\n\n  指回链接笔记的链接。\n"
    other = "# Other\n\n- **Backlink / 回链:** Something else entirely, about gardens and weather.\n\n  完全不同的东西。\n"
    garden = garden_of({"glossary/Backlink.md": BACKLINK, "card.md": card, "other.md": other})
    term = garden.terms.lookup("Backlink")
    assert [p.path for p in term.defined_in] == ["glossary/Backlink.md", "card.md", "other.md"]
    conflicts = [f for f in garden.findings if f.code in ("term-conflict", "term-definition")]
    assert [(f.path, f.line, f.code, f.severity) for f in conflicts] == [
        ("other.md", 3, "term-conflict", "warning"),
        ("other.md", 3, "term-definition", "info"),
    ]
    assert "回链 here but 反向链接 at glossary/Backlink.md:2" in conflicts[0].message


@pytest.mark.parametrize(
    ("english", "chinese", "reported"),
    [
        ("A backlink points back.", "反向链接指回来。", False),
        ("A backlink points back.", "反链指回来。", False),  # a Chinese alias counts
        ("A backlink points back.", "一个 backlink 指回来。", False),  # kept in English on purpose
        ("A backlink points back.", "一个链接指回来。", True),
        ("Backlinks point back.", "链接指回来。", True),  # an English alias is found too
        ("The `backlink` field is code.", "这个字段是代码。", False),  # never inside code
        ("A backlinked note.", "一篇笔记。", False),  # whole words only
    ],
)
def test_translation_consistency(english, chinese, reported):
    garden = garden_of({"glossary/Backlink.md": BACKLINK, "card.md": f"{english}\n\n{chinese}\n"})
    found = [f for f in garden.findings if f.code == "term-translation"]
    assert bool(found) == reported
    if reported:
        assert found[0].path == "card.md" and found[0].line == 1
        assert re.fullmatch(r"'[Bb]acklinks?' translated without 反向链接", found[0].message)


def test_same_line_pairs_are_checked_too():
    card = parse_card("- Each backlink points home. 每个链接都指回去。\n", "card.md")
    matcher = TermMatcher(term_base({"glossary/Backlink.md": parse_card(BACKLINK, "glossary/Backlink.md")}))
    (finding,) = translation_findings("card.md", card, matcher)
    assert str(finding) == "card.md:1: 'backlink' translated without 反向链接"


def test_untranslated_is_info_and_only_in_bilingual_cards():
    garden = garden_of({
        "card.md": "---\ntitle_zh: 卡片\n---\n\nTranslated.\n\n已翻译。\n\nLeft in English.\n",
        "english.md": "# Plain\n\nAn English-only note.\n",
    })
    untranslated = [(f.path, f.line, f.severity) for f in garden.findings if f.code == "untranslated"]
    assert untranslated == [("card.md", 9, "info")]
    assert garden.coverage["card.md"].share == 0.5


def test_chinese_names_match_inside_chinese_text():
    matcher = TermMatcher(term_base({"glossary/Backlink.md": parse_card(BACKLINK, "glossary/Backlink.md")}))
    assert [m.text for m in matcher.find("每篇笔记都有反向链接和反链。")] == ["反向链接", "反链"]
    assert [m.text for m in matcher.find("Backlinks, backlink-ish, BACKLINK.")] == ["Backlinks", "BACKLINK"]


def test_pinyin_order():
    names = ["准备度", "标签", "别名", "常青笔记", "阿尔法"]
    assert sorted(names, key=pinyin_key) == ["阿尔法", "标签", "别名", "常青笔记", "准备度"]


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    card = (
        "---\ntitle: Card\ntitle_zh: 卡片\n---\n\n## First\n\n"
        "A backlink here and another backlink, a [[Wikilink]] link and `backlink` code.\n\n"
        "这里有反向链接，还有反向链接。\n\n"
        "## Second backlink heading\n\nOne more backlink.\n\n一个反向链接。\n\n"
        "```mermaid\nflowchart LR\n  backlink --> wikilink\n```\n"
    )
    return build_site(
        tmp_path_factory.mktemp("glossary"),
        {"index.md": "# Home\n\n[[Card]]\n", "Card.md": card},
        glossary={"Backlink.md": BACKLINK, "Wikilink.md": WIKILINK},
    )


def _term_links(html: str) -> list[str]:
    return re.findall(r'<a class="garden-term" href="[^"]*">([^<]*)</a>', html)


def test_first_mention_per_section_and_language_is_linked(site):
    html = site.html("Card/")
    assert _term_links(html) == ["backlink", "反向链接", "backlink", "反向链接"]
    assert 'href="../glossary/#backlink"' in html
    terms = json.loads((site.site / "terms.json").read_text(encoding="utf-8"))
    assert terms["backlink"] == {
        "en": "Backlink", "zh": "反向链接",
        "definition_en": "A link back to the linking note.", "definition_zh": "指回链接笔记的链接。",
    }
    heading = re.search(r"<h2[^>]*>Second backlink heading", html)
    assert heading, "headings are never linked"
    assert "<code>backlink</code>" in html
    assert 'flowchart LR\n  backlink --&gt; wikilink</code>' in html  # Mermaid untouched


@pytest.mark.parametrize(("mode", "count"), [("all", 6), ("off", 0)])
def test_autolink_modes(tmp_path, mode, count):
    notes = {"index.md": "# Home\n", "Card.md": "# Card\n\nbacklink backlink 反向链接 反链\n\n## Next\n\nbacklink backlink\n"}
    site = build_site(tmp_path, notes, glossary={"Backlink.md": BACKLINK}, plugin_options={"glossary_autolink": mode})
    assert len(_term_links(site.html("Card/"))) == count


def test_glossary_page_lists_every_term_with_both_indexes(site):
    html = site.html("glossary/")
    assert '<h2 id="backlink"><span lang="en">Backlink</span> <span lang="zh-Hans" class="garden-glossary-term__zh">反向链接</span></h2>' in html
    assert 'id="wikilink"' in html
    assert "backlinks, 反链" in html
    assert '<a href="#wikilink">Wikilink</a>' in html  # related
    used = html[html.index('id="backlink"') : html.index('id="wikilink"')]
    assert "Used in" in used and 'href="../Card/"' in used
    english_index = html[html.index('id="garden-index-en"') : html.index('id="garden-index-zh"')]
    assert english_index.index("Backlink") < english_index.index("Wikilink")
    chinese_index = html[html.index('id="garden-index-zh"') : html.index('id="backlink"')]
    assert chinese_index.index("反向链接") < chinese_index.index("维基链接")  # fan < wei


def test_search_finds_terms_in_both_languages(site):
    entry = next(doc for doc in records(site.site) if doc["u"] == "glossary/Backlink/")
    assert (entry["t"], entry["z"]) == ("Backlink", "反向链接")


def test_terms_are_graph_nodes_used_by_notes(site):
    nodes, edges = decode_graph(json.loads((site.site / "graph.json").read_text(encoding="utf-8")))
    kinds = {node["id"]: node["kind"] for node in nodes}
    assert kinds["glossary/Backlink"] == "term"
    assert ("Card", "glossary/Backlink", "term") in edges


def test_health_page_shows_coverage_broken_links_and_orphans(tmp_path):
    notes = {
        "index.md": "# Home\n\n[[Card]]\n",
        "Card.md": "---\ntitle_zh: 卡片\n---\n\nOne.\n\n一。\n\nTwo, untranslated.\n\nSee [[Nowhere]] next.\n",
        "Lonely.md": "# Lonely\n\nNobody links here.\n",
    }
    site = build_site(tmp_path, notes)
    html = site.html("health/")
    assert "33% (1/3)" in html
    assert "unresolved wikilink [[Nowhere]]" in html
    orphans = html[html.index('id="garden-health-orphans"') :]
    assert 'href="../Lonely/"' in orphans and 'href="../Card/"' not in orphans
    assert "data-garden-sortable" in html


def test_term_links_pass_mkdocs_anchor_validation(tmp_path):
    notes = {"index.md": "# Home\n\nA backlink here.\n"}
    site = build_site(
        tmp_path, notes, glossary={"Backlink.md": BACKLINK}, config={"validation": {"anchors": "warn"}}, strict=True
    )
    assert 'href="glossary/#backlink"' in site.html("")
