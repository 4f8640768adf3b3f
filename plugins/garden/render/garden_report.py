"""``garden-report.json``: what became of every source file, and every finding.

No note is silently dropped: each file in the docs folder (and the glossary folder) is
listed with its fate. ``page`` (with its URL and its aliases' redirects), ``draft`` (with
the front matter that says so), ``asset`` (copied as it is, with its URL), ``error`` (no
page, and findings at it, or at a symlinked folder holding it, say why), ``excluded`` (left
out by the engine, with why) or ``lost`` (no page and no reason: a bug, which the tests
hold at none).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any, Iterable

from garden.index.findings import Finding
from garden.index.garden import Garden
from garden.index.site_map import url_of

GARDEN_REPORT = "garden-report.json"
REPORT_VERSION = 1
STATUSES = ("page", "draft", "asset", "excluded", "error", "lost")


@dataclass(frozen=True)
class SourceFile:
    """A file as found on disk (or by the engine, through a symlinked folder)."""

    path: str  # as the garden knows it: relative to the docs folder, term files under glossary/
    kind: str  # "markdown" (the engine listed it as a page) | "file" (any other) | "folder-link" (not entered)
    folder: str = "docs"  # "docs" | "glossary": where it lies
    reason: str = ""  # why the engine leaves it out, if it does
    through_link: bool = False  # found by the engine through a symlinked folder, not on the walk


def garden_report(garden: Garden, sources: Iterable[SourceFile], findings: Iterable[Finding]) -> dict[str, Any]:
    findings = list(findings)
    said: dict[str, list[str]] = {}  # path -> what the findings there say
    for finding in findings:
        said.setdefault(finding.path, []).append(f"{finding.path}:{finding.line}: {finding.message}")
    redirects: dict[str, list[str]] = {}
    for dest, path in garden.site_map.redirects.items() if garden.site_map else ():
        redirects.setdefault(path, []).append(url_of(dest))
    files = [entry for source in sources if (entry := _fate(source, garden, said, redirects))]
    summary = {status: sum(entry["status"] == status for entry in files) for status in STATUSES}
    return {
        "version": REPORT_VERSION,
        "summary": {**summary, "findings": len(findings)},
        "files": files,
        "generated": [{"page": path, "url": garden.site_map.url(path)} for path in garden.generated
                      if garden.site_map and path in garden.site_map.dest],
        "findings": [asdict(finding) for finding in findings],
    }


def _fate(
    source: SourceFile, garden: Garden, said: dict[str, list[str]], redirects: dict[str, list[str]]
) -> dict[str, Any] | None:
    entry: dict[str, Any] = {"path": source.path, "folder": source.folder}
    path = source.path
    if path in garden.cards and garden.site_map and path in garden.site_map.dest:
        entry.update(status="page", url=garden.site_map.url(path))
        return {**entry, "redirects": sorted(redirects[path])} if path in redirects else entry
    if path in garden.draft_reasons:
        line, reason = garden.draft_reasons[path]
        return {**entry, "status": "draft", "reason": f"{reason} (line {line})"}
    if source.kind == "file" and not source.reason and path in garden.index.attachments:
        return {**entry, "status": "asset", "url": url_of(path)}
    why = _findings_about(path, said)
    if why and source.through_link and not said.get(path):
        return None  # under a symlinked folder not followed: the link's own entry says so, once
    if why:
        return {**entry, "status": "error", "message": "; ".join(why)}
    if source.reason:
        return {**entry, "status": "excluded", "reason": source.reason}
    if source.kind == "folder-link":
        return None  # followed: what the engine found through it is listed, file by file
    return {**entry, "status": "lost", "message": "no page, and no finding says why"}


def _findings_about(path: str, said: dict[str, list[str]]) -> list[str]:
    """What the findings at this file, or at a folder (a symlink) holding it, say."""
    parts = path.split("/")
    return [message for depth in range(len(parts), 0, -1) for message in said.get("/".join(parts[:depth]), ())]
