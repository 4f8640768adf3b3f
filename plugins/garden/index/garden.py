"""A whole garden read once: cards, the index, every link resolved, pages placed.

The plugin, ``garden check`` and the tests all start here, so pages, backlinks, the
graph and the checks can never disagree about a note or a link.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import Iterable, Mapping

from garden.index.backlinks import Backlink, backlinks
from garden.index.checklists import (
    READINESS_PAGE, READINESS_WORDS, PageChecklist, card_checklists, checklist_findings, duplicate_findings,
    has_checklist,
)
from garden.notes.cards import Card
from garden.index.findings import (
    Finding,
    embed_cycle_findings,
    garden_findings,
    term_conflict_findings,
    url_clash_findings,
)
from garden.index.glossary import GLOSSARY_FOLDER, GLOSSARY_PAGE, TermBase, term_base
from garden.index.resolution import GardenIndex, Resolution
from garden.index.sequence import SEQUENCE_PAGE, Sequence, build_sequence
from garden.index.listings import Listing, listings, tag_key, tag_page_path
from garden.index.parallel import map_on_cores, parse_cards
from garden.index.site_map import SiteMap, plan
from garden.index.terms import Coverage, TermMatcher, TermScan, coverage, scan_card, term_usage, untranslated_findings

HEALTH_PAGE = "health.md"
GRAPH_PAGE = "graph.md"


@dataclass(frozen=True)
class GardenOptions:
    link_resolution: str = "shortest"
    slugs: str = "quartz"
    use_directory_urls: bool = True
    gardens: Mapping[str, str] = field(default_factory=dict)
    publish_drafts: bool = False
    readiness_words: tuple[str, ...] = READINESS_WORDS
    sequence_keys: Mapping[str, str] = field(default_factory=dict)  # front matter key -> "unlocks" | "requires"

    @classmethod
    def from_plugin_options(cls, options: Mapping, use_directory_urls: bool = True) -> GardenOptions:
        """From the garden plugin's options as written in ``mkdocs.yml`` (defaults filled)."""
        return cls(
            link_resolution=str(options.get("link_resolution", "shortest")),
            slugs=str(options.get("slugs", "quartz")),
            use_directory_urls=use_directory_urls,
            gardens={str(k): str(v) for k, v in (options.get("gardens") or {}).items()},
            publish_drafts=bool(options.get("drafts", False)),
            readiness_words=tuple(str(w) for w in options.get("readiness_words") or READINESS_WORDS),
            sequence_keys={str(k): str(v) for k, v in (options.get("sequence_keys") or {}).items()},
        )


@dataclass(frozen=True)
class Garden:
    index: GardenIndex
    links: dict[str, tuple[Resolution, ...]]  # note path -> its links, resolved
    findings: tuple[Finding, ...]
    listings: tuple[Listing, ...] = ()
    site_map: SiteMap | None = None
    backlinks: dict[str, tuple[Backlink, ...]] = field(default_factory=dict)
    drafts: tuple[str, ...] = ()  # notes left out as drafts
    draft_reasons: dict[str, tuple[int, str]] = field(default_factory=dict)  # draft -> (line, the key saying so)
    terms: TermBase = field(default_factory=TermBase)
    term_usage: dict[str, tuple[str, ...]] = field(default_factory=dict)  # term -> notes using it
    coverage: dict[str, Coverage] = field(default_factory=dict)
    generated: tuple[str, ...] = ()  # pages Garden writes itself: tags, folders, glossary, health
    term_scans: dict[str, TermScan] = field(default_factory=dict, repr=False)
    checklists: dict[str, tuple[PageChecklist, ...]] = field(default_factory=dict)  # note path -> its checklists
    sequence: Sequence = field(default_factory=Sequence)  # what unlocks what

    @property
    def cards(self) -> dict[str, Card]:
        return self.index.cards

    @cached_property
    def listing_at(self) -> dict[str, Listing]:
        """Listing pages by path: looked up once per page, so a dictionary, not a scan."""
        return {listing.path: listing for listing in self.listings}

    @cached_property
    def tag_pages(self) -> dict[str, str]:
        """A tag's key (``tag_key``) -> the path of its page."""
        return {tag_key(listing.name): listing.path for listing in self.listings if listing.kind == "tag"}

    def tag_page(self, tag: str) -> str | None:
        """The path of a tag's page, however the tag is spelled."""
        return self.tag_pages.get(tag_key(tag))

    def listing(self, path: str) -> Listing | None:
        return self.listing_at.get(path)


def read_garden(
    notes: Iterable[tuple[str, str]], attachments: Iterable[str] = (), options: GardenOptions | None = None
) -> Garden:
    """``notes`` are ``(path, text)`` pairs, paths relative to the garden's folder."""
    return garden_from_cards(parse_cards(list(notes)), attachments, options)


