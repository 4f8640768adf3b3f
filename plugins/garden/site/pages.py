"""Garden's pages in MkDocs' terms: generated files, URLs, alias redirects, graph.json.

The decisions are made by the pure modules (``site_map``, ``listings``, ``graph``);
this adapter only turns them into MkDocs ``File`` objects and files in the site.
"""

from __future__ import annotations

import json
import os
import posixpath
from pathlib import Path
from typing import Iterable
from urllib.parse import quote

import yaml
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation

from garden.render.explorer import EXPLORER_JSON, explorer_data
from garden.index.checklists import READINESS_JSON, READINESS_PAGE, readiness_data
from garden.index.findings import Finding
from garden.index.garden import GRAPH_PAGE, HEALTH_PAGE, Garden
from garden.index.glossary import GLOSSARY_PAGE
from garden.index.graph import graph_data
from garden.index.listings import TAGS_FOLDER
from garden.index.sequence import SEQUENCE_JSON, SEQUENCE_PAGE
from garden.render.sequence_view import sequence_data

GRAPH_JSON = "graph.json"
TERMS_JSON = "terms.json"


def generated_page(config: MkDocsConfig, path: str, title: str, **meta) -> File:
    front_matter = yaml.safe_dump({"title": title, **meta}, allow_unicode=True)
    return File.generated(config, path, content=f"---\n{front_matter}---\n")


def add_garden_pages(files: Files, config: MkDocsConfig, garden: Garden, by_path: dict[str, File]) -> list[Finding]:
    """Drafts out, Garden's generated pages in, every page at the URL the site map chose."""
    found = []
    for path in garden.drafts:
        line, reason = garden.draft_reasons[path]
        message = f"not published: {reason} in front matter (garden option drafts: true publishes it)"
        found.append(Finding(path, line, 0, "info", "draft", message))
        files.remove(by_path[path])
    titles = {listing.path: listing.title for listing in garden.listings}
    titles.update({GLOSSARY_PAGE: "Glossary", HEALTH_PAGE: "Garden health", READINESS_PAGE: "Readiness",
                   SEQUENCE_PAGE: "Sequence", GRAPH_PAGE: "Graph"})
    # The sequence's diagrams and the whole garden's graph want the full width: no table of contents.
    wide = {SEQUENCE_PAGE: {"hide": ["toc"]}, GRAPH_PAGE: {"hide": ["toc"]}}
    for path in garden.generated:
        files.append(generated_page(config, path, titles[path], **wide.get(path, {})))
    place(files, garden)
    return found


def place(files: Files, garden: Garden) -> None:
    """Give every page the URL the site map chose for it."""
    for file in files.documentation_pages():
        dest = garden.site_map.dest.get(file.src_uri) if garden.site_map else None
        if dest and dest != file.dest_uri:
            file.dest_uri = dest
            for derived in ("url", "abs_dest_path"):  # cached from the old destination
                file.__dict__.pop(derived, None)


def write_json(site_dir: str, name: str, data: object) -> Path:
    path = Path(site_dir) / name
    path.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    return path


def write_files(site_dir: str, texts: dict[str, str]) -> None:
    """Write ``texts`` (output path -> text) under the site folder."""
    made: set[str] = set()
    for dest, text in texts.items():
        path = os.path.join(site_dir, dest)
        folder = os.path.dirname(path)
        if folder not in made:
            os.makedirs(folder, exist_ok=True)
            made.add(folder)
        with open(path, "w", encoding="utf-8") as out:
            out.write(text)


def write_data(garden: Garden, site_dir: str) -> None:
    """The garden's data files at the site root, for its pages' scripts and for other tools."""
    for write in (write_graph, write_explorer, write_terms, write_readiness, write_sequence):
        write(garden, site_dir)


def write_graph(garden: Garden, site_dir: str) -> Path:
    return write_json(site_dir, GRAPH_JSON, graph_data(garden))


