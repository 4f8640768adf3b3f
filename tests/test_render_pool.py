"""Notes rendered by forked workers give the very site one process gives, messages included."""

from __future__ import annotations

import filecmp
import logging
from pathlib import Path

import pytest
from mkdocs.exceptions import Abort

from garden.index import parallel
from garden.site import render_pool
from garden.site.messages import ENGINE_LOG

from .conftest import build_site
from .search_harness import index_bytes

NOTES = {
    "index.md": "# Home\n\nStart at [[Card 1]] or [[卡片 2]].\n",
    **{
        f"notes/Card {n}.md": (
            f"---\ntitle: Card {n}\naliases: [C{n}]\ntags: [t{n % 3}]\n---\n\n"
            f"## Why {n}\n\nA backlink points back to [[Card {(n + 1) % 12}]] and [[Card {(n + 5) % 12}#How]].\n\n"
            "反向链接指回来源笔记。\n\n"
            f"## How\n\n- **Step:** see ![[Card {(n + 2) % 12}#How]] ^step{n}\n\n"
            "| Term | 术语 |\n| --- | --- |\n| backlink | 反向链接 |\n"
        )
        for n in range(12)
        if n != 2
    },
    "notes/卡片 2.md": "# 卡片 2\n\n## How\n\n一张中文卡片，链接到 [[Card 3#^step3]]。\n",
}
GLOSSARY = {
    "Backlink.md": "---\nterm: Backlink\nzh: 反向链接\n---\n\nA link seen from its target.\n\n从目标看到的链接。\n",
}


@pytest.fixture
def every_note_in_a_worker(monkeypatch):
    # Two workers, even beside the browser tests' web server thread (it runs all session).
    monkeypatch.setattr(render_pool, "worker_count", lambda notes: 2)


def _pages(site: Path) -> list[Path]:
    return sorted(path.relative_to(site) for path in site.rglob("*.html"))


def _spy_on_pools(monkeypatch) -> list:
    started = []
    original = render_pool.RenderPool.__init__

    def spy(self, *args, **kwargs):
        started.append(args[1])
        original(self, *args, **kwargs)

    monkeypatch.setattr(render_pool.RenderPool, "__init__", spy)
    return started


def test_workers_build_the_same_site_as_one_process(tmp_path, every_note_in_a_worker, monkeypatch):
    started = _spy_on_pools(monkeypatch)
    parallel = build_site(tmp_path / "parallel", NOTES, glossary=GLOSSARY)
    serial = build_site(tmp_path / "serial", NOTES, glossary=GLOSSARY, plugin_options={"parallel": False})
    assert len(started) == 1 and len(started[0]) == len(NOTES) + len(GLOSSARY), "every note went to a worker"
    assert _pages(parallel.site) == _pages(serial.site)
    for page in _pages(parallel.site):
        assert filecmp.cmp(parallel.site / page, serial.site / page, shallow=False), f"{page} differs"
    assert index_bytes(parallel.site) == index_bytes(serial.site)
    assert [w.replace("/parallel/", "/") for w in parallel.warnings] == [
        w.replace("/serial/", "/") for w in serial.warnings
    ]


def test_a_warning_raised_in_a_worker_is_reported_and_counts_under_strict(tmp_path, every_note_in_a_worker):
    notes = {**NOTES, "notes/Card 4.md": "# Card 4\n\nSee [the plan](plan.md) and [[Card 5]].\n"}
    built = build_site(tmp_path / "lenient", notes)
    # MkDocs' own link check runs while the worker renders the page.
    [warning] = [w for w in built.warnings if w.startswith("Doc file")]
    assert "'notes/Card 4.md' contains a link 'plan.md'" in warning
    with pytest.raises(Abort):
        build_site(tmp_path / "strict", notes, strict=True)


def test_a_page_a_worker_could_not_render_is_rendered_by_the_main_process(
    tmp_path, every_note_in_a_worker, monkeypatch
):
    real = render_pool._render

    def failing_now_and_then(at: int) -> render_pool.Rendered:
        return render_pool.Rendered(content=None) if at % 3 == 0 else real(at)

    monkeypatch.setattr(render_pool, "_render", failing_now_and_then)
    parallel = build_site(tmp_path / "parallel", NOTES, glossary=GLOSSARY)
    serial = build_site(tmp_path / "serial", NOTES, glossary=GLOSSARY, plugin_options={"parallel": False})
    for page in _pages(serial.site):
        assert filecmp.cmp(parallel.site / page, serial.site / page, shallow=False), f"{page} differs"


def test_another_plugin_on_the_page_events_keeps_rendering_in_one_process(
    tmp_path, every_note_in_a_worker, monkeypatch, caplog
):
    started = _spy_on_pools(monkeypatch)
    hook = tmp_path / "site" / "count_pages.py"
    hook.parent.mkdir(parents=True)
    hook.write_text("SEEN = []\n\ndef on_page_markdown(markdown, page, **kwargs):\n    SEEN.append(page)\n")
    with caplog.at_level(logging.INFO, logger=ENGINE_LOG):
        build_site(tmp_path / "site", NOTES, config={"hooks": ["count_pages.py"]})
    assert started == []
    assert any("rendering on one core" in record.getMessage() for record in caplog.records)


