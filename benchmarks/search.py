"""Search engines side by side on synthetic gardens: index size, bytes a reader fetches
before the first result, build time, and query latency in Chromium.

    python benchmarks/search.py                       # 2,000 and 10,000 notes
    python benchmarks/search.py --sizes 2000 --main ../main --pagefind

- garden: this checkout (Garden's own index, ``search/garden/``), answered by the site's
  own search box (``search.js``);
- material: Material's search with jieba, as Garden fed it before (the checkout given by
  ``--main``, built with its own ``.venv``), answered by Material's box (lunr in a worker);
- pagefind: ``python -m pagefind --site`` over the material build's HTML
  (``pagefind[extended]`` segments Chinese), answered by its JS API.

"Before the first result" is every byte the search asked for from typing a query to the
first result shown (for Garden and Pagefind, also the script's own fetches of their
index; for Material, its whole index). Latency is typing to results shown, cold (the
first query of a fresh page) and warm (a second query). Numbers, not thresholds: the
tests hold quality, this measures cost.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(REPO))

from tests.local_browser import CHROMIUM, CHROMIUM_FLAGS, serving  # noqa: E402

GENERATOR = HERE / "gen_garden.py"
# Queries a synthetic garden answers (benchmarks/gen_garden.py): titles, aliases and
# glossary terms in both languages, words and phrases of the text.
QUERIES = ("climate evidence", "气候证据", "archive energy", "档案能源", "trust", "价格方法", "Note 0118", "conflict method")


def build(python: str, config: Path, site: Path, cwd: Path, reuse: bool = False) -> float:
    """Seconds to build ``site`` (0 when ``reuse`` finds it built: a run that only measures queries)."""
    if reuse and site.is_dir():
        return 0.0
    start = time.perf_counter()
    subprocess.run([python, "-m", "mkdocs", "build", "-q", "-f", str(config), "-d", str(site)], check=True, cwd=cwd,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def folder_bytes(folder: Path) -> int:
    return sum(path.stat().st_size for path in folder.rglob("*") if path.is_file())


class Fetched:
    """Bytes and number of the responses whose URL holds one of ``parts``, from the page's load on."""

    def __init__(self, page, parts: tuple[str, ...]) -> None:
        self.parts, self.bytes, self.count = parts, 0, 0
        page.on("response", self._count)

    def _count(self, response) -> None:
        if any(part in response.url for part in self.parts):
            self.count += 1
            with contextlib.suppress(Exception):
                self.bytes += len(response.body())


# Measured on the tags page: the home page of a large synthetic garden keeps its main thread
# busy (long tasks of ~100 ms back to back, not search's), which every engine would wait on.
PAGE = "tags/"
FIRST_MS: list[float] = []  # Garden's box: typing to its first result shown (the rest still arriving)


def garden_query(page, query: str) -> None:
    start = time.perf_counter()
    page.fill(".md-search__input", query)
    page.wait_for_function("q => document.querySelector('[data-garden-search-first]')?.dataset.gardenSearchFirst === q",
                           arg=query, timeout=120_000, polling=5)
    FIRST_MS.append((time.perf_counter() - start) * 1000)
    page.wait_for_function("q => document.querySelector('[data-garden-search-done]')?.dataset.gardenSearchDone === q",
                           arg=query, timeout=120_000)


def material_query(page, query: str) -> None:
    page.fill(".md-search__input", query)
    page.keyboard.press("End")
    page.keyboard.type(" ")
    page.wait_for_function(
        "() => document.querySelectorAll('.md-search-result__item').length > 0"
        " || /No matching|没有/.test(document.querySelector('.md-search-result__meta').textContent)",
        timeout=300_000,
    )


PAGEFIND = """async q => {
  window.pf = window.pf || await import(new URL('/pagefind/pagefind.js', location.href).href)
  const found = await window.pf.search(q)
  await Promise.all(found.results.slice(0, 5).map(r => r.data()))
}"""


def pagefind_query(page, query: str) -> None:
    page.evaluate(PAGEFIND, query)


