"""Where each page of a garden lands in the site, decided before MkDocs writes anything.

With ``slugs: quartz`` (the default) a note gets the URL Quartz gives the same file, so
links between Garden and Quartz sites keep working; ``permalink:`` in front matter wins;
``slugs: mkdocs`` keeps MkDocs' own URLs. Every alias gets a redirect page at its own slug.

Nothing overwrites anything: the files the engine and Garden write besides pages (and the
garden's attachments) keep their places, then Garden's generated pages (tags, folders,
glossary, graph, health, readiness, sequence) take theirs, then the notes, then the alias
redirects. A later claim on a place already taken moves aside (a note to ``-2``) or, for a
redirect, is not written; so does a name that differs from a taken one only by letter case
(one place on macOS and Windows disks) or that Windows cannot store. Each is a ``Clash``,
reported with both sources; the order is the garden's own, so each build places alike.
"""

from __future__ import annotations

import functools
import posixpath
from dataclasses import dataclass, replace
from typing import Iterable, Mapping
from urllib.parse import quote

from garden.index.safe_paths import safe_segment, unsafe_reason
from garden.notes.slugs import quartz_segment, quartz_slug

# Written by MkDocs, Material and Garden beside the pages: a page never takes their place.
# (Not 404.html: a note published there is the site's "not found" page, as MkDocs intends.)
SITE_FILES = (
    "sitemap.xml", "sitemap.xml.gz", "search/search_index.json", "search/garden/", "assets/garden/",
    "assets/javascripts/", "assets/stylesheets/", "assets/images/", "garden-report.json",
    "graph.json", "terms.json", "readiness.json", "sequence.json", "explorer.json",
)


@dataclass(frozen=True)
class Source:
    """What claims a place: a note, a generated page, an alias, or a file of the site."""

    kind: str  # "note" | "generated" | "alias" | "site-file" | "attachment"
    page: str  # the note's or generated page's path, the alias, or the file's output path
    path: str  # the file an author can open to fix it (for a generated page: a note behind it)
    line: int = 1


@dataclass(frozen=True)
class Clash:
    code: str  # "duplicate-url" | "url-conflict" | "url-case" | "url-unsafe"
    source: Source  # what moved aside (or, for an alias, was not written)
    dest: str  # the output file it wanted
    given: str | None  # the output file it got; None: not written (an alias), or kept (a file)
    other: Source | None = None  # what keeps the place (None for an unsafe name)
    other_dest: str = ""  # that place's spelling
    reason: str = ""  # why Windows refuses the name


@dataclass(frozen=True)
class SiteMap:
    dest: dict[str, str]  # note path -> output file, e.g. "guide/Writing-a-card/index.html"
    clashes: tuple[Clash, ...]
    redirects: dict[str, str]  # alias redirect's output file -> the note it leads to

    def url(self, path: str) -> str:
        """The page's URL relative to the site root: ``"guide/Writing-a-card/"``."""
        return url_of(self.dest[path])


@functools.lru_cache(maxsize=1 << 16)  # a page's URL is asked for by every page listing it
def url_of(dest: str) -> str:
    """URL-quoted, as MkDocs' own ``File.url``."""
    folder, name = posixpath.split(dest)
    if name == "index.html":
        return quote(f"{folder}/") if folder else ""
    return quote(dest)


def plan(
    paths: Iterable[str],
    *,
    slugs: str = "quartz",
    use_directory_urls: bool = True,
    permalinks: Mapping[str, str] | None = None,
    generated: Iterable[str] = (),
    origins: Mapping[str, str] | None = None,
    site_files: Iterable[str] = SITE_FILES,
    attachments: Iterable[str] = (),
    aliases: Mapping[str, tuple[tuple[str, int], ...]] | None = None,
    lines: Mapping[str, int] | None = None,
) -> SiteMap:
    """``paths``: the notes, in the garden's order; ``generated``: Garden's own pages
    (``origins``: a note behind each, for messages); ``aliases``: note -> (alias, line);
    ``lines``: note -> the line that chose its URL (its ``permalink:``)."""
    permalinks, origins, lines = permalinks or {}, origins or {}, lines or {}
    claims = _Claims()
    for dest in site_files:
        claims.keep(dest, Source("site-file", dest, dest))
    for dest in attachments:
        claims.keep(dest, Source("attachment", dest, dest))
    dest: dict[str, str] = {}
    for page in generated:
        source = Source("generated", page, origins.get(page, page))
        dest[page] = claims.place(_dest(page, slugs, use_directory_urls, None), source)
    for path in paths:
        source = Source("note", path, path, lines.get(path, 1))
        dest[path] = claims.place(_dest(path, slugs, use_directory_urls, permalinks.get(path)), source)
    redirects: dict[str, str] = {}
    for path, named in (aliases or {}).items():
        for alias, line in named:
            slug = quartz_slug(alias)
            if slug and claims.redirect(f"{slug}/index.html", Source("alias", alias, path, line), dest[path]):
                redirects[f"{slug}/index.html"] = path
    return SiteMap(dest=dest, clashes=tuple(claims.clashes), redirects=redirects)


