"""Build real gardens in tmp_path with MkDocs and read the HTML."""

import re

import pytest
from mkdocs.exceptions import Abort

from .conftest import build_site

CARD = """---
title: Reading <b>switch</b> & "modes"
title_zh: 阅读切换
aliases: [Switch]
tags: [guide, 阅读]
source:
  origin: Garden tests
  type: Fixture
  author: Test <author>
takeaway: Readers pick a language.
---

## Overview

An English paragraph for the switch.

阅读切换的中文段落。

An English paragraph with no translation.

- **Core idea:** Each segment knows its language. 核心观点：每个片段都知道自己的语言。

## 小节

- **Backlink / 反向链接:** A link that points back.

  指回来的链接。

See [[Plain note]], [[Plain note#Second part|the second part]], [[#小节]] and [[Nowhere]].
"""

PLAIN = """# Plain note

Just a note with no card structure.

## Second part

More text.
"""


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    root = tmp_path_factory.mktemp("garden")
    return build_site(
        root,
        {"index.md": "# Home\n\n[[Card]]\n", "Card.md": CARD, "Plain note.md": PLAIN},
        glossary={"Backlink.md": "---\nterm: Backlink\nzh: 反向链接\n---\n\nA link back.\n\n指回的链接。\n"},
    )


def test_segments_carry_their_language(site):
    html = site.html("Card/")
    assert '<p data-garden-pair="" lang="en">An English paragraph for the switch.</p>' in html
    assert '<p data-garden-pair="" lang="zh-Hans">阅读切换的中文段落。</p>' in html
    assert '<p lang="en">An English paragraph with no translation.</p>' in html
    assert re.search(r'<span data-garden-pair="" lang="en"><strong>Core idea:</strong> Each segment', html)
    assert '<span data-garden-pair="" lang="zh-Hans">核心观点：每个片段都知道自己的语言。</span>' in html
    # The Chinese definition is indented two spaces, CommonMark-style: it stays in its item.
    assert re.search(
        r'<li>\s*<p data-garden-pair="" data-garden-term="" lang="en"><strong>Backlink / 反向链接:</strong>'
        r'<span class="garden-term-definition" lang="en"> A link that points back.</span></p>'
        r'\s*<p data-garden-pair="" lang="zh-Hans">指回来的链接。</p>\s*</li>',
        html,
    )


def test_card_header_is_escaped_and_complete(site):
    html = site.html("Card/")
    header = html[html.index('<header class="garden-card-header">') : html.index("</header>", html.index("garden-card-header"))]
    assert "Reading &lt;b&gt;switch&lt;/b&gt; &amp; &#34;modes&#34;" in header
    assert 'lang="zh-Hans" data-garden-pair>阅读切换</p>' in header
    assert "Test &lt;author&gt;" in header and "Readers pick a language." in header
    assert "#阅读" in header
    assert 'data-garden-reading-choice="zh"' in header
    assert "<b>switch</b>" not in html
    assert "<title>Reading &lt;b&gt;switch&lt;/b&gt;" in html


def test_chinese_heading_anchor_is_kept(site):
    assert 'id="小节"' in site.html("Card/")


def test_wikilinks_become_links_and_broken_ones_are_marked(site):
    html = site.html("Card/")
    assert '<a href="../Plain-note/">Plain note</a>' in html
    assert '<a href="../Plain-note/#second-part">the second part</a>' in html
    assert '<a href="#小节">小节</a>' in html or '<a href="#%E5%B0%8F%E8%8A%82">' in html
    assert '<span class="broken" title="Unresolved link: Nowhere">Nowhere</span>' in html
    (warning,) = [w for w in site.garden_warnings if "Nowhere" in w]
    line = next(n for n, text in enumerate(CARD.splitlines(), 1) if "[[Nowhere]]" in text)
    col = CARD.splitlines()[line - 1].index("[[Nowhere]]") + 1
    assert warning == f"Card.md:{line}:{col}: unresolved wikilink [[Nowhere]]"
    # The log names the file as the author opens it, from where the build ran.
    assert any(w.endswith(f"docs/Card.md:{line}:{col}: unresolved wikilink [[Nowhere]]") for w in site.warnings)


def test_plain_note_is_an_ordinary_page(site):
    html = site.html("Plain-note/")
    assert "garden-card-header" not in html
    assert '<h1 id="plain-note"' in html


