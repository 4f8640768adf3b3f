"""A page's HTML as the text search reads: one ``Section`` per heading (its text, its
anchor and the words under it), without scripts, styles, drawings or permalink marks.

Pure: HTML in, sections out (the standard library's ``html.parser``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser

_HEADING = {"h1", "h2", "h3", "h4", "h5", "h6"}
_SKIPPED = {"script", "style", "svg", "template", "noscript"}
_SKIPPED_CLASSES = {"headerlink", "garden-diagram__source", "garden-diagram__canvas", "md-source-file"}
_BLOCKS = {"p", "li", "td", "th", "dd", "dt", "div", "pre", "blockquote", "br", "tr", "figcaption", "summary"}
_SPACES = re.compile(r"\s+")
_VOID = {"br", "img", "input", "hr", "meta", "link", "wbr", "col", "area", "base", "source", "track", "embed"}


@dataclass(frozen=True)
class Section:
    heading: str  # "" before the first heading
    anchor: str  # the heading's id, "" when it has none
    text: str


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.sections: list[tuple[str, str, list[str]]] = [("", "", [])]
        self.skip_depth = 0  # open elements whose text is left out
        self.stack: list[bool] = []  # per open element: does it skip?
        self.heading: tuple[str, list[str]] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        classes = set((values.get("class") or "").split())
        skips = tag in _SKIPPED or bool(classes & _SKIPPED_CLASSES)
        if tag in _HEADING and not self.skip_depth:
            self.heading = (values.get("id") or "", [])
        elif tag in _BLOCKS:
            self._text(" ")
        if tag in _VOID:
            return
        self.stack.append(skips)
        self.skip_depth += skips

    def handle_endtag(self, tag: str) -> None:
        if tag in _VOID or not self.stack:
            return
        self.skip_depth -= self.stack.pop()
        if tag in _HEADING and self.heading is not None and not self.skip_depth:
            anchor, parts = self.heading
            self.heading = None
            self.sections.append((_clean("".join(parts)), anchor, []))
        elif tag in _BLOCKS:
            self._text(" ")

    def handle_data(self, data: str) -> None:
        if not self.skip_depth:
            self._text(data)

    def _text(self, data: str) -> None:
        if self.heading is not None:
            self.heading[1].append(data)
        else:
            self.sections[-1][2].append(data)


def _clean(text: str) -> str:
    return _SPACES.sub(" ", text).strip()


def sections(html: str) -> list[Section]:
    """The page's sections in order; the text before the first heading is the first (when any)."""
    reader = _Reader()
    reader.feed(html)
    reader.close()
    found = [Section(heading, anchor, _clean("".join(parts))) for heading, anchor, parts in reader.sections]
    return [section for index, section in enumerate(found) if index or section.text]
