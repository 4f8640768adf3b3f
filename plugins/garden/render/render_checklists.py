"""A Python-Markdown extension that marks a page's checklists for ``readiness.js``.

The page's Markdown ends with one comment naming its checklists (written by
:func:`checklist_marker` from the garden's index): which table or task list each one
is, and its items' ids. This extension takes the comment out and puts the ids on the
rendered elements: the checklist is wrapped in ``div[data-garden-checklist]``, each row
or task item gets ``data-garden-item``. The HTML still reads as the author wrote it;
the script adds the controls. A task's box is moved out of its language span, so it
shows in every reading mode.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as etree
from typing import Iterable, Iterator

from markdown import Extension, Markdown
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor
from markdown.util import ETX, STX

from garden.index.checklists import PageChecklist
from garden.render.transclusion import EMBED_CLASS  # an embedded note's checklists are its own page's

_MARKER = "<!-- garden-checklists "
_TASK_MARK = re.compile(r"^\s*\[( |x|X)\]\s+")
_PLACEHOLDER = re.compile(f"^{STX}[^{ETX}]*{ETX}\\s*")  # raw HTML, stashed until after the tree


def checklist_marker(checklists: Iterable[PageChecklist]) -> str:
    """The comment that closes a page's Markdown: ``""`` for a page without checklists."""
    data = [
        {"id": c.id, "kind": c.kind, "ordinal": c.ordinal, "page": c.url, "items": [i.id for i in c.items]}
        for c in checklists
    ]
    if not data:
        return ""
    # "-->" must not end the comment early; JSON reads "\u003e" as ">".
    return _MARKER + json.dumps(data, ensure_ascii=False).replace(">", "\\u003e") + " -->"


class _MarkerPreprocessor(Preprocessor):
    def run(self, lines: list[str]) -> list[str]:
        self.md.garden_checklists = []
        for index in range(len(lines) - 1, -1, -1):
            if lines[index].startswith(_MARKER) and lines[index].rstrip().endswith("-->"):
                self.md.garden_checklists = json.loads(lines[index][len(_MARKER):].rstrip()[:-3])
                return lines[:index] + lines[index + 1:]
        return lines


class ChecklistTreeprocessor(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        wanted = getattr(self.md, "garden_checklists", None)
        if not wanted:
            return
        parents: dict[etree.Element, etree.Element] = {}
        tables: list[etree.Element] = []
        task_lists: list[etree.Element] = []
        for parent, element in _walk(root):
            parents[element] = parent
            if element.tag == "table":
                tables.append(element)
            elif element.tag in ("ul", "ol") and any(_is_task(li) for li in element if li.tag == "li"):
                task_lists.append(element)
        for checklist in wanted:
            found = tables if checklist["kind"] == "table" else task_lists
            if checklist["ordinal"] < len(found):
                _mark(found[checklist["ordinal"]], parents, checklist, self.md.htmlStash.store)


class ChecklistExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Python-Markdown's name)
        # Before the raw-HTML stash (20) sees the comment; after the language tags (7),
        # so the task boxes can be taken out of their language spans.
        md.preprocessors.register(_MarkerPreprocessor(md), "garden_checklist_marker", 25)
        md.treeprocessors.register(ChecklistTreeprocessor(md), "garden_checklists", 6)


def makeExtension(**kwargs) -> ChecklistExtension:  # noqa: N802 (Python-Markdown's hook)
    return ChecklistExtension(**kwargs)


def _walk(root: etree.Element) -> Iterator[tuple[etree.Element, etree.Element]]:
    """(parent, element) in document order, not inside an embedded note."""
    pending = [(root, child) for child in reversed(list(root))]
    while pending:
        parent, element = pending.pop()
        yield parent, element
        if EMBED_CLASS not in (element.get("class") or "").split():
            pending.extend((element, child) for child in reversed(list(element)))


def _is_task(li: etree.Element) -> bool:
    if "task-list-item" in (li.get("class") or "").split():
        return True
    holder = _first_text(li)
    return holder is not None and bool(_TASK_MARK.match(holder[0].text or ""))


def _first_text(element: etree.Element) -> tuple[etree.Element] | None:
    """The element whose ``.text`` opens ``element``'s words (a span, a paragraph, itself)."""
    if element.text and element.text.strip():
        return (element,)
    if len(element) and element[0].tag in ("span", "p"):
        return _first_text(element[0])
    return None


def _mark(element: etree.Element, parents: dict, checklist: dict, stash) -> None:
    items = _table_rows(element) if checklist["kind"] == "table" else _task_items(element)
    if len(items) != len(checklist["items"]):
        return  # the page changed under us (another plugin): leave it as written
    for row, item_id in zip(items, checklist["items"]):
        row.set("data-garden-item", item_id)
        if checklist["kind"] == "tasks":
            _box_first(row, stash)
    parent = parents[element]
    wrapper = etree.Element("div", {
        "class": "garden-checklist",
        "id": "checklist-" + checklist["id"].split("#", 1)[1],
        "data-garden-checklist": checklist["id"],
        "data-garden-kind": checklist["kind"],
        "data-garden-page": checklist["page"],
    })
    parent.insert(list(parent).index(element), wrapper)
    parent.remove(element)
    wrapper.append(element)
    wrapper.tail, element.tail = element.tail, None


def _table_rows(table: etree.Element) -> list[etree.Element]:
    body = table.find("tbody")
    return [row for row in body if row.tag == "tr"] if body is not None else []


def _task_items(task_list: etree.Element) -> list[etree.Element]:
    return [li for li in task_list if li.tag == "li" and _is_task(li)]


def _box_first(li: etree.Element, stash) -> None:
    """The item's box first in the item, outside any language span: every mode shows it.

    pymdownx.tasklist leaves the box as a stashed-HTML placeholder opening the item's
    text; without it, "[ ] text" is still text, and becomes a box here."""
    holder = _first_text(li)
    if holder is None:
        return
    element = holder[0]
    placeholder = _PLACEHOLDER.match(element.text or "")
    if placeholder:
        box = placeholder.group(0)
    else:
        mark = _TASK_MARK.match(element.text or "")
        if not mark:
            return
        checked = " checked" if mark.group(1) != " " else ""
        box = stash(f'<label class="task-list-control"><input type="checkbox" disabled{checked}/>'
                    '<span class="task-list-indicator"></span></label> ')
        placeholder = mark
    element.text = element.text[placeholder.end():]
    li.text = box + (li.text or "")
    li.set("class", " ".join(dict.fromkeys([*(li.get("class") or "").split(), "task-list-item"])))
