"""One bilingual term base: the term files in ``glossary/`` and the key terms cards define.

A term file is canonical (``term``, ``zh``, ``aliases``, ``related`` and the English then
Chinese definition); a card's ``**Term / 术语:**`` item adds where the term is defined.
The same term with another Chinese name is a conflict, reported at both places.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Mapping

from garden.notes import lang
from garden.notes.cards import Card
from garden.notes.slugs import heading_anchor, unique_anchor

GLOSSARY_FOLDER = "glossary"
GLOSSARY_PAGE = f"{GLOSSARY_FOLDER}/index.md"
# Two definitions agree when most words of the shorter one stand, in order, in the other
# (a card often gives the first sentence of the glossary's definition).
_AGREEING_DEFINITIONS = 0.6


@dataclass(frozen=True)
class Place:
    path: str
    line: int


@dataclass(frozen=True)
class GlossaryTerm:
    en: str
    zh: str | None
    definition_en: str | None
    definition_zh: str | None
    aliases: tuple[str, ...]  # in either language
    related: tuple[str, ...]
    anchor: str  # its entry on the glossary page
    defined_in: tuple[Place, ...]  # the term file first, then cards
    file: str | None = None  # the term file, if there is one

    @property
    def english_names(self) -> tuple[str, ...]:
        return tuple(n for n in (self.en, *self.aliases) if not lang.han_count(n))

    @property
    def chinese_names(self) -> tuple[str, ...]:
        return tuple(n for n in (self.zh, *self.aliases) if n and lang.han_count(n))


@dataclass(frozen=True)
class Conflict:
    term: str
    code: str  # "term-conflict" (Chinese names) | "term-definition" (definitions)
    first: Place
    second: Place
    first_value: str
    second_value: str


@dataclass(frozen=True)
class TermBase:
    terms: tuple[GlossaryTerm, ...] = ()
    conflicts: tuple[Conflict, ...] = ()
    _by_name: dict[str, GlossaryTerm] = field(default_factory=dict, repr=False)

    def lookup(self, name: str) -> GlossaryTerm | None:
        return self._by_name.get(_key(name))


def _key(name: str) -> str:
    return unicodedata.normalize("NFC", name).strip().casefold()


def term_base(cards: Mapping[str, Card]) -> TermBase:
    drafts: dict[str, dict] = {}
    conflicts: list[Conflict] = []
    for path, card in cards.items():
        if path.startswith(f"{GLOSSARY_FOLDER}/") and _text(card.meta.extra.get("term")):
            _add_file(drafts, path, card)
    for path, card in cards.items():
        for term in card.terms:
            conflicts += _add_card_term(drafts, Place(path, term.line), term)
    anchors: set[str] = set()
    terms = tuple(
        GlossaryTerm(
            en=d["en"], zh=d["zh"], definition_en=d["definition_en"], definition_zh=d["definition_zh"],
            aliases=tuple(dict.fromkeys(d["aliases"])), related=tuple(d["related"]),
            anchor=unique_anchor(heading_anchor(d["en"]), anchors),
            defined_in=tuple(d["places"]), file=d.get("file"),
        )
        for d in sorted(drafts.values(), key=lambda d: d["en"].casefold())
    )
    by_name: dict[str, GlossaryTerm] = {}
    for term in terms:
        for name in (term.en, term.zh, *term.aliases):
            if name:
                by_name.setdefault(_key(name), term)
    return TermBase(terms=terms, conflicts=tuple(conflicts), _by_name=by_name)


def _add_file(drafts: dict[str, dict], path: str, card: Card) -> None:
    en = _text(card.meta.extra.get("term")) or card.title
    english = next((s for s in card.segments if s.lang == "en" and s.kind == "paragraph"), None)
    chinese = next((s for s in card.segments if s.lang == "zh" and s.kind == "paragraph"), None)
    related = card.meta.extra.get("related") or []
    drafts[_key(en)] = {
        "en": en,
        "zh": _text(card.meta.extra.get("zh")),
        "definition_en": english.text if english else None,
        "definition_zh": chinese.text if chinese else None,
        "aliases": list(card.meta.aliases),
        "related": [str(r) for r in related] if isinstance(related, list) else [str(related)],
        "places": [Place(path, card.meta.lines.get("term", 1))],
        "file": path,
    }


def _add_card_term(drafts: dict[str, dict], place: Place, term) -> list[Conflict]:
    existing = drafts.get(_key(term.en))
    if existing is None:
        drafts[_key(term.en)] = {
            "en": term.en, "zh": term.zh, "definition_en": term.definition_en,
            "definition_zh": term.definition_zh, "aliases": [], "related": [], "places": [place],
        }
        return []
    found = []
    first = existing["places"][0]
    known_zh = {_key(n) for n in [existing["zh"], *existing["aliases"]] if n}
    if existing["zh"] and _key(term.zh) not in known_zh:
        found.append(Conflict(term.en, "term-conflict", first, place, existing["zh"], term.zh))
    elif not existing["zh"]:
        existing["zh"] = term.zh
    if existing["definition_en"] and term.definition_en and _differ(existing["definition_en"], term.definition_en):
        found.append(
            Conflict(term.en, "term-definition", first, place, existing["definition_en"], term.definition_en)
        )
    for key in ("definition_en", "definition_zh"):
        existing[key] = existing[key] or getattr(term, key)
    existing["places"].append(place)
    return found


def _differ(one: str, other: str) -> bool:
    first, second = _words(one), _words(other)
    if not first or not second:
        return False
    matcher = difflib.SequenceMatcher(None, first, second, autojunk=False)
    shared = sum(block.size for block in matcher.get_matching_blocks())
    return shared / min(len(first), len(second)) < _AGREEING_DEFINITIONS


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.casefold())


def _text(value: object) -> str | None:
    return str(value).strip() if isinstance(value, (str, int, float)) and str(value).strip() else None
