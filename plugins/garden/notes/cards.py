"""The card model: one note's text in, a frozen :class:`Card` out.

The types live in :mod:`garden.card_model`, the token walk in :mod:`garden.card_walker`;
this module puts them together and is what the rest of Garden imports. It knows
nothing of MkDocs; the plugin, the CLI and the tests all call :func:`parse_card`.
"""

from __future__ import annotations

from pathlib import PurePosixPath

from garden.notes import mdparse
from garden.notes.card_model import (
    BLOCK_MARKER,
    Block,
    Card,
    Checklist,
    ChecklistItem,
    Diagram,
    ListItem,
    Pair,
    Section,
    Segment,
    Table,
    Term,
)
from garden.notes.card_walker import Walker
from garden.notes.comments import strip_note_comments
from garden.notes.frontmatter_model import Problem, read_front_matter

UNCLOSED_COMMENT = "'%%' opens a comment that never closes: the rest of the note is hidden, as Obsidian hides it"

# The model is read through this module.
__all__ = [
    "BLOCK_MARKER", "Block", "Card", "Checklist", "ChecklistItem", "Diagram", "ListItem", "Pair",
    "Section", "Segment", "Table", "Term", "parse_card",
]


def parse_card(text: str, path: str = "") -> Card:
    # markdown-it ends a line at "\r" too: so must every line count here (notes read from
    # files have "\n" only; a text handed in may not).
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    meta, problems = read_front_matter(text)
    stripped = strip_note_comments(text)  # private comments are no part of the card
    text = stripped.text
    if stripped.unclosed_at:
        problems = (*problems, Problem(stripped.unclosed_at, UNCLOSED_COMMENT, code="unclosed-comment"))
    walker = Walker(text.split("\n"))  # markdown-it counts lines at "\n" only
    walker.walk(mdparse.parse(text))
    title = meta.title or walker.first_h1 or PurePosixPath(path).stem or "Untitled"
    return Card(
        path=path,
        meta=meta,
        title=title,
        sections=tuple(walker.sections),
        segments=tuple(walker.frozen_segments()),
        terms=tuple(walker.frozen_terms()),
        tables=tuple(walker.tables),
        mermaid=tuple(walker.mermaid),
        links=tuple(walker.links),
        inline_tags=tuple(walker.inline_tags),
        checklists=tuple(walker.checklists()),
        problems=problems,
        list_items=tuple(walker.list_items),
        blocks=tuple(walker.blocks),
        link_context=tuple(walker.link_context),
        pairs=tuple(walker.pairs),
    )
