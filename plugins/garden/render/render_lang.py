"""A Python-Markdown extension that tags every rendered segment with its language.

MkDocs renders through Python-Markdown, so the tagging happens on its element tree,
after inline parsing and ``attr_list``: paragraphs, list items, table cells and
headings get ``lang="en"`` or ``lang="zh-Hans"``; an "English then Chinese" item is
split into two spans; a segment whose translation sits next to it is marked
``data-garden-pair`` so the reading switch can hide it when the other language shows.
The language decisions are :mod:`garden.lang`'s, the same the card model makes.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor
from markdown.util import STX, ETX

from garden.notes import lang

HTML_LANG = {"en": "en", "zh": "zh-Hans"}
_LANG_OF_HTML = {html: language for language, html in HTML_LANG.items()}
PAIR_ATTRIBUTE = "data-garden-pair"
# "**Term / 术语:** definition": the names stay in every reading mode.
TERM_ATTRIBUTE = "data-garden-term"
TERM_DEFINITION_CLASS = "garden-term-definition"
_SEGMENT_TAGS = {"p", "li", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6", "dt", "dd"}
_BLOCK_TAGS = {"p", "ul", "ol", "div", "table", "blockquote", "pre", "dl", "details", "figure", "hr"}
# Raw HTML is stashed as placeholders until after tree processing; they are not words.
_PLACEHOLDER = re.compile(f"{STX}[^{ETX}]*{ETX}")
_ROOT_ONLY = object()


class BilingualTreeprocessor(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        for element in list(root.iter()):
            if element.tag in _SEGMENT_TAGS and "lang" not in element.attrib:
                _tag_segment(element)
        for container in list(root.iter()):
            _mark_paragraph_pairs(container)


class BilingualExtension(Extension):
    """Register with ``markdown_extensions`` or pass an instance, as the plugin does."""

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Python-Markdown's name)
        # After attr_list (8), so an author's explicit {: lang=… } wins; before toc (5).
        md.treeprocessors.register(BilingualTreeprocessor(md), "garden_bilingual", 7)


def makeExtension(**kwargs) -> BilingualExtension:  # noqa: N802 (Python-Markdown's hook)
    return BilingualExtension(**kwargs)


def _tag_segment(element: etree.Element) -> None:
    if element.tag in ("li", "td", "th") and any(child.tag == "p" for child in element):
        return  # its paragraphs are the segments
    pieces = _inline_pieces(element)
    text = "".join(_piece_words(piece) for piece in pieces)
    names = _term_name_pieces(pieces)
    if names:
        # The bilingual name says nothing of the definition's language.
        name_length = sum(len(_piece_text(piece)) for piece in pieces[:names])
        text = " " * name_length + text[name_length:]
    classified = lang.classify(text)
    if classified == "mixed" and not element.tag.startswith("h"):
        split = lang.split_bilingual(text)
        if split is not None:
            _split_into_spans(element, pieces, split.at, keep=names)
            if names:
                element.set(TERM_ATTRIBUTE, "")
            return
    if classified in HTML_LANG:
        element.set("lang", HTML_LANG[classified])
        if names and classified == "en":
            element.set(TERM_ATTRIBUTE, "")
            _wrap_definition(element, pieces, names)


def _term_name_pieces(pieces: list[str | etree.Element]) -> int:
    """How many leading pieces hold a term's "English / 中文:" name (0 when none)."""
    return 2 if _names_a_term(pieces) else 0


def _names_a_term(pieces: list[str | etree.Element]) -> bool:
    if len(pieces) < 3 or pieces[0].strip() or getattr(pieces[1], "tag", None) != "strong":
        return False
    name, after = _piece_text(pieces[1]), pieces[2]
    has_colon = name.rstrip().endswith((":", "：")) or after.lstrip().startswith((":", "："))
    return has_colon and lang.term_names(name.rstrip(":： ")) is not None


