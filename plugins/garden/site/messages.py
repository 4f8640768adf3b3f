"""Garden's findings on the engine's log, where ``--strict`` counts the warnings.

The pure layers report findings as data (``index.findings.Finding``); this is the one
place that turns them into log lines, with each note's path as the author sees it
(``docs/Some note.md``, not the URL's), and keeps the build's list for whoever asks
(``garden`` commands, tests).
"""

from __future__ import annotations

import os
from typing import Iterable, Mapping

from mkdocs.plugins import get_plugin_logger

from garden.index.findings import Finding
from garden.site import engine

ENGINE_LOG = engine.NAME  # the engine's logger: "mkdocs", or "properdocs"
log = get_plugin_logger("garden")


class Reporter:
    def __init__(self, shown_paths: Mapping[str, str], docs_dir: str = "") -> None:
        self.shown_paths = shown_paths  # note path -> the path an author knows it by
        self.docs_dir = docs_dir  # for a file no page stands for: a skipped symlink, a binary file
        self.findings: list[Finding] = []

    def report(self, findings: Iterable[Finding]) -> None:
        for finding in findings:
            self.findings.append(finding)
            line = str(finding).replace(finding.path, self.shown(finding.path), 1)
            {"info": log.info, "warning": log.warning, "error": log.error}[finding.severity](line)

    def shown(self, path: str) -> str:
        on_disk = os.path.abspath(os.path.join(self.docs_dir, path))  # the link itself, not where it leads
        if path in self.shown_paths or not self.docs_dir or not os.path.lexists(on_disk):
            return self.shown_paths.get(path, path)
        inside = on_disk.startswith(os.getcwd().rstrip(os.sep) + os.sep)
        return os.path.relpath(on_disk) if inside else on_disk
