"""The mermaid2 plugin (the ``mermaid2`` extra) in a garden: its diagrams are drawn by
the site's own Mermaid, loaded once, never by mermaid2's CDN default."""

from __future__ import annotations

import pytest
from mkdocs.config import load_config
from mkdocs.exceptions import PluginError

from garden.site import assets, mkdocs_setup

from .conftest import ARTIFACTS, OPEN_SHADOW_ROOTS, build_config, serving, wait_for_diagrams, write_tree

pytest.importorskip("mermaid2", reason="the mermaid2 extra: pip install -e '.[mermaid2]' (make install does)")

NOTES = {"index.md": "# Home\n\nSee [[Map]].\n", "Map.md": "# Map\n\n```mermaid\nflowchart LR\n  Seed --> Tree\n```\n"}
CONFIG = """site_name: Mermaid2 garden
theme: {{name: material}}
plugins:
{plugins}
"""
# mermaid2's fences, as its documentation configures them; without one, Garden's own.
FENCE = """markdown_extensions:
  - pymdownx.superfences:
      custom_fences:
        - name: mermaid
          class: mermaid
          format: !!python/name:mermaid2.{format}
"""
GARDEN_THEN_MERMAID2 = "  - search\n  - garden\n  - mermaid2\n"


def _write_garden(root, plugins: str = GARDEN_THEN_MERMAID2, fence: str | None = None):
    write_tree(root / "docs", NOTES)
    config = CONFIG.format(plugins=plugins) + (FENCE.format(format=fence) if fence else "")
    (root / "mkdocs.yml").write_text(config, encoding="utf-8")
    return root / "mkdocs.yml"


@pytest.mark.browser
@pytest.mark.parametrize("fence", [None, "fence_mermaid_custom", "fence_mermaid"])
def test_mermaid2_draws_with_the_sites_own_mermaid(tmp_path, page, fence):
    site = tmp_path / "site"
    assert build_config(_write_garden(tmp_path, fence=fence), site, strict=True) == ()
    for html in site.rglob("*.html"):
        text = html.read_text(encoding="utf-8")
        assert "unpkg.com" not in text and "jsdelivr" not in text, html
    assert site.joinpath("Map/index.html").read_text(encoding="utf-8").count("mermaid.min.js") == 1
    with serving(site) as url:
        page.add_init_script(OPEN_SHADOW_ROOTS)
        page.goto(url + "Map/")
        wait_for_diagrams(page)
        page.locator("[data-garden-diagram]").first.screenshot(path=str(ARTIFACTS / f"mermaid2-{fence or 'garden'}.png"))
    assert page.requested_hosts == {"127.0.0.1"}
    assert page.failed == []
    assert [u for u in page.requested if "mermaid" in u] == [url + assets.MERMAID], "loaded once, from the site"


def test_an_authors_mermaid2_library_is_kept(tmp_path):
    write_tree(tmp_path / "docs", {"js/mermaid.esm.min.mjs": "export default {}\n"})
    plugins = "  - garden\n  - mermaid2:\n      javascript: js/mermaid.esm.min.mjs\n"
    config = load_config(str(_write_garden(tmp_path, plugins)))
    mkdocs_setup.prepare(config)
    assert assets.MERMAID not in map(str, config.extra_javascript)


def test_garden_gives_mermaid2_the_library_once(tmp_path):
    config = load_config(str(_write_garden(tmp_path)))
    mkdocs_setup.prepare(config)
    mkdocs_setup.prepare(config)
    assert [str(s) for s in config.extra_javascript].count(assets.MERMAID) == 1


def test_mermaid2_before_garden_is_an_error_that_says_what_to_do(tmp_path):
    # Only Garden's setup runs: mermaid2's own on_config would ask its CDN already.
    config = load_config(str(_write_garden(tmp_path, "  - mermaid2\n  - garden\n")))
    with pytest.raises(PluginError, match="list `garden` before `mermaid2` under `plugins`"):
        mkdocs_setup.prepare(config)
