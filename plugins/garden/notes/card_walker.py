"""One pass over a note's markdown-it tokens, collecting the card model's parts.

Structure comes from tokens and their line maps, never from regexes over the raw
file, so nothing inside code is misread. Translations are paired as the walk goes:
a Chinese paragraph right after an English one in the same container is its twin.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from markdown_it.token import Token

from garden.notes import lang, mdparse
from garden.notes.sentences import Sentences
from garden.notes.card_model import (
    BLOCK_MARKER,
    Block,
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
from garden.notes.inline_tags import TAG_TOKEN, InlineTag
from garden.notes.slugs import heading_anchor, unique_anchor
from garden.notes.wikilinks import TOKEN_TYPE, InlineLocator, WikiLink

_SECTION_NUMBER = re.compile(r"^(\d+(?:\.\d+)*)\.?\s+(.+)$")
_TASK_MARK = re.compile(r"^\[( |x|X)\]\s+")
_READINESS_WORDS = ("readiness", "准备度", "就绪")


@dataclass
class _SegmentDraft:
    kind: str
    lang: lang.Lang
    text: str
    line: int
    translated: bool = False
    prose: str = ""
    term: str | None = None  # the key term this item defines: its text is the definition
    definition: str | None = None


@dataclass
class _TermDraft:
    en: str
    zh: str
    definition_en: str
    definition_zh: str | None
    line: int
    item: Token  # the list item whose next paragraph may hold the Chinese definition


_NOT_BLOCKS = ("inline", "list_item_open", "tr_open", "td_open", "th_open", "thead_open", "tbody_open")


class Walker:
    """One pass over the tokens, keeping just enough context to pair translations."""

    def __init__(self, lines: list[str]) -> None:
        self.lines = lines
        self.stack: list[Token] = []
        self.sections: list[Section] = []
        self.anchors: set[str] = set()
        self.first_h1: str | None = None
        self.segments: list[_SegmentDraft] = []
        self.terms: list[_TermDraft] = []
        self.tables: list[Table] = []
        self.mermaid: list[Diagram] = []
        self.links: list[WikiLink] = []
        self.inline_tags: list[InlineTag] = []
        self.tasks: dict[int, list[ChecklistItem]] = {}
        self.task_context: dict[int, tuple[str | None, int]] = {}
        # The previous block in each container (list item, quote, or the page: 0).
        self.previous: dict[int, _SegmentDraft | None] = {}
        self.table_rows: list[tuple[str, ...]] = []
        self.items_seen: set[int] = set()
        self.list_items: list[ListItem] = []
        self.blocks: list[Block] = []
        self.link_context: list[str] = []
        self.pairs: list[Pair] = []
        # The last two blocks opened in each container, for a "^id" on its own line.
        self.current_block: dict[int, Token | None] = {}
        self.block_before: dict[int, Token | None] = {}

    @property
    def section_title(self) -> str | None:
        return self.sections[-1].title if self.sections else None

    def walk(self, tokens: list[Token]) -> None:
        for token in tokens:
            if token.nesting == -1:
                self._close(token)
                continue
            if token.block and token.type != "inline" and self._is_sibling_block(token):
                self.previous[self._container_key()] = None
            if token.block and token.nesting >= 0 and token.type not in _NOT_BLOCKS:
                key = self._container_key()
                self.block_before[key] = self.current_block.get(key)
                self.current_block[key] = token
            if token.type == "list_item_open" and token.map:
                self._list_item(token)
            if token.type == "tr_open":
                self.table_rows.append(())
            elif token.type == "inline":
                self._inline(token)
            elif token.type == "fence" and token.info.strip().split(" ")[:1] == ["mermaid"]:
                self.mermaid.append(Diagram(line=token.map[0] + 1, source=token.content))
            if token.nesting == 1:
                self.stack.append(token)

    def _list_item(self, token: Token) -> None:
        start, end = token.map
        first = self.lines[start].expandtabs(4)
        marker_col = _marker_column(first, token)
        if marker_col is None:
            return
        after = marker_col + len(token.info) + len(token.markup)
        spaces = len(first[after:]) - len(first[after:].lstrip(" "))
        # CommonMark: one to four spaces after the marker; more means indented code.
        content_col = after + (spaces if 1 <= spaces <= 4 and first[after:].strip() else 1)
        self.list_items.append(ListItem(start + 1, end, marker_col, content_col))

    def _is_sibling_block(self, token: Token) -> bool:
        # A paragraph records itself once its text is known; cells are not siblings.
        return token.type not in ("paragraph_open", "list_item_open", "tr_open", "td_open", "th_open")

    def _container_key(self) -> int:
        for token in reversed(self.stack):
            if token.type in ("list_item_open", "blockquote_open", "td_open", "th_open"):
                return id(token)
        return 0

    def _close(self, token: Token) -> None:
        opener = self.stack.pop()
        if token.type == "table_close":
            header, *rows = self.table_rows or [()]
            self.tables.append(
                Table(header=header, rows=tuple(rows), line=opener.map[0] + 1, section=self.section_title)
            )
            self.table_rows = []

    def _inline(self, inline: Token) -> None:
        parent = self.stack[-1].type if self.stack else ""
        text = mdparse.plain_text(inline)
        prose = mdparse.plain_text(inline, prose=True)
        in_link = 0
        sentences: Sentences | None = None  # made at the first link: most inline blocks have none
        locator: InlineLocator | None = None
        for child in inline.children or ():
            in_link += {"link_open": 1, "link_close": -1}.get(child.type, 0)
            if child.type == TOKEN_TYPE or (child.type == "link_open" and "link" in child.meta):
                locator = locator or InlineLocator(inline, self.lines)
                sentences = sentences or Sentences(text)
                link = locator.locate(child)
                self.links.append(link)
                # Found here, on the parsing cores, not for each backlink once the garden is known.
                self.link_context.append(sentences.around(link.display_text))
            elif child.type == TAG_TOKEN and not in_link:  # a link's label is the link's, not a tag
                locator = locator or InlineLocator(inline, self.lines)
                self.inline_tags.append(locator.locate(child))
        line = inline.map[0] + 1 if inline.map else 0
        if parent == "heading_open":
            self._heading(int(self.stack[-1].tag[1]), text, line)
        elif parent in ("td_open", "th_open"):
            self._table_cell(text, prose, line)
        elif parent == "paragraph_open":
            self._paragraph(inline, text, prose, line)

    def _heading(self, level: int, text: str, line: int) -> None:
        if level == 1 and self.first_h1 is None:
            self.first_h1 = text
        match = _SECTION_NUMBER.match(text)
        number, title = (match.group(1), match.group(2)) if match else (None, text)
        anchor = unique_anchor(heading_anchor(text), self.anchors)
        self.sections.append(Section(level=level, number=number, title=title, anchor=anchor, line=line, text=text))

    def _table_cell(self, text: str, prose: str, line: int) -> None:
        self.table_rows[-1] += (text,)
        classified = lang.classify(prose)
        if classified != "none":
            self.segments.append(_SegmentDraft("table_cell", classified, text, line, classified == "mixed", prose))
        if classified == "mixed":
            self._pair_halves(prose, line)

    def _paragraph(self, inline: Token, text: str, prose: str, line: int) -> None:
        key = self._container_key()
        item = self._enclosing_item()
        marker = BLOCK_MARKER.search(text)
        if marker:
            text = text[: marker.start()].rstrip()
            prose = BLOCK_MARKER.sub("", prose).rstrip()
            if not text:  # "^id" alone names the block before it
                self._block(marker.group(1), self.block_before.get(key))
                return
            self._block(marker.group(1), item if item is not None and id(item) not in self.items_seen else inline)
        first_in_item = item is not None and id(item) not in self.items_seen
        if item is not None:
            self.items_seen.add(id(item))
        if first_in_item and self._task(inline, item, text, line):
            self.previous[key] = None
            return
        term = self._term(inline, item, line) if first_in_item else None
        classified = "en" if term else lang.classify(prose)
        kind = "list_item" if first_in_item else "paragraph"
        segment = _SegmentDraft(kind, classified, text, line, translated=classified == "mixed", prose=prose)
        if term:
            segment.term, segment.definition = term.en, term.definition_en
        if term and term.definition_zh:
            segment.translated = True
            self.pairs.append(Pair(term.definition_en, term.definition_zh, line, term.en))
        elif classified == "mixed":
            self._pair_halves(prose, line)
        previous = self.previous.get(key)
        if previous is not None and lang.translates(previous.lang, previous.translated, classified):
            previous.translated = segment.translated = True
            self._complete_term(item, text)
            english = previous.definition if previous.term else previous.prose
            self.pairs.append(Pair(english, prose, previous.line, previous.term))
        if classified != "none":
            self.segments.append(segment)
        self.previous[key] = segment if classified != "none" else None

    def _pair_halves(self, text: str, line: int) -> None:
        split = lang.split_bilingual(text)
        if split is not None:
            self.pairs.append(Pair(split.en, split.zh, line))

    def _block(self, block_id: str, token: Token | None) -> None:
        if token is not None and token.map:
            self.blocks.append(Block(block_id, token.map[0] + 1, token.map[1]))

    def _enclosing_item(self) -> Token | None:
        if len(self.stack) >= 2 and self.stack[-2].type == "list_item_open":
            return self.stack[-2]
        return None

    def _term(self, inline: Token, item: Token, line: int) -> _TermDraft | None:
        # markdown-it opens the children with an empty text token before the bold.
        children = [c for c in inline.children or [] if not (c.type == "text" and not c.content)]
        if len(children) < 3 or children[0].type != "strong_open":
            return None
        close = next((i for i, c in enumerate(children) if c.type == "strong_close"), None)
        if close is None:
            return None
        names = "".join(c.content for c in children[1:close] if c.type == "text").strip()
        rest = mdparse.plain_text(_children_after(children, close))
        if not names.endswith((":", "：")) and not rest.startswith((":", "：")):
            return None
        rest = rest.lstrip(":： ")
        both_names = lang.term_names(names)
        if both_names is None:
            return None
        split = lang.split_bilingual(rest)
        term = _TermDraft(
            en=both_names[0],
            zh=both_names[1],
            definition_en=split.en if split else rest,
            definition_zh=split.zh if split else None,
            line=line,
            item=item,
        )
        self.terms.append(term)
        return term

    def _complete_term(self, item: Token | None, chinese: str) -> None:
        for term in reversed(self.terms):
            if term.item is item and item is not None and term.definition_zh is None:
                term.definition_zh = chinese
                return

    def _task(self, inline: Token, item: Token, text: str, line: int) -> bool:
        match = _TASK_MARK.match(inline.content)
        if not match:
            return False
        task_list = self.stack[-3] if len(self.stack) >= 3 else item
        key = id(task_list)
        self.tasks.setdefault(key, [])
        self.task_context.setdefault(key, (self.section_title, line))
        label = _TASK_MARK.sub("", text, count=1)
        self.tasks[key].append(ChecklistItem(text=label, checked=match.group(1) != " ", line=line))
        return True

    def frozen_segments(self) -> list[Segment]:
        return [Segment(s.kind, s.lang, s.text, s.line, s.translated, s.prose) for s in self.segments]

    def frozen_terms(self) -> list[Term]:
        return [Term(t.en, t.zh, t.definition_en, t.definition_zh, t.line) for t in self.terms]

    def checklists(self) -> list[Checklist]:
        found = [
            Checklist(kind="tasks", section=self.task_context[key][0], line=self.task_context[key][1], items=tuple(items))
            for key, items in self.tasks.items()
        ]
        found += [
            Checklist(kind="readiness", section=table.section, line=table.line, table=table)
            for table in self.tables
            if _is_readiness(table)
        ]
        return sorted(found, key=lambda checklist: checklist.line)


def _marker_column(line: str, item: Token) -> int | None:
    """Column of the item's marker, when only spaces stand before it (not in a quote)."""
    marker = item.info + item.markup
    column = len(line) - len(line.lstrip(" "))
    return column if line.startswith(marker, column) else None


def _children_after(children: list[Token], index: int) -> Token:
    """An inline token holding only the children after ``index``."""
    rest = Token("inline", "", 0)
    rest.children = children[index + 1 :]
    return rest


def _is_readiness(table: Table) -> bool:
    where = " ".join((table.header[0] if table.header else "", table.section or "")).lower()
    return any(word in where for word in _READINESS_WORDS)
