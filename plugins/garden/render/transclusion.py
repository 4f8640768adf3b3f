"""``![[Note]]``, ``![[Note#Heading]]`` and ``![[Note#^block]]``: another note's text, inline.

The embedded lines go through the same steps as a page (list indentation, links) with
their links resolved where they were written but pointing from the embedding page.
Cycles and self-embeds stop with a link instead; so does a chain deeper than the limit.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass, replace
from typing import Callable

from garden.render import indent, rewrite
from garden.notes.cards import Card
from garden.index.resolution import Resolution, find_section

EMBED_CLASS = "garden-embed"


@dataclass(frozen=True)
class Transcluder:
    cards: dict[str, Card]
    links: dict[str, tuple[Resolution, ...]]
    source: Callable[[str], str]  # a note's text, by path
    max_depth: int = 3

    def embedder(self, host: str, chain: tuple[str, ...] = ()) -> rewrite.Embedder:
        chain = chain or (host,)

        def embed(resolution: Resolution, prefix: str) -> str | None:
            target = resolution.path
            if resolution.kind != "note" or target not in self.cards or resolution.problem in (
                "missing-heading", "missing-block"
            ):
                return None
            if target in chain or len(chain) > self.max_depth:
                return None  # reported once as an embed cycle; shown as a link
            return self._block(resolution, host, chain + (target,), prefix)

        return embed

    def _block(self, resolution: Resolution, host: str, chain: tuple[str, ...], prefix: str) -> str | None:
        target = resolution.path
        card = self.cards[target]
        lines = self.source(target).split("\n")
        first, last = _range(card, resolution, lines)
        if first >= last:
            return None
        body = "\n".join(lines[first:last])
        body, grown = indent.reindent(body, [i for i in card.list_items if first < i.line <= last], first)
        inside = [r for r in self.links.get(target, ()) if first < r.link.line <= last]
        body = rewrite.rewrite(body, inside, host, first, grown=grown, embed=self.embedder(host, chain))
        source_link = rewrite.replacement(_plain(resolution), host)
        text = (
            f'<div class="{EMBED_CLASS}" markdown="1">\n\n'
            f'{source_link}{{ .garden-embed-source }}\n\n{textwrap.dedent(body).strip()}\n\n</div>'
        )
        return "\n".join(prefix + line if line.strip() else line for line in text.split("\n"))[len(prefix) :]


def _range(card: Card, resolution: Resolution, lines: list[str]) -> tuple[int, int]:
    """0-based [first, last) lines of the embedded part of the note."""
    link = resolution.link
    if link.block:
        block = next(b for b in card.blocks if b.id == link.block)
        return block.line - 1, block.end_line
    if link.heading:
        section = find_section(card.sections, link.heading)
        following = [s.line for s in card.sections if s.line > section.line and s.level <= section.level]
        return section.line - 1, (following[0] - 1 if following else len(lines))
    return _body_start(lines), len(lines)


def _body_start(lines: list[str]) -> int:
    if lines and lines[0].strip() == "---":
        for number, line in enumerate(lines[1:], start=1):
            if line.strip() in ("---", "..."):
                return number + 1
    return 0


def _plain(resolution: Resolution) -> Resolution:
    """The same target as an ordinary link, for the "from …" line above the embed."""
    return replace(resolution, link=replace(resolution.link, embed=False))
