"""Which notes link to or embed each note, with the sentence around each link."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import TYPE_CHECKING, Iterable, Mapping

if TYPE_CHECKING:
    from garden.index.resolution import Resolution


@dataclass(frozen=True)
class Backlink:
    source: str  # the linking note
    kind: str  # "link" | "embed"
    context: str  # the sentence around the link, as a reader sees it
    line: int


def backlinks(
    links: Mapping[str, tuple[Resolution, ...]], contexts: Mapping[str, tuple[str, ...]]
) -> dict[str, tuple[Backlink, ...]]:
    """Target note -> the notes pointing at it, one entry per linking note and kind.
    ``contexts``: each note's sentence around each of its links (``Card.link_context``)."""
    found: dict[str, dict[tuple[str, str], Backlink]] = defaultdict(dict)
    for source, resolutions in links.items():
        texts = contexts.get(source, ())
        for position, resolution in enumerate(resolutions):
            target = resolution.path
            if resolution.kind != "note" or target is None or target == source:
                continue
            kind = "embed" if resolution.link.embed else "link"
            context = texts[position] if position < len(texts) else ""
            entry = Backlink(source, kind, context, resolution.link.line)
            found[target].setdefault((source, kind), entry)
    return {target: tuple(entries.values()) for target, entries in found.items()}


def sources(entries: Iterable[Backlink]) -> list[str]:
    return list(dict.fromkeys(entry.source for entry in entries))
