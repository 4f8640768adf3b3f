"""The garden index: every note read once, and links resolved against it.

Resolution follows Obsidian's "shortest path" rule by default: an exact path or file
name first, then the same name ignoring case and Unicode normalisation; a target with
``/`` matches as a path suffix; among several equal candidates the note nearest the
linking one wins and the choice is reported; front-matter aliases resolve too.
``relative`` and ``absolute`` read every target as a path from the linking note's
folder or from the garden's root, as Quartz's options of those names do. Every
lookup is a dictionary hit, so resolving is linear in links.
"""

from __future__ import annotations

import posixpath
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field, replace
from typing import Iterable, Literal, Mapping

from garden.notes.cards import Card, Section
from garden.notes.slugs import heading_anchor, quartz_slug
from garden.notes.wikilinks import WikiLink

MARKDOWN_SUFFIX = ".md"
RESOLUTION_MODES = ("shortest", "relative", "absolute")
ResolutionKind = Literal["note", "attachment", "external", "broken"]


@dataclass(frozen=True)
class Resolution:
    """Where one link goes, and what was wrong with it, if anything."""

    link: WikiLink
    kind: ResolutionKind
    path: str | None = None  # the note, page or attachment, relative to the docs folder
    anchor: str | None = None  # heading anchor or "^block" in the target note
    problem: str | None = None  # "broken-link", "missing-heading", "missing-block", "ambiguous-link"
    candidates: tuple[str, ...] = ()  # every match, when there were several
    url: str | None = None  # for a link into another published garden

    @property
    def message(self) -> str:
        raw = self.link.raw if self.link.syntax == "wikilink" else f"[…]({self.link.raw})"
        if self.problem == "broken-link":
            return f"unresolved {'wikilink' if self.link.syntax == 'wikilink' else 'link'} {raw}"
        if self.problem == "missing-heading":
            return f"no heading '{self.link.heading}' in {self.path} for {raw}"
        if self.problem == "missing-block":
            return f"no block '^{self.link.block}' in {self.path} for {raw}"
        if self.problem == "ambiguous-link":
            others = ", ".join(c for c in self.candidates if c != self.path)
            return f"ambiguous link {raw}: chose {self.path} over {others}"
        return ""


def name_key(text: str) -> str:
    """Obsidian compares names case-insensitively and regardless of Unicode form."""
    return unicodedata.normalize("NFC", text).casefold()


def _heading_key(text: str) -> str:
    # Obsidian matches headings ignoring case and most punctuation.
    return re.sub(r"[\W_]+", " ", name_key(text)).strip()


def _without_suffix(path: str) -> str:
    return path[: -len(MARKDOWN_SUFFIX)] if path.lower().endswith(MARKDOWN_SUFFIX) else path


