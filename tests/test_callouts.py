"""Obsidian / Quartz callouts rendered as Material admonitions."""

import markdown
import pytest

EXTENSIONS = ["garden.render.render_callouts"]


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("> [!tip] Try this **now**\n> Body text.",
         '<div class="admonition tip"><p class="admonition-title">Try this <strong>now</strong></p><p>Body text.</p></div>'),
        ("> [!warning]- Folded\n> Hidden.", '<details class="warning"><summary>Folded</summary><p>Hidden.</p></details>'),
        ("> [!faq]+ Open\n> Shown.", '<details class="faq" open=""><summary>Open</summary><p>Shown.</p></details>'),
        ("> [!custom]\n> Text.", '<div class="admonition note"><p class="admonition-title">Custom</p><p>Text.</p></div>'),
        ("> [!NOTE] Only a title", '<div class="admonition note"><p class="admonition-title">Only a title</p></div>'),
        ("> plain quote", "<blockquote><p>plain quote</p></blockquote>"),
        ("> `[!note]` in code", "<blockquote><p><code>[!note]</code> in code</p></blockquote>"),
    ],
)
def test_callouts(source, expected):
    assert markdown.markdown(source, extensions=EXTENSIONS).replace("\n", "") == expected


def test_quartz_docs_callouts_page(tmp_path):
    from .conftest import QUARTZ_DOCS, build_config, require_shared

    require_shared(QUARTZ_DOCS)
    from garden.site.project import default_config

    config = tmp_path / "mkdocs.yml"
    config.write_text(default_config(QUARTZ_DOCS, tmp_path / "site"), encoding="utf-8")
    build_config(config, tmp_path / "site")
    html = (tmp_path / "site" / "features" / "callouts" / "index.html").read_text(encoding="utf-8")
    assert html.count('class="admonition') + html.count("<details") >= 10
    assert "[!warning]" not in html.replace("<code>[!warning]</code>", "")
