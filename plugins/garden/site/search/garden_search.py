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
  entries of the build before, cut again when the garden's words changed, so the index
  equals a fresh build's. jieba's dictionary belongs to the process: each build takes
  back the words the build before taught it and teaches its own, in one order, so the
  same garden is cut the same way whatever was built before it.
"""

from __future__ import annotations

from typing import Any, Iterable

import html
import os
from functools import lru_cache
from pathlib import Path

import jieba
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

from garden.index.glossary import GLOSSARY_PAGE
from garden.render.search_docs import glossary_docs, page_doc, term_files
from garden.render.search_index import SearchDoc, index_files, postings, record
from garden.render.search_tokens import CJK_RUN
from garden.render.search_text import sections
from garden.site.search.adapter import Entries

_NOT_SET = object()
FOLDER = "search/garden"
LONGEST_WORD = 16  # a longer Chinese run is a sentence, not a word to keep whole


# jieba's dictionary is the process's: what the last build taught it, and from which words.
_taught: list[str] = []
_taught_for: tuple[str, ...] = ()


class GardenSearch:
    def __init__(self, own: Any, previous: GardenSearch | None) -> None:
        self._own = own
        self._front_matter: dict[str, Any] = {}  # page path -> its own ``search`` meta
        self._terms: dict[str, Any] = {}
        self.ahead = 0  # pages a render worker indexed
        # page path -> (record, postings, its SearchDoc under `serve`, else None); under
        # `serve` the previous build's entries stay until their page is indexed again
        self.docs: dict[str, tuple[dict, dict[str, int], SearchDoc | None]] = dict(previous.docs) if previous else {}
        self.indexed: set[str] = set()  # pages indexed in this build
        self.words: tuple[str, ...] = ()
        self._words_before = previous.words if previous else None

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
        runs = {run for name in names for run in CJK_RUN.findall(name) if 1 < len(run) <= LONGEST_WORD}
        self.words = tuple(sorted(runs))
        teach(self.words)
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
        self.indexed.add(path)
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
        pages = set(self._own.files_by_path) | set(garden.generated)  # the glossary page is a generated one
        if self._words_before is not None and self._words_before != self.words:
            self._cut_again(path for path in self.docs if path not in self.indexed)
        docs = [entry[:2] for path, entry in sorted(self.docs.items()) if path in pages]
        glossary = self.docs.get(GLOSSARY_PAGE)
        for doc in glossary_docs(garden, glossary[0]["u"] if glossary else "glossary/"):
            docs.append((record(doc), postings(doc, _segment)))
        write_index(site_dir, index_files(docs))

    def _entry(self, page: Page) -> tuple[dict, dict[str, int], SearchDoc | None]:
        path = page.file.src_uri
        found = sections(page.content or "")
        title = html.unescape(page.title or "")  # MkDocs' title is HTML; the index holds text
        doc = page_doc(self._own.garden, path, page.url, title, found, self._terms.get(path))
        return record(doc), postings(doc, _segment), doc if getattr(self._own, "dirty", False) else None

    def _cut_again(self, paths: Iterable[str]) -> None:
        """Pages kept from the build before, their tokens cut with this build's words."""
        for path in list(paths):
            shown, _, doc = self.docs[path]
            if doc is not None:
                self.docs[path] = (shown, postings(doc, _segment), doc)


def teach(words: tuple[str, ...]) -> None:
    """jieba keeps ``words`` whole, and no word an earlier build taught it: those are taken
    back first, then these added in one order (a word's weight depends on those before it).
    Words jieba knows already are left as they are."""
    global _taught, _taught_for
    if _taught_for == words:
        return
    jieba.initialize()  # its own dictionary first, so a word it knows is never taken back
    for word in _taught:
        jieba.del_word(word)
    _taught, _taught_for = [word for word in words if not jieba.get_FREQ(word)], words
    for word in _taught:
        jieba.add_word(word)
    _segment.cache_clear()


def _excluded(page: Page) -> bool:
    own = page.meta.get("search")
    return isinstance(own, dict) and bool(own.get("exclude"))


@lru_cache(maxsize=1 << 17)
def _segment(text: str) -> tuple[str, ...]:
    """A run of Chinese cut into words, each distinct run once: notes repeat their terms,
    titles and set phrases, and cutting is most of the index's cost. ``teach`` forgets
    the cuts whenever jieba's words change."""
    return tuple(jieba.cut(text, HMM=False))


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
