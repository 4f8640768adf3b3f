"""Garden's search in Chromium, as a reader uses it: the query set's quality bar, the named
cases (an alias, a ``title_zh``, a glossary term, a query split differently from the text),
what a result shows, the keyboard, the site's language, a sub-path, nothing from elsewhere."""

from __future__ import annotations

import contextlib
import shutil
from urllib.parse import urlsplit

import pytest

from garden.render.search_tokens import name_key, query_groups
from garden.render.search_index import fnv1a
from garden.site.project import default_config

from .conftest import ARTIFACTS, QUARTZ_DOCS, build_config, build_site, require_shared, serving
from .search_harness import queries, score, search

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def quartz_server(tmp_path_factory):
    require_shared(QUARTZ_DOCS)
    root = tmp_path_factory.mktemp("quartz-search")
    config = root / "mkdocs.yml"
    config.write_text(default_config(QUARTZ_DOCS, root / "site"), encoding="utf-8")
    build_config(config, root / "site")
    with serving(root / "site") as url:
        yield url


def _answers(page, url, site):
    page.goto(url)
    return [(query, search(page, query.q)) for query in queries(site)]


def test_the_query_set_finds_the_expected_page_first_or_in_the_top_three(server, quartz_server, page):
    answers = _answers(page, server, "demo") + _answers(page, quartz_server, "quartz")
    result = score(answers)
    assert result.total >= 60
    assert result.top3_share >= 0.95, result.misses
    assert result.first_share >= 0.85, result.misses
    assert page.requested_hosts <= {"127.0.0.1"} and not page.failed


def test_an_alias_finds_its_note_first(server, page):
    page.goto(server)
    assert search(page, "卡片格式")[0] == "guide/Writing-a-card/"
    assert search(page, "Card format")[0] == "guide/Writing-a-card/"


def test_a_title_zh_finds_its_note_first(server, page):
    page.goto(server)
    assert search(page, "写出经得起时间的笔记")[0] == "practice/Writing-notes-that-last/"


def test_a_glossary_term_finds_its_entry_and_the_cards_defining_it(server, page):
    page.goto(server)
    for query in ("复盘节奏", "Review cadence"):
        found = search(page, query)
        assert found[0] == "glossary/Review-cadence/", found
        assert "practice/Review-rituals/" in found[:3], found
    found = search(page, "站点引擎")  # defined on a card only: its entry on the glossary page
    assert found[0] == "glossary/#site-engine" and "guide/Architecture/" in found[:3], found


def test_a_query_split_differently_from_the_text_still_matches(server, page):
    # The title is 启动团队知识花园; the reader leaves out 启动 and the words no longer line up.
    page.goto(server)
    assert search(page, "团队知识花园")[0] == "practice/Starting-a-team-garden/"
    assert search(page, "经得起时间")[0] == "practice/Writing-notes-that-last/"


def test_a_one_letter_typo_still_finds_the_note(server, page):
    page.goto(server)
    assert search(page, "bakclink")[0] == "glossary/Backlink/"


def test_a_title_is_found_while_its_last_word_is_typed(server, page):
    page.goto(server)
    assert search(page, "transclu")[0] == "glossary/Transclusion/"
    assert "guide/Readiness-checklists/" in search(page, "readiness check")[:3]


def test_a_result_shows_both_titles_the_heading_a_marked_snippet_and_tags(server, page):
    page.goto(server)
    search(page, "反向链接")
    first = page.locator(".md-search-result__item").first
    assert first.locator("h1 [lang=en]").inner_text() == "Backlink"
    assert first.locator("h1 [lang=zh-Hans]").inner_text() == "反向链接"
    marks = page.locator(".garden-search-result__snippet mark").all_inner_texts()
    assert "反向链接" in marks, marks
    search(page, "link forms")
    linking = page.locator(".md-search-result__item", has=page.locator("[data-garden-search-result='guide/Linking-notes/']"))
    assert linking.locator(".garden-search-result__heading").inner_text() == "Link forms"
    assert linking.locator("a").get_attribute("href").endswith("guide/Linking-notes/#link-forms")
    assert linking.locator(".md-tag").count() >= 1
    page.screenshot(path=str(ARTIFACTS / "search-desktop.png"))


def test_the_keyboard_opens_moves_through_and_follows_results(server, page):
    page.goto(server)
    page.keyboard.press("/")
    assert page.evaluate("() => document.activeElement.matches('.md-search__input')")
    page.keyboard.type("维基链接")
    page.wait_for_selector("[data-garden-search-done='维基链接']", state="attached")
    page.keyboard.press("ArrowDown")
    assert page.evaluate("() => document.activeElement.dataset.gardenSearchResult") == "glossary/Wikilink/"
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowUp")
    assert page.evaluate("() => document.activeElement.dataset.gardenSearchResult") == "glossary/Wikilink/"
    page.keyboard.press("Enter")
    page.wait_for_url("**/glossary/Wikilink/")
    page.keyboard.press("s")
    assert page.evaluate("() => document.getElementById('__search').checked")
    page.keyboard.press("Escape")
    assert not page.evaluate("() => document.getElementById('__search').checked")


