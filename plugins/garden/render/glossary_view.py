"""What the glossary page and the health page show, as plain values for the templates."""

from __future__ import annotations

from dataclasses import dataclass
from itertools import groupby

from pypinyin import Style, lazy_pinyin

from garden.index.garden import Garden
from garden.index.glossary import GlossaryTerm
from garden.render.views import Entry, entry


@dataclass(frozen=True)
class TermView:
    en: str
    zh: str | None
    definition_en: str | None
    definition_zh: str | None
    aliases: tuple[str, ...]
    related: tuple[tuple[str, str | None], ...]  # (name, anchor on this page when known)
    anchor: str
    defined_in: tuple[Entry, ...]
    used_in: tuple[Entry, ...]
    used_in_more: int = 0  # notes using the term beyond those listed


# A term used in thousands of notes would make the glossary page as large as the garden.
USED_IN_SHOWN = 30


@dataclass(frozen=True)
class IndexGroup:
    letter: str
    entries: tuple[tuple[str, str], ...]  # (name, anchor)


@dataclass(frozen=True)
class GlossaryView:
    terms: tuple[TermView, ...]
    english_index: tuple[IndexGroup, ...]
    chinese_index: tuple[IndexGroup, ...]  # ordered by pinyin


def pinyin_key(text: str) -> tuple[str, str]:
    """Chinese sorts by its pinyin (tones as numbers), then by the characters themselves."""
    return (" ".join(lazy_pinyin(text, style=Style.TONE3)).casefold(), text)


def glossary_view(garden: Garden) -> GlossaryView:
    terms = garden.terms.terms
    views = tuple(_term_view(garden, term) for term in terms)
    english = sorted(((t.en, t.anchor) for t in terms), key=lambda item: item[0].casefold())
    chinese = sorted(((t.zh, t.anchor) for t in terms if t.zh), key=lambda item: pinyin_key(item[0]))
    return GlossaryView(
        terms=views,
        english_index=_groups(english, lambda name: name[:1].upper() if name[:1].isalpha() else "#"),
        chinese_index=_groups(chinese, lambda name: (pinyin_key(name)[0][:1] or "#").upper()),
    )


def _groups(items, letter_of) -> tuple[IndexGroup, ...]:
    return tuple(
        IndexGroup(letter, tuple(group)) for letter, group in groupby(items, key=lambda item: letter_of(item[0]))
    )


def _term_view(garden: Garden, term: GlossaryTerm) -> TermView:
    places = dict.fromkeys(place.path for place in term.defined_in if place.path in garden.cards)
    related = tuple(
        (name, found.anchor if (found := garden.terms.lookup(name)) else None) for name in term.related
    )
    users = [path for path in garden.term_usage.get(term.en, ()) if path not in places]
    return TermView(
        en=term.en,
        zh=term.zh,
        definition_en=term.definition_en,
        definition_zh=term.definition_zh,
        aliases=term.aliases,
        related=related,
        anchor=term.anchor,
        defined_in=tuple(entry(garden, path) for path in places),
        used_in=tuple(entry(garden, path) for path in users[:USED_IN_SHOWN]),
        used_in_more=max(0, len(users) - USED_IN_SHOWN),
    )


@dataclass(frozen=True)
class HealthRow:
    note: Entry
    english: int
    translated: int
    coverage: float | None
    untranslated: int
    broken: int
    backlinks: int


@dataclass(frozen=True)
class Problem:
    note: Entry
    line: int
    message: str


@dataclass(frozen=True)
class HealthView:
    rows: tuple[HealthRow, ...]
    buckets: tuple[tuple[str, int], ...]  # coverage histogram: (label, cards)
    broken: tuple[Problem, ...]
    orphans: tuple[Entry, ...]
    average: float | None


def health_view(garden: Garden) -> HealthView:
    notes = [p for p in garden.cards if p not in garden.listing_at and p not in garden.generated]
    rows = tuple(_health_row(garden, path) for path in notes)
    cards = [row for row in rows if row.coverage is not None]
    buckets = [("0–49%", 0), ("50–79%", 0), ("80–99%", 0), ("100%", 0)]
    for row in cards:
        index = 3 if row.coverage >= 1 else 2 if row.coverage >= 0.8 else 1 if row.coverage >= 0.5 else 0
        buckets[index] = (buckets[index][0], buckets[index][1] + 1)
    broken = tuple(
        Problem(entry(garden, path), r.link.line, r.message)
        for path in notes
        for r in garden.links.get(path, ())
        if r.problem in ("broken-link", "missing-heading", "missing-block")
    )
    home = next((p for p in notes if p in ("index.md", "README.md")), None)
    # Term files are reached from the glossary page and from every linked term: not orphans.
    term_files = {term.file for term in garden.terms.terms}
    orphans = tuple(
        entry(garden, path)
        for path in notes
        if not garden.backlinks.get(path) and path != home and path not in term_files
    )
    total = [row.coverage for row in cards]
    return HealthView(rows, tuple(buckets), broken, orphans, sum(total) / len(total) if total else None)


def _health_row(garden: Garden, path: str) -> HealthRow:
    coverage = garden.coverage[path]
    card = garden.cards[path]
    return HealthRow(
        note=entry(garden, path),
        english=coverage.english,
        translated=coverage.translated,
        coverage=coverage.share if card.is_card else None,
        untranslated=len(card.untranslated) if card.is_card else 0,
        broken=sum(r.kind == "broken" or r.problem in ("missing-heading", "missing-block") for r in garden.links.get(path, ())),
        backlinks=len(garden.backlinks.get(path, ())),
    )