@dataclass(frozen=True)
class GardenIndex:
    cards: dict[str, Card]  # note path -> card, in a stable order
    attachments: frozenset[str] = frozenset()
    pages: frozenset[str] = frozenset()  # generated pages (tags, folders): reached by path only
    mode: str = "shortest"
    gardens: Mapping[str, str] = field(default_factory=dict)  # prefix -> base URL of a Quartz garden
    _by_name: dict[str, tuple[str, ...]] = field(default_factory=dict, repr=False)
    _by_alias: dict[str, tuple[str, ...]] = field(default_factory=dict, repr=False)
    _by_stem_path: dict[str, str] = field(default_factory=dict, repr=False)
    _by_slug: dict[str, str] = field(default_factory=dict, repr=False)
    _attachments_by_name: dict[str, tuple[str, ...]] = field(default_factory=dict, repr=False)

    @classmethod
    def build(
        cls,
        cards: Iterable[Card],
        attachments: Iterable[str] = (),
        pages: Iterable[str] = (),
        *,
        mode: str = "shortest",
        gardens: Mapping[str, str] | None = None,
    ) -> GardenIndex:
        by_path = {card.path: card for card in cards}
        pages = frozenset(pages) - by_path.keys()
        by_name: dict[str, list[str]] = defaultdict(list)
        by_alias: dict[str, list[str]] = defaultdict(list)
        for path, card in by_path.items():
            by_name[name_key(posixpath.basename(_without_suffix(path)))].append(path)
            for alias in card.meta.aliases:
                by_alias[name_key(alias)].append(path)
        attachment_names: dict[str, list[str]] = defaultdict(list)
        for path in attachments:
            attachment_names[name_key(posixpath.basename(path))].append(path)
        # Two pages one name apart in case ("A.md", "a.md") share a key: the first in sorted
        # order holds it, notes before generated pages, whatever order the notes came in.
        every_page = [*sorted(pages, reverse=True), *sorted(by_path, reverse=True)]
        return cls(
            cards=by_path,
            attachments=frozenset(attachments),
            pages=pages,
            mode=mode,
            gardens=dict(gardens or {}),
            _by_name={k: tuple(v) for k, v in by_name.items()},
            _by_alias={k: tuple(v) for k, v in by_alias.items()},
            _by_stem_path={name_key(_without_suffix(p)): p for p in every_page},
            _by_slug={name_key(quartz_slug(p)): p for p in every_page},
            _attachments_by_name={k: tuple(v) for k, v in attachment_names.items()},
        )

    def resolve(self, link: WikiLink, from_path: str) -> Resolution:
        if not link.target:  # [[#Heading]] inside the same note
            return self._with_fragment(Resolution(link, "note", from_path))
        external = self._other_garden(link)
        if external is not None:
            return external
        target = link.target.strip()
        if posixpath.splitext(target)[1].lower() not in ("", MARKDOWN_SUFFIX) and not self._note_named(target):
            return self._attachment(link, target, from_path)
        candidates = self._note_candidates(_without_suffix(target), from_path, link.syntax)
        if not candidates:
            return Resolution(link, "broken", problem="broken-link")
        chosen = candidates[0] if len(candidates) == 1 else nearest(candidates, from_path)
        # A same-named note beside the linking one is what Obsidian picks without doubt;
        # elsewhere the choice is a tie-break, and the author should know.
        beside = posixpath.dirname(chosen) == posixpath.dirname(from_path)
        ambiguous = "ambiguous-link" if len(candidates) > 1 and not beside else None
        return self._with_fragment(Resolution(link, "note", chosen, problem=ambiguous, candidates=candidates))

    def _other_garden(self, link: WikiLink) -> Resolution | None:
        prefix, colon, rest = link.target.partition(":")
        if not colon or prefix not in self.gardens:
            return None
        url = self.gardens[prefix].rstrip("/") + "/" + quartz_slug(rest.strip())
        if link.heading:
            url += "#" + heading_anchor(link.heading.split("#")[-1])
        return Resolution(link, "external", url=url)

    def _note_named(self, target: str) -> bool:
        # "Release 1.2" is a note name with a dot, not an attachment.
        return bool(self._by_name.get(name_key(posixpath.basename(target))))

    def _note_candidates(self, target: str, from_path: str, syntax: str) -> tuple[str, ...]:
        if target.startswith("/") or self.mode == "absolute":
            found = self._at_path(target.lstrip("/"))
        elif self.mode == "relative" or syntax == "markdown" or target.startswith(("./", "../")):
            # Markdown links are relative first; Quartz then reads them like wikilinks.
            found = self._at_path(posixpath.join(posixpath.dirname(from_path), target))
        else:
            found = ()
        if found or self.mode != "shortest":
            return found or self._by_alias.get(name_key(target), ())
        if "/" in target.strip("/"):
            return self._path_suffix(target)
        named = self._by_name.get(name_key(target), ())
        exact = tuple(p for p in named if posixpath.basename(_without_suffix(p)) == target)
        return exact or named or self._by_alias.get(name_key(target), ()) or self._at_path(target)

    def _at_path(self, path: str) -> tuple[str, ...]:
        """A note or generated page at exactly this path (a folder: its index page)."""
        folder = path.endswith("/")
        path = posixpath.normpath(path.strip("/") or ".")
        if path.startswith(".."):
            return ()
        stem = "" if path == "." else path
        index = f"{stem}/index" if stem else "index"
        for candidate in (index,) if folder else (stem, index):
            key = name_key(candidate)
            hit = self._exact(candidate) or self._by_stem_path.get(key) or self._by_slug.get(name_key(quartz_slug(key)))
            if hit:
                return (hit,)
        return ()

    def _exact(self, stem: str) -> str | None:
        """The note or page written exactly so (case and all), before any other spelling."""
        path = stem + MARKDOWN_SUFFIX
        return path if path in self.cards or path in self.pages else None

    def _path_suffix(self, target: str) -> tuple[str, ...]:
        exact = self._at_path(target)
        if exact:
            return exact
        key = name_key(target.strip("/"))
        named = self._by_name.get(name_key(posixpath.basename(key)), ())
        return tuple(p for p in named if name_key(_without_suffix(p)).endswith("/" + key))

    def _attachment(self, link: WikiLink, target: str, from_path: str) -> Resolution:
        key = name_key(target.lstrip("./"))
        relative = name_key(posixpath.normpath(posixpath.join(posixpath.dirname(from_path), target)))
        named = self._attachments_by_name.get(name_key(posixpath.basename(target)), ())
        found = tuple(p for p in named if name_key(p) in (key, relative)) or tuple(
            p for p in named if "/" not in key or name_key(p).endswith("/" + key)
        )
        if not found:
            return Resolution(link, "broken", problem="broken-link")
        return Resolution(link, "attachment", nearest(found, from_path))

    def _with_fragment(self, resolution: Resolution) -> Resolution:
        link, path = resolution.link, resolution.path
        if path is None or path not in self.cards or not (link.heading or link.block):
            return resolution
        card = self.cards[path]
        if link.block:
            if any(block.id == link.block for block in card.blocks):
                return replace(resolution, anchor=f"^{link.block}")
            return replace(resolution, problem="missing-block")
        if link.heading.startswith("^"):  # a Markdown link's "#^block" fragment
            block = link.heading[1:]
            found = any(b.id == block for b in card.blocks)
            return replace(resolution, anchor=link.heading) if found else replace(resolution, problem="missing-block")
        section = find_section(card.sections, link.heading)
        if section is None:
            return replace(resolution, problem="missing-heading")
        return replace(resolution, anchor=section.anchor)


def find_section(sections: Iterable[Section], heading: str) -> Section | None:
    """The section a ``#Heading`` (or ``#Parent#Child``, or an anchor) names, as Obsidian matches it."""
    last = heading.split("#")[-1]
    wanted = _heading_key(last)
    for section in sections:
        if last == section.anchor or wanted in (_heading_key(section.text or section.title), _heading_key(section.title)):
            return section
    return None


def nearest(candidates: Iterable[str], from_path: str) -> str:
    """The candidate sharing most folders with ``from_path``; then the shallowest."""
    here = posixpath.dirname(from_path).split("/") if "/" in from_path else []

    def distance(path: str) -> tuple[int, int, str]:
        folders = path.split("/")[:-1]
        shared = 0
        for mine, theirs in zip(here, folders):
            if mine != theirs:
                break
            shared += 1
        return (-shared, len(folders), path)

    return min(candidates, key=distance)
