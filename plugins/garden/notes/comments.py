"""Obsidian comments (``%% … %%``): the author's private text, never published.

Obsidian hides a comment in reading view and Quartz drops it, inline or across lines;
in code it is code. Garden removes comments from a note before anything reads it, so
neither pages, search, terms nor the graph ever see them. Lines are kept (a comment's
line breaks stay), so every line number in a message still points into the file.

A ``%%`` that is never closed hides the rest of the note in Obsidian; Garden hides it
too (what the author saw as private stays private) and says so.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MARK = "%%"
_FENCE = re.compile(r"^[ \t]*(?:>[ \t]*)*(`{3,}|~{3,})")
_CODE_SPAN = re.compile(r"(`+)(?:.*?[^`])?\1(?!`)")


@dataclass(frozen=True)
class Stripped:
    text: str
    unclosed_at: int = 0  # 1-based line of a "%%" never closed, 0 if none


_FRONT_MATTER = re.compile(r"\A---[ \t]*\n.*?\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)


def strip_note_comments(text: str) -> Stripped:
    """A whole note's text without its comments; front matter is left as written."""
    if MARK not in text:
        return Stripped(text)
    front = _FRONT_MATTER.match(text)
    head = front.group() if front else ""
    body = strip_comments(text[len(head) :], first_line=head.count("\n") + 1)
    return Stripped(head + body.text, body.unclosed_at)


def strip_comments(text: str, first_line: int = 1) -> Stripped:
    """``text`` without its comments (code untouched, line breaks kept).

    ``first_line`` is the file line ``text`` starts at, for the unclosed comment's line.
    """
    if MARK not in text:
        return Stripped(text)
    out: list[str] = []
    fence: str | None = None
    opened_at = 0  # line of the open comment, 0 outside a comment
    for number, line in enumerate(text.split("\n"), start=first_line):
        if opened_at:
            end = line.find(MARK)
            if end < 0:
                out.append("")
                continue
            line, opened_at = line[end + len(MARK) :], 0
            kept, opened_at = _strip_line(line, number)
            out.append(kept)
            continue
        if fence is not None:
            out.append(line)
            closer = _FENCE.match(line)
            if closer and closer.group(1)[0] * 3 == fence and not line[closer.end() :].strip():
                fence = None
            continue
        opener = _FENCE.match(line)
        if opener:
            fence = opener.group(1)[0] * 3
            out.append(line)
            continue
        kept, opened_at = _strip_line(line, number)
        out.append(kept)
    return Stripped("\n".join(out), opened_at)


def _strip_line(line: str, number: int) -> tuple[str, int]:
    """One line outside code blocks: comments out, code spans kept. Returns the line and,
    if a comment opens and does not close on it, its line number."""
    if MARK not in line:
        return line, 0
    kept: list[str] = []
    at = 0
    while at < len(line):
        code = _CODE_SPAN.search(line, at)
        start = line.find(MARK, at)
        if start < 0:
            kept.append(line[at:])
            break
        if code and code.start() <= start:
            kept.append(line[at : code.end()])
            at = code.end()
            continue
        kept.append(line[at:start])
        end = line.find(MARK, start + len(MARK))
        if end < 0:
            return "".join(kept).rstrip(), number
        at = end + len(MARK)
    return "".join(kept), 0