def _inline_pieces(element: etree.Element) -> list[str | etree.Element]:
    """The element's text and inline children, in order, up to its first block child."""
    pieces: list[str | etree.Element] = [element.text or ""]
    for child in element:
        if child.tag in _BLOCK_TAGS:
            break
        pieces += [child, child.tail or ""]
    return pieces


def _piece_text(piece: str | etree.Element) -> str:
    return piece if isinstance(piece, str) else "".join(piece.itertext())


def _piece_words(piece: str | etree.Element) -> str:
    """A piece's own words; a link label or code span counts as no language at all
    (the card model reads the same way), but keeps its length so offsets agree."""
    if isinstance(piece, str):
        return _words_only(piece)
    text = _piece_text(piece)
    if any(inner.tag in ("a", "code") for inner in piece.iter()):
        return _neutral(piece, text)
    return _words_only(text)


def _neutral(piece: etree.Element, text: str) -> str:
    if piece.tag in ("a", "code"):
        return " " * len(text)
    parts = [_words_only(piece.text or "")]
    for child in piece:
        parts.append(_piece_words(child))
        parts.append(_words_only(child.tail or ""))
    return "".join(parts)


def _words_only(text: str) -> str:
    if STX not in text:
        return text
    return _PLACEHOLDER.sub(lambda match: " " * len(match.group()), text)


def _split_into_spans(
    element: etree.Element, pieces: list[str | etree.Element], at: int, keep: int = 0
) -> None:
    """Wrap the English and Chinese halves in spans; the first ``keep`` pieces stay outside."""
    english = etree.Element("span", {"lang": "en", PAIR_ATTRIBUTE: ""})
    chinese = etree.Element("span", {"lang": "zh-Hans", PAIR_ATTRIBUTE: ""})
    kept = _detach(element, pieces, keep)
    offset = sum(len(_piece_text(piece)) for piece in pieces[:keep])
    for piece in pieces[keep:]:
        length = len(_piece_text(piece))
        if isinstance(piece, str) and offset < at < offset + length:
            _append(english, piece[: at - offset])
            _append(chinese, piece[at - offset :])
        else:
            # An inline element (a link, bold text) goes wholly to the side it starts on.
            _append(english if offset < at else chinese, piece)
        offset += length
    english.tail = " "
    element.insert(kept, english)
    element.insert(kept + 1, chinese)


def _wrap_definition(element: etree.Element, pieces: list[str | etree.Element], keep: int) -> None:
    definition = etree.Element("span", {"class": TERM_DEFINITION_CLASS, "lang": "en"})
    kept = _detach(element, pieces, keep)
    for piece in pieces[keep:]:
        _append(definition, piece)
    element.insert(kept, definition)


def _detach(element: etree.Element, pieces: list[str | etree.Element], keep: int) -> int:
    """Empty ``element`` of its inline pieces, putting back the first ``keep`` of them.

    Block children (a nested list) stay where they are, after the inline ones.
    Returns the child index where new inline content goes.
    """
    for piece in pieces:
        if not isinstance(piece, str):
            element.remove(piece)
    element.text = None
    position = 0
    for piece in pieces[:keep]:
        if isinstance(piece, str):
            element.text = (element.text or "") + piece
        else:
            piece.tail = None
            element.insert(position, piece)
            position += 1
    return position


def _append(span: etree.Element, piece: str | etree.Element) -> None:
    if isinstance(piece, str):
        if len(span):
            span[-1].tail = (span[-1].tail or "") + piece
        else:
            span.text = (span.text or "") + piece
        return
    piece.tail = None
    span.append(piece)


def _mark_paragraph_pairs(container: etree.Element) -> None:
    """An English paragraph followed directly by its Chinese one form a pair."""
    previous = None
    for child in container:
        language = _LANG_OF_HTML.get(child.get("lang")) if child.tag == "p" else None
        if previous is not None and language and lang.translates("en", PAIR_ATTRIBUTE in previous.attrib, language):
            previous.set(PAIR_ATTRIBUTE, "")
            child.set(PAIR_ATTRIBUTE, "")
            previous = None
            continue
        previous = child if language == "en" and PAIR_ATTRIBUTE not in child.attrib else None
