"""Glossary terms in the text link to their entry, with both definitions on hover and focus.

A Python-Markdown extension built once per build with the term base. It links the
first mention of each term per section (or every mention, or none), and never inside
headings, code, links, diagrams or raw HTML: those are elements or stashed text the
walk does not enter. The definitions live once in ``terms.json``, shown by terms.js,
so neither the pages nor the search index repeat them for every mention.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree
from dataclasses import dataclass, field

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor

from garden.index.glossary import GLOSSARY_PAGE
from garden.render.render_lang import TERM_ATTRIBUTE
from garden.render.rewrite import relative_href
from garden.index.terms import TermMatcher, has_chinese

TERM_CLASS = "garden-term"
_NOT_ENTERED = {"a", "code", "pre", "kbd", "script", "style", "h1", "h2", "h3", "h4", "h5", "h6", "svg", "math"}
_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}


@dataclass
class TermLinker:
    """What the extension needs to know; ``page`` is set before each page renders."""

    matcher: TermMatcher
    mode: str = "first"  # "first" | "all" | "off"
    page: str = ""
    skip_pages: frozenset[str] = field(default_factory=frozenset)


class TermTreeprocessor(Treeprocessor):
    def __init__(self, md: Markdown, linker: TermLinker) -> None:
        super().__init__(md)
        self.linker = linker

    def run(self, root: etree.Element) -> None:
        linker = self.linker
        if linker.mode == "off" or linker.page in linker.skip_pages:
            return
        self.linked: set[tuple[str, bool]] = set()
        self._walk(root)

    def _walk(self, element: etree.Element) -> None:
        if element.tag in _HEADINGS:
            self.linked = set()  # a new section: each term may be linked again
            return
        if element.tag in _NOT_ENTERED or "mermaid" in element.get("class", ""):
            return
        new_text, inserted = self._link(element.text or "")
        if inserted:
            element.text = new_text
            for position, link in enumerate(inserted):
                element.insert(position, link)
        # A key-term item's bilingual name is the definition's subject, not a mention.
        names = element[0] if element.get(TERM_ATTRIBUTE) is not None and len(element) else None
        for child in list(element):
            if any(child is link for link in inserted):
                continue
            if child is not names or child.tag != "strong":
                self._walk(child)
            tail, links = self._link(child.tail or "")
            if links:
                child.tail = tail
                index = list(element).index(child)
                for offset, link in enumerate(links, start=1):
                    element.insert(index + offset, link)

    def _link(self, text: str) -> tuple[str, list[etree.Element]]:
        """``text`` cut before its first linked mention, and the links (with tails)."""
        if not text.strip():
            return text, []
        links: list[etree.Element] = []
        kept, cursor = text, 0
        for mention in self.linker.matcher.find(text):
            term = mention.term
            # First per section in each language: a reader of either language sees one link.
            seen = (term.en, has_chinese(mention.text))
            if self.linker.mode == "first" and seen in self.linked:
                continue
            if term.file == self.linker.page:
                continue  # a term's own page does not link to itself
            self.linked.add(seen)
            link = etree.Element("a", _attributes(self.linker.page, term))
            link.text = mention.text
            if links:
                links[-1].tail = text[cursor : mention.start]
            else:
                kept = text[: mention.start]
            links.append(link)
            cursor = mention.end
        if links:
            links[-1].tail = text[cursor:]
        return kept, links


def _attributes(page: str, term) -> dict[str, str]:
    # The definitions are not repeated in every page: terms.js shows them from
    # terms.json, keyed by the anchor this link already carries.
    return {"class": TERM_CLASS, "href": relative_href(page, GLOSSARY_PAGE, term.anchor)}


class TermExtension(Extension):
    def __init__(self, linker: TermLinker, **kwargs) -> None:
        self.linker = linker
        super().__init__(**kwargs)

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Python-Markdown's name)
        # After language tagging (7), which must see whole texts; before toc (5).
        md.treeprocessors.register(TermTreeprocessor(md, self.linker), "garden_terms", 6)
