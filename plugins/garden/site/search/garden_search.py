"""Garden's own search, behind Material's search box.

- The box: Material's header shows its search box when Material's ``search`` plugin is
  listed; Garden's ``partials/search.html`` keeps its look and markup but names its form
  and components Garden's, so Material's scripts leave it to ``search.js``.
- The index: each page's names (from the garden's index) and sections (from its HTML) are
  made into tokens (``render.search_docs``, ``render.search_index``), in a render worker
  when it is ahead of MkDocs, else when the page is written; after the build they are
  written as small files under ``search/garden/``, fetched by the browser per query.
- Chinese: jieba cuts it, taught the garden's own words (titles, aliases, terms), and
  every pair of neighbouring characters is indexed too.
- Material's own index: every page is marked ``search: exclude`` (its documented
  front-matter switch) while it is written, so Material indexes nothing, and its empty
  index file is removed after the build.
- ``mkdocs serve``: a rebuild indexes only the pages it writes; the others keep the
  entries of the build before.
"""

from __future__ import annotations

from typing import Any, Iterable

import os
from pathlib import Path

import jieba
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

from garden.index.glossary import GLOSSARY_PAGE
from garden.render.search_docs import glossary_docs, page_doc, term_files
from garden.render.search_index import index_files, postings, record
from garden.render.search_tokens import CJK_RUN
from garden.render.search_text import sections
from garden.site.search.adapter import Entries

_NOT_SET = object()
FOLDER = "search/garden"
LONGEST_WORD = 16  # a longer Chinese run is a sentence, not a word to keep whole


class GardenSearch:
    def __init__(self, own: Any, previous: GardenSearch | None) -> None:
        self._own = own
        self._front_matter: dict[str, Any] = {}  # page path -> its own ``search`` meta
        self._terms: dict[str, Any] = {}
        self.ahead = 0  # pages a render worker indexed
        # page path -> (record, postings); under `serve` the previous build's, until rewritten
        self.docs: dict[str, tuple[dict, dict[str, int]]] = dict(previous.docs) if previous else {}

    @classmethod
    def open(cls, config: MkDocsConfig, own: Any) -> GardenSearch | None:
        if material_search(config) is None:
            return None  # no search box in Material's header
        previous = getattr(own, "search", None)
        return cls(own, previous if isinstance(previous, GardenSearch) else None)

    def learn_words(self, words: Iterable[str]) -> None:
        garden = self._own.garden
        names = [*words]
        for card in garden.cards.values():
            names.extend((card.title, card.meta.title_zh or "", *card.meta.aliases))
        for name in names:
            for run in CJK_RUN.findall(name):
                if 1 < len(run) <= LONGEST_WORD:
                    jieba.add_word(run)
        self._terms = term_files(garden)

    def warm_up(self) -> None:
        jieba.initialize()

    def can_index_ahead(self) -> bool:
        return True

    def entries_ahead(self, page: Page) -> Entries:
        return (self._entry(page),)

    def use_entries(self, page: Page, entries: Entries | None) -> None:
        path = page.file.src_uri
        if _excluded(page):  # the author's own `search: exclude: true`, as Material reads it
            self.docs.pop(path, None)
            return
        self.ahead += bool(entries)
        self.docs[path] = entries[0] if entries else self._entry(page)
        self._front_matter[path] = page.meta.get("search", _NOT_SET)
        own = page.meta.get("search")
        page.meta["search"] = {**(own if isinstance(own, dict) else {}), "exclude": True}

    def page_written(self, page: Page) -> None:
        own = self._front_matter.pop(page.file.src_uri, None)
        if own is _NOT_SET:
            del page.meta["search"]
        elif own is not None:
            page.meta["search"] = own

    def finish(self, site_dir: str) -> None:
        garden = self._own.garden
        pages = set(self._own.files_by_path) | set(garden.generated) | {GLOSSARY_PAGE}
        docs = [entry for path, entry in sorted(self.docs.items()) if path in pages]
        glossary = self.docs.get(GLOSSARY_PAGE)
        for doc in glossary_docs(garden, glossary[0]["u"] if glossary else "glossary/"):
            docs.append((record(doc), postings(doc, _segment)))
        write_index(site_dir, index_files(docs))

    def _entry(self, page: Page) -> tuple[dict, dict[str, int]]:
        path = page.file.src_uri
        found = sections(page.content or "")
        doc = page_doc(self._own.garden, path, page.url, page.title or "", found, self._terms.get(path))
        return record(doc), postings(doc, _segment)


def _excluded(page: Page) -> bool:
    own = page.meta.get("search")
    return isinstance(own, dict) and bool(own.get("exclude"))


def _segment(text: str) -> list[str]:
    return jieba.lcut(text, HMM=False)


def write_index(site_dir: str, files: dict[str, bytes]) -> None:
    """The index's files under ``search/garden/``; Material's empty index removed."""
    root = Path(site_dir) / FOLDER
    for name in ("t", "d"):
        folder = root / name
        folder.mkdir(parents=True, exist_ok=True)
        for stale in folder.iterdir():  # a smaller garden than the build before has fewer files
            if f"{name}/{stale.name}" not in files:
                stale.unlink()
    for name, data in files.items():
        (root / name).write_bytes(data)
    material = Path(site_dir) / "search" / "search_index.json"
    if material.is_file():
        os.remove(material)


def material_search(config: MkDocsConfig) -> Any | None:
    """Material's search plugin, if it is on (its header shows the search box)."""
    for plugin in config.plugins.values():
        if type(plugin).__module__.startswith("material.plugins.search"):
            return plugin if getattr(plugin.config, "enabled", True) else None
    return None
