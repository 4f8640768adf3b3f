"""Plain-data views of the model for ``--format json`` (and tests that read them)."""

from __future__ import annotations

from collections import Counter
from dataclasses import asdict
from typing import Any

from garden.notes.cards import Card
from garden.index.findings import Finding
from garden.notes.wikilinks import WikiLink


def card_report(card: Card) -> dict[str, Any]:
    meta = card.meta
    return {
        "path": card.path,
        "title": card.title,
        "title_zh": meta.title_zh,
        "aliases": list(meta.aliases),
        "tags": list(card.tags),
        "source": asdict(meta.source) if meta.source else None,
        "takeaway": meta.takeaway,
        "draft": meta.draft,
        "date": meta.date,
        "permalink": meta.permalink,
        "extra": _json_safe(meta.extra),
        "sections": [
            {"level": s.level, "number": s.number, "title": s.title, "anchor": s.anchor, "line": s.line}
            for s in card.sections
        ],
        "terms": [asdict(term) for term in card.terms],
        "tables": [{"header": list(t.header), "rows": [list(r) for r in t.rows], "line": t.line} for t in card.tables],
        "mermaid": [asdict(diagram) for diagram in card.mermaid],
        "links": [_link(link) for link in card.links],
        "segments": dict(Counter(segment.lang for segment in card.segments)),
        "untranslated": [{"line": s.line, "text": s.text} for s in card.untranslated],
        "checklists": [_checklist(checklist) for checklist in card.checklists],
        "problems": [asdict(problem) for problem in card.problems],
    }


def _link(link: WikiLink) -> dict[str, Any]:
    return {
        "target": link.target,
        "heading": link.heading,
        "block": link.block,
        "label": link.label,
        "embed": link.embed,
        "line": link.line,
        "col": link.col,
    }


def _checklist(checklist) -> dict[str, Any]:
    found: dict[str, Any] = {"kind": checklist.kind, "section": checklist.section, "line": checklist.line}
    if checklist.table is not None:
        found["header"] = list(checklist.table.header)
        found["rows"] = [list(row) for row in checklist.table.rows]
    else:
        found["items"] = [asdict(item) for item in checklist.items]
    return found


def finding_report(findings: list[Finding], summary: dict[str, int]) -> dict[str, Any]:
    return {"findings": [asdict(f) for f in findings], "summary": summary}


def _json_safe(value: Any) -> Any:
    """Front matter may hold dates and other YAML types: keep them as text."""
    if isinstance(value, dict):
        return {str(k): _json_safe(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_json_safe(v) for v in value]
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    return str(value)


def link_summary(garden) -> dict[str, int]:
    """How many notes and links the garden has, and how many links went wrong."""
    resolutions = [r for links in garden.links.values() for r in links]
    return {
        "notes": len(garden.cards),
        "links": len(resolutions),
        "resolved": sum(r.kind != "broken" for r in resolutions),
        "broken": sum(r.kind == "broken" for r in resolutions),
        "ambiguous": sum(r.problem == "ambiguous-link" for r in resolutions),
        "missing_headings": sum(r.problem in ("missing-heading", "missing-block") for r in resolutions),
    }


def coverage_row(path: str, coverage) -> dict[str, Any]:
    return {"path": path, "english": coverage.english, "translated": coverage.translated, "share": coverage.share}
