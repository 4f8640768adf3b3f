"""Every source file, what the engine made of it, and the report written beside the site
(``garden-report.json``, built by ``render.garden_report``).

The files are those found on disk (without following symlinks: a link out of the garden or
back into it is not Garden's to walk) together with every file the engine listed from the
docs folder (through a symlinked folder too), so a file the engine or Garden never took up
is listed all the same, never silently missing.
"""

from __future__ import annotations

import json
import os
from dataclasses import replace
from pathlib import Path
from typing import Iterable, Mapping

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File

from garden.index.findings import Finding
from garden.index.garden import Garden
from garden.index.glossary import GLOSSARY_FOLDER
from garden.render.garden_report import GARDEN_REPORT, SourceFile, garden_report
from garden.site.glossary_page import glossary_dir

_LEFT_OUT = "left out by the engine before Garden saw it (as a README.md beside an index.md is)"


def write_report(
    config: MkDocsConfig, glossary_option: str, files: Mapping[str, File], garden: Garden, findings: Iterable[Finding]
) -> Path:
    """``files``: every file the engine listed when Garden first saw them, by path."""
    report = garden_report(garden, source_files(config, glossary_option, files), findings)
    path = Path(config.site_dir) / GARDEN_REPORT
    path.write_text(json.dumps(report, ensure_ascii=False, indent=1) + "\n", encoding="utf-8", errors="backslashreplace")
    return path


def source_files(config: MkDocsConfig, glossary_option: str, files: Mapping[str, File]) -> list[SourceFile]:
    docs = os.path.normpath(config.docs_dir)
    found = {path: _source(path, files.get(path), folder_link) for path, _, folder_link in _walk(docs)}
    through_links = sorted(  # the engine follows symlinked folders: what it found there is listed too
        path for path, file in files.items() if path not in found and os.path.normpath(file.src_dir or "") == docs
    )
    found.update((path, replace(_source(path, files[path], False), through_link=True)) for path in through_links)
    glossary = glossary_dir(config, glossary_option)
    for path, absolute, _ in _walk(str(glossary)) if glossary is not None else ():
        path, file = f"{GLOSSARY_FOLDER}/{path}", files.get(f"{GLOSSARY_FOLDER}/{path}")
        if file is not None and os.path.normpath(file.abs_src_path or "") == os.path.normpath(absolute):
            found[f"glossary:{path}"] = _source(path, file, False, "glossary")
            continue
        reason = ("a note of the same path in the docs folder stands there" if file is not None
                  else "only the glossary folder's Markdown files, not hidden, are read")
        found[f"glossary:{path}"] = SourceFile(path, "excluded", "glossary", reason=reason)
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


def _source(path: str, file: File | None, folder_link: bool, folder: str = "docs") -> SourceFile:
    if folder_link:
        return SourceFile(path, "folder-link", folder)
    if file is None:
        return SourceFile(path, "excluded", folder, reason=_LEFT_OUT)
    inclusion = getattr(file, "inclusion", None)
    if inclusion is not None and inclusion.is_excluded():
        why = "a draft by draft_docs" if inclusion.name == "DRAFT" else "excluded by exclude_docs (hidden files are)"
        return SourceFile(path, "excluded", folder, reason=why)
    if file.is_documentation_page():
        return SourceFile(path, "markdown", folder)
    return SourceFile(path, "asset", folder, url=file.url)
