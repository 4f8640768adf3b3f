"""Obsidian / Quartz ``[[wikilinks]]`` and ``![[embeds]]``: a markdown-it-py inline rule.

The rule only *reads*: it pushes a ``wikilink`` token carrying a :class:`WikiLink`
in ``meta``. Because markdown-it has already claimed code spans, fences and HTML,
nothing inside code is ever taken for a link. Line and column are filled in later
by :class:`InlineLocator` from the inline token's line map.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace
from typing import TypeVar
from urllib.parse import unquote

from markdown_it import MarkdownIt
from markdown_it.helpers import parseLinkDestination, parseLinkLabel
from markdown_it.rules_inline import StateInline
from markdown_it.rules_inline import link as markdown_link_rule
from markdown_it.token import Token

TOKEN_TYPE = "wikilink"
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")


@dataclass(frozen=True)
class WikiLink:
    """One ``[[target#heading|label]]`` (or ``[[target#^block]]``) as written."""

    target: str  # "" for a link inside the same note ([[#Heading]])
    heading: str | None
    block: str | None
    label: str | None
    embed: bool
    raw: str  # the exact source text: brackets included, or a Markdown link's destination
    line: int = 0  # 1-based line in the file
    col: int = 0  # 1-based column in the file, 0 when it could not be placed
    syntax: str = "wikilink"  # or "markdown": [label](destination) to another note

    @property
    def display_text(self) -> str:
        """What a reader sees when the author gave no label, as Obsidian shows it."""
        if self.label:
            return self.label
        fragment = self.heading or (f"^{self.block}" if self.block else None)
        if not self.target:
            return fragment or ""
        return f"{self.target} > {fragment}" if fragment else self.target


def parse_body(body: str, *, embed: bool = False, raw: str = "") -> WikiLink:
    """Split the text between ``[[`` and ``]]`` into target, heading, block and label."""
    # In a table row the pipe before the label is escaped as ``\|``.
    text = body.replace("\\|", "|")
    reference, _, label = text.partition("|")
    target, hash_, fragment = reference.partition("#")
    heading = block = None
    if hash_:
        fragment = fragment.strip()
        if fragment.startswith("^"):
            block = fragment[1:]
        else:
            heading = fragment
    return WikiLink(
        target=target.strip(),
        heading=heading,
        block=block,
        label=label.strip() or None,
        embed=embed,
        raw=raw or (("!" if embed else "") + f"[[{body}]]"),
    )


def _wikilink_rule(state: StateInline, silent: bool) -> bool:
    src, start = state.src, state.pos
    embed = src.startswith("![[", start)
    opening = start + (3 if embed else 2)
    if not (embed or src.startswith("[[", start)):
        return False
    close = src.find("]]", opening)
    if close < 0:
        return False
    body = src[opening:close]
    if not body.strip() or "\n" in body or "[[" in body:
        return False
    if not silent:
        token = state.push(TOKEN_TYPE, "", 0)
        raw = src[start : close + 2]
        token.content = raw
        token.meta = {"link": parse_body(body, embed=embed, raw=raw), "pos": start}
    state.pos = close + 2
    return True


def _markdown_link_rule(state: StateInline, silent: bool) -> bool:
    """markdown-it's own link rule, noting where an internal link's destination is written.

    Quartz resolves ``[label](Note)`` like a wikilink, so Garden must see it, and the
    rewrite needs the destination exactly as written (markdown-it normalises it).
    """
    start, first_token = state.pos, len(state.tokens)
    if not markdown_link_rule(state, silent):
        return False
    # Silent runs only measure (a link inside a link's label): nothing to note. The source
    # does not change, so the destination is found where the link rule found it.
    destination = None if silent else _destination(state, start)
    if destination is not None:
        # Pending text is flushed into a token first: the opener follows it.
        opener = next((t for t in state.tokens[first_token:] if t.type == "link_open"), None)
        position, raw, text = destination
        link = _internal_link(raw, text)
        if link is not None and opener is not None:
            opener.meta = {"link": link, "pos": position}
    return True


def _destination(state: StateInline, start: int) -> tuple[int, str, str] | None:
    label_end = parseLinkLabel(state, start, True)
    if label_end < 0 or not state.src.startswith("(", label_end + 1):
        return None
    position = label_end + 2
    while position < state.posMax and state.src[position] in " \t\n":
        position += 1
    result = parseLinkDestination(state.src, position, state.posMax)
    if not result.ok:
        return None
    return position, state.src[position : result.pos], result.str


def _internal_link(raw: str, destination: str) -> WikiLink | None:
    """A Markdown link to another note or file of the garden, or ``None`` for a URL."""
    if not destination or destination.startswith(("#", "//")) or _SCHEME.match(destination):
        return None
    path, _, fragment = unquote(destination).partition("#")
    return WikiLink(
        target=path,
        heading=fragment or None,
        block=None,
        label=None,
        embed=False,
        raw=raw,
        syntax="markdown",
    )


def wikilinks_plugin(md: MarkdownIt) -> None:
    """Register the rule before markdown-it's own link rule, as mdit-py-plugins do."""
    md.inline.ruler.before("link", TOKEN_TYPE, _wikilink_rule)
    md.inline.ruler.at("link", _markdown_link_rule)


Located = TypeVar("Located")  # a frozen dataclass with raw, line and col: a link or an inline tag


_NEWLINE = re.compile("\n")


class InlineLocator:
    """Gives the links (and inline tags) of one inline block their line and column in the
    source file.

    markdown-it maps blocks to lines, not inline positions: the inline content is the
    block's lines with their container prefixes (indent, ``> ``, ``- ``) removed, so a
    column is found by placing each content line back into its source line. Where each
    line starts, and where its content sits in the source line, is found once per line,
    not once per link: a paragraph of 20,000 links stays linear.
    """

    def __init__(self, inline: Token, lines: list[str]) -> None:
        self.inline, self.lines = inline, lines
        content = inline.content
        self._line_starts = [0, *(match.end() for match in _NEWLINE.finditer(content))]
        self._offsets: dict[int, int] = {}  # content line -> where it sits in its source line
        self._first = self._first_source_line()

    def _first_source_line(self) -> int:
        """The source line of the content's first line: markdown-it strips the block's
        content, so lines of only whitespace it knows as such (a form feed, say) at the
        start of a block are not in it, though the block's map counts them."""
        if not self.inline.map:
            return 0
        start, end = self.inline.map
        first = self._content_line(0).strip()
        last = min(end, len(self.lines)) - 1
        while first and start < last and _NO_TEXT.match(self.lines[start]) and first not in self.lines[start]:
            start += 1
        return start

    def locate(self, child: Token) -> Located:
        link = child.meta["link"]
        if not self.inline.map:
            return link
        pos = child.meta["pos"]
        number = bisect.bisect_right(self._line_starts, pos) - 1
        line_index = self._first + number
        if line_index >= len(self.lines):
            return replace(link, line=line_index + 1)
        col = self._column(number, self.lines[line_index], pos, link.raw)
        return replace(link, line=line_index + 1, col=col)

    def _column(self, number: int, source_line: str, pos: int, raw: str) -> int:
        line_start = self._line_starts[number]
        if number not in self._offsets:
            self._offsets[number] = _line_offset(source_line, self._content_line(number))
        offset = self._offsets[number]
        if offset >= 0 and source_line.startswith(raw, offset + pos - line_start):
            return offset + pos - line_start + 1
        # Table cells unescape ``\|``; find the link as it is written instead.
        for written in (raw, raw.replace("|", "\\|")):
            found = source_line.find(written)
            if found >= 0:
                return found + 1
        return 0

    def _content_line(self, number: int) -> str:
        starts = self._line_starts
        end = starts[number + 1] - 1 if number + 1 < len(starts) else len(self.inline.content)
        return self.inline.content[starts[number] : end]


# A source line with no text of its own: container marks and whitespace (Python's, which
# counts a form feed) only.
_NO_TEXT = re.compile(r"[\s>]*(?:[-*+]|\d{1,9}[.)])?\s*$")


def _line_offset(source_line: str, content_line: str) -> int:
    """Where a line of inline content sits in its source line (-1: not found)."""
    return source_line.rfind(content_line.rstrip()) if content_line.strip() else -1
