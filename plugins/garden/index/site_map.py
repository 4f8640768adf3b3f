"""Where each page of a garden lands in the site, decided before MkDocs writes anything.

With ``slugs: quartz`` (the default) a note gets the URL Quartz gives the same file, so
links between Garden and Quartz sites keep working; ``permalink:`` in front matter wins;
``slugs: mkdocs`` keeps MkDocs' own URLs. Two notes that would share a URL are reported
with both paths, and the later one is moved aside rather than overwritten.
"""

from __future__ import annotations

import functools
import posixpath
from dataclasses import dataclass
from typing import Iterable, Mapping
from urllib.parse import quote

from garden.notes.slugs import quartz_segment, quartz_slug


@dataclass(frozen=True)
class Clash:
    path: str
    other: str
    dest: str


@dataclass(frozen=True)
class SiteMap:
    dest: dict[str, str]  # note path -> output file, e.g. "guide/Writing-a-card/index.html"
    clashes: tuple[Clash, ...]

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
) -> SiteMap:
    permalinks = permalinks or {}
    dest: dict[str, str] = {}
    owner: dict[str, str] = {}
    clashes: list[Clash] = []
    for path in paths:
        wanted = _dest(path, slugs, use_directory_urls, permalinks.get(path))
        chosen, attempt = wanted, 1
        while chosen in owner:
            attempt += 1
            chosen = _numbered(wanted, attempt)
        if chosen != wanted:
            clashes.append(Clash(path=path, other=owner[wanted], dest=wanted))
        owner[chosen] = path
        dest[path] = chosen
    return SiteMap(dest=dest, clashes=tuple(clashes))


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
