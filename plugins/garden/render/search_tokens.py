"""Search tokens: what a text is cut into for Garden's search index, and what a query is
cut into in the browser (``search.js`` does the same steps; a test holds them together).

- English: words of letters and digits, lowercased, accents dropped, lightly stemmed
  (``links``, ``linked``, ``linking`` are ``link``).
- Chinese: the segmenter's words (jieba, with the garden's own words taught to it) and
  every pair of neighbouring characters, so a query cut differently from the text still
  matches ("知识花园" is found where the text has "知识" and "花园" side by side).
- Names: ``=`` and a name's letters without spaces or punctuation ("=反向链接",
  "=writingacard"): a query that is a note's whole title, alias or term matches it first.
- Typos: ``~`` and a word with one letter deleted (and the word itself): two words one
  edit apart share such a key, so "bakclink" still finds "backlink".
- Prefixes: ``^`` and the first three or more letters of a word of a name, so a title is
  found while its last word is still being typed ("backl").

Pure: text in, strings out; the segmenter is passed in.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Callable, Iterable, Iterator

Segmenter = Callable[[str], Iterable[str]]

CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
CJK_RUN = re.compile(f"[{CJK}]+")
_WORD = re.compile(f"[a-z0-9]+|[{CJK}]+")
_LATIN = re.compile("[a-z0-9]+")
_NOT_NAME = re.compile(f"[^a-z0-9{CJK}]+")
_MARKS = re.compile("[\u0300-\u036f]")
TYPO_MIN = 4  # shorter words have too many neighbours one letter away
PREFIX_MIN = 3


def fold(text: str) -> str:
    """Lowercase, without accents: "Café" -> "cafe"."""
    return _MARKS.sub("", unicodedata.normalize("NFKD", text)).lower()


@lru_cache(maxsize=1 << 16)
def stem(word: str) -> str:
    """A light English stem, the same in ``search.js`` (each distinct word stemmed once)."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 5 and word.endswith("ing"):
        return word[:-3]
    if len(word) > 4 and word.endswith("ed") and not word.endswith("eed"):
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def words(text: str) -> Iterator[str]:
    """English words (folded) and Chinese runs, in order."""
    return iter(_WORD.findall(fold(text)))


def is_chinese(word: str) -> bool:
    return bool(CJK_RUN.fullmatch(word))


def bigrams(run: str) -> list[str]:
    return [run[i : i + 2] for i in range(len(run) - 1)]


def name_key(name: str) -> str:
    """``=`` and the name's letters: a whole-name match, whatever the spacing."""
    return "=" + _NOT_NAME.sub("", fold(name))


def typo_keys(word: str) -> list[str]:
    """The word and every one-letter deletion of it, each marked ``~``."""
    if len(word) < TYPO_MIN or is_chinese(word):
        return []
    return ["~" + word] + ["~" + word[:i] + word[i + 1 :] for i in range(len(word))]


def prefix_keys(word: str) -> list[str]:
    """``^`` and each beginning of the word, from three letters to all but its last."""
    if is_chinese(word):
        return []
    return ["^" + word[:end] for end in range(PREFIX_MIN, len(word))]


def text_tokens(text: str, segment: Segmenter, whole_runs: bool = False) -> list[str]:
    """Every token of ``text``: stems, Chinese words and bigrams (and, for names, each
    Chinese run whole and its single characters, so a one-character query finds a title).
    English first, then Chinese: a list, not a generator, as every page's text passes here."""
    folded = fold(text)
    tokens = list(map(stem, _LATIN.findall(folded)))
    for run in CJK_RUN.findall(folded):
        tokens.extend(bigrams(run))
        if len(run) > 2:  # a word of two characters is a bigram already: only longer ones are added
            tokens.extend(piece for piece in segment(run) if len(piece) > 2 and is_chinese(piece))
        if whole_runs:
            if len(run) > 2:
                tokens.append(run)
            tokens.extend(run)
    return tokens


def query_groups(query: str) -> list[list[str]]:
    """A query as the browser cuts it: per word, the tokens any of which may match it
    (the last English word, perhaps still being typed, also as a beginning)."""
    groups = []
    found = list(words(query))
    for number, word in enumerate(found):
        if is_chinese(word):
            groups.append([word] if len(word) == 1 else [word, *bigrams(word)])
        else:
            typing = number == len(found) - 1 and len(word) >= PREFIX_MIN and not query[-1:].isspace()
            groups.append([stem(word), *typo_keys(word), *(["^" + word] if typing else [])])
    return groups
