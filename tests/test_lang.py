"""Telling English from Chinese, and splitting an "English then Chinese" line."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from garden.notes.lang import classify, split_bilingual, term_names


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Build AI in a sequence.", "en"),
        ("OpenAI 的核心观点是，最成功的组织不会只是运行最多 AI 试点的组织。", "zh"),
        ("文章把 Codex 式编程智能体视为依赖管理的当前示例", "zh"),
        ("它把 SOP、CAPA、MES 和 ERP 连接起来", "zh"),
        ("Dependency management (依赖管理) controls change.", "en"),
        ("Which model first? 核心问题：企业应该先建设哪一种？", "mixed"),
        ("use cases. AI 业务重塑应该按价值模型组合管理。", "mixed"),
        ("AI value model / AI 价值模型: A repeatable way.", "en"),
        ("1234 — 56", "none"),
        ("", "none"),
    ],
)
def test_classify(text, expected):
    assert classify(text) == expected


@pytest.mark.parametrize(
    ("text", "en", "zh"),
    [
        ("Which model first? 核心问题：先建设哪一种？", "Which model first?", "核心问题：先建设哪一种？"),
        # A Chinese sentence may open with a Latin word: it stays with the Chinese half.
        ("Manage it as a portfolio. AI 业务重塑应该按组合管理。", "Manage it as a portfolio.", "AI 业务重塑应该按组合管理。"),
        ("Links: Alpha note, Beta note 最适合连接的内容：甲、乙。", "Links: Alpha note, Beta note", "最适合连接的内容：甲、乙。"),
    ],
)
def test_split_bilingual(text, en, zh):
    split = split_bilingual(text)
    assert split is not None
    assert (split.en, split.zh) == (en, zh)


@pytest.mark.parametrize(
    "text",
    [
        "Only English here.",
        "只有中文。",
        "AI value model / AI 价值模型: A repeatable way AI creates value.",
        "Use 依赖管理 when you mean dependency management in Chinese notes.",
    ],
)
def test_no_split(text):
    assert split_bilingual(text) is None


@pytest.mark.parametrize(
    ("bold", "names"),
    [
        ("Dependency management / 依赖管理:", ("Dependency management", "依赖管理")),
        ("AI value model / AI 价值模型：", ("AI value model", "AI 价值模型")),
        ("Author / org:", None),
        ("依赖 / 管理:", None),
    ],
)
def test_term_names(bold, names):
    assert term_names(bold) == names


_english = st.lists(st.sampled_from(["garden", "notes", "link", "term", "card", "reader"]), min_size=3, max_size=12)
_chinese = st.lists(st.sampled_from(["花园", "笔记", "链接", "术语", "卡片", "读者"]), min_size=2, max_size=12)


@given(_english, _chinese)
def test_any_english_sentence_then_chinese_sentence_splits_at_the_seam(words, chinese):
    english = " ".join(words).capitalize() + "."
    text = f"{english} {''.join(chinese)}。"
    split = split_bilingual(text)
    assert split is not None
    assert split.en == english
    assert split.zh == "".join(chinese) + "。"


@given(st.text(max_size=200))
def test_classify_takes_any_text(text):
    assert classify(text) in ("en", "zh", "mixed", "none")
