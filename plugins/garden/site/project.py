"""Where a garden lives: its ``mkdocs.yml``, or a bare folder of notes built with defaults.

A bare folder (an Obsidian vault, a Quartz ``content/`` folder) gets Garden's default
configuration: Material, search and the garden plugin, with the same Markdown
extensions the demo garden uses.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from pathlib import Path

import yaml

from garden.index.findings import Finding
from garden.site import discovery
from garden.site.sources import read_note

CONFIG_NAMES = ("mkdocs.yml", "mkdocs.yaml")
DEFAULT_MARKDOWN_EXTENSIONS: list = [
    "admonition",
    "footnotes",
    "pymdownx.details",
    {"pymdownx.tasklist": {"custom_checkbox": True}},
    {"pymdownx.tilde": {"subscript": False}},  # ~~strikethrough~~, as Obsidian writes it
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


def garden_options(project: Project) -> dict:
    """The garden plugin's options as written in ``mkdocs.yml`` ({} for a bare folder)."""
    if project.config_file is None:
        return {}
    data = yaml.load(project.config_file.read_text(encoding="utf-8"), Loader=_PermissiveLoader) or {}
    for plugin in data.get("plugins") or []:
        if isinstance(plugin, dict) and isinstance(plugin.get("garden"), dict):
            return dict(plugin["garden"])
    return {}


def glossary_dir(project: Project) -> Path | None:
    """The term folder the garden plugin would add: its option, else ``glossary/`` beside."""
    base = project.config_file.parent if project.config_file else project.docs_dir.parent
    folder = (base / str(garden_options(project).get("glossary_dir", "glossary"))).resolve()
    inside_docs = folder == project.docs_dir or project.docs_dir in folder.parents
    return folder if folder.is_dir() and not inside_docs else None


@dataclass(frozen=True)
class NoteFiles:
    notes: list[tuple[str, str]]  # (path in the site, text)
    attachments: list[str]
    on_disk: dict[str, Path]  # path in the site -> the file
    findings: list[Finding] = field(default_factory=list)  # files read as well as they could be, or left out


def read_notes(project: Project) -> NoteFiles:
    """Every note and every other file, under the paths the site will give them: the files
    a build publishes (``discovery``'s symlinks and ``decoding``'s binary files left out)."""
    found = NoteFiles([], [], {})
    folders = [(project.docs_dir, "")]
    glossary = glossary_dir(project)
    if glossary is not None:
        folders.append((glossary, "glossary/"))
    for folder, prefix in folders:
        links: dict[str, str] = {}
        for uri, path in _garden_files(folder, prefix, links):
            found.on_disk[uri] = path
            if path.suffix.lower() != ".md":
                found.attachments.append(uri)
                continue
            text, finding = read_note(uri, path.read_bytes)
            found.findings.extend([finding] if finding else [])
            if text is not None:
                found.notes.append((uri, text))
        found.on_disk.update((prefix + link, folder / link) for link in links)
        found.findings.extend(replace(f, path=prefix + f.path) for f in discovery.skipped_findings(links))
    return found


def _garden_files(folder: Path, prefix: str, links: dict[str, str]) -> list[tuple[str, Path]]:
    """(path in the site, file) for each file a build publishes, symlinks followed while
    they stay in the garden (those skipped go into ``links``), hidden files left out."""
    root, found = os.path.realpath(folder), []
    for here, folders, names in os.walk(folder, followlinks=True):
        base = Path(here).relative_to(folder)
        folders[:] = [name for name in sorted(folders) if _followed(Path(here), base / name, root, links)]
        found += [(prefix + (base / name).as_posix(), Path(here) / name)
                  for name in names if _followed(Path(here), base / name, root, links)]
    return sorted(found)


def _followed(here: Path, relative: Path, root: str, links: dict[str, str]) -> bool:
    """Whether to read (or walk into) one entry: not hidden, not a symlink out of the garden."""
    path = here / relative.name
    if relative.name.startswith("."):
        return False
    problem = discovery.link_problem(str(path), root) if path.is_symlink() else None
    if problem is not None:
        links[relative.as_posix()] = problem
    return problem is None
