"""Work shared between this process and forked helpers comes back whole and in order."""

from __future__ import annotations

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
