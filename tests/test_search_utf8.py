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


def test_read_whole_or_streamed_the_index_comes_out_the_same(tmp_path, monkeypatch):
    from garden.site.search import material

    index = {
        "config": {"separator": "[\\s\\u200b\\-]+", "lang": ["en"]},
        "docs": [
            {"location": "a/", "title": "反向链接 \U0001f331", "text": 'q "quoted" \\u4e2d \\\\ tab\t\u2028 \x01', "boost": 1.5},
            {"location": "b/#x", "title": "Plain", "text": "café 中文", "tags": ["标签", "t"]},
        ],
    }
    escaped = json.dumps(index, separators=(",", ":"), default=str).encode()
    results = []
    for whole_bytes in (1 << 30, 0):  # read whole, then streamed
        monkeypatch.setattr(material, "_WHOLE_BYTES", whole_bytes)
        (tmp_path / "search").mkdir(exist_ok=True)
        (tmp_path / "search" / "search_index.json").write_bytes(escaped)
        material.compact_search_index(str(tmp_path))
        results.append((tmp_path / "search" / "search_index.json").read_bytes())
    assert results[0] == results[1]
    assert json.loads(results[0]) == index and "反向链接".encode() in results[0]
