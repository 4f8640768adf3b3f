"""Notes rendered ahead on the other cores while MkDocs writes pages on one.

MkDocs renders every page's Markdown, then writes every page (template, search index,
file), one after the other on one core. For a large garden, Garden forks workers when
the navigation is known; each renders notes in MkDocs' order with MkDocs' public
``Page`` methods (``read_source``, ``render``) and Garden's own page steps. In the main
process such a note's Markdown is handed to MkDocs empty, so MkDocs' rendering of it
costs next to nothing, and just before the page is written Garden puts the worker's
HTML, table of contents, title, anchors and messages on the page (its public
attributes), so the workers' rendering overlaps the writing instead of coming before it.

Only pages whose whole rendering a worker can do alone are handed over: a plugin whose
page events gather state across pages (as autorefs does) would lose what the workers
saw, so Garden renders in one process whenever another plugin hooks those events.

A worker that is well ahead of the main process also makes its page's search entries
(the search adapter's ``entries_ahead``), which keeps both cores busy; the worker that
renders the last page then does the pool's ``after`` work (the alias pages) on the
core it leaves free.
"""

from __future__ import annotations

import html
import logging
import time
from dataclasses import dataclass, replace
from typing import Any, Callable

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import TableOfContents
from mkdocs.utils import get_markdown_title

from garden.index import parallel
from garden.index.garden import Garden
from garden.site.messages import ENGINE_LOG
from garden.site.search.adapter import Entries, SearchAdapter
from garden.site.titles import name_title

_log = logging.getLogger(f"{ENGINE_LOG}.plugins.garden.render_pool")
MAX_WORKERS = 4  # more rarely helps: writing pages in the main process is the bound
_CHUNK = 4
AHEAD = 16  # pages; a worker further ahead than this has time to index its page for search
PAGE_TIMEOUT = 60.0  # seconds for the next page; a worker rendering one page takes milliseconds
MAX_AHEAD = 256  # pages; a worker this far ahead waits, so rendered pages do not pile up in memory
# The page events a worker runs on MkDocs' behalf (a plugin hooking any of them is not
# known to be safe to run in a forked copy), and `env`, where a plugin could read pages
# that still wait for their HTML.
WATCHED_EVENTS = ("pre_page", "page_read_source", "page_markdown", "page_content", "env")
RenderNote = Callable[[Page], None]  # reads and renders one note onto its page


@dataclass(frozen=True)
class Rendered:
    """What rendering left on a page, sent back from a worker."""

    content: str | None  # None: the worker failed; the main process renders the page itself
    toc: TableOfContents | None = None
    title: str | None = None
    anchors: frozenset[str] | None = None
    links_to_anchors: dict[str, dict[str, str]] | None = None  # target path -> anchor -> link
    messages: tuple[tuple[str, int, str], ...] = ()  # (logger, level, message)
    search: Entries | None = None  # the page's search entries, if the worker had time
    after_done: bool = False  # the pool's ``after`` work, done by the worker after this page


def worker_count(notes: int) -> int:
    """Workers to fork for ``notes`` notes (``parallel`` decides whether to fork at all)."""
    return parallel.helpers_for(notes, MAX_WORKERS)


def other_page_hooks(config: MkDocsConfig, own: object) -> list[str]:
    """Who else hooks an event a worker would run, or one that sees pages still waiting
    for their HTML (plugins and ``hooks:`` modules)."""
    found = []
    for event in WATCHED_EVENTS:
        for method in config.plugins.events[event]:
            owner = getattr(method, "__self__", None)
            if owner is not own:
                found.append(type(owner).__name__ if owner is not None else method.__module__)
    return sorted(set(found))


def early_title(page: Page, markdown: str, garden: Garden | None) -> None:
    """In the main process, while a worker renders ``page``: the title MkDocs shows for a
    page not rendered yet, for the navigation of the pages written before it. MkDocs
    takes it from the rendered heading, as HTML: the heading's text as Garden read it
    (`code`, *emphasis* and links as their text), escaped, is the same."""
    if "title" not in page.meta and "title" not in vars(page):
        heading = get_markdown_title(markdown)
        card = garden.cards.get(page.file.src_uri) if garden is not None else None
        if heading is not None:
            page.title = html.escape(card.title if card is not None else heading, quote=False)
        elif not page.is_homepage:  # a title made from the file's name is text: escaped
            page.title = html.escape(name_title(page.file), quote=False)


def open_pool(
    config: MkDocsConfig,
    files: Files,
    notes: list[str],
    own: object,
    render: RenderNote,
    search: SearchAdapter | None,
    after: Callable[[], Callable[[], object]],
) -> RenderPool | None:
    """A pool rendering ``notes``, or None where one core is better or safer: a small
    garden, or another plugin hooking the page events a worker would run. ``after`` is
    called here, before the workers fork, and returns the work for the last worker."""
    workers = worker_count(len(notes))
    if workers < 1:
        return None
    others = other_page_hooks(config, own)
    if others:
        _log.info(f"garden: rendering on one core: {', '.join(others)} also hook page events (garden option parallel)")
        return None
    searching = search if search is not None and search.can_index_ahead() else None
    return RenderPool(files, notes, workers, render=render, search=searching, after=after())


