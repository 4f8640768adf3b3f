"""Material's search index comes out as UTF-8, and Material is left as it was."""

from __future__ import annotations

import json

from material.plugins.search import plugin as material_search

from garden.site.search.search_utf8 import Utf8SearchIndex

from .conftest import build_site

NOTES = {"index.md": "# Home\n\nA backlink points back.\n\n反向链接指回来源笔记。\n"}


def test_a_built_index_holds_chinese_as_utf8(tmp_path):
    site = build_site(tmp_path, NOTES)
    data = (site.site / "search" / "search_index.json").read_bytes()
    assert "反向".encode() in data and b"\\u53cd" not in data
    index = json.loads(data)
    assert any("反向" in doc["text"] for doc in index["docs"])
    assert material_search.json is json, "Material's search writes with the json module again"


def _index(text: str) -> material_search.SearchIndex:
    index = material_search.SearchIndex(lang=["en"], separator=r"[\s\-]+", pipeline=[], fields={})
    index.entries.append({"location": "", "title": "Home", "text": text})
    return index


def test_the_same_index_as_materials_only_shorter():
    escaped = _index("反向链接 \u2028 \"quoted\" \\ tab\t").generate_search_index(None)
    index = _index("反向链接 \u2028 \"quoted\" \\ tab\t")
    utf8 = Utf8SearchIndex(index)
    data = index.generate_search_index(None)
    assert utf8.wrote_utf8 and len(data.encode()) < len(escaped.encode())
    assert json.loads(data) == json.loads(escaped)
    utf8.uninstall()
    assert "generate_search_index" not in vars(index)


def test_a_lone_surrogate_is_left_escaped_for_the_compaction():
    index = _index("broken \ud800 half")
    utf8 = Utf8SearchIndex(index)
    data = index.generate_search_index(None)
    data.encode("utf-8")  # Material writes it as UTF-8: it must encode
    assert not utf8.wrote_utf8 and "\\ud800" in data


def test_chinese_runs_split_once_give_the_same_index(tmp_path, monkeypatch):
    import jieba

    from garden.site.search import search_words

    notes = {
        **NOTES,
        **{f"Card {n}.md": f"# Card {n}\n\n## 关键术语\n\n反向链接指回来源笔记。第{n}张卡片。\n" for n in range(6)},
    }
    counts = []
    original = search_words.MemoCut.uninstall

    def counting(self):
        counts.append((self.split, self.remembered))
        original(self)

    monkeypatch.setattr(search_words.MemoCut, "uninstall", counting)
    remembered = build_site(tmp_path / "memo", notes)
    assert counts and counts[0][1] > 6, "repeated runs (the heading, the sentence) were split once"
    assert not isinstance(jieba.cut, search_words.MemoCut), "jieba is itself again after the build"
    monkeypatch.setattr(search_words.MemoCut, "install", lambda self: None)
    plain = build_site(tmp_path / "plain", notes)
    index = "search/search_index.json"
    assert (remembered.site / index).read_bytes() == (plain.site / index).read_bytes()
