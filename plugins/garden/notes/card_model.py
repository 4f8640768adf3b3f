"""The card model's types: what Garden knows of one note, as frozen dataclasses.

Built by :mod:`garden.card_walker` from markdown-it tokens; read everywhere else.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from garden.notes.frontmatter_model import FrontMatter, Problem
from garden.notes.lang import Lang
from garden.notes.inline_tags import InlineTag
from garden.notes.wikilinks import WikiLink

# Obsidian's block reference: "^block-id" ending a paragraph or list item, or alone on
# the line after a list, table or quote. Ids of any script are kept.
BLOCK_MARKER = re.compile(r"(?:^|\s)\^([\w-]+)\s*$")


@dataclass(frozen=True)
class Section:
    level: int
    number: str | None
    title: str  # without its number: "Executive Summary"
    anchor: str
    line: int
    text: str = ""  # as written: "1. Executive Summary"


@dataclass(frozen=True)
class Segment:
    """A paragraph, list item or table cell, and the language it is written in."""

    kind: str  # "paragraph" | "list_item" | "table_cell"
    lang: Lang
    text: str
    line: int
    translated: bool  # has its other-language twin (next paragraph, or same line)
    prose: str = field(default="", repr=False)  # the text without code spans and link labels


@dataclass(frozen=True)
class Pair:
    """An English text and its Chinese translation, from a card."""

    en: str
    zh: str
    line: int
    term: str | None = None  # set when the pair is the definition of this key term


@dataclass(frozen=True)
class Term:
    en: str
    zh: str
    definition_en: str
    definition_zh: str | None
    line: int


@dataclass(frozen=True)
class Table:
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    line: int
    section: str | None


@dataclass(frozen=True)
class Diagram:
    line: int
    source: str


@dataclass(frozen=True)
class ChecklistItem:
    text: str
    checked: bool
    line: int


@dataclass(frozen=True)
class Checklist:
    """A task list (``- [ ] …``) or a readiness table, under its section."""

    kind: str  # "tasks" | "readiness"
    section: str | None
    line: int
    items: tuple[ChecklistItem, ...] = ()
    table: Table | None = None


@dataclass(frozen=True)
class Block:
    """A block with an Obsidian ``^id``: lines ``line`` to ``end_line`` (1-based, inclusive)."""

    id: str
    line: int
    end_line: int


@dataclass(frozen=True)
class ListItem:
    """Where a list item's content starts, CommonMark-wise (0-based columns, 1-based lines)."""

    line: int
    end_line: int  # last line of the item
    marker_col: int
    content_col: int


@dataclass(frozen=True)
class Card:
    path: str
    meta: FrontMatter
    title: str
    sections: tuple[Section, ...]
    segments: tuple[Segment, ...]
    terms: tuple[Term, ...]
    tables: tuple[Table, ...]
    mermaid: tuple[Diagram, ...]
    links: tuple[WikiLink, ...]
    checklists: tuple[Checklist, ...]
    problems: tuple[Problem, ...] = field(default=())
    list_items: tuple[ListItem, ...] = field(default=(), repr=False)
    blocks: tuple[Block, ...] = ()
    link_context: tuple[str, ...] = field(default=(), repr=False)  # the sentence around each link
    pairs: tuple[Pair, ...] = field(default=(), repr=False)
    inline_tags: tuple[InlineTag, ...] = ()  # "#tag" in the text

    @property
    def tags(self) -> tuple[str, ...]:
        """Front matter's tags, then the text's, each once (as Obsidian and Quartz count them)."""
        return tuple(dict.fromkeys((*self.meta.tags, *(tag.name for tag in self.inline_tags))))

    @property
    def untranslated(self) -> tuple[Segment, ...]:
        """English paragraphs and list items with no Chinese twin (table cells excluded)."""
        return tuple(
            s for s in self.segments if s.lang == "en" and not s.translated and s.kind != "table_cell"
        )

    @property
    def is_card(self) -> bool:
        """Bilingual structure present: a Chinese title, key terms or translated segments."""
        return bool(self.meta.title_zh or self.terms or any(s.translated for s in self.segments))
