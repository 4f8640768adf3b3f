"""Tag pages and folder pages, as Quartz generates them.

Every tag (and every parent of a nested tag ``a/b``) gets a page under ``tags/`` listing
its notes; every folder gets a page listing what it holds. A note already at that
place (``tags/plugin.md``, ``advanced/index.md``) is the page, with the listing added.
"""

from __future__ import annotations

import posixpath
from collections import defaultdict
from dataclasses import dataclass
from typing import Iterable, Mapping

from garden.notes.cards import Card
from garden.notes.slugs import quartz_slug, tag_slug

TAGS_FOLDER = "tags"


@dataclass(frozen=True)
class Listing:
    path: str  # the page's source path: a note's, or a generated one's
    kind: str  # "tag" | "tags" | "folder"
    name: str  # the tag ("plugin/filter") or folder ("advanced"); "" for the tag index
    members: tuple[str, ...]  # note paths, or for "tags" the tag names
    generated: bool  # True when no note of the garden stands at ``path``

    @property
    def title(self) -> str:
        if self.kind == "tag":
            return f"Tag: {self.name}"
        if self.kind == "tags":
            return "Tags"
        return posixpath.basename(self.name) or "Home"


def tag_page_path(tag: str) -> str:
    return f"{TAGS_FOLDER}/{tag_slug(tag)}.md"


def listings(cards: Mapping[str, Card], skip_folders: Iterable[str] = ()) -> list[Listing]:
    by_slug = {quartz_slug(path).casefold(): path for path in cards}

    def page(path: str) -> tuple[str, bool]:
        existing = by_slug.get(quartz_slug(path).casefold())
        return (existing, False) if existing else (path, True)

    found = [*_tag_listings(cards, page), *_folder_listings(cards, page, tuple(skip_folders))]
    return [listing for listing in found if listing.members]


def tag_key(tag: str) -> str:
    """Tags are one tag whatever their case, as in Obsidian: #AI and #ai list together."""
    return tag.strip("/").casefold()


def _tag_listings(cards: Mapping[str, Card], page) -> Iterable[Listing]:
    members: dict[str, list[str]] = defaultdict(list)
    spelling: dict[str, str] = {}  # a tag's key -> its first spelling, the one its page shows
    for path, card in cards.items():
        for tag in card.tags:
            parts = tag.strip("/").split("/")
            for depth in range(1, len(parts) + 1):  # "a/b" is listed under "a" too
                name = "/".join(parts[:depth])
                members[spelling.setdefault(tag_key(name), name)].append(path)
    for tag in sorted(members, key=str.casefold):
        path, generated = page(tag_page_path(tag))
        yield Listing(path, "tag", tag, tuple(dict.fromkeys(members[tag])), generated)
    if members:
        path, generated = page(f"{TAGS_FOLDER}/index.md")
        yield Listing(path, "tags", "", tuple(sorted(members, key=str.casefold)), generated)


def _folder_listings(cards: Mapping[str, Card], page, skip: tuple[str, ...]) -> Iterable[Listing]:
    members: dict[str, list[str]] = defaultdict(list)
    for path in cards:
        folder = posixpath.dirname(path)
        while folder.strip("/"):  # (a path from the root, "/a.md", would otherwise stop at "/" for ever)
            members[folder].append(path)
            folder = posixpath.dirname(folder)
    for folder in sorted(members):
        if any(folder == other or folder.startswith(f"{other}/") for other in (TAGS_FOLDER, *skip)):
            continue
        path, generated = page(f"{folder}/index.md")
        notes = tuple(p for p in members[folder] if p != path)
        yield Listing(path, "folder", folder, notes, generated)
