"""What the readiness dashboard and the checklist script are given: plain values.

The dashboard lists every checklist by folder, with its items, so it reads without
JavaScript; ``readiness.js`` fills in each reader's own score from the browser.
The words the script shows (state names, score line, verdicts) come from here too,
in English and Chinese, with the garden's own wording merged over the defaults.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Mapping

from garden.index.checklists import READINESS_PAGE, SCHEMA, PageChecklist
from garden.index.garden import Garden
from garden.render.views import Entry, entry

# Verdicts in the order they are tried (a task list has only the last two); the script
# fills in the counts "{n} {N} {w} {u}" (ready, total, warnings, unknown or not done),
# and "{w|sign|signs}" as a count with its noun, one or many.
VERDICTS: dict[str, dict[str, str]] = {
    "ready": {"en": "Ready: every item shows its ready signal.", "zh": "已就绪：每一项都显示就绪信号。"},
    "unknown": {"en": "Mostly unknown: find out before you decide.", "zh": "大多未知：先弄清情况再做决定。"},
    "warnings": {"en": "Not yet: {w|warning sign|warning signs} to resolve before you commit.",
                 "zh": "尚未就绪：投入之前需先解决 {w} 个警示。"},
    "progress": {"en": "On the way: {n} of {N} ready.", "zh": "进行中：{N} 项中 {n} 项已就绪。"},
    "tasks_done": {"en": "Done: every item is ticked.", "zh": "全部完成：每一项都已勾选。"},
    "tasks_todo": {"en": "Still to do: {u|item|items}.", "zh": "尚待完成：还有 {u} 项。"},
}
WORDS: dict[str, dict[str, str]] = {
    "ready": {"en": "Ready", "zh": "就绪"},
    "warning": {"en": "Warning", "zh": "警示"},
    "unknown": {"en": "Not known yet", "zh": "尚不清楚"},
    "done": {"en": "Done", "zh": "已完成"},
    "todo": {"en": "Not done", "zh": "未完成"},
    "state": {"en": "State", "zh": "状态"},
    "item": {"en": "Item", "zh": "项目"},
    "score": {"en": "{n} of {N} ready, {w|warning|warnings}, {u} unknown", "zh": "{N} 项中 {n} 项就绪，{w} 项警示，{u} 项未知"},
    "score_tasks": {"en": "{n} of {N} done", "zh": "{N} 项中已完成 {n} 项"},
    "copy-markdown": {"en": "Copy as Markdown", "zh": "复制为 Markdown"},
    "download-json": {"en": "Download JSON", "zh": "下载 JSON"},
    "share": {"en": "Share link", "zh": "分享链接"},
    "reset": {"en": "Reset", "zh": "重置"},
    "print": {"en": "Print", "zh": "打印"},
    "dashboard": {"en": "All checklists", "zh": "全部清单"},
    "copied": {"en": "Copied.", "zh": "已复制。"},
    "shared": {"en": "Showing answers from a shared link; yours are unchanged.",
               "zh": "正在显示分享链接中的答案；你自己的答案没有改变。"},
    "keep-shared": {"en": "Keep these answers", "zh": "保留这些答案"},
    "mine": {"en": "Show my answers", "zh": "显示我的答案"},
    "confirm-reset": {"en": "Forget your answers to this checklist?", "zh": "清除你对这份清单的回答？"},
    "never": {"en": "not started", "zh": "尚未开始"},
    "overall": {"en": "Overall: {n} of {N} ready, {w|warning|warnings}, {u} unknown",
                "zh": "总计：{N} 项中 {n} 项就绪，{w} 项警示，{u} 项未知"},
}


def checklist_text(verdicts: Mapping[str, Any], unknown_share: float, garden: Garden, path: str) -> dict[str, Any]:
    """The script's words and thresholds, and the page's titles, as one JSON object."""
    merged = {key: {**value, **(verdicts.get(key) or {})} for key, value in VERDICTS.items()}
    card = garden.cards.get(path)
    page = entry(garden, path) if card is not None else None
    return {
        "schema": SCHEMA,
        "verdicts": merged,
        "order": list(VERDICTS),
        "unknown_share": unknown_share,
        "words": WORDS,
        "title": page.title if page else None,
        "title_zh": page.title_zh if page else None,
        "dashboard": garden.site_map.url(READINESS_PAGE) if garden.site_map and READINESS_PAGE in garden.site_map.dest
        else None,
    }


@dataclass(frozen=True)
class DashboardItem:
    id: str
    en: str | None
    zh: str | None
    text: str
    initial: str  # "ready" for a task the author ticked, else "unknown"


@dataclass(frozen=True)
class DashboardEntry:
    id: str
    page: str  # the page's URL from the site root: the key of the reader's answers
    note: Entry
    heading: str | None
    kind: str
    link: str  # the checklist on its page, from the site root
    items: tuple[DashboardItem, ...]


@dataclass(frozen=True)
class DashboardGroup:
    name: str
    entries: tuple[DashboardEntry, ...]


@dataclass(frozen=True)
class DashboardView:
    groups: tuple[DashboardGroup, ...]
    checklists: int
    items: int


def dashboard_view(garden: Garden) -> DashboardView:
    groups: dict[str, list[DashboardEntry]] = {}
    for path in sorted(garden.checklists, key=str.casefold):
        folder = path.split("/")[0] if "/" in path else ""
        for checklist in garden.checklists[path]:
            groups.setdefault(folder, []).append(_entry(garden, checklist))
    ordered = sorted(groups.items(), key=lambda group: (group[0] != "", group[0].casefold()))
    shown = tuple(DashboardGroup(name or "Notes", tuple(entries)) for name, entries in ordered)
    every = [c for found in garden.checklists.values() for c in found]
    return DashboardView(shown, len(every), sum(len(c.items) for c in every))


def _entry(garden: Garden, checklist: PageChecklist) -> DashboardEntry:
    items = tuple(
        DashboardItem(i.id, i.en, i.zh, i.text, "ready" if i.checked else "unknown") for i in checklist.items
    )
    anchor = "checklist-" + checklist.id.split("#", 1)[1]
    return DashboardEntry(checklist.id, checklist.url, entry(garden, checklist.path), checklist.heading,
                          checklist.kind, f"{checklist.url}#{anchor}", items)
