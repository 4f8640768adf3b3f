"""A page's HTML without what its author could make run: the raw HTML Python-Markdown
keeps aside (the stash) and every element's attributes (``[x](javascript:…)``, an
``attr_list``'s ``{: onclick=… }``, an ``md_in_html`` block's own) go through
``safe_html``. A garden whose authors are trusted turns this off (``trusted_html``).
"""

from __future__ import annotations

import xml.etree.ElementTree as etree

from markdown import Extension, Markdown
from markdown.postprocessors import Postprocessor
from markdown.treeprocessors import Treeprocessor

from garden.render.safe_html import safe_attributes, safe_html


class SafeAttributes(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        for element in root.iter():
            _clean(element)


class SafeStash(Postprocessor):
    """Before the stash is put back (Python-Markdown's ``raw_html``, priority 30)."""

    def run(self, text: str) -> str:
        blocks = self.md.htmlStash.rawHtmlBlocks
        for number, block in enumerate(blocks):
            if isinstance(block, str):
                blocks[number] = safe_html(block)
            else:
                for element in block.iter():
                    _clean(element)
        return text


def _clean(element: etree.Element) -> None:
    if not isinstance(element.tag, str) or not element.attrib:
        return
    attributes = list(element.attrib.items())
    kept = safe_attributes(element.tag, attributes)
    if len(kept) != len(attributes):
        element.attrib.clear()
        element.attrib.update(kept)


class SafeHtmlExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Python-Markdown's name)
        # Last, after MkDocs makes links relative (0): every element is made, every URL final.
        md.treeprocessors.register(SafeAttributes(md), "garden_safe_attributes", -1)
        md.postprocessors.register(SafeStash(md), "garden_safe_stash", 35)


def makeExtension(**kwargs) -> SafeHtmlExtension:  # noqa: N802 (Python-Markdown's hook)
    return SafeHtmlExtension(**kwargs)
