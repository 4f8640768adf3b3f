"""What Garden asks of a search engine: one adapter per engine, one module each."""

from __future__ import annotations

from typing import Any, Iterable, Protocol

from mkdocs.structure.pages import Page

Entries = tuple[Any, ...]  # one page's entries in the engine's index, as the engine makes them


class SearchAdapter(Protocol):
    def learn_words(self, words: Iterable[str]) -> None:
        """Words the engine's Chinese segmenter should keep whole (glossary names)."""

    def warm_up(self) -> None:
        """Load what every page needs, once, before the render workers fork."""

    def can_index_ahead(self) -> bool:
        """Whether a worker's entries for a page are the ones the engine would make."""

    def entries_ahead(self, page: Page) -> Entries:
        """In a render worker: the entries for ``page`` as rendered there."""

    def use_entries(self, page: Page, entries: Entries | None) -> None:
        """Before ``page`` is written: its entries, if a worker made them (else ``None``)."""

    def page_written(self, page: Page) -> None:
        """After ``page`` is written."""

    def finish(self, site_dir: str) -> None:
        """After the build: the index as the garden ships it."""
