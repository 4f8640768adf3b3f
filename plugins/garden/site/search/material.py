"""Material's search, fed by Garden through Material's documented options and public classes.

- Chinese words: Material splits Chinese with jieba; the glossary's Chinese names are
  added to jieba's dictionary (``jieba.add_word``), so "反向链接" is one word, and the
  dictionary loads once (``jieba.initialize``) before the render workers fork.
- Entries made ahead: Material indexes every page in the main process while pages are
  written, reading the HTML back into sections and splitting their Chinese. A render
  worker that is ahead of the main process makes the page's entries with Material's own
  ``SearchIndex`` class, configured as the build's. When the page is written, Garden
  adds them to the build's index and marks the page ``search: exclude`` (the documented
  front-matter switch) for the moment Material's search sees it, so Material does not
  index it twice; the page's front matter is as it was once the page is written.
- UTF-8: Material writes its index with every Chinese character as a six-byte
  ``\\uXXXX`` escape; after the build Garden rewrites the escapes as UTF-8
  (``render.compact_json``), streaming, so the index is about half the size.

Entries made ahead are the ones Material would make only if the page Material indexes
is the page the worker rendered: no other plugin's ``on_page_context`` may run between
Garden's (which puts the worker's HTML in place, first) and Material's search.
"""

from __future__ import annotations

from typing import Any, Iterable

import json
import os
from pathlib import Path

import jieba
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

from garden.render.compact_json import unescape_non_ascii
from garden.site.search.adapter import Entries

_NOT_SET = object()


class MaterialSearch:
    def __init__(self, plugin: Any, ahead: bool) -> None:
        self._plugin = plugin
        self._ahead = ahead
        self._front_matter: dict[str, Any] = {}  # page path -> its own ``search`` meta
        self.added = 0  # pages whose entries a worker made
        self.indexed_here = 0

    @classmethod
    def open(cls, config: MkDocsConfig, own: object) -> MaterialSearch | None:
        plugin = material_search(config)
        if plugin is None:
            return None
        _split_at_chinese_words(plugin)
        return cls(plugin, ahead=_search_sees_pages_after(config, own, plugin))

    def learn_words(self, words: Iterable[str]) -> None:
        for word in words:
            jieba.add_word(word)

    def warm_up(self) -> None:
        jieba.initialize()

    def can_index_ahead(self) -> bool:
        index = getattr(self._plugin, "search_index", None)
        return self._ahead and isinstance(getattr(index, "config", None), dict)

    def entries_ahead(self, page: Page) -> Entries:
        index = self._plugin.search_index
        fresh = type(index)(**index.config)
        fresh.add_entry_from_context(page)
        return tuple(fresh.entries)

    def use_entries(self, page: Page, entries: Entries | None) -> None:
        if entries is None:
            self.indexed_here += 1
            return
        self.added += 1
        self._plugin.search_index.entries.extend(entries)
        path = page.file.src_uri
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
        compact_search_index(site_dir)


def _search_sees_pages_after(config: MkDocsConfig, own: object, plugin: Any) -> bool:
    """Material's search is the next to see a page after Garden's ``on_page_context``."""
    for hook in config.plugins.events["page_context"]:
        owner = getattr(hook, "__self__", None)
        if owner is plugin:
            return True
        if owner is not own:
            return False  # another plugin may change the page first
    return False


def _split_at_chinese_words(search: Any) -> None:
    """Material's search cuts Chinese into words with jieba, joined by zero-width spaces;
    its separator must split there too, or a Chinese word is never found on its own."""
    separator = getattr(getattr(search, "config", None), "separator", None)
    if separator and "\\u200b" not in separator and "\u200b" not in separator:
        search.config.separator = f"[\\u200b]+|{separator}"
        index = getattr(search, "search_index", None)  # Material copies its options into it
        if index is not None and isinstance(getattr(index, "config", None), dict):
            index.config["separator"] = search.config.separator


def material_search(config: MkDocsConfig) -> Any | None:
    """Material's search plugin, if it is on."""
    for plugin in config.plugins.values():
        if type(plugin).__module__.startswith("material.plugins.search"):
            return plugin if getattr(plugin.config, "enabled", True) else None
    return None


_CHUNK_BYTES = 4 << 20
# Up to this size the index is read and written again whole, by the json module's C code
# (four times faster than the stream, same bytes); a larger one streams, so a large
# garden's index is never held in memory several times over at the build's peak.
_WHOLE_BYTES = 32 << 20


def compact_search_index(site_dir: str) -> None:
    """Material writes its search index with every Chinese character as a six-byte
    ``\\uXXXX`` escape; written as UTF-8 the same index is far smaller."""
    path = Path(site_dir) / "search" / "search_index.json"
    if not path.is_file():
        return
    compacted = path.with_name(path.name + ".garden")
    whole = _as_utf8(path.read_bytes()) if path.stat().st_size <= _WHOLE_BYTES else None
    if whole is not None:
        compacted.write_bytes(whole)
    else:
        with path.open("rb") as source, compacted.open("wb") as out:
            for part in unescape_non_ascii(iter(lambda: source.read(_CHUNK_BYTES), b"")):
                out.write(part)
    os.replace(compacted, path)


def _as_utf8(escaped: bytes) -> bytes | None:
    """The index written again as Material writes it (``separators=(",", ":")``), in
    UTF-8; None if it cannot be (a lone surrogate stays an escape: the stream keeps it)."""
    try:
        return json.dumps(json.loads(escaped), separators=(",", ":"), ensure_ascii=False).encode("utf-8")
    except (ValueError, UnicodeEncodeError):
        return None