def measure(site: Path, ask, parts: tuple[str, ...], browser, open_box: bool) -> dict:
    """Cold and warm latency and bytes before the first result, over ``QUERIES``."""
    cold, warm, before, requests = [], [], [], []
    with serving(site) as url:
        for number, query in enumerate(QUERIES):
            page = browser.new_page()
            fetched = Fetched(page, parts)
            page.goto(url + PAGE)
            if open_box:
                page.click(".md-search__input")
            start = time.perf_counter()
            ask(page, query)
            cold.append(time.perf_counter() - start)
            before.append(fetched.bytes)
            requests.append(fetched.count)
            second = QUERIES[(number + 1) % len(QUERIES)]
            if ask is material_query:
                page.fill(".md-search__input", "")
            start = time.perf_counter()
            ask(page, second)
            warm.append(time.perf_counter() - start)
            page.close()
    first = FIRST_MS[:]
    FIRST_MS.clear()
    return {"cold_ms": statistics.median(cold) * 1000, "first_result_ms": statistics.median(first) if first else None, "warm_ms": statistics.median(warm) * 1000,
            "before_first_bytes": max(before), "before_first_median": statistics.median(before),
            "requests_median": statistics.median(requests)}


def bench(notes: int, work: Path, main: Path | None, pagefind: bool, browser, reuse: bool = False) -> dict:
    root = work / f"garden-{notes}"
    if not (root / "content").is_dir():
        subprocess.run([sys.executable, str(GENERATOR), str(root), "--notes", str(notes), "--force"], check=True,
                       stdout=subprocess.DEVNULL)
    config = root / "mkdocs-garden.yml"
    row: dict = {"notes": notes, "markdown_bytes": sum(p.stat().st_size for p in (root / "content").rglob("*.md"))}
    site = root / "site-search-garden"
    row["garden"] = {"build_s": build(sys.executable, config, site, root, reuse),
                     "index_bytes": folder_bytes(site / "search" / "garden")}
    if reuse:  # the checkout's own box, measured on a site built before it
        shutil.copy(REPO / "site_templates" / "assets" / "garden" / "search.js", site / "assets" / "garden" / "search.js")
    row["garden"].update(measure(site, garden_query, ("/search/garden/",), browser, open_box=True))
    if main is not None:
        old = root / "site-search-material"
        row["material"] = {"build_s": build(str(main / ".venv" / "bin" / "python"), config, old, root, reuse),
                           "index_bytes": (old / "search" / "search_index.json").stat().st_size}
        parts = ("/search/search_index.json", "/workers/search")
        row["material"].update(measure(old, material_query, parts, browser, open_box=True))
        if pagefind:
            start = time.perf_counter()
            if not (reuse and (old / "pagefind").is_dir()):
                subprocess.run([sys.executable, "-m", "pagefind", "--site", str(old)], check=True,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            row["pagefind"] = {"build_s": time.perf_counter() - start, "index_bytes": folder_bytes(old / "pagefind")}
            row["pagefind"].update(measure(old, pagefind_query, ("/pagefind/",), browser, open_box=False))
    return row


def report(rows: list[dict]) -> str:
    lines = [
        "| notes | engine | index build | index total | before first result (max / median) | requests | first query | next query |",
        "| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for row in rows:
        for engine in ("garden", "material", "pagefind"):
            if engine not in row:
                continue
            m = row[engine]
            build_note = "whole build" if engine != "pagefind" else "pagefind run"
            lines.append(
                f"| {row['notes']:,} | {engine} | {m['build_s']:.1f} s ({build_note}) | {m['index_bytes'] / 1e6:.1f} MB "
                f"| {m['before_first_bytes'] / 1e6:.2f} / {m['before_first_median'] / 1e6:.2f} MB | {m['requests_median']:.0f} "
                f"| {m['cold_ms']:.0f} ms | {m['warm_ms']:.0f} ms |"
            )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[2000, 10_000])
    parser.add_argument("--work", type=Path, default=Path("/tmp/garden-search-bench"))
    parser.add_argument("--main", type=Path, help="a checkout of Garden before its own search, with its .venv")
    parser.add_argument("--pagefind", action="store_true", help="also index the material build with Pagefind")
    parser.add_argument("--reuse", action="store_true", help="measure queries on sites built before (build times 0)")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    rows = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        for notes in args.sizes:
            rows.append(bench(notes, args.work, args.main, args.pagefind, browser, args.reuse))
            print(json.dumps(rows[-1]), flush=True)
        browser.close()
    print(report(rows))


if __name__ == "__main__":
    main()
