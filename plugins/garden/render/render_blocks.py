"""Obsidian block ids in the rendered page: ``text ^my-id`` becomes ``id="^my-id"``.

A marker ending a paragraph or list item is removed and names that element; a marker
alone on the line after a list, table or quote names the block before it. Text in
code is never read: markers are matched in plain text nodes only.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor

from garden.notes.cards import BLOCK_MARKER

_NAMED = ("p", "li")
_ONLY_MARKER = re.compile(r"^\s*\^([\w-]+)\s*$")


class BlockIdTreeprocessor(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        for parent in list(root.iter()):
            previous = None
            for child in list(parent):
                if child.tag == "p" and len(child) == 0 and "^" in (child.text or "") and _ONLY_MARKER.match(child.text):
                    if previous is not None and "id" not in previous.attrib:
                        previous.set("id", "^" + _ONLY_MARKER.match(child.text).group(1))
                        parent.remove(child)
                        continue
                if child.tag in _NAMED and "id" not in child.attrib:
                    _name_by_trailing_marker(child)
                previous = child


def _name_by_trailing_marker(element: etree.Element) -> None:
    # The marker ends the element's last text: its own text, or its last child's tail.
    last = element[-1] if len(element) else None
    if last is not None and last.tag in ("ul", "ol"):
        return  # a list item's marker sits before its nested list: see the item's text
    text = (last.tail if last is not None else element.text) or ""
    match = BLOCK_MARKER.search(text) if "^" in text else None
    if not match:
        return
    if last is not None:
        last.tail = text[: match.start()]
    else:
        element.text = text[: match.start()]
    element.set("id", "^" + match.group(1))


class BlockIdExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Python-Markdown's name)
        # Before the language tagging (7), so the marker is not taken for a word.
        md.treeprocessors.register(BlockIdTreeprocessor(md), "garden_block_ids", 7.5)


def makeExtension(**kwargs) -> BlockIdExtension:  # noqa: N802 (Python-Markdown's hook)
    return BlockIdExtension(**kwargs)