def write_terms(garden: Garden, site_dir: str) -> Path:
    """Each term's names and definitions by its glossary anchor, for the term tooltips."""
    terms = {
        term.anchor: {"en": term.en, "zh": term.zh, "definition_en": term.definition_en,
                      "definition_zh": term.definition_zh}
        for term in garden.terms.terms
    }
    return write_json(site_dir, TERMS_JSON, terms)


def write_readiness(garden: Garden, site_dir: str) -> Path:
    """Every checklist, its items' ids and texts in both languages, for other tools."""
    return write_json(site_dir, READINESS_JSON, readiness_data(garden.checklists, garden.cards))


def write_sequence(garden: Garden, site_dir: str) -> Path | None:
    """What unlocks what: stages, and each edge with where it was written (when there is
    any: else none, and under `serve` none left from a build that had one)."""
    if garden.sequence.nodes:
        return write_json(site_dir, SEQUENCE_JSON, sequence_data(garden))
    Path(site_dir, SEQUENCE_JSON).unlink(missing_ok=True)
    return None


def write_explorer(garden: Garden, site_dir: str) -> Path:
    return write_json(site_dir, EXPLORER_JSON, explorer_data(garden))


def compact_navigation(nav: Navigation, files: Files, garden: Garden) -> Navigation:
    """Home, the top folders, and Garden's own pages; the notes are in the explorer.

    Every page keeps its place in ``nav.pages``, so previous/next links still work.
    """
    top_folders = sorted(
        {listing.name.split("/")[0] for listing in garden.listings if listing.kind == "folder"}, key=str.casefold
    )
    wanted = [
        "index.md",
        *(f"{folder}/index.md" for folder in top_folders),
        GLOSSARY_PAGE,
        READINESS_PAGE,
        SEQUENCE_PAGE,
        GRAPH_PAGE,
        f"{TAGS_FOLDER}/index.md",
        HEALTH_PAGE,
    ]
    items = []
    for path in dict.fromkeys(wanted):
        file = files.get_file_from_path(path)
        if file is not None and file.page is not None:
            file.page.parent = None
            items.append(file.page)
    return Navigation(items, nav.pages)


def alias_redirects(garden: Garden, files: Iterable[File] = ()) -> dict[str, tuple[str, str]]:
    """Output file of each alias's redirect page -> (relative target URL, title).

    The site map chose where: at the alias's own slug, as Quartz does, where no page is;
    nor where any of ``files`` (another plugin's, say) lands, spelled alike.
    """
    taken = {file.dest_uri.casefold() for file in files}
    redirects: dict[str, tuple[str, str]] = {}
    for dest, path in garden.site_map.redirects.items() if garden.site_map else ():
        if dest.casefold() in taken:
            continue
        target, slug = garden.site_map.dest[path], posixpath.dirname(dest)
        if posixpath.basename(target) == "index.html":
            url = posixpath.relpath(posixpath.dirname(target) or ".", slug) + "/"
        else:
            url = posixpath.relpath(target, slug)
        redirects[dest] = (quote(url), garden.cards[path].title)
    return redirects


def without_tag_pages(nav: Navigation, garden: Garden) -> Navigation:
    """Material's full navigation, less one entry per tag: the tags page lists them."""
    hidden = set(garden.tag_pages.values())

    def keep(items: list) -> list:
        kept = []
        for item in items:
            if getattr(item, "file", None) is not None and item.file.src_uri in hidden:
                continue
            if getattr(item, "children", None) is not None:
                item.children = keep(item.children)
            kept.append(item)
        return kept

    return Navigation(keep(nav.items), nav.pages)


def shown_path(file: File) -> str:
    """The path a reader of a warning can open: relative to where they stand, if inside."""
    if not file.abs_src_path:
        return file.src_uri
    try:
        return Path(file.abs_src_path).resolve().relative_to(Path.cwd()).as_posix()
    except ValueError:
        return os.path.normpath(file.abs_src_path)
