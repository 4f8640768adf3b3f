"""What the templates show of a card: plain values, no logic left for Jinja."""

from __future__ import annotations

from dataclasses import dataclass

from .cards import Card
from .frontmatter_model import Source


@dataclass(frozen=True)
class CardView:
    title: str
    title_zh: str | None
    source: Source | None
    takeaway: str | None
    tags: tuple[str, ...]


def card_view(card: Card) -> CardView | None:
    """The header of a card page, or ``None`` for a plain note (rendered as is)."""
    if not card.is_card:
        return None
    # Term files name their Chinese title "zh" (glossary/ notes).
    zh = card.meta.title_zh or _text(card.meta.extra.get("zh"))
    title = _text(card.meta.extra.get("term")) if not card.meta.title else card.title
    return CardView(
        title=title or card.title,
        title_zh=zh,
        source=card.meta.source,
        takeaway=card.meta.takeaway,
        tags=card.meta.tags,
    )


def _text(value: object) -> str | None:
    return str(value) if isinstance(value, (str, int, float)) else None
