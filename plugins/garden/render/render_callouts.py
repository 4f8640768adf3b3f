"""Obsidian and Quartz callouts (``> [!note] Title``) rendered as Material admonitions.

A blockquote whose first line is ``[!type]`` becomes ``<div class="admonition type">``
with its title; ``[!type]-`` and ``[!type]+`` become a folded or open ``<details>``, as
in Obsidian. Material already styles every type Obsidian names (note, tip, warning…
and their aliases); an unknown type is shown as a note.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor

_MARKER = re.compile(r"^\[!([A-Za-z][\w-]*)\]([+-]?)[ \t]*(.*)$")
# Material's admonition types and the aliases it styles alike (Obsidian's names).
MATERIAL_TYPES = {
    "note", "abstract", "summary", "tldr", "info", "todo", "tip", "hint", "important", "success", "check",
    "done", "question", "help", "faq", "warning", "caution", "attention", "failure", "fail", "missing",
    "danger", "error", "bug", "example", "quote", "cite",
}


class CalloutTreeprocessor(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        _transform(root)


def _transform(element: etree.Element) -> None:
    """Replace callout blockquotes among ``element``'s children, then look inside all of them."""
    for index, child in reversed(list(enumerate(element))):
        if child.tag == "blockquote":
            replacement = _split(child)
            if replacement != [child]:
                element.remove(child)
                for offset, box in enumerate(replacement):
                    element.insert(index + offset, box)
    for child in element:
        _transform(child)


def _split(quote: etree.Element) -> list[etree.Element]:
    """Python-Markdown joins ``> [!a]`` and ``> [!b]`` separated by a blank line into one
    quote; each paragraph that opens with a marker starts a callout of its own."""
    groups: list[list[etree.Element]] = [[]]
    for child in quote:
        if child.tag == "p" and _MARKER.match((child.text or "").partition("\n")[0].strip()):
            groups.append([])
        groups[-1].append(child)
    if len(groups) == 1:
        return [quote]
    found: list[etree.Element] = []
    if groups[0]:  # a plain quote before the first callout stays a quote
        plain = etree.Element("blockquote")
        plain.extend(groups[0])
        found.append(plain)
    for group in groups[1:]:
        part = etree.Element("blockquote")
        part.extend(group)
        found.append(_callout(part))
    found[-1].tail = quote.tail
    return found


def _callout(quote: etree.Element) -> etree.Element | None:
    first = quote[0]
    head = (first.text or "").partition("\n")[0]
    match = _MARKER.match(head.strip())
    if match is None:
        return None
    kind, fold = match.group(1).lower(), match.group(2)
    css = kind if kind in MATERIAL_TYPES else "note"
    box = etree.Element("details" if fold else "div", {"class": css if fold else f"admonition {css}"})
    if fold == "+":
        box.set("open", "")
    heading = etree.SubElement(box, "summary" if fold else "p", {} if fold else {"class": "admonition-title"})
    first.text = (first.text or "")[len(head) - len(head.lstrip()) + match.end(2) :].lstrip(" \t")
    _move_title_line(first, heading)
    if heading.text is None and not len(heading) or not "".join(heading.itertext()).strip():
        heading.text = kind.capitalize()
    if not (first.text or "").strip() and not len(first):
        quote.remove(first)  # the first paragraph was only the title line
    box.extend(list(quote))
    box.tail = quote.tail
    return box


def _move_title_line(paragraph: etree.Element, heading: etree.Element) -> None:
    """Move everything up to the paragraph's first line break into ``heading``."""
    text = paragraph.text or ""
    if "\n" in text:
        heading.text, paragraph.text = text.split("\n", 1)
        return
    heading.text, paragraph.text = text, None
    for child in list(paragraph):
        paragraph.remove(child)
        tail = child.tail or ""
        if "\n" in tail:
            child.tail, paragraph.text = tail.split("\n", 1)
            heading.append(child)
            return
        heading.append(child)


class CalloutExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Python-Markdown's name)
        # Before block ids (7.5) and language tagging (7): they see the admonition's paragraphs.
        md.treeprocessors.register(CalloutTreeprocessor(md), "garden_callouts", 7.8)


def makeExtension(**kwargs) -> CalloutExtension:  # noqa: N802 (Python-Markdown's hook)
    return CalloutExtension(**kwargs)
