"""Tell English from Chinese text, and split an "English then Chinese" line into its pair.

Cards put the Chinese translation right after the English: as the next paragraph,
or on the same bullet line. Both the card model (markdown-it tokens) and the page
renderer (Python-Markdown tree) call these functions on plain text, so the parser
and the pages always agree on what is English and what is Chinese.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

Lang = Literal["en", "zh", "mixed", "none"]

# Han ideographs: the basic block, extension A, compatibility ideographs and the
# supplementary planes (extensions B and later).
_HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
HAN_CHAR = re.compile(f"[{_HAN}]")
_CJK_PUNCTUATION = re.compile("[，。、：；！？“”‘’（）《》【】「」『』]")
_LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z0-9'’-]*")
# An English sentence ends here; a Chinese translation may start with a Latin word
# ("AI 战略……"), so the split may move back to such a boundary.
_SENTENCE_END = re.compile(r"[.!?:;)\]\"”]\s+")
_MAX_LATIN_WORDS_OPENING_ZH = 2
# Chinese prose names English terms one or two words at a time; four Latin words
# in a row mean English is still being written.
_ENGLISH_RUN = re.compile(r"[A-Za-z][\w'’-]*(?:[ ,]+[A-Za-z][\w'’-]*){3}")
# "Term / 术语" names a term in both languages; it is not a translation.
_NAME_PAIR_TAIL = re.compile(r"[/／(（]\s*(?:[A-Za-z][\w-]*\s*){0,2}$")


# "Term / 术语:" — the colon may sit inside the bold or right after it.
_TERM_NAMES = re.compile(r"^(?P<en>[^/／]+?)\s*[/／]\s*(?P<zh>[^/／]+?)\s*[:：]?$")


def term_names(bold_text: str) -> tuple[str, str] | None:
    """``"Dependency management / 依赖管理:"`` → ``("Dependency management", "依赖管理")``."""
    match = _TERM_NAMES.match(bold_text.strip())
    if not match or han_count(match["en"]) or not han_count(match["zh"]):
        return None
    return match["en"].strip(), match["zh"].strip()


@dataclass(frozen=True)
class BilingualSplit:
    """Where a mixed text turns from English to Chinese: ``text[:at]`` / ``text[at:]``."""

    at: int
    en: str
    zh: str


def han_count(text: str) -> int:
    return len(HAN_CHAR.findall(text))


def latin_word_count(text: str) -> int:
    return len(_LATIN_WORD.findall(text))


def classify(text: str) -> Lang:
    """``en``, ``zh``, ``mixed`` (English, then its Chinese translation) or ``none``."""
    if HAN_CHAR.search(text) is None:  # most text of a card, decided with one scan
        return "en" if _LATIN_WORD.search(text) else "none"
    han, latin = han_count(text), latin_word_count(text)
    if latin == 0:
        return "zh"
    if split_bilingual(text) is not None:
        return "mixed"
    return "zh" if _chinese_weight(text, han) >= latin else "en"


def _chinese_weight(text: str, han: int) -> float:
    """How much of the text is Chinese, in English-word units.

    A Chinese sentence names English terms (AI, SOP, Codex) and an English one may
    quote a Chinese term in brackets: about one and a half Han characters make a
    word, and full-width punctuation is a strong sign of Chinese prose.
    """
    return han / 1.5 + 2 * len(_CJK_PUNCTUATION.findall(text))


def is_mainly_chinese(text: str) -> bool:
    han = han_count(text)
    return han >= 2 and _chinese_weight(text, han) >= latin_word_count(text)


def translates(previous: Lang | None, previous_paired: bool, this: Lang) -> bool:
    """The pairing rule, for the card model and the page alike: a Chinese block right
    after an English one that has no translation yet is that English block's translation."""
    return this == "zh" and previous == "en" and not previous_paired


def split_bilingual(text: str) -> BilingualSplit | None:
    """Split "English sentence. 中文翻译。" into its two halves, or ``None``.

    The English half holds no Han character and at least two words; the Chinese
    half is mainly Chinese. A short Latin run just before the first Han character
    belongs to the Chinese half when an English sentence ended right before it.
    """
    first_han = HAN_CHAR.search(text)
    if first_han is None:
        return None
    if _NAME_PAIR_TAIL.search(text, 0, first_han.start()):
        return None
    at = _chinese_start(text, first_han.start())
    en, zh = text[:at].rstrip(), text[at:].strip()
    if latin_word_count(en) < 2 or not is_mainly_chinese(zh) or _ENGLISH_RUN.search(zh):
        return None
    return BilingualSplit(at=at, en=en, zh=zh)


def _chinese_start(text: str, first_han: int) -> int:
    head = text[:first_han]
    ends = list(_SENTENCE_END.finditer(head))
    if ends:
        opening = head[ends[-1].end():]
        words = opening.split()
        if words and len(words) <= _MAX_LATIN_WORDS_OPENING_ZH and all(
            _LATIN_WORD.fullmatch(word) for word in words
        ):
            return ends[-1].end()
    # Leave the whitespace before the Chinese with the English half.
    return first_han
