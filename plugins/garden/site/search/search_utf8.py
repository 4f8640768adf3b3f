"""Material's search index written as UTF-8 in the first place.

Material serialises its index with ``json.dumps``, which writes every Chinese character
as a six-byte ``\\uXXXX`` escape: a bilingual garden's index comes out twice its size.
While Material makes the index, the ``json`` its search module sees writes UTF-8
instead (``ensure_ascii=False``), so the index is written once, small, with nothing to
rewrite afterwards. Should the text hold a lone surrogate, which UTF-8 cannot encode,
the index is made as Material makes it and :mod:`garden.compact_json` shortens it.
"""

from __future__ import annotations

import functools
import json
import re
import sys
from typing import Any, Callable

from mkdocs.config.defaults import MkDocsConfig

from garden.site.mkdocs_setup import material_search

_SURROGATE = re.compile("[\ud800-\udfff]")


class _Utf8Json:
    """The ``json`` module, but ``dumps`` keeps characters beyond ASCII as they are."""

    dumps = staticmethod(functools.partial(json.dumps, ensure_ascii=False))

    def __getattr__(self, name: str) -> Any:
        return getattr(json, name)


class Utf8SearchIndex:
    """Stands in for the index's ``generate_search_index`` for one build."""

    def __init__(self, index: Any) -> None:
        self._index = index
        self._generate: Callable[[Any], str] = index.generate_search_index
        self.wrote_utf8 = False
        module = sys.modules.get(type(index).__module__)
        if module is not None and getattr(module, "json", None) is json:
            self._module = module
            index.generate_search_index = self
        else:  # Material no longer serialises through its module's ``json``: nothing to do
            self._module = None

    def __call__(self, previous: Any) -> str:
        assert self._module is not None
        self._module.json = _Utf8Json()
        try:
            data = self._generate(previous)
        finally:
            self._module.json = json
        if _SURROGATE.search(data):
            return self._generate(previous)  # escaped as Material escapes it; compacted later
        self.wrote_utf8 = True
        return data

    def uninstall(self) -> None:
        if self._module is not None and vars(self._index).get("generate_search_index") is self:
            del self._index.generate_search_index


def install(config: MkDocsConfig) -> Utf8SearchIndex | None:
    plugin = material_search(config)
    index = getattr(plugin, "search_index", None)
    if index is None or not callable(getattr(index, "generate_search_index", None)):
        return None
    return Utf8SearchIndex(index)
