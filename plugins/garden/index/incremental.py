"""What one edit makes stale, so ``garden serve`` rebuilds only those pages.

A note's page shows its own text, its backlinks (from the notes linking to it), the
notes it embeds, and term links; tag, folder, glossary, readiness and health pages
list notes.
When an edit changes a note, the pages that show any of it are stale (sequence panels
included); when it moves
pages, renames terms or retitles a note under a full navigation, everything is.
"""

from __future__ import annotations

import hashlib
from garden.index.checklists import READINESS_PAGE
from garden.index.garden import HEALTH_PAGE, Garden
from garden.index.glossary import GLOSSARY_PAGE
from garden.index.sequence import SEQUENCE_PAGE


def digest(text: str) -> str:
    return hashlib.blake2b(text.encode("utf-8"), digest_size=16).hexdigest()


def changed_notes(before: dict[str, str], after: dict[str, str]) -> set[str]:
    """Paths whose text digest differs, and notes added or removed."""
    return {path for path in before.keys() | after.keys() if before.get(path) != after.get(path)}


def stale_pages(before: Garden, after: Garden, changed: set[str], *, full_navigation: bool) -> set[str] | None:
    """The pages to rebuild after ``changed``, or ``None`` for every page."""
    if before.site_map is None or after.site_map is None or before.site_map.dest != after.site_map.dest:
        return None  # pages added, removed or moved: links everywhere may change
    if before.terms.terms != after.terms.terms:
        return None  # term links and tooltips are on every page
    if full_navigation and any(_title(before, p) != _title(after, p) for p in changed):
        return None  # Material's full navigation prints every title on every page
    stale = set(changed) | {HEALTH_PAGE}
    if before.term_usage != after.term_usage or any(_title(before, p) != _title(after, p) for p in changed):
        stale.add(GLOSSARY_PAGE)  # it lists who uses each term, by title
    if any(path in before.checklists or path in after.checklists for path in changed):
        stale.add(READINESS_PAGE)  # it lists every checklist, with its page's title
    for garden in (before, after):
        for path in changed:
            stale.update(r.path for r in garden.links.get(path, ()) if r.path)  # their backlinks
            stale.update(b.source for b in garden.backlinks.get(path, ()))  # link or embed it
        stale.update(listing.path for listing in garden.listings if changed & set(listing.members))
    return stale | _sequence_pages(before, after, changed)


def _sequence_pages(before: Garden, after: Garden, changed: set[str]) -> set[str]:
    """The sequence's pages an edit touches: every card in it when an unlock or a stage
    changed (a panel shows stages and neighbours two steps away), else the neighbours
    of an edited card (their panels show its title)."""
    shape = [(set(garden.sequence.edges), garden.sequence.stages) for garden in (before, after)]
    if shape[0] != shape[1]:
        return {*before.sequence.nodes, *after.sequence.nodes, SEQUENCE_PAGE}
    near = changed & after.sequence.nodes.keys()
    for _ in range(2):
        near |= {other for key in near for other in (*after.sequence.needs[key], *after.sequence.unlocks[key])}
    return near | ({SEQUENCE_PAGE} if near else set())


def _title(garden: Garden, path: str) -> str | None:
    card = garden.cards.get(path)
    return card.title if card else None
