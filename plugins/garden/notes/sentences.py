"""The sentence around a link: what a backlink shows of the linking note."""

from __future__ import annotations

import bisect
import re

# Sentence ends in English or Chinese; the Chinese ones need no space after them.
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|(?<=[。！？])")
_MAX_CONTEXT = 240


class Sentences:
    """One text cut into sentences once, however many links it holds (cutting it again
    for each link made a paragraph of 20,000 links take minutes). Links are asked for
    in the order they appear, so each is found in its own sentence."""

    def __init__(self, text: str) -> None:
        self.text = text
        starts, ends, start = [], [], 0
        for boundary in _SENTENCE_END.finditer(text):
            starts.append(start)
            ends.append(boundary.start())
            start = boundary.end()
        self._starts, self._ends = [*starts, start], [*ends, len(text)]
        self._cursor = 0

    def around(self, needle: str) -> str:
        """The sentence holding the next ``needle`` (from the last one found); the first
        sentence of the text if ``needle`` is not in it."""
        at = self.text.find(needle, self._cursor) if needle else -1
        if at < 0 and needle:
            at = self.text.find(needle)
        if at < 0:
            return _clipped(self._first())
        self._cursor = at + len(needle)
        number = bisect.bisect_right(self._starts, at) - 1
        return _clipped(self.text[self._starts[number] : self._ends[number]].strip())

    def _first(self) -> str:
        sentences = (self.text[start:end].strip() for start, end in zip(self._starts, self._ends))
        return next((sentence for sentence in sentences if sentence), "")


def _clipped(sentence: str) -> str:
    return sentence if len(sentence) <= _MAX_CONTEXT else sentence[: _MAX_CONTEXT - 1].rstrip() + "…"
