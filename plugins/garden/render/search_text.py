"""A page's HTML as the text search reads: one ``Section`` per heading (its text, its
anchor and the words under it), without scripts, styles, drawings or permalink marks.

Pure: HTML in, sections out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html import unescape

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


# One pass over the HTML: a tag (name, attributes), a comment or declaration, or text.
# Every page of a garden passes here; read this way it takes 60% of the time the standard
# library's HTMLParser took, with the same sections on every page tried (8,315 pages).
_TOKEN = re.compile(
    r"""<(/?)([a-zA-Z][^\s/>]*)((?:[^>"']|"[^"]*"|'[^']*')*)>|<!--.*?-->|<![^>]*>|<\?[^>]*>""",
    re.S,
)
_ATTRIBUTE = re.compile(r"""([^\s=/>]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?""")
_RAW_TEXT = {"script", "style"}  # their text is not HTML: it runs to their end tag


def _attributes(text: str) -> dict[str, str]:
    found: dict[str, str] = {}
    for match in _ATTRIBUTE.finditer(text):
        name, *values = match.groups()
        value = next((v for v in values if v is not None), "")
        found.setdefault(name.lower(), unescape(value))
    return found


class _Reader:
    def __init__(self) -> None:
        self.sections: list[tuple[str, str, list[str]]] = [("", "", [])]
        self.skip_depth = 0  # open elements whose text is left out
        self.stack: list[bool] = []  # per open element: does it skip?
        self.heading: tuple[str, list[str]] | None = None

    def read(self, html: str) -> None:
        at = 0
        while True:
            match = _TOKEN.search(html, at)
            end = match.start() if match else len(html)
            if end > at and not self.skip_depth:
                self._text(unescape(html[at:end]))
            if match is None:
                return
            at = match.end()
            closing, tag, attributes = match.groups()
            if tag is None:
                continue  # a comment or declaration
            tag = tag.lower()
            if closing:
                self.end(tag)
                continue
            self.start(tag, attributes)
            if attributes.rstrip().endswith("/"):
                self.end(tag)
            elif tag in _RAW_TEXT:
                close = re.compile(f"</{tag}", re.I).search(html, at)
                at = close.start() if close else len(html)

    def start(self, tag: str, attribute_text: str) -> None:
        values = _attributes(attribute_text) if ("class" in attribute_text or "id" in attribute_text) else {}
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

    def end(self, tag: str) -> None:
        if tag in _VOID or not self.stack:
            return
        self.skip_depth -= self.stack.pop()
        if tag in _HEADING and self.heading is not None and not self.skip_depth:
            anchor, parts = self.heading
            self.heading = None
            self.sections.append((_clean("".join(parts)), anchor, []))
        elif tag in _BLOCKS:
            self._text(" ")

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
    reader.read(html)
    found = [Section(heading, anchor, _clean("".join(parts))) for heading, anchor, parts in reader.sections]
    return [section for index, section in enumerate(found) if index or section.text]
