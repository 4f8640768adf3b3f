"""A whole garden read once: cards, the index and every link resolved.

The plugin, ``garden check`` and the tests all start here, so pages, reports and
checks can never disagree about a note or a link.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

from .cards import Card, parse_card
from .findings import Finding, garden_findings
from .index import GardenIndex, Resolution


@dataclass(frozen=True)
class Garden:
    index: GardenIndex
    links: dict[str, tuple[Resolution, ...]]  # note path -> its links, resolved
    findings: tuple[Finding, ...]

    @property
    def cards(self) -> dict[str, Card]:
        return self.index.cards


def read_garden(notes: Iterable[tuple[str, str]], attachments: Iterable[str] = ()) -> Garden:
    """``notes`` are ``(path, text)`` pairs, paths relative to the garden's folder."""
    return garden_from_cards([parse_card(text, path) for path, text in notes], attachments)


def garden_from_cards(cards: Iterable[Card], attachments: Iterable[str] = ()) -> Garden:
    index = GardenIndex.build(cards, attachments)
    links = {
        path: tuple(index.resolve(link, path) for link in card.links) for path, card in index.cards.items()
    }
    return Garden(index=index, links=links, findings=tuple(garden_findings(index.cards, links)))
