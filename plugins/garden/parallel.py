"""Parse many notes on every core: MkDocs builds on one, and nothing else runs while
the garden is read, so the other cores are free.

Small batches stay in this process, where starting workers would cost more than it saves.
"""

from __future__ import annotations

import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor
from typing import Sequence

from .cards import Card, parse_card

PARALLEL_FROM = 200  # notes; below this one process is faster
_CHUNK = 64


def parse_cards(notes: Sequence[tuple[str, str]]) -> list[Card]:
    """``(path, text)`` pairs to cards, in the same order."""
    workers = min(os.cpu_count() or 1, 8)
    if len(notes) < PARALLEL_FROM or workers < 2:
        return [parse_card(text, path) for path, text in notes]
    # "fork" shares the imported modules with the workers: no second start-up.
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        texts, paths = [text for _, text in notes], [path for path, _ in notes]
        return list(pool.map(parse_card, texts, paths, chunksize=_CHUNK))
