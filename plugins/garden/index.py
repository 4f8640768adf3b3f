"""The garden index: every note read once, and wikilinks resolved against it.

Resolution follows Obsidian's "shortest path" rule: an exact path or file name
first, then the same name ignoring case and Unicode normalisation; a target with
``/`` matches as a path suffix; among several equal candidates the note nearest
the linking one wins and the choice is reported; front-matter aliases resolve
too. Every lookup is a dictionary hit, so resolving is linear in links.
"""

from __future__ import annotations

import posixpath
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Iterable, Literal

from .cards import Card, Section
from .wikilinks import WikiLink

MARKDOWN_SUFFIX = ".md"
ResolutionKind = Literal["note", "attachment", "broken"]


@dataclass(frozen=True)
class Resolution:
    """Where one wikilink goes, and what was wrong with it, if anything."""

    link: WikiLink
    kind: ResolutionKind
    path: str | None = None  # the note or attachment, relative to the docs folder
    anchor: str | None = None  # heading anchor in the target note
    problem: str | None = None  # "broken-link", "missing-heading", "ambiguous-link"
    candidates: tuple[str, ...] = ()  # every match, when there were several

    @property
    def message(self) -> str:
        raw = self.link.raw
        if self.problem == "broken-link":
            return f"unresolved wikilink {raw}"
        if self.problem == "missing-heading":
            return f"no heading '{self.link.heading}' in {self.path} for {raw}"
        if self.problem == "ambiguous-link":
            others = ", ".join(c for c in self.candidates if c != self.path)
            return f"ambiguous wikilink {raw}: chose {self.path} over {others}"
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
    _by_name: dict[str, tuple[str, ...]] = field(default_factory=dict, repr=False)
    _by_alias: dict[str, tuple[str, ...]] = field(default_factory=dict, repr=False)
    _by_stem_path: dict[str, str] = field(default_factory=dict, repr=False)
    _attachments_by_name: dict[str, tuple[str, ...]] = field(default_factory=dict, repr=False)

    @classmethod
    def build(cls, cards: Iterable[Card], attachments: Iterable[str] = ()) -> GardenIndex:
        by_path = {card.path: card for card in cards}
        by_name: dict[str, list[str]] = defaultdict(list)
        by_alias: dict[str, list[str]] = defaultdict(list)
        for path, card in by_path.items():
            by_name[name_key(posixpath.basename(_without_suffix(path)))].append(path)
            for alias in card.meta.aliases:
                by_alias[name_key(alias)].append(path)
        attachment_names: dict[str, list[str]] = defaultdict(list)
        for path in attachments:
            attachment_names[name_key(posixpath.basename(path))].append(path)
        return cls(
            cards=by_path,
            attachments=frozenset(attachments),
            _by_name={k: tuple(v) for k, v in by_name.items()},
            _by_alias={k: tuple(v) for k, v in by_alias.items()},
            _by_stem_path={name_key(_without_suffix(p)): p for p in by_path},
            _attachments_by_name={k: tuple(v) for k, v in attachment_names.items()},
        )

    def resolve(self, link: WikiLink, from_path: str) -> Resolution:
        if not link.target:  # [[#Heading]] inside the same note
            return self._with_heading(Resolution(link, "note", from_path))
        target = link.target.strip().lstrip("/")
        if posixpath.splitext(target)[1].lower() not in ("", MARKDOWN_SUFFIX) and not self._note_named(target):
            return self._attachment(link, target, from_path)
        candidates = self._note_candidates(_without_suffix(target), from_path)
        if not candidates:
            return Resolution(link, "broken", problem="broken-link")
        chosen = nearest(candidates, from_path)
        if len(candidates) > 1:
            return self._with_heading(
                Resolution(link, "note", chosen, problem="ambiguous-link", candidates=candidates)
            )
        return self._with_heading(Resolution(link, "note", chosen))

    def _note_named(self, target: str) -> bool:
        # "Release 1.2" is a note name with a dot, not an attachment.
        return bool(self._by_name.get(name_key(posixpath.basename(target))))

    def _note_candidates(self, target: str, from_path: str) -> tuple[str, ...]:
        if "/" in target:
            return self._path_candidates(target, from_path)
        named = self._by_name.get(name_key(target), ())
        exact = tuple(p for p in named if posixpath.basename(_without_suffix(p)) == target)
        return exact or named or self._by_alias.get(name_key(target), ())

    def _path_candidates(self, target: str, from_path: str) -> tuple[str, ...]:
        if target.startswith(("./", "../")):
            relative = posixpath.normpath(posixpath.join(posixpath.dirname(from_path), target))
            hit = self._by_stem_path.get(name_key(relative))
            if hit:
                return (hit,)
        key = name_key(target.rstrip("/"))
        exact = self._by_stem_path.get(key)
        if exact:
            return (exact,)
        if target.endswith("/"):  # a folder: its index note
            index = self._by_stem_path.get(f"{key}/index")
            return (index,) if index else ()
        named = self._by_name.get(name_key(posixpath.basename(key)), ())
        return tuple(p for p in named if name_key(_without_suffix(p)).endswith("/" + key))

    def _attachment(self, link: WikiLink, target: str, from_path: str) -> Resolution:
        key = name_key(target)
        if "/" in target:
            named = self._attachments_by_name.get(name_key(posixpath.basename(target)), ())
            found = tuple(p for p in named if name_key(p) == key or name_key(p).endswith("/" + key))
        else:
            found = self._attachments_by_name.get(key, ())
        if not found:
            return Resolution(link, "broken", problem="broken-link")
        return Resolution(link, "attachment", nearest(found, from_path))

    def _with_heading(self, resolution: Resolution) -> Resolution:
        heading = resolution.link.heading
        if not heading or resolution.path is None:
            return resolution
        section = find_section(self.cards[resolution.path].sections, heading)
        if section is None:
            return Resolution(resolution.link, "note", resolution.path, problem="missing-heading")
        return Resolution(
            resolution.link, "note", resolution.path, section.anchor, resolution.problem, resolution.candidates
        )


def find_section(sections: Iterable[Section], heading: str) -> Section | None:
    """The section a ``#Heading`` (or ``#Parent#Child``) names, as Obsidian matches it."""
    wanted = _heading_key(heading.split("#")[-1])
    for section in sections:
        if wanted in (_heading_key(section.text or section.title), _heading_key(section.title)):
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
