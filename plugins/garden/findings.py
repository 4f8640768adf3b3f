"""What is wrong in a garden, as one list both the build log and ``garden check`` use."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Mapping

from .cards import Card
from .index import Resolution

LEVELS = ("info", "warning", "error")
_LINK_LEVEL = {"broken-link": "warning", "missing-heading": "warning", "ambiguous-link": "info"}


@dataclass(frozen=True)
class Finding:
    path: str
    line: int
    col: int
    level: str  # "info" | "warning" | "error"
    code: str
    message: str
    target: str | None = None

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" + (f":{self.col}" if self.col else "")
        return f"{where}: {self.message}"


def card_findings(card: Card) -> list[Finding]:
    return [
        Finding(card.path, problem.line, 0, problem.level, "front-matter", problem.message)
        for problem in card.problems
    ]


def link_findings(path: str, resolutions: Iterable[Resolution]) -> list[Finding]:
    return [
        Finding(
            path,
            r.link.line,
            r.link.col,
            _LINK_LEVEL[r.problem],
            r.problem,
            r.message,
            r.link.target,
        )
        for r in resolutions
        if r.problem
    ]


def garden_findings(cards: Mapping[str, Card], links: Mapping[str, tuple[Resolution, ...]]) -> list[Finding]:
    found: list[Finding] = []
    for path, card in cards.items():
        found += card_findings(card)
        found += link_findings(path, links.get(path, ()))
    return found
