"""Nothing a note's author writes runs in a reader's browser: a hostile garden
(``hostile_garden.py``: script payloads in titles, aliases, tags, terms, links,
headings, checklists, unlocks, Mermaid, raw HTML and file names) builds, no page
carries a script, handler or script URL of its making, the payloads read as text,
and a browser visiting every page opens no dialog."""

from __future__ import annotations

import json
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import quote

import pytest

from garden.render.safe_html import safe_html, safe_url

from . import hostile_garden as hostile
from .conftest import ARTIFACTS, build_site, serving


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    return build_site(tmp_path_factory.mktemp("hostile"), hostile.NOTES, glossary=hostile.GLOSSARY)


def _pages(site: Path) -> list[Path]:
    return sorted(path for path in site.rglob("*.html") if "assets" not in path.relative_to(site).parts)


def _card(site: Path) -> str:
    """The URL of the card named ``<img src=x onerror=alert(1)>.md`` (its slug is the URLs' business)."""
    page = next(p for p in _pages(site) if "img-src" in p.parent.name and "tags" not in p.relative_to(site).parts)
    return page.parent.relative_to(site).as_posix() + "/"


# --- the HTML as a browser's parser reads it ----------------------------------------

_URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "data", "poster", "background", "srcset"}


class _Dangers(HTMLParser):
    """Every element, attribute and script a payload could have made live."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self.script_type: str | None = None

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            squeezed = "".join((value or "").split()).lower()
            if name.startswith("on") or name == "srcdoc":
                self.found.append(f"<{tag} {name}={value!r}>")
            elif name in _URL_ATTRIBUTES and squeezed.startswith(("javascript:", "vbscript:", "data:text")):
                self.found.append(f"<{tag} {name}={value!r}>")
            elif name == "content" and "javascript:" in squeezed:
                self.found.append(f"<{tag} {name}={value!r}>")
        if tag in ("object", "embed", "base", "applet"):
            self.found.append(f"<{tag}>")
        self.script_type = dict(attrs).get("type") or "" if tag == "script" else None

    def handle_data(self, data):
        if self.script_type is not None and "json" not in self.script_type and "alert(" in data:
            self.found.append(f"<script>{data[:60]}")


def _dangers(html: str) -> list[str]:
    parser = _Dangers()
    parser.feed(html)
    return parser.found


def test_the_hostile_garden_builds_and_reports_with_its_file_names(hostile_site):
    pages = _pages(hostile_site.site)
    assert len(pages) >= 15
    assert "onerror" in _card(hostile_site.site)  # its file name, in its URL
    codes = {finding.code for finding in hostile_site.findings}
    assert {"broken-link", "unlock-target"} <= codes
    assert any(hostile.NAME_IMG in finding.path for finding in hostile_site.findings)


def test_no_page_carries_a_script_a_handler_or_a_script_url(hostile_site):
    found = {}
    for path in _pages(hostile_site.site):
        dangers = _dangers(path.read_text(encoding="utf-8"))
        if dangers:
            found[str(path.relative_to(hostile_site.site))] = dangers
    assert found == {}


def test_render_workers_clean_and_escape_as_one_process_does(hostile_site, tmp_path, monkeypatch):
    from garden.site import render_pool

    monkeypatch.setattr(render_pool, "worker_count", lambda notes: 2)  # every note rendered in a worker
    parallel = build_site(tmp_path, hostile.NOTES, glossary=hostile.GLOSSARY)
    for path in _pages(hostile_site.site):
        relative = path.relative_to(hostile_site.site)
        assert (parallel.site / relative).read_bytes() == path.read_bytes(), f"{relative} differs"


def test_the_payloads_read_as_text(hostile_site):
    card = hostile_site.html(_card(hostile_site.site))
    assert "&lt;img src=x onerror=alert(1)&gt;" in card  # the title, as text
    assert "&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;" in card  # the takeaway
    assert "{{ 7*7 }} {% if true %}jinja{% endif %}" in card  # a tag: no template reads it
    headings = hostile_site.html("headings/")
    assert "<title>&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt; in a heading - " in headings
    # A folder's name in the navigation, a term file's name as its page's title: text.
    assert 'Folder "&gt;&lt;svg onload=alert(1)&gt;' in headings
    assert "<svg onload" not in headings


def test_the_data_files_keep_the_payloads_as_data(hostile_site):
    for name in ("graph.json", "terms.json", "readiness.json", "sequence.json", "explorer.json"):
        path = hostile_site.site / name
        if path.exists():
            json.loads(path.read_text(encoding="utf-8"))  # well formed, whatever the notes hold
    graph = (hostile_site.site / "graph.json").read_text(encoding="utf-8")
    assert hostile.IMG in json.dumps(json.loads(graph), ensure_ascii=False)


def test_raw_html_is_cleaned_unless_the_garden_trusts_it(tmp_path):
    note = '# Raw\n\n<span onclick="alert(1)" class="x">span</span> [go](javascript:alert(1))\n\n<script>alert(1)</script>\n'
    cleaned = build_site(tmp_path / "cleaned", {"index.md": note}).html("")
    assert '<span class="x">span</span>' in cleaned and "<script>alert(1)" not in cleaned
    assert "javascript:" not in cleaned and ">go</a>" in cleaned
    trusted = build_site(tmp_path / "trusted", {"index.md": note}, plugin_options={"trusted_html": True}).html("")
    assert '<span onclick="alert(1)" class="x">span</span>' in trusted and "<script>alert(1)</script>" in trusted


# --- the cleaner, case by case -------------------------------------------------------

@pytest.mark.parametrize(("written", "published"), [
    ('<img src=x onerror=alert(1)>', '<img src="x">'),
    ('<img/src="x"/onerror=alert(1)>', '<img src="x">'),
    ("<script>alert(1)</script>after", "after"),
    ("<SCRIPT>alert(1)</SCRIPT>", ""),
    ("<style>p { color: red }</style>", ""),
    ('<a href="javascript:alert(1)">x</a>', "<a>x</a>"),
    ('<a href="  JaVa&#x09;Script:alert(1)">x</a>', "<a>x</a>"),
    ('<a href="https://example.org/?a=1&amp;b=2" title="t">x</a>', '<a href="https://example.org/?a=1&amp;b=2" title="t">x</a>'),
    ('<iframe srcdoc="<script>alert(1)</script>" src="https://example.org"></iframe>',
     '<iframe src="https://example.org"></iframe>'),
    ('<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>',
     '<p title="&lt;/noscript&gt;&lt;img src=x onerror=alert(1)&gt;">'),
    ("<!--><img src=x onerror=alert(1)>-->", ""),
    ('<svg><a xlink:href="javascript:alert(1)"><text>t</text></a></svg>', "<svg><a><text>t</text></a></svg>"),
    ('<svg><set attributeName="href" to="javascript:alert(1)"/></svg>', '<svg><set attributename="href"/></svg>'),
    ('<img src="data:image/png;base64,AAAA">', '<img src="data:image/png;base64,AAAA">'),
    ('<a href="data:text/html,<script>alert(1)</script>">x</a>', "<a>x</a>"),
    ('<base href="https://evil.example/"><meta http-equiv="refresh" content="0">', ""),
    ('<div style="color: red" data-x="1">ok</div>', '<div style="color: red" data-x="1">ok</div>'),
    ("plain text &amp; <b>bold</b>", "plain text &amp; <b>bold</b>"),
    ("<span>", "<span>"),
])
def test_safe_html(written, published):
    assert safe_html(written) == published


@pytest.mark.parametrize(("url", "safe"), [
    ("https://example.org", True), ("../note/", True), ("#anchor", True), ("mailto:a@b.c", True),
    ("javascript:alert(1)", False), (" java\nscript:alert(1)", False), ("VBScript:x", False),
    ("data:text/html,x", False),
])
def test_safe_url(url, safe):
    assert safe_url(url) is safe


# --- in a browser ----------------------------------------------------------------------

def _visit(page, url: str) -> None:
    """``url``, loaded and its diagrams drawn (or failed)."""
    page.goto(url)
    page.wait_for_load_state("load")
    if page.locator("[data-garden-diagram]").count():
        page.wait_for_function(
            "[...document.querySelectorAll('[data-garden-diagram]')].every(d => d.dataset.gardenDrawn)", timeout=15000)


@pytest.mark.browser
def test_no_page_of_the_hostile_garden_opens_a_dialog(hostile_site, browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(f"{page.url}: {dialog.message}"), dialog.dismiss()))
    site = hostile_site.site
    with serving(site) as server:
        for path in _pages(site):
            relative = path.relative_to(site).as_posix()
            url = server + quote(relative)
            _visit(page, url)
            for number in range(page.locator(".garden-diagram__canvas .node").count()):
                if page.url != url:  # the last node was a link to another page
                    _visit(page, url)
                page.locator(".garden-diagram__canvas .node").nth(number).click(force=True)
                page.wait_for_timeout(50)
            if page.url != url:
                _visit(page, url)
            for element in page.locator(".md-content a, .md-content span, .md-content div").all()[:80]:
                if element.is_visible():  # handlers that wait for a pointer: onmouseover, onpointerenter
                    element.hover(force=True, timeout=2000, no_wait_after=True)
            page.wait_for_timeout(100)
        card = server + quote(_card(site))
        page.goto(card)
        page.wait_for_function("document.querySelectorAll('[data-garden-drawn=true]').length >= 2", timeout=15000)
        heading = page.locator(".md-content h1").first.inner_text()
        assert hostile.IMG in page.locator(".md-content").inner_text() or hostile.IMG in heading
        page.screenshot(path=str(ARTIFACTS / "hostile-card.png"), full_page=False)
        page.goto(server + quote("glossary/"))
        assert hostile.NAME_IMG + " term" in page.locator(".md-content").inner_text()
        page.goto(server + "graph/")
        page.wait_for_timeout(1500)
        page.mouse.move(640, 450)
        page.wait_for_timeout(300)
        page.goto(server)
        page.click(".md-search__input")  # Material's search shows titles and text of pages
        page.fill(".md-search__input", "alert")
        page.keyboard.press("End")
        page.keyboard.type(" ")  # Material searches on key events
        page.wait_for_selector(".md-search-result__item", timeout=10000)
        assert "alert(1)" in page.locator(".md-search-result").inner_text()
        page.wait_for_timeout(300)
        page.screenshot(path=str(ARTIFACTS / "hostile-search.png"), full_page=False)
    context.close()
    assert dialogs == []


@pytest.mark.browser
def test_the_explorer_of_a_hostile_garden_lists_names_as_text(tmp_path, browser):
    """The compact navigation's explorer writes every title from explorer.json."""
    built = build_site(tmp_path, hostile.NOTES, glossary=hostile.GLOSSARY, plugin_options={"navigation": "compact"})
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    with serving(built.site) as server:
        for path in ("", _card(built.site), "sequence/", "readiness/", "glossary/"):
            page.goto(server + quote(path))
            page.wait_for_selector(".garden-explorer__link", state="attached", timeout=10000)
            for details in page.locator(".garden-explorer details").all():
                details.evaluate("element => { element.open = true }")
            page.wait_for_timeout(200)
        explorer = page.locator(".garden-explorer").first.inner_text()
    context.close()
    assert hostile.IMG in explorer and hostile.NAME_SVG in explorer
    assert dialogs == []
