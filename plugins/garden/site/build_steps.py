"""The plugin's steps that need MkDocs' objects but decide nothing of their own: the
term linker's extension, the alias pages, what a `serve` rebuild must parse and write
again (and remove), and the navigation's size."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Mapping

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

from garden.index import incremental
from garden.index.findings import Finding
from garden.index.garden import HEALTH_PAGE, Garden
from garden.index.glossary import GLOSSARY_PAGE
from garden.index.parallel import parse_cards
from garden.index.terms import TermMatcher
from garden.notes.cards import Card
from garden.render.render_terms import TermExtension, TermLinker
from garden.site import pages, source_files, titles
from garden.site.glossary_page import glossary_dir


def link_terms(config: MkDocsConfig, garden: Garden, mode: str) -> TermLinker:
    """One term extension per build, replacing the last build's under `mkdocs serve`."""
    config.markdown_extensions[:] = [e for e in config.markdown_extensions if not isinstance(e, TermExtension)]
    linker = TermLinker(
        TermMatcher(garden.terms), mode=mode, skip_pages=frozenset({GLOSSARY_PAGE, HEALTH_PAGE, pages.GRAPH_PAGE})
    )
    config.markdown_extensions.append(TermExtension(linker))
    return linker


def redirect_pages(
    config: MkDocsConfig, garden: Garden, files: Files, before: Mapping[str, tuple[str, str]], dirty: bool
) -> tuple[dict[str, tuple[str, str]], dict[str, str]]:
    """Each alias's redirect (output path -> (URL, title)), and the pages to write
    (output path -> HTML): under `serve`, only those that changed since the last build."""
    template = config.theme.get_env().get_template("garden-redirect.html")
    redirects = pages.alias_redirects(garden, files)
    written = {
        dest: template.render(target=url, title=title)
        for dest, (url, title) in redirects.items()
        if not (dirty and before.get(dest) == (url, title) and (Path(config.site_dir) / dest).is_file())
    }
    return redirects, written


def write_data(
    config: MkDocsConfig, garden: Garden, glossary_option: str, pages_by_path: Mapping[str, File], findings: list[Finding]
) -> None:
    """The garden's data files at the site root, and garden-report.json beside them
    (``pages_by_path``: the pages the engine listed, by path)."""
    pages.write_data(garden, config.site_dir)
    source_files.write_report(config, glossary_option, pages_by_path, garden, findings)


def mark_stale(
    files: Files, previous: Garden, garden: Garden, before: Mapping[str, str], after: Mapping[str, str], compact: bool
) -> None:
    """In a dirty build, MkDocs rebuilds what `is_modified` says: make that the pages
    one edit makes stale, generated pages included, and nothing else. ``before`` and
    ``after``: each note's digest in the last build and in this one."""
    changed = incremental.changed_notes(dict(before), dict(after))
    stale = incremental.stale_pages(previous, garden, changed, full_navigation=not compact)
    for file in files.documentation_pages():
        is_stale = stale is None or file.src_uri in stale
        file.is_modified = lambda is_stale=is_stale: is_stale


def wants_compact_navigation(config: MkDocsConfig, options: Any, page_count: int) -> bool:
    if config.nav:  # an author's own navigation is kept as written
        return False
    if options.navigation == "auto":
        return page_count > options.full_navigation_max
    return options.navigation == "compact"


def parse_changed(
    before: Mapping[str, tuple[str, Card]], sources: Mapping[str, str], digests: Mapping[str, str], meanwhile: Any
) -> dict[str, tuple[str, Card]]:
    """Each note's (digest, card): parsed again only when its text changed since the last
    build (all of them in a first build), on every core; ``meanwhile`` runs while they parse."""
    fresh = [(path, sources[path]) for path, key in digests.items() if before.get(path, ("",))[0] != key]
    parsed = {card.path: card for card in parse_cards(fresh, meanwhile=meanwhile)}
    return {path: (key, parsed.get(path) or before[path][1]) for path, key in digests.items()}


@dataclass(frozen=True)
class LastBuild:
    """What a `serve` rebuild keeps of the build before it: each page's title (for the
    pages it leaves alone) and the pages it wrote (to remove those no longer made)."""

    titles: Mapping[str, str] = field(default_factory=dict)
    outputs: frozenset[str] = frozenset()


def last_build(files: Files, redirects: Mapping[str, object]) -> LastBuild:
    pages = files.documentation_pages()
    return LastBuild(titles.kept(pages), frozenset(file.dest_uri for file in pages) | frozenset(redirects))


def remove_leftovers(site_dir: str, last: LastBuild, files: Files, redirects: Mapping[str, object]) -> None:
    """The pages the last build wrote and this one does not (a deleted or renamed note's,
    a tag's or an alias's gone) removed, as a fresh build would not have them."""
    site = Path(site_dir)
    for dest in sorted(last.outputs - {file.dest_uri for file in files.documentation_pages()} - set(redirects)):
        path = site / dest
        if path.is_file():
            path.unlink()
        for folder in path.parents:
            if folder == site or not folder.is_relative_to(site) or not folder.is_dir() or any(folder.iterdir()):
                break
            os.rmdir(folder)


def watch_glossary(server: Any, config: MkDocsConfig, folder: str) -> Any:
    """Under `serve`, an edit in the glossary (outside ``docs_dir``) rebuilds the site too."""
    glossary = glossary_dir(config, folder)
    if glossary is not None:
        server.watch(str(glossary))
    return server
