"""The browser libraries a garden serves itself: a build without one stops, naming it."""

from __future__ import annotations

import logging

import pytest
from mkdocs.exceptions import Abort, PluginError

from garden.site import assets

from .conftest import build_site, write_tree

CSS = "@font-face{src:url(fonts/KaTeX_Main-Regular.woff2) format('woff2'),url(fonts/KaTeX_Main-Regular.woff)}"
COMPLETE = {
    "mermaid.min.js": "",
    "force-graph.min.js": "",
    "katex/katex.min.js": "",
    "katex/katex.min.css": CSS,
    "katex/fonts/KaTeX_Main-Regular.woff2": "",
    "katex/fonts/KaTeX_Main-Regular.woff": "",
}


@pytest.mark.parametrize(
    ("left_out", "missing"),
    [
        ((), []),
        (("mermaid.min.js",), ["mermaid.min.js"]),
        (("force-graph.min.js", "katex/katex.min.js"), ["force-graph.min.js", "katex/katex.min.js"]),
        (("katex/fonts/KaTeX_Main-Regular.woff2",), ["katex/fonts/KaTeX_Main-Regular.woff2"]),
        (("katex/fonts/KaTeX_Main-Regular.woff2", "katex/fonts/KaTeX_Main-Regular.woff"), ["katex/fonts/"]),
        # Without the stylesheet nothing asks for a font: the stylesheet is what is missing.
        (tuple(COMPLETE), ["mermaid.min.js", "force-graph.min.js", "katex/katex.min.js", "katex/katex.min.css"]),
    ],
)
def test_missing_libraries_names_each_file_the_pages_need(tmp_path, left_out, missing):
    write_tree(tmp_path, {name: text for name, text in COMPLETE.items() if name not in left_out})
    assert assets.missing_libraries(tmp_path) == missing


def test_a_missing_library_raises_naming_it_and_how_to_get_it(tmp_path):
    write_tree(tmp_path, {name: text for name, text in COMPLETE.items() if not name.startswith("katex/")})
    with pytest.raises(PluginError) as raised:
        assets.require_libraries(tmp_path)
    message = str(raised.value)
    assert str(tmp_path) in message
    assert "katex/katex.min.js, katex/katex.min.css" in message
    assert "`make assets`" in message and "reinstall Garden" in message


def test_the_checkout_has_every_library():
    assert assets.missing_libraries() == [], "run `make assets`"


def test_a_build_without_mermaid_fails_instead_of_using_a_cdn(tmp_path, monkeypatch, caplog):
    vendor = tmp_path / "vendor"
    write_tree(vendor, {name: text for name, text in COMPLETE.items() if name != "mermaid.min.js"})
    monkeypatch.setattr(assets, "VENDOR", vendor)
    with caplog.at_level(logging.ERROR), pytest.raises(Abort):
        build_site(tmp_path, {"index.md": "# Home\n\n```mermaid\nflowchart LR\n  A --> B\n```\n"})
    assert f"browser libraries missing from {vendor}: mermaid.min.js." in caplog.text
    assert not (tmp_path / "site" / "index.html").exists()
