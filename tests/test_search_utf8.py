"""Material's search index comes out as UTF-8, written by Material and rewritten streaming."""

from __future__ import annotations

import json

from .conftest import build_site

NOTES = {"index.md": "# Home\n\nA backlink points back.\n\n反向链接指回来源笔记。\n"}


def test_a_built_index_holds_chinese_as_utf8(tmp_path):
    site = build_site(tmp_path, NOTES)
    data = (site.site / "search" / "search_index.json").read_bytes()
    assert "反向".encode() in data and b"\\u53cd" not in data
    index = json.loads(data)
    assert any("反向" in doc["text"] for doc in index["docs"])


def test_a_lone_surrogate_stays_escaped(tmp_path):
    site = build_site(tmp_path, {"index.md": "# Home\n\n反向 &#xD800; half\n"})
    data = (site.site / "search" / "search_index.json").read_bytes()
    data.decode("utf-8")  # the index is UTF-8 however odd the text
    assert "反向".encode() in data
