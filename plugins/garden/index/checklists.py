"""Every reader checklist in the garden: readiness tables, task lists and front matter
``readiness:`` lists, each item with a stable id.

An item's id comes from its normalised text, not its position: a reader's answers
(kept in the browser under the page's URL and the item's id) survive reordered rows,
and an edited item starts afresh. The page, the dashboard, ``readiness.json`` and
``garden check`` all read this one index.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass
from typing import Any, Iterable, Mapping

from garden.index.findings import Finding
from garden.notes import lang
from garden.notes.cards import Card, Table
from garden.notes.titles import title_of, title_zh

READINESS_WORDS = ("Readiness", "准备度", "就绪")
READINESS_PAGE = "readiness.md"
READINESS_JSON = "readiness.json"
SCHEMA = 1  # in every stored key: a new schema starts readers afresh, never misreads

_SPACE = re.compile(r"\s+")
_SLUG_DROP = re.compile(r"[^a-z0-9]+")


@dataclass(frozen=True)
class Item:
    id: str
    text: str  # the item as written, markup dropped
    en: str | None
    zh: str | None
    line: int
    ready: str | None = None  # the row's production-ready signal
    warning: str | None = None  # the row's warning sign
    checked: bool = False  # a task the author ticked


@dataclass(frozen=True)
class PageChecklist:
    id: str  # unique in the garden: "<page URL>#<section anchor>"
    path: str
    url: str
    kind: str  # "table" (three states) | "tasks" (done / not done)
    source: str  # "table" | "tasks" | "front-matter"
    heading: str | None
    line: int
    # Which element on the rendered page: the n-th table of the card (a front matter
    # list is rendered as one more table after the card's), or the n-th task list.
    ordinal: int
    header: tuple[str, ...]
    items: tuple[Item, ...]


def item_id(text: str) -> str:
    """A short readable id from the item's normalised text: equal texts, equal ids."""
    normal = normalise(text)
    digest = hashlib.sha1(normal.encode("utf-8")).hexdigest()[:6]
    slug = _SLUG_DROP.sub("-", unicodedata.normalize("NFKD", normal).encode("ascii", "ignore").decode()).strip("-")
    return f"{slug[:32].rstrip('-')}-{digest}" if slug else f"item-{digest}"


def normalise(text: str) -> str:
    """Case, width and spacing do not make another item; words do."""
    return _SPACE.sub(" ", unicodedata.normalize("NFKC", text)).strip().casefold()


def bilingual(text: str) -> tuple[str | None, str | None]:
    """(English, Chinese) of an item: "Ownership 所有权", "Ownership / 所有权", or one language."""
    split = lang.split_bilingual(text)
    if split is not None:
        return split.en, split.zh
    first_han = lang.HAN_CHAR.search(text)
    if first_han is None:
        return text, None
    head = text[: first_han.start()].rstrip(" /／|").strip()
    if head and not lang.HAN_CHAR.search(text[: first_han.start()]) and lang.latin_word_count(head):
        return head, text[first_han.start():].strip()
    return None, text


def is_readiness(table: Table, words: Iterable[str]) -> bool:
    where = " ".join((table.header[0] if table.header else "", table.section or "")).casefold()
    return any(word.casefold() in where for word in words)


def has_checklist(card: Card, words: Iterable[str] = READINESS_WORDS) -> bool:
    return bool(
        "readiness" in card.meta.extra
        or any(c.kind == "tasks" for c in card.checklists)
        or any(is_readiness(table, words) for table in card.tables)
    )


def card_checklists(card: Card, url: str, words: Iterable[str] = READINESS_WORDS) -> tuple[PageChecklist, ...]:
    """The card's checklists in page order, each with its id."""
    anchors = {section.title: section.anchor for section in card.sections}
    drafts: list[tuple[str, dict[str, Any]]] = []
    words = tuple(words)
    for ordinal, table in enumerate(card.tables):
        if is_readiness(table, words):
            items = tuple(_row_item(row, table.line + 2 + n) for n, row in enumerate(table.rows) if row)
            drafts.append((anchors.get(table.section or "", ""), dict(
                kind="table", source="table", heading=table.section, line=table.line, ordinal=ordinal,
                header=table.header, items=items)))
    task_lists = [c for c in card.checklists if c.kind == "tasks"]
    for ordinal, checklist in enumerate(task_lists):
        items = tuple(_item(i.text, i.line, checked=i.checked) for i in checklist.items)
        drafts.append((anchors.get(checklist.section or "", ""), dict(
            kind="tasks", source="tasks", heading=checklist.section, line=checklist.line, ordinal=ordinal,
            header=(), items=items)))
    front = front_matter_checklist(card)
    if front is not None:
        drafts.append(("readiness", dict(kind="table", source="front-matter", heading="Readiness",
                                         ordinal=len(card.tables), **front)))
    taken: set[str] = set()
    found = []
    for anchor, fields in sorted(drafts, key=lambda draft: draft[1]["line"]):
        name = anchor or "checklist"
        unique = next(f"{name}-{n}" if n > 1 else name for n in range(1, len(drafts) + 2)
                      if (f"{name}-{n}" if n > 1 else name) not in taken)
        taken.add(unique)
        found.append(PageChecklist(id=f"{url}#{unique}", path=card.path, url=url, **fields))
    return tuple(found)


