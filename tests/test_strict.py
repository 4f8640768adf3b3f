"""``--strict``: a garden with many kinds of warning fails, and the build lists every one
of them first (it never stops at the first), in ``garden build`` as in ``mkdocs build``."""

from __future__ import annotations

import os
import re

import pytest
from mkdocs.exceptions import Abort

from tests.conftest import build_site
from tests.test_cli import garden

# One note per kind of warning, each at a known line.
NOTES = {
    "index.md": "# Home\n\n[[Good]]\n",
    "Good.md": "# Good\n\n## Heading\n\nText.\n",
    "broken.md": "# Broken\n\nSee [[Nowhere]].\n",
    "heading.md": "# Heading\n\n[[Good#No such heading]]\n",
    "yaml.md": "---\ntitle: [unclosed\n---\n\nBody.\n",
    "cycle.md": "# Cycle\n\n![[cycle]]\n",
    "chart.md": "# Chart\n\n```mermaid\nflowchart LR\n  A[unclosed --> B\n```\n",
    "mdlink.md": "# Markdown link\n\n[gone](gone.md)\n",
}
EXPECTED = [  # (the garden's warnings, as an author reads them)
    "broken.md:3:5: unresolved wikilink [[Nowhere]]",
    "heading.md:3:1: no heading 'No such heading' in Good.md for [[Good#No such heading]]",
    "yaml.md:2: front matter is not valid YAML",
    "cycle.md:3:1: embed cycle: cycle.md → cycle.md (shown as a link)",
    "chart.md:5: Mermaid would reject this diagram",
    "mdlink.md:3:8: unresolved link […](gone.md)",
    "menu.md:1: not UTF-8: read as Windows-1252 (Latin-1); save it as UTF-8",
    "picture.md:1: a binary file, not a Markdown note: not published",
    "outside:1: symlink points outside the garden",
]


def write_garden(folder, outside):
    folder.mkdir(parents=True)
    for name, text in NOTES.items():
        (folder / name).write_text(text, encoding="utf-8")
    (folder / "menu.md").write_bytes("# Café\n\nCrème.\n".encode("cp1252"))
    (folder / "picture.md").write_bytes(b"GIF89a\0\0\0")
    outside.mkdir()
    (outside / "private.md").write_text("# Private\n", encoding="utf-8")
    os.symlink(outside, folder / "outside")


def test_garden_build_strict_lists_every_warning_then_fails(tmp_path):
    write_garden(tmp_path / "vault", tmp_path / "elsewhere")
    result = garden("build", "vault", "-o", "out", "--strict", cwd=tmp_path)
    assert result.returncode == 1
    warnings = [line for line in result.stderr.splitlines() if line.startswith("WARNING")]
    for expected in EXPECTED:
        assert any(f"vault/{expected}" in line for line in warnings), expected
    # MkDocs' own link check speaks too, and counts.
    assert any("Doc file 'mdlink.md' contains a link 'gone.md', but the target is not found" in line for line in warnings)
    count = int(re.search(r"Aborted with (\d+) warnings in strict mode", result.stderr).group(1))
    assert count == len(warnings) >= len(EXPECTED) + 1


def test_without_strict_the_same_garden_builds(tmp_path):
    write_garden(tmp_path / "vault", tmp_path / "elsewhere")
    result = garden("build", "vault", "-o", "out", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "out" / "menu" / "index.html").is_file()
    assert not (tmp_path / "out" / "picture").exists() and not (tmp_path / "out" / "outside").exists()


def test_mkdocs_build_strict_lists_every_warning_then_fails(tmp_path, caplog):
    write_garden(tmp_path / "docs", tmp_path / "elsewhere")
    with pytest.raises(Abort, match=r"Aborted with \d+ warnings in strict mode"):
        build_site(tmp_path, {}, strict=True)
    for expected in EXPECTED:
        assert expected in caplog.text, expected
