"""Garden's pages in MkDocs' terms: generated files, URLs, alias redirects, graph.json.

The decisions are made by the pure modules (``site_map``, ``listings``, ``graph``);
this adapter only turns them into MkDocs ``File`` objects and files in the site.
"""

from __future__ import annotations

import json
import posixpath
from pathlib import Path
from urllib.parse import quote

import yaml
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

from .garden import Garden
from .graph import graph_data
from .slugs import quartz_slug

GRAPH_PAGE = "graph.md"
GRAPH_JSON = "graph.json"


def generated_page(config: MkDocsConfig, path: str, title: str, **meta) -> File:
    front_matter = yaml.safe_dump({"title": title, **meta}, allow_unicode=True)
    return File.generated(config, path, content=f"---\n{front_matter}---\n")


def place(files: Files, garden: Garden) -> None:
    """Give every page the URL the site map chose for it."""
    for file in files.documentation_pages():
        dest = garden.site_map.dest.get(file.src_uri) if garden.site_map else None
        if dest and dest != file.dest_uri:
            file.dest_uri = dest
            for derived in ("url", "abs_dest_path"):  # cached from the old destination
                file.__dict__.pop(derived, None)


def write_graph(garden: Garden, site_dir: str) -> Path:
    path = Path(site_dir) / GRAPH_JSON
    path.write_text(json.dumps(graph_data(garden), ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    return path


def alias_redirects(garden: Garden, files: Files) -> dict[str, tuple[str, str]]:
    """Output file of each alias's redirect page -> (relative target URL, title).

    Quartz publishes an alias at its own slug; a page already there keeps its place.
    """
    taken = {file.dest_uri for file in files}
    redirects: dict[str, tuple[str, str]] = {}
    for path, card in garden.cards.items():
        target = garden.site_map.dest.get(path) if garden.site_map else None
        for alias in card.meta.aliases if target else ():
            slug = quartz_slug(alias)
            dest = posixpath.join(slug, "index.html")
            if not slug or dest in taken or dest in redirects:
                continue
            if posixpath.basename(target) == "index.html":
                url = posixpath.relpath(posixpath.dirname(target) or ".", slug) + "/"
            else:
                url = posixpath.relpath(target, slug)
            redirects[dest] = (quote(url), card.title)
    return redirects