def garden_from_cards(
    cards: Iterable[Card],
    attachments: Iterable[str] = (),
    options: GardenOptions | None = None,
    previous: Garden | None = None,
) -> Garden:
    """The garden of these cards; ``previous`` (the last build's, under ``serve``) lends
    the glossary scan of every card that did not change, when the glossary did not."""
    options = options or GardenOptions()
    attachments = tuple(attachments)
    published, drafts = [], []
    for card in cards:
        (drafts if card.meta.draft and not options.publish_drafts else published).append(card)
    by_path = {card.path: card for card in published}
    terms = term_base(by_path)
    # The glossary page stands where the glossary folder's listing would.
    checklists = _checklists(by_path, options)
    own_pages = [
        page for page in (GLOSSARY_PAGE if terms.terms else None, HEALTH_PAGE, READINESS_PAGE if checklists else None)
        if page and page not in by_path
    ]
    pages = tuple(listings(by_path, skip_folders=(GLOSSARY_FOLDER,) if GLOSSARY_PAGE in own_pages else ()))
    generated = (*(listing.path for listing in pages if listing.generated), *own_pages)
    index = GardenIndex.build(
        published, attachments, generated, mode=options.link_resolution, gardens=options.gardens
    )
    links = {path: tuple(index.resolve(link, path) for link in card.links) for path, card in by_path.items()}
    sequence = build_sequence(by_path, index, terms, options.sequence_keys)
    if sequence.nodes and SEQUENCE_PAGE not in by_path:  # the sequence page, where there is one
        generated = (*generated, SEQUENCE_PAGE)
    if GRAPH_PAGE not in by_path:  # a note of that name is the graph page
        generated = (*generated, GRAPH_PAGE)
    site_map = _site_map(by_path, generated, pages, attachments, options)
    scans = _term_scans(by_path, terms, previous)
    checklists = {path: card_checklists(by_path[path], site_map.url(path), options.readiness_words)
                  for path in checklists}
    findings = (
        *garden_findings(by_path, links),
        *embed_cycle_findings(links),
        *url_clash_findings(site_map.clashes),
        *term_conflict_findings(terms),
        *(f for scan in scans.values() for f in scan.findings),
        *(f for path, card in by_path.items() for f in untranslated_findings(path, card)),
        *(f for found in checklists.values() for f in (*checklist_findings(found), *duplicate_findings(found))),
        *sequence.findings,
    )
    return Garden(
        index=index,
        links=links,
        findings=findings,
        listings=pages,
        site_map=site_map,
        backlinks=backlinks(links, {path: card.link_context for path, card in by_path.items()}),
        drafts=tuple(card.path for card in drafts),
        draft_reasons={card.path: _draft_reason(card) for card in drafts},
        terms=terms,
        term_usage=term_usage(scans),
        term_scans=scans,
        coverage={path: coverage(card) for path, card in by_path.items()},
        generated=generated,
        checklists={path: found for path, found in checklists.items() if found},
        sequence=sequence,
    )


def _draft_reason(card: Card) -> tuple[int, str]:
    """The front matter line that leaves a note out: Quartz's ``draft: true``, else Obsidian
    Publish's ``publish: false``."""
    lines = card.meta.lines
    if "draft" in lines and "publish" in lines:
        return lines["draft"], "draft: true or publish: false"
    if "publish" in lines:
        return lines["publish"], "publish: false"
    return lines.get("draft", 1), "draft: true"


def _site_map(
    cards: dict[str, Card], generated: tuple[str, ...], pages: tuple[Listing, ...], attachments: Iterable[str],
    options: GardenOptions,
) -> SiteMap:
    """Every page, generated ones first (they win a place), and each alias's redirect."""
    origins = {listing.path: listing.members[0] for listing in pages if listing.kind != "tags"}
    origins.update({listing.path: origins.get(tag_page_path(listing.members[0]), listing.path)
                    for listing in pages if listing.kind == "tags"})
    return plan(
        cards,
        slugs=options.slugs,
        use_directory_urls=options.use_directory_urls,
        permalinks={path: card.meta.permalink for path, card in cards.items() if card.meta.permalink},
        lines={path: card.meta.lines.get("permalink", 1) for path, card in cards.items() if card.meta.permalink},
        generated=generated,
        origins=origins,
        attachments=attachments,
        aliases={path: _aliases(card) for path, card in cards.items() if card.meta.aliases},
    )


def _aliases(card: Card) -> tuple[tuple[str, int], ...]:
    """Each alias with its line: its own item's in a block list, else the key's."""
    items = card.meta.item_lines.get("aliases", ())
    key_line = card.meta.lines.get("aliases", 1)
    if len(items) != len(card.meta.aliases):
        items = (key_line,) * len(card.meta.aliases)
    return tuple(zip(card.meta.aliases, items))


def _checklists(cards: dict[str, Card], options: GardenOptions) -> list[str]:
    """The notes with a checklist: known before the site map, so the dashboard page is planned."""
    return [path for path, card in cards.items() if has_checklist(card, options.readiness_words)]


def _term_scans(cards: dict[str, Card], terms: TermBase, previous: Garden | None) -> dict[str, TermScan]:
    reusable = previous.term_scans if previous is not None and previous.terms == terms else {}
    scans = {path: known for path, known in reusable.items() if cards.get(path) is known.card}
    pending = [path for path in cards if path not in scans]
    if pending:  # the matcher is built only when some card needs it
        shared = (cards, TermMatcher(terms))
        for path, (used, findings) in zip(pending, map_on_cores(_scan, pending, shared)):
            scans[path] = TermScan(cards[path], used, findings)
    return {path: scans[path] for path in cards}


def _scan(shared: tuple[dict[str, Card], TermMatcher], path: str) -> tuple[tuple[str, ...], tuple[Finding, ...]]:
    cards, matcher = shared
    scan = scan_card(path, cards[path], matcher)
    return scan.used, scan.findings  # the card stays here: sending it back would cost more than the scan
