"""Chinese words for the search index: each distinct run of Chinese split once a build.

Material's search splits every run of Chinese characters on every page into words with
jieba, a large part of writing a bilingual garden. The same runs come back page after
page: section headings, key-term names, the labels Garden puts on every page, phrases
a garden repeats. jieba gives the same words for the same run (its dictionary is set,
glossary included, before the first page is written), so while a build runs a memo
answers a run it has split before, and the index is the same, byte for byte.
"""

from __future__ import annotations

from typing import Any, Callable, Iterator

import jieba

MEMO_LIMIT = 200_000  # runs; a garden's distinct runs rarely come near, and memory stays bounded


class MemoCut:
    """Stands in for ``jieba.cut`` for one build (and in the render workers forked from it)."""

    def __init__(self) -> None:
        self._cut: Callable[..., Iterator[str]] | None = None
        self._memo: dict[str | bytes, tuple[str, ...]] = {}
        self.split = 0
        self.remembered = 0

    def install(self) -> None:
        if self._cut is None:
            self._cut, jieba.cut = jieba.cut, self  # type: ignore[assignment]

    def uninstall(self) -> None:
        if self._cut is not None and jieba.cut is self:
            jieba.cut = self._cut  # type: ignore[assignment]
        self._cut, self._memo = None, {}

    def __call__(self, sentence: Any, *args: Any, **kwargs: Any) -> Iterator[str]:
        assert self._cut is not None
        if args or kwargs or not isinstance(sentence, (str, bytes)):
            return self._cut(sentence, *args, **kwargs)  # another way of cutting: not remembered
        words = self._memo.get(sentence)
        if words is None:
            self.split += 1
            words = tuple(self._cut(sentence))
            if len(self._memo) < MEMO_LIMIT:
                self._memo[sentence] = words
        else:
            self.remembered += 1
        return iter(words)
