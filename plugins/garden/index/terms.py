"""Finding glossary terms in text, and what follows from it: which notes use which
terms, and which Chinese translations leave a term out.

English names match whole words, ignoring case; Chinese names match anywhere, since
Chinese has no spaces between words. At one place the longest name wins.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable, Mapping, NamedTuple

from garden.notes import lang
from garden.notes.cards import Card
from garden.index.findings import Finding
from garden.index.glossary import GlossaryTerm, TermBase


class Mention(NamedTuple):  # a tuple: pages make hundreds of thousands of them
    start: int
    end: int
    term: GlossaryTerm
    text: str  # as written


class TermMatcher:
    def __init__(self, base: TermBase) -> None:
        self._terms: dict[str, GlossaryTerm] = {}
        english: list[str] = []
        chinese: list[str] = []
        for term in base.terms:
            for name in term.english_names:
                self._terms.setdefault(name.casefold(), term)
                english.append(name)
            for name in term.chinese_names:
                self._terms.setdefault(name.casefold(), term)
                chinese.append(name)
        self._english = _alternation(english, r"(?<![\w-])(?:{})(?![\w-])", re.IGNORECASE)
        self._chinese = _alternation(chinese, "(?:{})", 0)

    def find(self, text: str) -> list[Mention]:
        """Every term mention, left to right, none overlapping another."""
        found = [
            Mention(match.start(), match.end(), self._terms[match.group().casefold()], match.group())
            for pattern in (self._english, self._chinese)
            if pattern is not None
            for match in pattern.finditer(text)
        ]
        found.sort(key=lambda mention: (mention.start, mention.start - mention.end))
        kept: list[Mention] = []
        for mention in found:
            if not kept or mention.start >= kept[-1].end:
                kept.append(mention)
        return kept


def _alternation(names: Iterable[str], template: str, flags: int) -> re.Pattern[str] | None:
    unique = {name.casefold() if flags & re.IGNORECASE else name for name in names if name.strip()}
    if not unique:
        return None
    return re.compile(template.format(trie_pattern(unique)), flags)


def trie_pattern(words: Iterable[str]) -> str:
    """One regular expression for many words, as a trie: shared prefixes are tried once.

    A plain ``a|b|c…`` makes the engine try every name at every character; hundreds of
    glossary names over every text of a garden would be quadratic-looking work.
    Longer words win because each branch is greedy and the end-of-word is optional last.
    """
    trie: dict = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _pattern(trie)


def _pattern(node: dict) -> str:
    ends = "" in node
    branches = [re.escape(char) + _pattern(child) for char, child in sorted(node.items()) if char]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if ends else body


@dataclass(frozen=True)
class TermScan:
    """What one card says about the glossary: the terms it uses and its mistranslations."""

    card: Card
    used: tuple[str, ...]  # English names, in order of first mention
    findings: tuple[Finding, ...]


def scan_card(path: str, card: Card, matcher: TermMatcher) -> TermScan:
    used: dict[str, None] = {}
    for segment in card.segments:
        for mention in matcher.find(segment.prose or segment.text):
            if mention.term.file != path:
                used[mention.term.en] = None
    return TermScan(card, tuple(used), tuple(translation_findings(path, card, matcher)))


def term_usage(scans: Mapping[str, TermScan]) -> dict[str, tuple[str, ...]]:
    """Term (English name) -> the notes whose text mentions it, in note order."""
    used: dict[str, dict[str, None]] = {}
    for path, scan in scans.items():
        for term in scan.used:
            used.setdefault(term, {})[path] = None
    return {term: tuple(paths) for term, paths in used.items()}


def translation_findings(path: str, card: Card, matcher: TermMatcher) -> list[Finding]:
    """A term in an English text whose Chinese translation names it in no way."""
    found: list[Finding] = []
    for pair in card.pairs:
        reported: set[str] = set()
        for mention in matcher.find(pair.en):
            term = mention.term
            if term.en in reported or pair.term == term.en or not term.chinese_names:
                continue
            # Keeping the English name in the Chinese text is a choice, not an omission.
            names = (*term.chinese_names, *term.english_names)
            if any(name.casefold() in pair.zh.casefold() for name in names):
                continue
            reported.add(term.en)
            found.append(
                Finding(
                    path, pair.line, 0, "warning", "term-translation",
                    f"'{mention.text}' translated without {term.zh or term.chinese_names[0]}", term.en,
                )
            )
    return found


def untranslated_findings(path: str, card: Card) -> list[Finding]:
    """English left without Chinese, in bilingual cards (an English-only note is not one)."""
    if not card.is_card:
        return []
    return [
        Finding(path, segment.line, 0, "info", "untranslated", f"untranslated: {_short(segment.text)}")
        for segment in card.untranslated
    ]


@dataclass(frozen=True)
class Coverage:
    english: int  # English paragraphs and list items
    translated: int  # of those, with a Chinese twin

    @property
    def share(self) -> float | None:
        return self.translated / self.english if self.english else None


def coverage(card: Card) -> Coverage:
    english = [s for s in card.segments if s.lang in ("en", "mixed") and s.kind != "table_cell"]
    return Coverage(len(english), sum(s.translated for s in english))


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def has_chinese(text: str) -> bool:
    return lang.han_count(text) > 0
