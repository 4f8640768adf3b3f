"""CommonMark list indentation, made readable for Python-Markdown.

Obsidian, Quartz and markdown-it follow CommonMark: a list item's content is indented
to the column after its marker (two spaces for ``- ``). Python-Markdown, which MkDocs
renders with, wants four. Without this, a card's indented Chinese definition or a
nested list falls out of its item. The card model knows every item's columns, so
each content line moves by ``4 - (content_col - marker_col)``: a uniform shift that
keeps code inside items exactly as written.
"""

from __future__ import annotations

from typing import Iterable

from garden.notes.cards import ListItem

PYTHON_MARKDOWN_INDENT = 4


def shifts(items: Iterable[ListItem], lines: list[str], line_offset: int = 0) -> dict[int, int]:
    """How far to move each (0-based) line of ``lines`` to the right."""
    moves: dict[int, int] = {}
    for item in items:
        delta = PYTHON_MARKDOWN_INDENT - (item.content_col - item.marker_col)
        if delta == 0:
            continue
        for number in range(item.line, item.end_line):  # the lines after the first
            index = number - line_offset
            if not 0 <= index < len(lines) or not lines[index].strip():
                continue
            if _indent(lines[index]) >= item.content_col:  # not a lazy continuation
                moves[index] = moves.get(index, 0) + delta
    return moves


def for_python_markdown(markdown: str, items: Iterable[ListItem], line_offset: int = 0) -> str:
    return reindent(markdown, items, line_offset)[0]


def reindent(markdown: str, items: Iterable[ListItem], line_offset: int = 0) -> tuple[str, dict[int, int]]:
    """The re-indented text, and by how many characters each changed line grew.

    The second part lets later steps find a column measured on the original line.
    """
    lines = markdown.split("\n")
    grown: dict[int, int] = {}
    for index, move in shifts(items, lines, line_offset).items():
        original = lines[index]
        width = max(0, _indent(original) + move)
        lines[index] = " " * width + original.lstrip(" \t")
        grown[index] = len(lines[index]) - len(original)
    return "\n".join(lines), grown


def _indent(line: str) -> int:
    expanded = line.expandtabs(4)
    return len(expanded) - len(expanded.lstrip(" "))
