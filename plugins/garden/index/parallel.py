"""Work on every core, in one place: whether to fork, how many helpers, and the one
kind of helper that does it (MkDocs builds on one core; the others are free).

Helpers are forked copies of this process that take chunks of the items from one
shared counter, so a faster core simply takes more, and send the results back. Two
ways to use them:

- ``map_on_cores``: every result, in order (parsing and scanning the notes, while
  nothing else runs); this process takes chunks too, and each helper sends its results
  once, at the end.
- ``Stream``: results chunk by chunk as each is done, while this process does other
  work (the notes' pages, rendered ahead while MkDocs writes pages; see
  ``site/render_pool``). This process takes no chunk; a chunk a helper could not do,
  or lost by dying, comes back as None, for this process to do itself.

Small batches stay in this process, where starting helpers would cost more than it saves.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import sys
import threading
from contextlib import contextmanager
from dataclasses import dataclass
from multiprocessing.connection import wait
from typing import Any, Callable, Iterator, Sequence, TypeVar

from garden.notes.cards import Card, parse_card

Shared = TypeVar("Shared")
Item = TypeVar("Item")
Result = TypeVar("Result")

PARALLEL_FROM = 200  # items; below this, forking costs more than it saves
MAX_CORES = 8
_CHUNK = 64
_PIPE_BYTES = 1 << 20
_in_helper = False  # this process is a forked helper: it forks no helpers of its own


def parse_cards(notes: Sequence[tuple[str, str]], meanwhile: Callable[[], object] | None = None) -> list[Card]:
    """``(path, text)`` pairs to cards, in the same order; ``meanwhile`` runs in this
    process while helpers start on the notes."""
    return map_on_cores(_parse, notes, None, meanwhile)


def map_on_cores(
    function: Callable[[Shared, Item], Result],
    items: Sequence[Item],
    shared: Shared,
    meanwhile: Callable[[], object] | None = None,
) -> list[Result]:
    """``function(shared, item)`` for each item, in order. ``function`` is a module-level
    function; forked helpers inherit ``items`` and ``shared`` instead of receiving them
    pickled, and this process takes its share too: it would only wait otherwise, and
    what it does itself it need not unpickle. ``meanwhile`` is other work for this
    process, done first while the helpers start (they take more of the items)."""
    with _fewer_collections():
        return _map(function, items, shared, meanwhile or (lambda: None))


def _map(
    function: Callable[[Shared, Item], Result], items: Sequence[Item], shared: Shared, meanwhile: Callable[[], object]
) -> list[Result]:
    helpers = helpers_for(len(items), MAX_CORES - 1)
    if helpers < 1:
        meanwhile()
        return [function(shared, item) for item in items]
    job = _Job(function, items, shared, fork_context().Value("i", 0))
    started = [_start_helper(job, _help) for _ in range(helpers)]
    try:
        meanwhile()
        done = job.drain(keep_going=False)
        for _, receive in started:
            try:
                done.update(receive.recv())
            except (EOFError, OSError):
                pass  # the helper died: its chunks are done below
    finally:
        for process, receive in started:
            receive.close()
            process.terminate()  # done by now, unless this process failed first
            process.join()
    return [
        result
        for number, chunk in enumerate(job.chunks)
        for result in (done[number] if number in done else job.run(chunk))
    ]


@contextmanager
def _fewer_collections() -> Iterator[None]:
    """Parsing makes many short-lived objects and few cycles: Python's collector, which
    runs every 700 new objects, would take a sixth of the time (measured on 3,000 notes)."""
    before = gc.get_threshold()
    gc.set_threshold(max(before[0], 10_000), *before[1:])
    try:
        yield
    finally:
        gc.set_threshold(*before)


@dataclass
class _Job:
    function: Callable[[Any, Any], Any]
    items: Sequence[Any]
    shared: Any
    claimed: Any  # a shared counter: the next chunk anyone may take
    chunk: int = _CHUNK
    initializer: Callable[[], object] | None = None  # run first in each helper

    @property
    def chunks(self) -> list[range]:
        return [range(start, min(start + self.chunk, len(self.items))) for start in range(0, len(self.items), self.chunk)]

    def claim(self) -> int:
        with self.claimed.get_lock():
            number, self.claimed.value = self.claimed.value, self.claimed.value + 1
        return number

    def run(self, chunk: range) -> list[Any]:
        return [self.function(self.shared, self.items[at]) for at in chunk]

    def drain(self, keep_going: bool) -> dict[int, list[Any]]:
        """Take chunks until none is left. A helper ``keep_going`` past a chunk that
        failed: the main process does it again, and reports the error as its own."""
        done: dict[int, list[Any]] = {}
        chunks = self.chunks
        while True:
            number = self.claim()
            if number >= len(chunks):
                return done
            try:
                done[number] = self.run(chunks[number])
            except Exception:
                if not keep_going:
                    raise


def _start_helper(job: _Job, work: Callable[[_Job, Any], None]) -> tuple[Any, Any]:
    context = fork_context()
    receive, send = context.Pipe(duplex=False)
    _widen(send)
    # The helper starts as a copy of this process, the job and its items included.
    process = context.Process(target=work, args=(job, send), daemon=True)
    process.start()
    send.close()
    return process, receive


def _widen(pipe: Any) -> None:
    """A helper waits whenever its pipe is full: Linux's 64 KiB hold a page or two of a
    note's HTML, a megabyte lets a helper stay well ahead of a busy reader."""
    try:
        import fcntl

        fcntl.fcntl(pipe.fileno(), getattr(fcntl, "F_SETPIPE_SZ", 1031), _PIPE_BYTES)
    except (ImportError, OSError):
        pass  # not Linux, or a lower limit: the default pipe still works, only less far ahead