def test_a_query_fetches_only_the_pieces_it_needs(server, page):
    page.goto(server)
    search(page, "反向链接")
    fetched = [urlsplit(url).path for url in page.requested if "/search/" in url]
    shards = [path for path in fetched if "/search/garden/t/" in path]
    assert any(path.endswith("/search/garden/manifest.json") for path in fetched)
    assert 0 < len(shards) <= 5, "the shards of the query's tokens, no more"
    assert not any(path.endswith("search_index.json") for path in fetched), "Material's whole index is never loaded"


def test_the_browser_cuts_a_query_as_the_index_was_cut(server, page):
    page.goto(server)
    page.wait_for_function("() => window.gardenSearch")
    for query in ("Backlinks linking 知识花园", "Café entries 图", "writing-a-card", "反向链接 status", "writing a ca", "backl "):
        groups = page.evaluate("q => window.gardenSearch.groups(q)", query)
        browser = [[g["whole"], *(g["pairs"] if g["chinese"] else [*g["typos"], *filter(None, [g["prefix"]])])] for g in groups]
        assert browser == query_groups(query), query
        assert page.evaluate("q => window.gardenSearch.nameKey(q)", query) == name_key(query)
        for token in ("garden", "反向", "~bcklink", "=garden的架构"):
            assert page.evaluate("t => window.gardenSearch.fnv1a(t)", token) == fnv1a(token)


NOTES = {
    "index.md": "---\ntitle: Home\ntitle_zh: 首页\n---\n\n# Home\n\nWelcome.\n\n欢迎。\n",
    "Soil.md": "---\ntitle: Soil and water\ntitle_zh: 土壤与水\naliases: [Dirt]\ntags: [farming]\n---\n\n"
    "## Water\n\nKeep the soil moist.\n\n保持土壤湿润。\n",
}


def test_a_chinese_garden_gets_chinese_labels(tmp_path, page):
    site = build_site(tmp_path, NOTES, config={"theme": {"name": "material", "font": False, "language": "zh"}})
    with serving(site.site) as url:
        page.goto(url)
        box = page.locator(".md-search__input")
        assert box.get_attribute("placeholder") == "搜索"
        assert search(page, "土壤")[0] == "Soil/"
        assert "符合条件" in page.locator("[data-garden-search-meta]").inner_text()
        page.wait_for_timeout(400)  # the box fades in
        page.screenshot(path=str(ARTIFACTS / "search-chinese-garden.png"))
        search(page, "没有这样的词")
        assert "没有" in page.locator("[data-garden-search-meta]").inner_text()


@contextlib.contextmanager
def _under_sub_path(site, sub):
    """The site served at ``/<sub>/`` of a host, as static hosting under a path does."""
    host = site.parent / "host"
    shutil.copytree(site, host / sub)
    with serving(host) as url:
        yield url + sub + "/"


def test_search_works_under_a_sub_path(tmp_path, page):
    site = build_site(tmp_path, NOTES, config={"site_url": "https://example.org/gardens/soil/"})
    with _under_sub_path(site.site, "gardens/soil") as url:
        page.goto(url)
        assert search(page, "Dirt") == ["Soil/"]
        page.locator(".md-search-result__link").first.click()
        page.wait_for_url(lambda at: urlsplit(at).path == "/gardens/soil/Soil/")
    assert page.requested_hosts <= {"127.0.0.1"}
    assert all(urlsplit(url).path.startswith("/gardens/soil/") for url in page.requested), page.requested
    assert not page.failed


@pytest.mark.parametrize(("width", "reading"), [(1280, "both"), (390, "zh"), (390, "en")])
def test_screenshots_of_a_chinese_query(server, page, width, reading):
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(server)
    page.evaluate("r => { localStorage.setItem('garden.reading', r); document.documentElement.dataset.gardenReading = r }", reading)
    if width < 600:
        page.click(".md-header__button[for='__search']")
    found = search(page, "知识花园")
    assert found[0] == "glossary/Knowledge-garden/"
    titles = page.locator(".md-search-result__item").first.locator("h1 > span").all_inner_texts()
    assert titles[0] == ("知识花园" if reading == "zh" else "Knowledge garden")
    page.wait_for_timeout(400)  # Material's box fades in on a phone
    page.screenshot(path=str(ARTIFACTS / f"search-{width}-{reading}.png"))


def test_a_hostile_title_shows_as_text_in_results(tmp_path, page):
    notes = {
        "index.md": "# Home\n\nHello.\n",
        "Odd.md": '---\ntitle: "<img src=x onerror=window.pwned=1> Odd"\ntags: ["<b>bold</b>"]\n---\n\n# Odd\n\n<b>x</b> text.\n',
    }
    site = build_site(tmp_path, notes)
    with serving(site.site) as url:
        page.goto(url)
        assert search(page, "Odd")[0] == "Odd/"
        first = page.locator(".md-search-result__item").first
        assert "<img src=x" in first.locator("h1").inner_text()
        assert first.locator("img, b").count() == 0
        assert first.locator(".md-tag").inner_text() == "<b>bold</b>"
        assert not page.evaluate("() => window.pwned")
