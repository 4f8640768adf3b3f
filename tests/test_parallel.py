"""Work shared between this process and forked helpers comes back whole and in order."""

from __future__ import annotations

import multiprocessing
import os

import pytest

from garden.index import parallel


@pytest.fixture
def helpers(monkeypatch):
    monkeypatch.setattr(parallel, "PARALLEL_FROM", 1)
    monkeypatch.setattr(parallel, "can_fork", lambda: True)  # beside the browser tests' server thread
    monkeypatch.setattr(parallel, "cores", lambda: 3)  # two helpers, even on a one-core machine


def _square(offset: int, item: int) -> int:
    return item * item + offset


def _fails_on_13(_: None, item: int) -> int:
    if item == 13:
        raise ValueError("thirteen")
    return item


def _helper_dies(main_pid: int, item: int) -> int:
    if os.getpid() != main_pid:
        os._exit(3)  # a helper killed mid-job: its chunk and its results are lost
    return item


def test_results_come_back_in_order_with_the_shared_state(helpers):
    items = list(range(1000))
    assert parallel.map_on_cores(_square, items, 7) == [n * n + 7 for n in items]


def test_an_error_is_raised_in_this_process_as_one_process_would(helpers):
    with pytest.raises(ValueError, match="thirteen"):
        parallel.map_on_cores(_fails_on_13, list(range(500)), None)


def test_what_a_dead_helper_left_undone_is_done_here(helpers):
    items = list(range(700))
    assert parallel.map_on_cores(_helper_dies, items, os.getpid()) == items


def test_the_collector_runs_as_before_afterwards(helpers):
    import gc

    before = gc.get_threshold()
    parallel.map_on_cores(_square, list(range(300)), 0)
    assert gc.get_threshold() == before


def test_no_helper_outlives_an_error(helpers):
    import multiprocessing

    with pytest.raises(ValueError):
        parallel.map_on_cores(_fails_on_13, list(range(20)), None)
    assert multiprocessing.active_children() == []


def test_other_work_is_done_here_while_helpers_start(helpers):
    ran = []
    assert parallel.map_on_cores(_square, list(range(400)), 0, meanwhile=lambda: ran.append(os.getpid())) == [
        n * n for n in range(400)
    ]
    assert ran == [os.getpid()], "once, in this process"


# --- Stream: results chunk by chunk, while this process does its own work ------------


def _fails_on_chunk_of_13(_: None, item: int) -> int:
    if 12 <= item < 16:
        raise ValueError("thirteen")
    return item


def test_a_stream_sends_each_chunk_whatever_order_it_is_asked_in(helpers):
    stream = parallel.Stream(_square, range(40), 1, helpers=2, chunk=4)
    try:
        assert stream.take(stream.chunk_of(37), timeout=30) == [n * n + 1 for n in range(36, 40)]
        assert stream.positions(stream.chunk_of(37)) == range(36, 40)
        assert stream.take(stream.chunk_of(0), timeout=30) == [1, 2, 5, 10]
        assert not stream.broken
    finally:
        stream.close()
    assert multiprocessing.active_children() == []


def test_a_chunk_a_helper_could_not_do_comes_back_as_none(helpers):
    stream = parallel.Stream(_fails_on_chunk_of_13, range(20), None, helpers=2, chunk=4)
    try:
        assert stream.take(3, timeout=30) is None
        assert stream.take(4, timeout=30) == [16, 17, 18, 19]
        assert not stream.broken
    finally:
        stream.close()


def test_a_stream_whose_helper_dies_is_broken_and_keeps_what_came(helpers):
    stream = parallel.Stream(_helper_dies, range(8), os.getpid(), helpers=1, chunk=4)
    try:
        assert stream.take(0, timeout=30) is None
        assert stream.broken
        assert stream.take(1, timeout=30) is None  # at once: no helper is left to wait for
    finally:
        stream.close()


def _slow(_: None, item: int) -> int:
    import time

    time.sleep(5)
    return item


def test_a_stream_that_does_not_answer_in_time_is_broken(helpers):
    stream = parallel.Stream(_slow, range(4), None, helpers=1, chunk=4)
    try:
        assert stream.take(0, timeout=0.2) is None
        assert stream.broken
    finally:
        stream.close()
    assert multiprocessing.active_children() == []
