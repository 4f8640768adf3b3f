"""The explorer: every published note as a folder tree, for the client-side sidebar.

Material renders the whole navigation into every page, so a garden of thousands of
notes would pay for every note on every page. A compact navigation keeps the sections;
this tree, written once to ``explorer.json``, lists the notes.
"""

from __future__ import annotations

import posixpath
from typing import Any

from garden.index.garden import Garden
from garden.notes.titles import title_of, title_zh

EXPLORER_JSON = "explorer.json"


def explorer_data(garden: Garden) -> dict[str, Any]:
    """``{"title", "url", "children": [...]}`` folders first, then notes, by title."""
    site_map = garden.site_map
    listed = garden.listing_at
    root: dict[str, Any] = {"title": "", "url": "", "folders": {}, "notes": []}
    for path, card in garden.cards.items():
        if path in listed and listed[path].kind != "folder" or path in garden.generated:
            continue
        folder = root
        for part in posixpath.dirname(path).split("/") if "/" in path else []:
            folder = folder["folders"].setdefault(part, {"title": part, "url": None, "folders": {}, "notes": []})
        if posixpath.basename(path) == "index.md":
            folder["url"] = site_map.url(path)
            if folder is not root:
                continue
        note = {"title": title_of(card), "url": site_map.url(path)}
        if title_zh(card):
            note["title_zh"] = title_zh(card)
        folder["notes"].append(note)
    for listing in garden.listings:  # a folder without index.md has a generated page
        if listing.kind == "folder" and listing.generated:
            _folder(root, listing.name)["url"] = site_map.url(listing.path)
    return _finished(root)


def _folder(root: dict[str, Any], name: str) -> dict[str, Any]:
    folder = root
    for part in name.split("/"):
        folder = folder["folders"].setdefault(part, {"title": part, "url": None, "folders": {}, "notes": []})
    return folder


def _finished(folder: dict[str, Any]) -> dict[str, Any]:
    children = [_finished(child) for _, child in sorted(folder["folders"].items(), key=lambda i: i[0].casefold())]
    children += sorted(folder["notes"], key=lambda note: note["title"].casefold())
    finished: dict[str, Any] = {"title": folder["title"], "children": children}
    if folder["url"] is not None:
        finished["url"] = folder["url"]
    return finished
