"""Where a garden lives: its ``mkdocs.yml``, or a bare folder of notes built with defaults.

A bare folder (an Obsidian vault, a Quartz ``content/`` folder) gets Garden's default
configuration: Material, search and the garden plugin, with the same Markdown
extensions the demo garden uses.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import yaml

CONFIG_NAMES = ("mkdocs.yml", "mkdocs.yaml")
DEFAULT_MARKDOWN_EXTENSIONS: list = [
    "admonition",
    "footnotes",
    "pymdownx.details",
    {"pymdownx.tasklist": {"custom_checkbox": True}},
    {"toc": {"permalink": True}},
]


@dataclass(frozen=True)
class Project:
    config_file: Path | None  # None: a bare folder of notes
    docs_dir: Path

    @property
    def is_bare(self) -> bool:
        return self.config_file is None


class ProjectError(Exception):
    """A path that is neither a folder of notes nor an MkDocs configuration."""


def locate(path: str | None) -> Project:
    """``PATH`` may be a ``mkdocs.yml``, a folder holding one, a folder of notes, or nothing."""
    if path is None:
        config = _config_in(Path.cwd())
        if config is None:
            raise ProjectError("no mkdocs.yml here: give the folder of notes to build, e.g. `garden build content/`")
        return Project(config, _docs_dir_of(config))
    target = Path(path).expanduser()
    if target.is_file() and target.suffix in (".yml", ".yaml"):
        return Project(target.resolve(), _docs_dir_of(target.resolve()))
    if not target.is_dir():
        raise ProjectError(f"{path}: no such folder or mkdocs.yml")
    config = _config_in(target)
    if config is not None:
        return Project(config, _docs_dir_of(config))
    return Project(None, target.resolve())


def _config_in(folder: Path) -> Path | None:
    for name in CONFIG_NAMES:
        if (folder / name).is_file():
            return (folder / name).resolve()
    return None


def _docs_dir_of(config: Path) -> Path:
    try:
        data = yaml.load(config.read_text(encoding="utf-8"), Loader=_PermissiveLoader) or {}
    except yaml.YAMLError as error:
        raise ProjectError(f"{config}: not valid YAML: {error}") from error
    return (config.parent / str(data.get("docs_dir", "docs"))).resolve()


class _PermissiveLoader(yaml.SafeLoader):
    """Reads mkdocs.yml files that use MkDocs' ``!!python/name`` and ``!ENV`` tags."""


_PermissiveLoader.add_multi_constructor("", lambda loader, suffix, node: None)


def default_config(docs_dir: Path, site_dir: Path, site_name: str | None = None) -> str:
    """The ``mkdocs.yml`` text Garden builds a bare folder of notes with."""
    config = {
        "site_name": site_name or docs_dir.name or "Garden",
        "docs_dir": str(docs_dir),
        "site_dir": str(site_dir),
        "theme": {
            "name": "material",
            "font": False,
            "features": ["navigation.sections", "navigation.indexes", "content.code.copy", "search.highlight"],
        },
        "plugins": ["search", {"garden": {"glossary_dir": str(docs_dir.parent / "glossary")}}],
        "markdown_extensions": DEFAULT_MARKDOWN_EXTENSIONS,
    }
    return yaml.safe_dump(config, allow_unicode=True, sort_keys=False)


def write_default_config(project: Project, site_dir: Path, folder: Path) -> Path:
    """Write the default configuration for a bare folder into ``folder``; return its path."""
    if site_dir.resolve() == project.docs_dir or project.docs_dir in site_dir.resolve().parents:
        raise ProjectError(f"{site_dir}: the output folder cannot be inside the notes folder {project.docs_dir}")
    config_file = folder / "mkdocs.yml"
    config_file.write_text(default_config(project.docs_dir, site_dir.resolve()), encoding="utf-8")
    return config_file


def relative(path: Path) -> str:
    try:
        return os.path.relpath(path)
    except ValueError:
        return str(path)


def glossary_dir(project: Project) -> Path | None:
    """The term folder the garden plugin would add: its option, else ``glossary/`` beside."""
    option = "glossary"
    base = project.config_file.parent if project.config_file else project.docs_dir.parent
    if project.config_file is not None:
        data = yaml.load(project.config_file.read_text(encoding="utf-8"), Loader=_PermissiveLoader) or {}
        for plugin in data.get("plugins") or []:
            if isinstance(plugin, dict) and isinstance(plugin.get("garden"), dict):
                option = str(plugin["garden"].get("glossary_dir", option))
    folder = (base / option).resolve()
    inside_docs = folder == project.docs_dir or project.docs_dir in folder.parents
    return folder if folder.is_dir() and not inside_docs else None


def read_notes(project: Project) -> tuple[list[tuple[str, str]], list[str]]:
    """Every note as ``(path, text)`` and every other file's path, as the site will hold them."""
    notes: list[tuple[str, str]] = []
    attachments: list[str] = []
    folders = [(project.docs_dir, "")]
    glossary = glossary_dir(project)
    if glossary is not None:
        folders.append((glossary, "glossary/"))
    for folder, prefix in folders:
        for path in sorted(folder.rglob("*")):
            relative_parts = path.relative_to(folder).parts
            if not path.is_file() or any(part.startswith(".") for part in relative_parts):
                continue
            uri = prefix + "/".join(relative_parts)
            if path.suffix.lower() == ".md":
                notes.append((uri, path.read_text(encoding="utf-8-sig", errors="replace")))
            else:
                attachments.append(uri)
    return notes, attachments
