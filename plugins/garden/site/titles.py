"""Titles as the theme prints them: HTML, and known for every page.

Material prints a page's or a section's title as HTML. MkDocs makes a page's title
from its front matter (Garden escapes it: ``shown_meta``), from its first heading
(HTML already) or, lacking both, from the file's name, and a section's from the
folder's name, as they stand: ``<img onerror=…>.md`` would run in every page's
navigation. Those two are escaped here.

Under ``garden serve`` a page no edit touched is not read again, and MkDocs would
print ``None`` for its title in the navigation and the footer of every page that is
rebuilt: it keeps the title it had in the last build.
"""

from __future__ import annotations

import html
from typing import Iterable, Mapping

from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page


def name_title(file: File) -> str:
    """The title MkDocs makes from a file's name (``Page.title``'s last resort)."""
    title = file.name.replace("-", " ").replace("_", " ")
    return title.capitalize() if title.lower() == title else title


def escape_name_title(page: Page) -> None:
    """Once ``page`` is rendered: a title made from its file's name, escaped."""
    if "title" not in page.meta and not page.is_homepage and page.title == name_title(page.file):
        page.title = html.escape(page.title, quote=False)


def kept(files: Iterable[File]) -> dict[str, str]:
    """The title of each page of a build, for the next one."""
    return {file.src_uri: file.page.title for file in files if file.page is not None and file.page.title is not None}


def settle(nav: Navigation, files: Files, before: Mapping[str, str], dirty: bool, *, folders: bool) -> None:
    """Folder names escaped (``folders``: the sections are the folders, not an author's
    ``nav``); in a dirty build, each page left alone keeps its last title."""
    if folders:
        _escape_sections(nav.items)
    if not dirty:
        return
    for file in files.documentation_pages():
        page = file.page
        if page is not None and not file.is_modified() and page.markdown is None:
            page.title = before.get(file.src_uri) or html.escape(name_title(file), quote=False)


def _escape_sections(items: list) -> None:
    for item in items:
        if isinstance(item, Section):
            if item.title is not None:
                item.title = html.escape(item.title, quote=False)
            _escape_sections(item.children)
