"""Tags written in a note's text (``#tag``), as Obsidian and Quartz read them.

A tag starts after a space or at the start of a line, holds letters, digits, ``_``,
``-`` and ``/`` (Chinese included), and is not a number alone (``#1`` is not a tag).
Code, headings' own ``#`` markers and ``a#b`` are never tags; markdown-it decides what
is code, this rule only looks at text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from markdown_it import MarkdownIt
from markdown_it.rules_inline import StateInline

TAG_TOKEN = "garden_tag"
_TAG = re.compile(r"#((?=[\w/-]*[^\W\d])[\w/-]+)")


@dataclass(frozen=True)
class InlineTag:
    name: str  # without "#", as front matter writes it
    raw: str  # as written, "#name"
    line: int = 0  # 1-based in the file, 0 until located
    col: int = 0


def tag_at(text: str, pos: int) -> InlineTag | None:
    """The tag written at ``pos`` in ``text``, if ``#`` there opens one."""
    if pos > 0 and not text[pos - 1].isspace():
        return None
    match = _TAG.match(text, pos)
    name = match.group(1).rstrip("/") if match else ""
    if not name or name.startswith("/") or name.isdigit():
        return None
    return InlineTag(name=name, raw="#" + name)


def _tag_rule(state: StateInline, silent: bool) -> bool:
    if state.src[state.pos] != "#":
        return False
    tag = tag_at(state.src, state.pos)
    if tag is None:
        return False
    if not silent:
        token = state.push(TAG_TOKEN, "", 0)
        token.content = tag.raw
        token.meta = {"link": tag, "pos": state.pos}  # "link": located as links are
    state.pos += len(tag.raw)
    return True


def inline_tags_plugin(md: MarkdownIt) -> None:
    md.inline.ruler.before("text", TAG_TOKEN, _tag_rule)
