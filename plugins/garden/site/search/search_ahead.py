"""Material's search entries for a note, made ahead on a render worker's core.

Material's search indexes every page in the main process while it writes pages: it
reads the page's HTML back into sections and splits their Chinese into words with
jieba, about a third of the writing for a bilingual garden. A render worker that is
ahead of the main process makes the entries of the page it has just rendered, with an
index configured as Material's, and the main process adds them to Material's index
instead of indexing the page again. The workers are forked after Garden taught jieba
the glossary, so the entries are the same, and so is the index, byte for byte.

This holds only when the page Material indexes is the page the worker rendered: no
other plugin's ``on_page_context`` may run before Material's search (Garden's own puts
the worker's HTML in place, and comes first).
"""

from __future__ import annotations

from typing import Any, Callable

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

from garden.site.mkdocs_setup import material_search

Entries = tuple[dict[str, Any], ...]  # Material's search entries of one page


def material_search_index(config: MkDocsConfig, own: object) -> Any | None:
    """Material's search index, if a worker's entries would be the ones it makes."""
    plugin = material_search(config)
    index = getattr(plugin, "search_index", None)
    if index is None or not callable(getattr(index, "add_entry_from_context", None)):
        return None
    for hook in config.plugins.events["page_context"]:
        owner = getattr(hook, "__self__", None)
        if owner is plugin:
            return index
        if owner is not own:
            return None  # another plugin may change the page first
    return None


def entries_of(index: Any, page: Page) -> Entries:
    """In a worker: the entries ``index`` (Material's, forked) would add for ``page``."""
    fresh = type(index)(**index.config)
    fresh.add_entry_from_context(page)
    return tuple(fresh.entries)


class AheadEntries:
    """Stands in for Material's ``add_entry_from_context`` while pages are written: adds
    a worker's entries for the page written now, and indexes any other page as before."""

    def __init__(self, index: Any) -> None:
        self._index = index
        self._index_page: Callable[[Page], None] | None = None
        self._was_patched = False  # someone else's stand-in was there before ours
        self._entries: Entries | None = None
        self.added = 0
        self.indexed_here = 0

    def install(self) -> None:
        if self._index_page is None:
            self._was_patched = "add_entry_from_context" in vars(self._index)
            self._index_page = self._index.add_entry_from_context
            self._index.add_entry_from_context = self

    def uninstall(self) -> None:
        if self._index_page is not None:
            if self._was_patched:
                self._index.add_entry_from_context = self._index_page
            else:
                del self._index.add_entry_from_context  # the class's method again
            self._index_page = None
        self._entries = None

    def use(self, entries: Entries | None) -> None:
        """The worker's entries for the page written next (``None``: it had no time)."""
        self._entries = entries

    def __call__(self, page: Page) -> None:
        entries, self._entries = self._entries, None
        if entries is None:
            self.indexed_here += 1
            assert self._index_page is not None
            self._index_page(page)
        else:
            self.added += 1
            self._index.entries.extend(entries)
