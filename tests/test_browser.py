"""What only a browser shows: the reading switch, its memory, Mermaid rendered offline.

Drives Debian's chromium through Playwright (no browser download). Screenshots go
to ``test-artifacts/`` for a person to look at.
"""

from __future__ import annotations

from urllib.parse import quote

import pytest

from .conftest import ARTIFACTS
from .search_harness import search

pytestmark = pytest.mark.browser


def _url(server: str, path: str) -> str:
    return server + quote(path)


def test_reading_switch_hides_english_and_is_remembered(server, page):
    ARTIFACTS.mkdir(exist_ok=True)
    page.goto(_url(server, "practice/Why-teams-keep-notes/"))
    paired_en = page.locator('.md-content [data-garden-pair][lang="en"]:not([data-garden-term])')
    term = page.locator(".md-content [data-garden-term]").first
    paired_zh = page.locator('.md-content [data-garden-pair][lang="zh-Hans"]')
    untranslated = page.locator('.md-content p[lang="en"]:not([data-garden-pair])').first
    assert paired_en.count() > 5 and paired_zh.count() > 5
    assert paired_en.first.is_visible() and paired_zh.first.is_visible()
    page.screenshot(path=str(ARTIFACTS / "reading-both.png"), full_page=True)

    page.get_by_role("button", name="中文", exact=True).click()
    assert page.get_attribute("html", "data-garden-reading") == "zh"
    assert all(not paired_en.nth(i).is_visible() for i in range(paired_en.count()))
    assert paired_zh.first.is_visible()
    assert untranslated.is_visible(), "English without a translation stays readable"
    # A key term keeps its bilingual name; only its English definition goes.
    assert term.locator("strong").is_visible()
    assert not term.locator(".garden-term-definition").is_visible()
    assert page.get_by_role("button", name="中文", exact=True).get_attribute("aria-pressed") == "true"
    page.screenshot(path=str(ARTIFACTS / "reading-zh.png"), full_page=True)

    page.goto(_url(server, "guide/Writing-a-card/"))
    assert page.get_attribute("html", "data-garden-reading") == "zh"
    assert not page.locator('.md-content [data-garden-pair][lang="en"]').first.is_visible()

    page.get_by_role("button", name="EN", exact=True).click()
    assert not page.locator('.md-content [data-garden-pair][lang="zh-Hans"]').first.is_visible()
    assert page.locator('.md-content [data-garden-pair][lang="en"]').first.is_visible()
    page.screenshot(path=str(ARTIFACTS / "reading-en.png"), full_page=True)
    assert page.requested_hosts <= {"127.0.0.1"}


def test_mermaid_renders_offline(server, page):
    page.goto(_url(server, "practice/Why-teams-keep-notes/"))
    diagram = page.locator("[data-garden-diagram]").first
    diagram.scroll_into_view_if_needed()
    # Garden draws the SVG into the page itself (diagrams.js), not a closed shadow root.
    page.wait_for_function(
        "() => document.querySelector('.garden-diagram__canvas svg')?.getBoundingClientRect().height > 40", timeout=15000
    )
    diagram.screenshot(path=str(ARTIFACTS / "mermaid.png"))
    assert page.requested_hosts <= {"127.0.0.1"}


def _search(page, query: str) -> list[str]:
    search(page, query)
    return page.locator(".md-search-result__item").all_inner_texts()


@pytest.mark.parametrize("query", ["backlink", "反向链接", "反链", "维基链接"])
def test_search_finds_glossary_terms_in_both_languages(server, page, query):
    page.goto(server)
    results = _search(page, query)
    assert results, f"nothing found for {query}"
    assert any(("Backlink" in r or "Wikilink" in r) for r in results[:3]), results[:3]


def test_term_definitions_show_on_keyboard_focus(server, page):
    page.goto(_url(server, "practice/Why-teams-keep-notes/"))
    term = page.locator("article a.garden-term").first
    term.focus()
    tip = page.locator("#garden-term-tip")
    tip.wait_for(state="visible")
    assert term.get_attribute("aria-describedby") == "garden-term-tip"
    assert tip.locator('p[lang="en"]').count() == 1 and tip.locator('p[lang="zh-Hans"]').count() == 1
    page.keyboard.press("Escape")
    assert not tip.is_visible()
    page.evaluate("() => document.documentElement.dataset.gardenReading = 'zh'")
    term.blur()
    term.focus()
    tip.wait_for(state="visible")
    assert tip.locator('p[lang="en"]').count() == 0 and tip.locator('p[lang="zh-Hans"]').count() == 1
    term.hover()
    page.screenshot(path=str(ARTIFACTS / "term-tooltip.png"))


def test_formulas_render_offline_in_katex_fonts(server, page):
    page.goto(server + "guide/Performance/")
    page.wait_for_selector(".katex", timeout=10000)
    assert page.locator(".katex").count() >= 5, "every $…$ and $$…$$ of the card is drawn"
    assert page.locator(".katex-display").count() == 1
    fonts = page.evaluate(
        """() => [...document.querySelectorAll('[lang="zh-Hans"] .katex .mord')].map(e => getComputedStyle(e).fontFamily)"""
    )
    assert fonts and all("KaTeX" in font for font in fonts), "Chinese text's font does not reach its formulas"
    page.locator(".katex-display").screenshot(path=str(ARTIFACTS / "math.png"))
    assert page.requested_hosts <= {"127.0.0.1"}
