"""Garden's search index, pure: tokens, weights, sections read from HTML, shards."""

from __future__ import annotations

import json

import jieba
import pytest

from garden.render.search_index import SearchDoc, fnv1a, index_files, postings, record
from garden.render.search_text import Section, sections
from garden.render.search_tokens import name_key, query_groups, stem, text_tokens, typo_keys


def segment(text):
    return jieba.lcut(text, HMM=False)


@pytest.mark.parametrize(
    ("word", "stemmed"),
    [("links", "link"), ("linking", "link"), ("linked", "link"), ("entries", "entry"), ("class", "class"),
     ("status", "status"), ("need", "need"), ("sing", "sing"), ("analysis", "analysis")],
)
def test_a_light_stem(word, stemmed):
    assert stem(word) == stemmed


def test_chinese_is_indexed_as_words_and_neighbouring_pairs():
    jieba.add_word("反向链接")
    tokens = set(text_tokens("反向链接指回来源", segment))
    assert {"反向", "向链", "链接", "反向链接", "来源"} <= tokens
    assert "反" not in tokens, "single characters only for names"
    assert {"反", "向"} <= set(text_tokens("反向链接", segment, whole_runs=True))


def test_english_is_folded_and_stemmed():
    assert list(text_tokens("Café Backlinks", segment)) == ["cafe", "backlink"]


def test_a_whole_name_is_one_key_whatever_its_spacing():
    assert name_key("Dark mode") == name_key("darkmode") == "=darkmode"
    assert name_key("Garden 的架构") == "=garden的架构"


def test_typo_keys_meet_one_edit_away():
    for typo in ("bakclink", "backlnk", "backlinx", "backklink"):
        assert set(typo_keys("backlink")) & set(typo_keys(typo)), typo
    assert typo_keys("map") == [], "short words have too many neighbours"
    assert typo_keys("反向链接") == []


def test_query_groups_say_which_tokens_may_match_each_word():
    assert query_groups("Garden 知识花园") == [
        ["garden", *typo_keys("garden")], ["知识花园", "知识", "识花", "花园"]
    ]
    assert query_groups("图") == [["图"]]
    assert query_groups("backl")[0][-1] == "^backl", "the last word may still be being typed"
    assert query_groups("backl ")[0][-1] != "^backl"


def test_names_outweigh_terms_urls_tags_headings_and_body():
    doc = SearchDoc(
        url="guide/Writing-a-card/",
        title="Writing a card",
        title_zh="编写一张卡片",
        aliases=("Card format",),
        terms=("Front matter", "前置元数据"),
        path_words="guide Writing a card",
        tags=("guide",),
        sections=(Section("", "", "A card holds one idea. Front matter comes first."), Section("Layout", "layout", "x")),
    )
    scores = postings(doc, segment)
    assert scores["=writingacard"] > scores["=frontmatter"] > scores["front"] > scores["idea"]
    assert scores["=编写一张卡片"] == scores["=cardformat"] == scores["=writingacard"]
    assert scores["format"] > scores["guide"] > scores["layout"] > scores["idea"]
    assert "~cardformat" not in scores and "~formt" in scores
    assert {"^wri", "^writ", "^writin", "^form"} <= set(scores) and "^writing" not in scores


def test_sections_are_read_from_html_without_permalinks_scripts_or_diagram_sources():
    html = (
        '<p>Intro <a class="headerlink">¶</a> text.</p><h2 id="how">How <a class="headerlink" href="#how">¶</a></h2>'
        '<p>First</p><script>var x</script><div class="garden-diagram__source">flowchart</div><ul><li>one</li><li>two</li></ul>'
        '<h3 id="zh">小节</h3><p>中文<br>内容</p>'
    )
    assert sections(html) == [
        Section("", "", "Intro text."),
        Section("How", "how", "First one two"),
        Section("小节", "zh", "中文 内容"),
    ]


def test_sections_read_html_as_a_browser_would():
    html = (
        '<P>A &amp; B<!-- <h2 id="no">not a heading</h2> --></P>'
        '<script>if (a<b) document.write("<h2 id=x>not one</h2>")</SCRIPT>'
        "<H2 ID='q' class=\"x\">Q&#38;A<br/></H2><div/>"
        '<p title="a > b">kept</p><style>h2 { }</style><p>1 < 2 <3</p><svg><text>drawn</text></svg>'
    )
    assert sections(html) == [Section("", "", "A & B"), Section("Q&A", "q", "kept 1 < 2 <3")]


def test_a_record_keeps_what_a_result_shows_and_cuts_long_text():
    doc = SearchDoc(url="a/", title="A", sections=tuple(Section(f"H{n}", f"h{n}", "x" * 1000) for n in range(10)))
    shown = record(doc)
    assert shown["u"] == "a/" and "z" not in shown and "g" not in shown
    assert sum(len(section[2]) for section in shown["s"]) <= 2400


def test_index_files_shard_tokens_as_the_browser_finds_them():
    docs = [(record(SearchDoc(url=f"n{n}/", title=f"Note {n}")), {"note": 40, f"w{n}": 1}) for n in range(20)]
    files = index_files(docs)
    manifest = json.loads(files["manifest.json"])
    assert manifest["docs"] == 20 and manifest["chunk"] == 8
    shards = manifest["shards"]
    assert shards & (shards - 1) == 0
    row = json.loads(files[f"t/{fnv1a('note') & (shards - 1)}.json"])["note"]
    assert row[0] == 20 and row[1:3] == [0, 40]
    assert json.loads(files["d/2.json"])[0]["u"] == "n16/"


def test_fnv1a_is_the_32_bit_hash_of_the_utf8_bytes():
    assert fnv1a("") == 0x811C9DC5
    assert fnv1a("a") == 0xE40C292C
    assert fnv1a("反向") == fnv1a("反向") and fnv1a("反向") != fnv1a("向反")


def test_a_serve_rebuild_indexes_the_edited_note_and_keeps_the_others(tmp_path):
    import time

    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    from .conftest import serve_config, write_tree
    from .search_harness import records

    write_tree(tmp_path / "docs", {"index.md": "# Home\n\nHello.\n", "A.md": "# A\n\nApples.\n", "B.md": "# B\n\nBananas.\n"})
    config_file, config = serve_config(tmp_path)
    build(config, dirty=True)
    time.sleep(0.05)
    (tmp_path / "docs" / "A.md").write_text("# A\n\nAvocados.\n")
    (tmp_path / "docs" / "B.md").unlink()
    build(load_config(str(config_file)), dirty=True)
    texts = {record["u"]: " ".join(section[2] for section in record.get("s", [])) for record in records(tmp_path / "site")}
    assert "Avocados" in texts["A/"] and "Hello" in texts[""]
    assert "B/" not in texts, "a deleted note leaves the index"
