"""Which files under the notes folder belong to the garden: symlinks are followed only while they stay in it.

MkDocs walks ``docs_dir`` following every symlink (``os.walk(followlinks=True)``). A link to
a folder or file outside the garden would publish what lies there; a link back to a folder
that holds it (``loop -> ..``) repeats the tree inside itself until the system refuses the
path ("too many levels of symbolic links"), and a link to nothing cannot be read. Garden
keeps a file only when every symlink on its path leads inside the garden, to something that
exists, and not back to a folder above the link; each link skipped is one finding, at the
link, and nothing under it is published. One look (``lstat``) per folder and file, cached.

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


def skipped(paths: Iterable[str], folder: str) -> tuple[set[str], dict[str, str]]:
    """Of ``paths`` (relative, ``/``-separated, under ``folder``): those reached through a
    symlink not to follow, and each such link (the first on a path) with its reason."""
    root = os.path.realpath(folder)
    verdicts: dict[str, str | None] = {}  # path of a folder or file -> its link's problem
    left_out: set[str] = set()
    links: dict[str, str] = {}
    for path in paths:
        parts = path.split("/")
        for depth in range(1, len(parts) + 1):
            prefix = "/".join(parts[:depth])
            if prefix not in verdicts:
                absolute = os.path.join(folder, prefix)
                verdicts[prefix] = link_problem(absolute, root) if os.path.islink(absolute) else None
            if verdicts[prefix] is not None:
                left_out.add(path)
                links.setdefault(prefix, verdicts[prefix])
                break
    return left_out, links


def skipped_findings(links: dict[str, str]) -> list[Finding]:
    return [
        Finding(link, 1, 0, "warning", CODE, f"symlink {reason}: not followed, nothing through it is published")
        for link, reason in sorted(links.items())
    ]


def endless_loops(folder: str) -> list[str]:
    """The symlinked folders under ``folder`` (relative paths) that loop back to a folder
    holding them, when there are two or more: then MkDocs' own walk would not end."""
    loops = []
    for here, folders, _ in os.walk(folder):  # symlinked folders are listed, never entered
        for name in folders:
            path = os.path.join(here, name)
            if os.path.islink(path) and link_problem(path, os.path.realpath(folder)) == LOOP:
                loops.append(os.path.relpath(path, folder).replace(os.sep, "/"))
    return sorted(loops) if len(loops) > 1 else []


def _within(path: str, folder: str) -> bool:
    return path == folder or path.startswith(folder.rstrip(os.sep) + os.sep)
