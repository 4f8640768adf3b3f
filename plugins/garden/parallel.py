"""Parse and scan many notes on every core: MkDocs builds on one, and nothing else runs
while the garden is read, so the other cores are free.

Small batches stay in this process, where starting workers would cost more than it saves.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
import threading
from concurrent.futures import ProcessPoolExecutor
from typing import Callable, Sequence, TypeVar

from .cards import Card, parse_card

Shared = TypeVar("Shared")
Item = TypeVar("Item")
Result = TypeVar("Result")

PARALLEL_FROM = 200  # notes; below this one process is faster
_CHUNK = 64


def parse_cards(notes: Sequence[tuple[str, str]]) -> list[Card]:
    """``(path, text)`` pairs to cards, in the same order."""
    return map_on_cores(_parse, notes, None)


def map_on_cores(
    function: Callable[[Shared, Item], Result], items: Sequence[Item], shared: Shared
) -> list[Result]:
    """``function(shared, item)`` for each item, in order. ``function`` is a module-level
    function; forked workers inherit ``shared`` instead of receiving it pickled."""
    global _shared
    workers = min(cores(), 8)
    if len(items) < PARALLEL_FROM or workers < 2 or not can_fork():
        return [function(shared, item) for item in items]
    _shared = shared
    try:
        # "fork" shares the imported modules (and ``shared``) with the workers: no second start-up.
        with ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("fork")) as pool:
            return list(pool.map(_call, [function] * len(items), items, chunksize=_CHUNK))
    finally:
        _shared = None


_shared: object = None


def can_fork() -> bool:
    """Forking is safe here: a POSIX system that forks by default (not Windows, nor macOS,
    whose system libraries do not survive a fork), and no other thread running (under
    `serve`, the server's), whose locks a forked copy would inherit in any state."""
    forks = os.name == "posix" and sys.platform != "darwin" and "fork" in multiprocessing.get_all_start_methods()
    started = multiprocessing.get_start_method(allow_none=True) in (None, "fork")
    return forks and started and threading.active_count() == 1


def cores() -> int:
    """The cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def _call(function: Callable[[object, Item], Result], item: Item) -> Result:
    return function(_shared, item)


def _parse(_: None, note: tuple[str, str]) -> Card:
    path, text = note
    return parse_card(text, path)
