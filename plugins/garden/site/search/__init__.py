"""Search, behind one entry point: ``open_search(config, plugin)`` gives the build's
search adapter, or ``None`` when the garden has no search Garden can feed.

An adapter is what Garden asks of a search engine (``SearchAdapter``): learn the
glossary's words, warm up before the render workers fork, index a page ahead on a
worker's core, take those entries when the page is written, and finish the index after
the build. Garden's own search is one module (``garden_search``), shown in Material's
search box; another engine would be one more.

Part of ``site``: may import MkDocs and everything below ``site``.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig

from garden.site.search.adapter import Entries, SearchAdapter
from garden.site.search.garden_search import GardenSearch

__all__ = ["Entries", "SearchAdapter", "open_search"]


def open_search(config: MkDocsConfig, own: object) -> SearchAdapter | None:
    """The search adapter for this build (``own``: Garden's plugin), if any."""
    return GardenSearch.open(config, own)
