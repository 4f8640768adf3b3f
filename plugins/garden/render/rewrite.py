"""Turn resolved links into ordinary Markdown, in place.

The result is plain Markdown with relative ``.md`` links, so MkDocs itself checks
them, applies ``use_directory_urls`` and honours ``--strict``. Only the exact source
spans markdown-it found are replaced: nothing inside code is touched.
"""

from __future__ import annotations

import html
import posixpath
import re
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable, Iterable, Mapping
from urllib.parse import quote

from garden.index.resolution import Resolution
from garden.notes.inline_tags import InlineTag

BROKEN_CLASS = "broken"
TAG_LINK_CLASS = "garden-tag-link"
_MARKDOWN_SPECIALS = re.compile(r"([\\`*_\[\]|])")
_IMAGE_SIZE = re.compile(r"^(\d+)(?:x(\d+))?$")
IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp", ".avif", ".bmp")

# Given an embed whose line holds nothing else, the Markdown to put in its place.
Embedder = Callable[[Resolution, str], "str | None"]


@dataclass(frozen=True)
class Span:
    """Source text at a line and column (1-based) to replace with ``text``."""

    line: int
    col: int
    raw: str
    text: str


def tag_spans(tags: Iterable[InlineTag], tag_page: Callable[[str], str | None], from_path: str) -> list[Span]:
    """Each ``#tag`` in a note's text as a link to its tag page, as Quartz shows it."""
    pages = ((tag, tag_page(tag.name)) for tag in tags if tag.col > 0)
    return [Span(tag.line, tag.col, tag.raw, _tag_link(tag, relative_href(from_path, page))) for tag, page in pages if page]


def _tag_link(tag: InlineTag, href: str) -> str:
    return f"[{escape_label(tag.raw)}]({href}){{ .{TAG_LINK_CLASS} }}"


def rewrite(
    markdown: str,
    resolutions: Iterable[Resolution],
    from_path: str,
    line_offset: int = 0,
    *,
    grown: Mapping[int, int] | None = None,
    embed: Embedder | None = None,
    spans: Iterable[Span] = (),
) -> str:
    """Replace each link's source span (1-based line/col in the file, less ``line_offset``),
    and each of ``spans``.

    ``grown`` says how many characters an earlier step added before each line's text.
    """
    lines = markdown.split("\n")
    by_line: dict[int, list[Resolution | Span]] = defaultdict(list)
    for resolution in resolutions:
        if resolution.link.col > 0:
            by_line[resolution.link.line - 1 - line_offset].append(resolution)
    for span in spans:
        by_line[span.line - 1 - line_offset].append(span)
    for index, found in by_line.items():
        if not 0 <= index < len(lines):
            continue
        lines[index] = _rewrite_line(lines[index], found, (grown or {}).get(index, 0), from_path, embed)
    return "\n".join(lines)


def _rewrite_line(
    line: str, found: list[Resolution | Span], shift: int, from_path: str, embed: Embedder | None
) -> str:
    """One line with its links and spans replaced, left to right, joined once (a line of
    20,000 links is rebuilt once, not once per link)."""
    pieces: list[str] = []
    cursor = 0
    for item in sorted(found, key=_column):
        if isinstance(item, Span):
            start, raw, text = item.col - 1 + shift, item.raw, item.text
            if start < cursor or not line.startswith(raw, start):
                continue
        else:
            start = item.link.col - 1 + shift
            raw = _written_form(line, start, item.link.raw) if start >= cursor else None
            if raw is None:
                continue
            whole_line = len(found) == 1 and line.strip() == raw
            block = embed(item, line[:start]) if embed and whole_line and item.link.embed else None
            text = block if block is not None else replacement(item, from_path)
        pieces += [line[cursor:start], text]
        cursor = start + len(raw)
    return "".join(pieces) + line[cursor:] if pieces else line


def _column(item: Resolution | Span) -> int:
    return item.col if isinstance(item, Span) else item.link.col


def _written_form(line: str, start: int, raw: str) -> str | None:
    # Inside a table row the label pipe is written ``\|``.
    for written in (raw, raw.replace("|", "\\|")):
        if line.startswith(written, start):
            return written
    return None


def replacement(resolution: Resolution, from_path: str) -> str:
    """The Markdown (or, for a broken wikilink, the HTML) that stands for one link."""
    link = resolution.link
    if link.syntax == "markdown":
        return _destination(resolution, from_path)
    if resolution.kind == "external" and resolution.url:
        return f"[{escape_label(link.display_text)}]({resolution.url})"
    if resolution.kind == "broken" or resolution.path is None:
        title = html.escape(f"Unresolved link: {link.target}", quote=True)
        return f'<span class="{BROKEN_CLASS}" title="{title}">{html.escape(link.display_text)}</span>'
    href = relative_href(from_path, resolution.path, resolution.anchor)
    if link.embed and resolution.kind == "attachment" and resolution.path.lower().endswith(IMAGE_SUFFIXES):
        return _image(link.label, posixpath.basename(resolution.path), href)
    return f"[{escape_label(link.display_text)}]({href})"


def _destination(resolution: Resolution, from_path: str) -> str:
    """A Markdown link keeps its label and title; only the destination is corrected."""
    if resolution.kind in ("note", "attachment") and resolution.path is not None:
        return relative_href(from_path, resolution.path, resolution.anchor or resolution.link.heading)
    return resolution.link.raw


def _image(label: str | None, name: str, href: str) -> str:
    size = _IMAGE_SIZE.match(label or "")
    alt = escape_label(posixpath.splitext(name)[0] if size or not label else label)
    if not size:
        return f"![{alt}]({href})"
    width, height = size.groups()
    attributes = f'width="{width}"' + (f' height="{height}"' if height else "")
    return f"![{alt}]({href}){{ {attributes} }}"


def relative_href(from_path: str, to_path: str, anchor: str | None = None) -> str:
    """A URL-quoted relative path from one source file to another, MkDocs-style."""
    fragment = f"#{quote(anchor)}" if anchor else ""
    if to_path == from_path and anchor:
        return fragment
    return _quoted_relative_path(to_path, posixpath.dirname(from_path) or ".") + fragment


@lru_cache(maxsize=4096)
def _quoted_relative_path(to_path: str, from_folder: str) -> str:
    # A page links to the glossary once per term and to a few notes many times over:
    # ``relpath`` (which makes both paths absolute first) runs once for each pair.
    return quote(posixpath.relpath(to_path, from_folder))


def escape_label(text: str) -> str:
    """Link text that Python-Markdown shows as written, and that no HTML can hide in."""
    return _MARKDOWN_SPECIALS.sub(r"\\\1", text).replace("<", "&lt;")