def test_small_gardens_are_rendered_in_one_process(tmp_path, monkeypatch):
    started = _spy_on_pools(monkeypatch)
    build_site(tmp_path, NOTES)
    assert started == [], f"fewer than {parallel.PARALLEL_FROM} notes need no workers"


def test_notes_parsed_and_scanned_on_every_core_read_as_in_one_process(monkeypatch):
    from garden.index import parallel
    from garden.index.garden import read_garden
    from garden.site.project import locate, read_notes

    from .conftest import QUARTZ_DOCS, REPO, require_shared

    require_shared(QUARTZ_DOCS)

    notes = read_notes(locate(str(REPO / "mkdocs.yml"))).notes
    notes += [(f"quartz/{path}", text) for path, text in read_notes(locate(str(QUARTZ_DOCS))).notes]
    serial = read_garden(notes)
    monkeypatch.setattr(parallel, "PARALLEL_FROM", 1)
    monkeypatch.setattr(parallel, "can_fork", lambda: True)  # beside the browser tests' server thread
    forked = read_garden(notes)
    assert forked.cards == serial.cards
    assert forked.term_usage == serial.term_usage and forked.term_usage
    assert forked.findings == serial.findings


def test_pages_indexed_ahead_for_search_give_the_same_index(tmp_path, every_note_in_a_worker, monkeypatch):
    from garden.site.search.garden_search import GardenSearch

    monkeypatch.setattr(render_pool, "AHEAD", -(10**9))  # the worker always has time
    counts = []
    original = GardenSearch.finish

    def finishing(self, site_dir):
        counts.append((self.ahead, dict(self._front_matter)))
        original(self, site_dir)

    monkeypatch.setattr(GardenSearch, "finish", finishing)
    parallel = build_site(tmp_path / "parallel", NOTES, glossary=GLOSSARY)
    assert counts == [(len(NOTES) + len(GLOSSARY), {})], "every note indexed by a worker, its front matter as it was"
    serial = build_site(tmp_path / "serial", NOTES, glossary=GLOSSARY, plugin_options={"parallel": False})
    assert index_bytes(parallel.site) == index_bytes(serial.site)
    assert not (parallel.site / "search" / "search_index.json").exists(), "Material's own index is not shipped"


def test_a_page_indexed_ahead_keeps_its_own_search_front_matter(tmp_path, every_note_in_a_worker, monkeypatch):
    monkeypatch.setattr(render_pool, "AHEAD", -(10**9))
    notes = {**NOTES, "notes/Card 1.md": "---\nsearch:\n  exclude: true\n---\n\n# Card 1\n\nUnfindable.\n"}
    parallel = build_site(tmp_path / "parallel", notes, glossary=GLOSSARY)
    serial = build_site(tmp_path / "serial", notes, glossary=GLOSSARY, plugin_options={"parallel": False})
    assert b"Unfindable" not in index_bytes(parallel.site), "search: exclude is the author's to say"
    assert index_bytes(parallel.site) == index_bytes(serial.site)


def test_no_workers_where_processes_cannot_be_forked(monkeypatch):
    import multiprocessing
    import sys

    monkeypatch.setattr(multiprocessing, "get_all_start_methods", lambda: ["spawn"])
    assert render_pool.worker_count(1000) == 0
    monkeypatch.undo()
    monkeypatch.setattr(sys, "platform", "darwin")
    assert render_pool.worker_count(1000) == 0


@pytest.mark.parametrize("dies_at", [2, len(NOTES) + len(GLOSSARY) - 1], ids=["early", "at the last page"])
def test_a_worker_that_dies_leaves_the_rest_to_the_main_process(tmp_path, every_note_in_a_worker, monkeypatch, dies_at):
    """Dying at the last page, the worker never writes the alias pages: the main process does."""
    import os

    real = render_pool._render
    monkeypatch.setattr(render_pool, "PAGE_TIMEOUT", 3.0)
    monkeypatch.setattr(render_pool, "_render", lambda job, at: os._exit(1) if at == dies_at else real(job, at))
    parallel = build_site(tmp_path / "parallel", NOTES, glossary=GLOSSARY)
    serial = build_site(tmp_path / "serial", NOTES, glossary=GLOSSARY, plugin_options={"parallel": False})
    for page in _pages(serial.site):
        assert filecmp.cmp(parallel.site / page, serial.site / page, shallow=False), f"{page} differs"
    assert any("render worker stopped" in warning for warning in parallel.warnings)


def _double(_: None, n: int) -> int:
    return 2 * n


def test_no_forking_while_another_thread_runs():
    import threading

    from garden.index import parallel

    stop = threading.Event()
    thread = threading.Thread(target=stop.wait)
    thread.start()
    try:
        assert not parallel.can_fork(), "a server thread (mkdocs serve) runs beside the build"
        assert render_pool.worker_count(1000) == 0
        assert parallel.map_on_cores(_double, list(range(500)), None) == [2 * n for n in range(500)]
    finally:
        stop.set()
        thread.join()