def _help(job: _Job, send: Any) -> None:
    become_helper()
    send.send(job.drain(keep_going=True))
    send.close()


def _stream(job: _Job, send: Any) -> None:
    """A ``Stream``'s helper: each chunk's results as soon as they are done (None if the
    chunk failed), then ``_DONE``, so a helper that dies is told apart from one that finished."""
    become_helper()
    if job.initializer is not None:
        job.initializer()
    chunks = job.chunks
    while (number := job.claim()) < len(chunks):
        try:
            results = job.run(chunks[number])
        except Exception:
            results = None
        send.send((number, results))
    send.send(_DONE)
    send.close()


_DONE = "done"


class Stream:
    """``function(shared, item)`` for each of ``items`` on ``helpers`` forked helpers,
    received a chunk at a time (``take``) while this process goes on with its own work."""

    def __init__(
        self,
        function: Callable[[Shared, Item], Result],
        items: Sequence[Item],
        shared: Shared,
        helpers: int,
        chunk: int,
        initializer: Callable[[], object] | None = None,
    ) -> None:
        self._job = _Job(function, items, shared, fork_context().Value("i", 0), chunk, initializer)
        self._helpers = {receive: process for process, receive in (_start_helper(self._job, _stream) for _ in range(helpers))}
        self._received: dict[int, list[Any] | None] = {}
        self.broken = False  # a helper died, or none answered in time: what is missing is this process's

    def chunk_of(self, at: int) -> int:
        return at // self._job.chunk

    def positions(self, number: int) -> range:
        """The positions in ``items`` of chunk ``number``'s results."""
        start = number * self._job.chunk
        return range(start, min(start + self._job.chunk, len(self._job.items)))

    def take(self, number: int, timeout: float) -> list[Any] | None:
        """Chunk ``number``'s results, waiting at most ``timeout`` seconds for each message;
        None if no helper will send them (failed, lost, or not in time)."""
        while number not in self._received and not self.broken:
            self._receive(timeout)
        return self._received.pop(number, None)

    def _receive(self, timeout: float) -> None:
        ready = wait(list(self._helpers), timeout) if self._helpers else []
        if not ready:
            self.broken = True  # every helper is done, or none answered in time
        for receive in ready:
            try:
                while receive.poll():  # everything already sent, so a helper seldom waits on a full pipe
                    message = receive.recv()
                    if message == _DONE:
                        self._finished(receive)
                        break
                    number, results = message
                    self._received[number] = results
            except (EOFError, OSError):
                self._finished(receive)
                self.broken = True  # it died: the chunk it held never comes

    def _finished(self, receive: Any) -> None:
        receive.close()
        self._helpers.pop(receive).join()

    def close(self) -> None:
        for receive, process in self._helpers.items():
            receive.close()
            process.terminate()
            process.join()
        self._helpers = {}


def helpers_for(items: int, most: int) -> int:
    """The one place that decides whether to fork: how many helpers to start for
    ``items`` pieces of work beside this process (0: do it all here)."""
    if items < PARALLEL_FROM or not can_fork():
        return 0
    return max(0, min(cores() - 1, most))


def fork_context() -> Any:
    """Helpers start as copies of this process, the garden already read ("fork")."""
    return multiprocessing.get_context("fork")


def become_helper() -> None:
    global _in_helper
    _in_helper = True


def can_fork() -> bool:
    """Forking is safe here: a POSIX system that forks by default (not Windows, nor macOS,
    whose system libraries do not survive a fork), and no other thread running (under
    `serve`, the server's), whose locks a forked copy would inherit in any state."""
    if _in_helper:
        return False
    forks = os.name == "posix" and sys.platform != "darwin" and "fork" in multiprocessing.get_all_start_methods()
    started = multiprocessing.get_start_method(allow_none=True) in (None, "fork")
    return forks and started and threading.active_count() == 1


def cores() -> int:
    """The cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def _parse(_: None, note: tuple[str, str]) -> Card:
    path, text = note
    return parse_card(text, path)