@dataclass(frozen=True)
class _Job:
    """What every worker inherits when it forks: the pages, and how to render one."""

    files: Files
    paths: list[str]
    render: RenderNote
    search: SearchAdapter | None
    after: Callable[[], object] | None
    progress: Any  # shared: the position of the page the main process writes


class RenderPool:
    """Forked workers (``parallel.Stream``) rendering ``paths`` (documentation pages) in order."""

    def __init__(
        self,
        files: Files,
        paths: list[str],
        workers: int,
        render: RenderNote,
        search: SearchAdapter | None = None,
        after: Callable[[], object] | None = None,
    ) -> None:
        """``search``: the adapter whose entries workers may make ahead. ``after``: work for
        the worker that renders the last page, on the core it then leaves free while the
        main process writes the last pages (or for the main process, should that worker fail)."""
        progress = parallel.fork_context().Value("i", -1, lock=False)
        self._job = _Job(files, paths, render, search, after, progress)
        # The workers fork now: they inherit the job, the garden and the pages as they are.
        self._stream = parallel.Stream(_render, range(len(paths)), self._job, workers, _CHUNK, initializer=_become_worker)
        self._position = {path: at for at, path in enumerate(paths)}
        self._received: dict[int, Rendered] = {}
        self._after_done = False

    def owns(self, path: str) -> bool:
        return path in self._position

    def take(self, path: str) -> Rendered:
        """The worker's rendering of ``path``, waiting for it if need be."""
        wanted = self._position.pop(path)  # taken once; the page is the main process's now
        self._job.progress.value = wanted
        if wanted not in self._received and not self._stream.broken:
            number = self._stream.chunk_of(wanted)
            for at, rendered in zip(self._stream.positions(number), self._stream.take(number, PAGE_TIMEOUT) or ()):
                self._received[at] = rendered
                self._after_done = self._after_done or rendered.after_done
            if self._stream.broken:
                # A worker died (the pages it held are lost) or hangs: the main process
                # renders every page not received yet, as MkDocs would.
                _log.warning(f"garden: render worker stopped at {path}; rendering the rest in one process")
        return self._received.pop(wanted, Rendered(content=None))

    def fill(self, page: Page) -> Entries | None:
        """Put the worker's rendering of ``page`` in place (or render it here if it failed,
        so its error surfaces as MkDocs reports it); returns its search entries, if made."""
        rendered = self.take(page.file.src_uri)
        if rendered.content is None:
            self._job.render(page)
            return None
        _install(page, rendered, self._job.files)
        return rendered.search

    def close(self, wait: bool = True) -> None:
        try:
            if wait and self._job.after is not None and not self._after_done:
                self._job.after()  # the worker that rendered the last page did not
        finally:
            self._stream.close()


def _install(page: Page, rendered: Rendered, files: Files) -> None:
    """The worker's rendering, put where ``Page.render`` would have left it."""
    for name, level, message in rendered.messages:
        logging.getLogger(name).log(level, message)
    page.content = rendered.content
    page.toc = rendered.toc
    if rendered.title is not None:
        page.title = rendered.title
    page.present_anchor_ids = set(rendered.anchors) if rendered.anchors is not None else None
    if rendered.links_to_anchors is not None:
        page.links_to_anchors = {
            files.get_file_from_path(path): links
            for path, links in rendered.links_to_anchors.items()
            if files.get_file_from_path(path) is not None
        }


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.messages: list[tuple[str, int, str]] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append((record.name, record.levelno, record.getMessage()))


_collector = _Collect()


def _become_worker() -> None:
    parallel.become_helper()
    # Messages go back to the main process, which prints and counts them (--strict).
    logger = logging.getLogger(ENGINE_LOG)
    logger.handlers = [_collector]
    logger.propagate = False


def _render(job: _Job, at: int) -> Rendered:
    while at - job.progress.value > MAX_AHEAD:
        time.sleep(0.005)
    page = job.files.get_file_from_path(job.paths[at]).page
    _collector.messages = []
    try:
        job.render(page)
    except Exception:
        return Rendered(content=None)
    links = page.links_to_anchors
    ahead = job.search is not None and at - job.progress.value > AHEAD
    rendered = Rendered(
        content=page.content,
        toc=page.toc,
        title=page.title,
        anchors=frozenset(page.present_anchor_ids) if page.present_anchor_ids is not None else None,
        links_to_anchors={f.src_uri: dict(v) for f, v in links.items()} if links is not None else None,
        messages=tuple(_collector.messages),
        search=job.search.entries_ahead(page) if ahead else None,
    )
    # The main process keeps the page; this copy need not (a garden's HTML, held twice, adds up).
    page.markdown = page.content = page.toc = page.links_to_anchors = page.present_anchor_ids = None
    if job.after is not None and at == len(job.paths) - 1:
        try:
            job.after()
        except Exception:
            return rendered  # not done: the main process does it, and reports what failed
        return replace(rendered, after_done=True)
    return rendered
