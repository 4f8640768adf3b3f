"""The sentence around a link: what a backlink shows of the linking note."""

from __future__ import annotations

import re

# Sentence ends in English or Chinese; the Chinese ones need no space after them.
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|(?<=[。！？])")
_MAX_CONTEXT = 240


def sentence_around(text: str, needle: str) -> str:
    """The sentence of ``text`` that holds ``needle``; the start of ``text`` if none does."""
    sentences = [s.strip() for s in _SENTENCE_END.split(text) if s.strip()]
    chosen = next((s for s in sentences if needle and needle in s), sentences[0] if sentences else "")
    return chosen if len(chosen) <= _MAX_CONTEXT else chosen[: _MAX_CONTEXT - 1].rstrip() + "…"