def front_matter_checklist(card: Card) -> dict[str, Any] | None:
    """``readiness:`` in front matter: strings, or ``{item, ready, warning}`` mappings."""
    value = card.meta.extra.get("readiness")
    if value is None:
        return None
    line = card.meta.lines.get("readiness", 1)
    entries = value if isinstance(value, list) else []
    items = []
    for entry in entries:
        if isinstance(entry, Mapping) and entry.get("item") is not None:
            items.append(_item(str(entry["item"]), line, ready=_text(entry.get("ready")),
                               warning=_text(entry.get("warning"))))
        elif isinstance(entry, (str, int, float)):
            items.append(_item(str(entry), line))
    header = ("Readiness 准备度", "Ready signal 就绪信号", "Warning sign 警示信号")
    return dict(line=line, header=header, items=tuple(items))


def front_matter_markdown(checklist: PageChecklist) -> str:
    """The front matter list as the table an author would have written, for the page."""
    def cell(text: str | None) -> str:
        return (text or "").replace("|", "\\|").replace("\n", " ")

    rows = [f"| {cell(i.text)} | {cell(i.ready)} | {cell(i.warning)} |" for i in checklist.items]
    return "\n".join(["## Readiness 准备度 {: #readiness }", "", "| " + " | ".join(checklist.header) + " |",
                      "| --- | --- | --- |", *rows])


def checklist_findings(checklists: Iterable[PageChecklist]) -> list[Finding]:
    found = []
    for checklist in checklists:
        if not checklist.items:
            found.append(Finding(checklist.path, checklist.line, 0, "warning", "checklist-empty",
                                 f"checklist '{checklist.heading or checklist.kind}' has no items"))
    return found


def duplicate_findings(checklists: Iterable[PageChecklist]) -> list[Finding]:
    """Two items with one id on a page (in one checklist or two) share one stored answer."""
    seen: dict[str, Item] = {}
    found = []
    for checklist in checklists:
        for item in checklist.items:
            first = seen.setdefault(item.id, item)
            if first is not item:
                found.append(Finding(checklist.path, item.line, 0, "warning", "checklist-duplicate-item",
                                     f"checklist item '{item.text}' repeats line {first.line}: "
                                     "a reader's answer would count for both", item.id))
    return found


def readiness_data(checklists: Mapping[str, tuple[PageChecklist, ...]], cards: Mapping[str, Card]) -> dict:
    """``readiness.json``: every checklist, for tools."""
    return {
        "schema": SCHEMA,
        "checklists": [
            {
                "id": c.id, "page": c.url, "path": c.path, "title": title_of(cards[c.path]),
                "title_zh": title_zh(cards[c.path]), "heading": c.heading, "kind": c.kind, "source": c.source,
                "line": c.line, "signals": list(c.header[1:3]),
                "items": [{"id": i.id, "text": i.text, "en": i.en, "zh": i.zh, "ready": i.ready,
                           "warning": i.warning, "checked": i.checked} for i in c.items],
            }
            for path in sorted(checklists) for c in checklists[path]
        ],
    }


def _row_item(row: tuple[str, ...], line: int) -> Item:
    return _item(row[0], line, ready=row[1] if len(row) > 1 else None, warning=row[2] if len(row) > 2 else None)


def _item(text: str, line: int, **signals: Any) -> Item:
    en, zh = bilingual(text)
    return Item(id=item_id(text), text=text, en=en, zh=zh, line=line, **signals)


def _text(value: object) -> str | None:
    return str(value) if isinstance(value, (str, int, float)) else None

