"""Chinese word splitting for the search index, done ahead on the render workers' cores.

Material's search splits every run of Chinese characters of every page into words with
jieba, in the main process, while it writes pages; for a bilingual garden that is a
quarter of the build. A render worker that is ahead of the main process splits the runs
of the page it has just rendered, and the main process answers jieba's calls for that
page from those results. jieba is deterministic (the workers are forked after Garden
taught it the glossary), so the index is the same byte for byte; a run the worker did
not foresee is split by jieba as before.
"""

from __future__ import annotations

import re
from html import unescape
from typing import Any, Callable, Iterator

import jieba

Segments = dict[bytes, tuple[str, ...]]  # a run, as Material hands it to jieba -> its words

_TAG = re.compile(r"<[^>]*>")
# Material matches \p{script=Han}; these blocks hold nearly all of it. A run cut
# differently here is only a run the cache does not answer.
_HAN = re.compile(
    "[\u2e80-\u2fdf\u3005\u3007\u3021-\u3029\u3038-\u303b\u3400-\u4dbf"
    "\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]+"
)


def han_runs(html: str) -> set[str]:
    """The runs of Chinese characters a reader sees in ``html`` (markup dropped)."""
    return set(_HAN.findall(unescape(_TAG.sub("", html))))


def segment(html: str) -> Segments:
    """jieba's words for each run of Chinese in ``html``, keyed as Material asks for them."""
    return {run.encode("utf-8"): tuple(jieba.cut(run.encode("utf-8"))) for run in han_runs(html)}


class SegmentCache:
    """Stands in for ``jieba.cut`` while pages are written: answers the current page's
    runs from a worker's results and hands everything else to jieba."""

    def __init__(self) -> None:
        self._cut: Callable[..., Iterator[str]] | None = None
        self._segments: Segments = {}
        self.answered = 0
        self.passed_on = 0

    def install(self) -> None:
        if self._cut is None:
            self._cut, jieba.cut = jieba.cut, self  # type: ignore[assignment]

    def uninstall(self) -> None:
        if self._cut is not None:
            jieba.cut, self._cut = self._cut, None  # type: ignore[assignment]
        self._segments = {}

    def use(self, segments: Segments) -> None:
        """The runs of the page written next (the last page's are no longer needed)."""
        self._segments = segments

    def __call__(self, sentence: Any, *args: Any, **kwargs: Any) -> Iterator[str]:
        if not args and not kwargs:
            words = self._segments.get(sentence) if isinstance(sentence, bytes) else None
            if words is not None:
                self.answered += 1
                return iter(words)
        self.passed_on += 1
        assert self._cut is not None
        return self._cut(sentence, *args, **kwargs)