class _Claims:
    """Every place taken so far, by its spelling folded as a case-blind disk sees it."""

    def __init__(self) -> None:
        self.taken: dict[str, tuple[str, Source, bool]] = {}  # folded -> (spelling, owner, is a file)
        self.folders: dict[tuple[str, str], str] = {}  # (parent as placed, name wanted) -> name placed
        self.clashes: list[Clash] = []

    def keep(self, dest: str, source: Source) -> None:
        """A file that cannot move: it takes its place as it is, and a clash is reported."""
        parts = dest.rstrip("/").split("/")
        for depth, name in enumerate(parts, start=1):
            spelling, is_file = "/".join(parts[:depth]), depth == len(parts) and not dest.endswith("/")
            reason = unsafe_reason(name)
            if reason and source.kind == "attachment":
                self.clashes.append(Clash("url-unsafe", source, dest, None, reason=f"'{name}' {reason}"))
            owner = self.taken.setdefault(_fold(spelling), (spelling, source, is_file))
            if owner[0] != spelling and source.kind == "attachment":
                self.clashes.append(Clash("url-case", source, dest, None, owner[1], owner[0]))
                return

    def place(self, wanted: str, source: Source) -> str:
        """The output file a page gets: ``wanted``, or the first free place beside it."""
        start, attempt, candidate = len(self.clashes), 1, wanted
        while True:
            placed = self._folder(posixpath.dirname(candidate), source, wanted, attempt == 1)
            placed = posixpath.join(placed, self._leaf(posixpath.basename(candidate), source, wanted, attempt == 1))
            owner = self.taken.get(_fold(placed))
            if owner is None:
                self.taken[_fold(placed)] = (placed, source, True)
                self.clashes[start:] = [replace(clash, given=placed) for clash in self.clashes[start:]]
                return placed
            if attempt == 1:
                self.clashes.append(_clash(source, wanted, placed, owner))
            attempt += 1
            candidate = _numbered(wanted, attempt)

    def redirect(self, wanted: str, source: Source, target: str) -> bool:
        """Whether an alias's redirect page may be written: only where nothing else is,
        nor anything spelled alike (a page there, its own or another's, stays)."""
        if _fold(wanted) == _fold(target):
            return False  # its own page answers there
        parent, parts = "", wanted.split("/")
        for depth, name in enumerate(parts, start=1):
            spelling = posixpath.join(parent, name)
            reason = unsafe_reason(name)
            if reason:
                self.clashes.append(Clash("url-unsafe", source, wanted, None, reason=f"'{name}' {reason}"))
                return False
            owner = self.taken.get(_fold(spelling))
            if owner is not None and (owner[0] != spelling or owner[2] or depth == len(parts)):
                self.clashes.append(Clash("url-conflict", source, wanted, None, owner[1], owner[0]))
                return False
            parent = spelling
        self.place(wanted, source)
        return True

    def _folder(self, folder: str, source: Source, wanted: str, first: bool) -> str:
        placed = ""
        for name in folder.split("/") if folder else ():
            key = (placed, name)
            if key not in self.folders:
                self.folders[key] = self._new_folder(placed, name, source, wanted, first)
            placed = posixpath.join(placed, self.folders[key])
        return placed

    def _new_folder(self, parent: str, name: str, source: Source, wanted: str, first: bool) -> str:
        safe = safe_segment(name)
        if safe != name and first:  # said once, not again for each numbered place tried
            self.clashes.append(Clash("url-unsafe", source, wanted, None, reason=f"'{name}' {unsafe_reason(name)}"))
        chosen, attempt = safe, 1
        while True:
            spelling = posixpath.join(parent, chosen)
            owner = self.taken.get(_fold(spelling))
            if owner is None:
                self.taken[_fold(spelling)] = (spelling, source, False)
                return chosen
            if owner[0] == spelling and not owner[2]:
                return chosen  # the same folder, already there
            if attempt == 1:  # spelled otherwise, or a file of that name
                code = "url-case" if owner[0] != spelling else "url-conflict"
                self.clashes.append(Clash(code, source, wanted, None, owner[1], owner[0]))
            attempt += 1
            chosen = f"{safe}-{attempt}"

    def _leaf(self, name: str, source: Source, wanted: str, first: bool) -> str:
        safe = safe_segment(name)
        if safe != name and first:  # said once, not again for each numbered place tried
            self.clashes.append(Clash("url-unsafe", source, wanted, None, reason=f"'{name}' {unsafe_reason(name)}"))
        return safe


def _clash(source: Source, wanted: str, placed: str, owner: tuple[str, Source, bool]) -> Clash:
    spelling, other, _ = owner
    if spelling != placed:
        code = "url-case"
    elif other.kind == "note" and source.kind == "note":
        code = "duplicate-url"
    else:
        code = "url-conflict"
    return Clash(code, source, wanted, None, other, spelling)


def _fold(path: str) -> str:
    return path.casefold()


def _dest(path: str, slugs: str, use_directory_urls: bool, permalink: str | None) -> str:
    if permalink:
        slug = "/".join(quartz_segment(part) for part in permalink.strip("/").split("/") if part)
        return _page_file(slug or "index", use_directory_urls, folder_page=permalink.endswith("/"))
    stem = quartz_slug(path) if slugs == "quartz" else path[: -len(".md")] if path.endswith(".md") else path
    return _page_file(stem, use_directory_urls)


def _page_file(slug: str, use_directory_urls: bool, folder_page: bool = False) -> str:
    name = posixpath.basename(slug)
    if name == "index" and not folder_page:
        return posixpath.join(posixpath.dirname(slug), "index.html")
    if use_directory_urls or folder_page:
        return posixpath.join(slug, "index.html")
    return slug + ".html"


def _numbered(dest: str, attempt: int) -> str:
    folder, name = posixpath.split(dest)
    if name == "index.html" and folder:
        return f"{folder}-{attempt}/index.html"
    stem, dot, extension = name.rpartition(".")
    return posixpath.join(folder, f"{stem}-{attempt}.{extension}")
