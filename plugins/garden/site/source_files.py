"""Every source file on disk, what the engine made of it, and the report written beside
the site (``garden-report.json``, built by ``render.garden_report``).

The files are found on disk, not in the engine's list, so a file the engine or Garden
never took up is listed all the same, never silently missing.
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

_LEFT_OUT = "left out by the engine before Garden saw it (as a README.md beside an index.md is)"


def write_report(
    config: MkDocsConfig, glossary_option: str, files: Mapping[str, File], garden: Garden, findings: Iterable[Finding]
) -> Path:
    """``files``: every file the engine listed when Garden first saw them, by path."""
    report = garden_report(garden, source_files(config, glossary_option, files), findings)
    path = Path(config.site_dir) / GARDEN_REPORT
    path.write_text(json.dumps(report, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")  # for people too
    return path


def source_files(config: MkDocsConfig, glossary_option: str, files: Mapping[str, File]) -> list[SourceFile]:
    found = [_source(path, files.get(path), absolute) for path, absolute in _walk(Path(config.docs_dir))]
    glossary = glossary_dir(config, glossary_option)
    for path, absolute in _walk(glossary) if glossary is not None else ():
        path = f"{GLOSSARY_FOLDER}/{path}"
        file = files.get(path)
        if file is None or os.path.normpath(file.abs_src_path or "") != os.path.normpath(absolute):
            reason = ("a note of the same path in the docs folder stands there" if file is not None
                      else "only the glossary folder's Markdown files, not hidden, are read")
            found.append(SourceFile(path, "excluded", "glossary", reason=reason))
        else:
            found.append(_source(path, file, absolute, "glossary"))
    return found


def _walk(root: Path) -> list[tuple[str, str]]:
    """Each file under ``root`` as (path relative to it, absolute path), as the engine walks."""
    found = []
    for folder, folders, names in os.walk(root, followlinks=True):
        folders.sort()
        for name in sorted(names):
            absolute = os.path.join(folder, name)
            found.append((Path(os.path.relpath(absolute, root)).as_posix(), absolute))
    return found


def _source(path: str, file: File | None, absolute: str, folder: str = "docs") -> SourceFile:
    if file is None:
        return SourceFile(path, "excluded", folder, reason=_LEFT_OUT)
    inclusion = getattr(file, "inclusion", None)
    if inclusion is not None and inclusion.is_excluded():
        why = "a draft by draft_docs" if inclusion.name == "DRAFT" else "excluded by exclude_docs (hidden files are)"
        return SourceFile(path, "excluded", folder, reason=why)
    if file.is_documentation_page():
        return SourceFile(path, "markdown", folder)
    return SourceFile(path, "asset", folder, url=file.url)
