"""`garden serve` rebuilds what an edit makes stale, and only that."""

import os
import time

from mkdocs.commands.build import build
from mkdocs.config import load_config

from .conftest import serve_config, write_tree


def _build(config_file):
    config = load_config(str(config_file))
    build(config, dirty=True)


def test_an_edit_rebuilds_its_page_and_the_pages_that_show_it(tmp_path):
    write_tree(tmp_path / "docs", {
        "index.md": "# Home\n\n[[A]]\n",
        "A.md": "# A\n\nA links to [[B]].\n",
        "B.md": "# B\n\nJust B.\n",
        "C.md": "# C\n\nUnrelated, links to [[index]].\n",
    })
    config_file, config = serve_config(tmp_path)
    build(config, dirty=True)
    site = tmp_path / "site"
    before = {page: (site / page / "index.html").stat().st_mtime_ns for page in ("A", "B", "C")}
    time.sleep(0.05)
    (tmp_path / "docs" / "A.md").write_text("# A\n\nA now links to [[C]] instead.\n")
    os.utime(tmp_path / "docs" / "A.md")
    _build(config_file)
    after = {page: (site / page / "index.html").stat().st_mtime_ns for page in ("A", "B", "C")}
    assert after["A"] != before["A"]  # edited
    assert after["B"] != before["B"] and after["C"] != before["C"]  # lost and gained a backlink
    b_page = (site / "B" / "index.html").read_text(encoding="utf-8")
    c_page = (site / "C" / "index.html").read_text(encoding="utf-8")
    assert "garden-backlinks" not in b_page
    assert 'href="../A/"' in c_page[c_page.index("garden-backlinks") :]
    assert "A now links to" in (site / "A" / "index.html").read_text(encoding="utf-8")
    # The home page shows nothing of A's text or links: it was left alone.
    index_before = (site / "index.html").stat().st_mtime_ns
    time.sleep(0.05)
    (tmp_path / "docs" / "B.md").write_text("# B\n\nB, edited.\n")
    _build(config_file)
    assert (site / "index.html").stat().st_mtime_ns == index_before


def test_an_unlock_edit_rebuilds_the_panels_and_the_sequence_page(tmp_path):
    write_tree(tmp_path / "docs", {
        "index.md": "# Home\n",
        "A.md": "---\nunlocks: B\n---\n\n# A\n",
        "B.md": "---\nunlocks: C\n---\n\n# B\n",
        "C.md": "# C\n",
        "D.md": "# D\n\nNot in the sequence.\n",
    })
    config_file, config = serve_config(tmp_path)
    build(config, dirty=True)
    site = tmp_path / "site"
    pages = ("A", "B", "C", "D", "sequence")
    before = {page: (site / page / "index.html").stat().st_mtime_ns for page in pages}
    time.sleep(0.05)
    (tmp_path / "docs" / "B.md").write_text("---\nunlocks: C\ntakeaway: B's new summary\n---\n\n# B\n")
    _build(config_file)
    after = {page: (site / page / "index.html").stat().st_mtime_ns for page in pages}
    assert after["A"] != before["A"] and after["C"] != before["C"]  # their panels' maps show B's summary
    assert after["sequence"] != before["sequence"]
    assert after["D"] == before["D"]
    time.sleep(0.05)
    (tmp_path / "docs" / "C.md").write_text("---\nunlocks: A\n---\n\n# C\n")  # now a cycle: stages change
    _build(config_file)
    assert "stage 1" in (site / "B" / "index.html").read_text(encoding="utf-8")
