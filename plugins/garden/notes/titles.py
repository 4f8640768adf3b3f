"""A note's titles as readers see them, in English and in Chinese."""

from __future__ import annotations

from garden.notes.cards import Card


def title_of(card: Card) -> str:
    # Term files name their title "term" (glossary/ notes).
    return card.meta.title or _text(card.meta.extra.get("term")) or card.title


def title_zh(card: Card) -> str | None:
    # Term files name their Chinese title "zh" (glossary/ notes).
    return card.meta.title_zh or _text(card.meta.extra.get("zh"))


def _text(value: object) -> str | None:
    return str(value) if isinstance(value, (str, int, float)) else None
