"""What the templates show: plain values, no logic left for Jinja."""

from __future__ import annotations

from dataclasses import dataclass

from garden.notes.cards import Card
from garden.notes.frontmatter_model import Source
from garden.notes.titles import title_of, title_zh
from garden.index.garden import Garden
from garden.index.listings import Listing


@dataclass(frozen=True)
class CardView:
    title: str
    title_zh: str | None
    source: Source | None
    takeaway: str | None
    tags: tuple[tuple[str, str | None], ...]  # (tag, URL of its page from the site root)


@dataclass(frozen=True)
class Entry:
    """A note in a listing or among backlinks."""

    title: str
    title_zh: str | None
    url: str  # from the site root
    context: str | None = None
    kind: str | None = None


@dataclass(frozen=True)
class ListingView:
    kind: str
    name: str
    entries: tuple[Entry, ...]


def card_view(card: Card, garden: Garden) -> CardView | None:
    """The header of a card page, or ``None`` for a plain note (rendered as is)."""
    if not card.is_card:
        return None
    title = title_of(card)
    return CardView(
        title=title,
        title_zh=title_zh(card),
        source=card.meta.source,
        takeaway=card.meta.takeaway,
        tags=tuple((tag, _url(garden, garden.tag_page(tag))) for tag in card.tags),
    )


def entry(garden: Garden, path: str, context: str | None = None, kind: str | None = None) -> Entry:
    card = garden.cards[path]
    return Entry(title_of(card), title_zh(card), _url(garden, path) or "", context, kind)


def listing_view(listing: Listing, garden: Garden) -> ListingView:
    if listing.kind == "tags":
        entries = tuple(
            Entry(f"#{tag}", None, _url(garden, garden.tag_page(tag)) or "") for tag in listing.members
        )
    else:
        entries = tuple(
            sorted((entry(garden, path) for path in listing.members if path in garden.cards), key=_by_title)
        )
    return ListingView(listing.kind, listing.name, entries)


# A hub note of a large garden has thousands of backlinks; a page lists this many.
BACKLINKS_SHOWN = 50


@dataclass(frozen=True)
class BacklinksView:
    entries: tuple[Entry, ...]
    total: int

    @property
    def more(self) -> int:
        return self.total - len(self.entries)


def backlink_view(garden: Garden, path: str) -> BacklinksView | None:
    found = [b for b in garden.backlinks.get(path, ()) if b.source in garden.cards]
    if not found:
        return None
    shown = tuple(entry(garden, b.source, b.context, b.kind) for b in found[:BACKLINKS_SHOWN])
    return BacklinksView(shown, len(found))


def _by_title(item: Entry) -> str:
    return item.title.casefold()


def _url(garden: Garden, path: str | None) -> str | None:
    if path is None or garden.site_map is None or path not in garden.site_map.dest:
        return None
    return garden.site_map.url(path)
