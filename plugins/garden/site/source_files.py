"""Every source file, what the engine made of it, and the report written beside the site
(``garden-report.json``, built by ``render.garden_report``).

The files are those found on disk (without following symlinks: a link out of the garden or
back into it is not Garden's to walk) together with every page and attachment the engine
found through a symlinked folder, so a file the engine or Garden never took up is listed
all the same, never silently missing.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Iterable, Mapping

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File

from garden.index.findings import Finding
from garden.index.garden import Garden
from garden.index.glossary import GLOSSARY_FOLDER
from garden.render.garden_report import GARDEN_REPORT, SourceFile, garden_report
from garden.site.glossary_page import glossary_dir


def write_report(
    config: MkDocsConfig, glossary_option: str, pages: Mapping[str, File], garden: Garden, findings: Iterable[Finding]
) -> Path:
    """``pages``: the pages the engine listed, by path (drafts still among them)."""
    sources = source_files(config, glossary_option, pages, garden.index.attachments)
    report = garden_report(garden, sources, findings)
    path = Path(config.site_dir) / GARDEN_REPORT
    path.write_text(json.dumps(report, ensure_ascii=False, indent=1) + "\n", encoding="utf-8", errors="backslashreplace")
    return path


def source_files(
    config: MkDocsConfig, glossary_option: str, pages: Mapping[str, File], attachments: Iterable[str]
) -> list[SourceFile]:
    docs = os.path.normpath(config.docs_dir)
    found: dict[str, SourceFile] = {}
    for path, absolute, folder_link in _walk(docs):
        if folder_link:
            found[path] = SourceFile(path, "folder-link")
        elif path in pages:
            found[path] = SourceFile(path, "markdown")
        else:
            found[path] = SourceFile(path, "file", reason=_left_out(path, absolute, config))
    # The engine follows symlinked folders: the pages and attachments it found there too.
    linked_pages = (path for path, file in pages.items() if os.path.normpath(file.src_dir or "") == docs)
    linked_files = (path for path in attachments if os.path.exists(os.path.join(docs, path)))
    for path, kind in [*((p, "markdown") for p in linked_pages), *((p, "file") for p in linked_files)]:
        if path not in found:
            found[path] = SourceFile(path, kind, through_link=True)
    glossary = glossary_dir(config, glossary_option)
    for path, absolute, _ in _walk(str(glossary)) if glossary is not None else ():
        path, file = f"{GLOSSARY_FOLDER}/{path}", pages.get(f"{GLOSSARY_FOLDER}/{path}")
        if file is not None and os.path.normpath(file.abs_src_path or "") == os.path.normpath(absolute):
            found[f"glossary:{path}"] = SourceFile(path, "markdown", "glossary")
            continue
        reason = ("a note of the same path in the docs folder stands there" if file is not None
                  else "only the glossary folder's Markdown files, not hidden, are read")
        found[f"glossary:{path}"] = SourceFile(path, "file", "glossary", reason=reason)
    return list(found.values())


def _walk(root: str) -> list[tuple[str, str, bool]]:
    """Each file under ``root`` (and each symlinked folder, not entered) as (path relative
    to it, absolute path, whether it is a symlinked folder), sorted as the engine walks."""
    found = []
    for folder, folders, names in os.walk(root):
        folders.sort()
        links = [name for name in folders if os.path.islink(os.path.join(folder, name))]
        for name, link in sorted([(name, False) for name in names] + [(name, True) for name in links]):
            absolute = os.path.join(folder, name)
            found.append((Path(os.path.relpath(absolute, root)).as_posix(), absolute, link))
    return found


def _left_out(path: str, absolute: str, config: MkDocsConfig) -> str:
    """Why the engine leaves a file of the docs folder out, by its documented rules ("" if it does not)."""
    if any(part.startswith(".") for part in path.split("/")):
        return "hidden (a name starting with '.'): the engine leaves it out"
    if path.startswith("templates/"):
        return "under templates/: the engine leaves it out"
    for option, why in (("exclude_docs", "matches exclude_docs"), ("draft_docs", "a draft by draft_docs")):
        patterns = config.get(option)
        if patterns is not None and patterns.match_file(path):
            return why
    folder, name = os.path.split(absolute)
    if name.lower() == "readme.md" and os.path.isfile(os.path.join(folder, "index.md")):
        return "a README.md beside an index.md: the engine publishes the index"
    return ""
