"""Which files under the notes folder belong to the garden: symlinks are followed only while they stay in it.

MkDocs walks ``docs_dir`` following every symlink (``os.walk(followlinks=True)``). A link to
a folder or file outside the garden would publish what lies there; a link back to a folder
that holds it (``loop -> ..``) repeats the tree inside itself until the system refuses the
path ("too many levels of symbolic links"), and a link to nothing cannot be read. Garden
keeps a file only when every symlink on its path leads inside the garden, to something that
exists, and not back to a folder above the link; each link skipped is one finding, at the
link, and nothing under it is published.

Two loops are out of reach of any plugin: MkDocs' walk, before the first event that sees
files, would take every path through both, twice as many at each of forty levels. Garden
looks for loops first (``endless_loops``) and stops the build with their names instead.
"""

from __future__ import annotations

import os
from typing import Iterable

from garden.index.findings import Finding

CODE = "skipped-symlink"
LOOP = "loops back to a folder that holds it"


def link_problem(link: str, root: str) -> str | None:
    """Why the symlink at ``link`` (absolute) is not followed, or ``None`` to follow it.

    ``root`` is the garden's folder with every symlink resolved (``os.path.realpath``).
    """
    target = os.path.realpath(link)
    if not os.path.exists(target):
        return "points to nothing"
    if os.path.isdir(target) and _within(os.path.realpath(os.path.dirname(link)), target):
        return LOOP
    if not _within(target, root):
        return f"points outside the garden, to {target}"
    return None


def unfollowed_links(folder: str) -> dict[str, str]:
    """Every symlink under ``folder`` not to follow (relative path -> why), found by walking
    the folder as MkDocs does but never through such a link, nor into hidden folders. One
    listing per folder: it says which entries are symlinks, with no look at each file."""
    root, found, pending = os.path.realpath(folder), {}, [""]
    while pending:
        relative = pending.pop()
        try:
            entries = list(os.scandir(os.path.join(folder, relative)))
        except OSError:
            continue
        for entry in entries:
            if entry.name.startswith("."):
                continue  # hidden (.obsidian, .git): MkDocs leaves them out of the site
            path = f"{relative}/{entry.name}" if relative else entry.name
            problem = link_problem(entry.path, root) if entry.is_symlink() else None
            if problem is not None:
                found[path] = problem
            elif entry.is_dir():
                pending.append(path)
    return found


def skipped(paths: Iterable[str], folder: str) -> tuple[set[str], dict[str, str]]:
    """Of ``paths`` (relative, ``/``-separated, under ``folder``): those reached through a
    symlink not to follow, and each such link with its reason."""
    links = unfollowed_links(folder)
    if not links:
        return set(), {}
    left_out = set()
    for path in paths:
        parts = path.split("/")
        if any("/".join(parts[:depth]) in links for depth in range(1, len(parts) + 1)):
            left_out.add(path)
    return left_out, links


def skipped_findings(links: dict[str, str]) -> list[Finding]:
    return [
        Finding(link, 1, 0, "warning", CODE, f"symlink {reason}: not followed, nothing through it is published")
        for link, reason in sorted(links.items())
    ]


def endless_loops(folder: str) -> list[str]:
    """The symlinks under ``folder`` that loop back to a folder holding them, when there
    are two or more: then MkDocs' own walk would not end."""
    loops = sorted(path for path, problem in unfollowed_links(folder).items() if problem == LOOP)
    return loops if len(loops) > 1 else []


def _within(path: str, folder: str) -> bool:
    return path == folder or path.startswith(folder.rstrip(os.sep) + os.sep)