def test_glossary_folder_is_published(site):
    html = site.html("glossary/Backlink/")
    assert "指回的链接。" in html and 'lang="zh-Hans"' in html


def test_nothing_loads_from_another_host(site):
    for page in site.site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert not re.search(r"(src|href)=\"https?://(?!squidfunk|github\.com)", html), page


def test_mermaid_loads_from_the_site_only_where_a_diagram_is(tmp_path):
    site = build_site(
        tmp_path,
        {"index.md": "# Home\n", "Map.md": "# Map\n\n```mermaid\nflowchart LR\n  A --> B\n```\n"},
    )
    # Garden draws it (diagrams.js), not Material: its source waits in a Garden diagram.
    assert '<div class="garden-diagram" data-garden-diagram><pre class="garden-diagram__source"><code>flowchart LR\n  A --&gt; B</code></pre></div>' in site.html("Map/")
    assert "assets/garden/vendor/mermaid.min.js" in site.html("Map/")
    assert "mermaid.min.js" not in site.html("")
    assert (site.site / "assets/garden/vendor/mermaid.min.js").is_file()


def test_strict_build_fails_on_a_broken_link(tmp_path):
    with pytest.raises(Abort):
        build_site(tmp_path, {"index.md": "# Home\n\n[[Missing]]\n"}, strict=True)


def test_bad_front_matter_is_reported_and_the_note_still_builds(tmp_path):
    site = build_site(tmp_path, {"index.md": "# Home\n", "Bad.md": "---\ntitle: [oops\n---\n\nStill here.\n"})
    assert any(w.startswith("Bad.md:2:") for w in site.garden_warnings), site.findings
    assert "Still here." in site.html("Bad/")


def test_a_note_that_is_not_utf8_is_published_with_a_warning(tmp_path):
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "Latin.md").write_bytes("# Caf\xe9 notes\n\nCaf\xe9 au lait.\n".encode("latin-1"))
    site = build_site(tmp_path, {"index.md": "# Home\n\n[[Latin]]\n"})
    assert any(w.startswith("Latin.md:1: not UTF-8: read as Windows-1252") for w in site.garden_warnings), site.findings
    assert "Café au lait" in site.html("Latin/")  # read as what it is, not with bytes replaced


def test_formulas_are_left_to_katex_and_loaded_only_where_written(tmp_path):
    glossary = {"Backlink.md": "---\nterm: Backlink\nzh: 反向链接\n---\n\nA link seen from its target.\n\n从目标看到的链接。\n"}
    site = build_site(
        tmp_path,
        {
            "index.md": "# Home\n\nA Backlink count $b_{Backlink} = 2$ and\n\n$$\n\\sum_i x_i\n$$\n",
            "Plain.md": "# Plain\n\nNo formula, 100$ and 5$ only.\n",
        },
        glossary=glossary,
    )
    home = site.html("")
    inline = home[home.index('<span class="arithmatex">') :]
    assert inline.startswith('<span class="arithmatex">\\(b_{Backlink} = 2\\)</span>'), "no term link inside a formula"
    assert '<div class="arithmatex">\\[' in home
    assert "vendor/katex/katex.min.js" in home
    plain = site.html("Plain/")
    assert "katex" not in plain and "100$ and 5$" in plain


def test_optional_extensions_are_left_out_where_no_note_uses_them():
    from types import SimpleNamespace

    from garden.site.mkdocs_setup import drop_unused_extensions

    added = ("pymdownx.mark", "pymdownx.arithmatex")
    config = SimpleNamespace(markdown_extensions=["toc", "pymdownx.mark", "pymdownx.arithmatex"])
    drop_unused_extensions(config, added, ["# Plain\n\nNo formula, no highlight.\n"])
    assert config.markdown_extensions == ["toc"]

    config = SimpleNamespace(markdown_extensions=["toc", "pymdownx.mark", "pymdownx.arithmatex"])
    drop_unused_extensions(config, added, ["A ==highlight==.", "It costs $5, or \\(x\\)."])
    assert config.markdown_extensions == ["toc", "pymdownx.mark", "pymdownx.arithmatex"]

    config = SimpleNamespace(markdown_extensions=["toc", "pymdownx.mark", "pymdownx.arithmatex"])
    drop_unused_extensions(config, ("pymdownx.mark",), ["Nothing here."])  # the author's own arithmatex stays
    assert config.markdown_extensions == ["toc", "pymdownx.arithmatex"]
