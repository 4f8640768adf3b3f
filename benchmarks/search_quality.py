"""The search query set (tests/search_queries.yaml) against other engines, for comparison:
the share of queries whose expected page is in the top 3 and first.

    python benchmarks/search_quality.py --main ../main            # Material (as before) and Pagefind
    python benchmarks/search_quality.py                           # Garden's own (this checkout)

The demo garden and ../shared/corpora/quartz-docs are built with the engine's checkout
(``--main``: Material's search fed by jieba, with its own .venv; Pagefind indexes that
build's HTML), then every query is typed into the engine's own search in Chromium.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(REPO))

from tests.local_browser import CHROMIUM, CHROMIUM_FLAGS, serving  # noqa: E402
from tests.search_harness import queries, score, search, site_relative  # noqa: E402

QUARTZ = REPO.parent / "shared" / "corpora" / "quartz-docs"
PAGEFIND = """async q => {
  window.pf = window.pf || await import(new URL('pagefind/pagefind.js', location.href).href)
  const found = await window.pf.search(q)
  const data = await Promise.all(found.results.slice(0, 10).map(r => r.data()))
  return data.map(d => new URL(d.url, location.href).href)
}"""


def build(python: str, checkout: Path, work: Path) -> dict[str, Path]:
    """The demo and quartz-docs sites, built by ``checkout``'s code."""
    demo, quartz = work / "demo", work / "quartz"
    subprocess.run([python, "-m", "mkdocs", "build", "-q", "-f", str(checkout / "mkdocs.yml"), "-d", str(demo)],
                   check=True, cwd=checkout, stderr=subprocess.DEVNULL)
    config = work / "quartz.yml"
    make = "from garden.site.project import default_config; import sys; from pathlib import Path; " \
           "Path(sys.argv[1]).write_text(default_config(Path(sys.argv[2]), Path(sys.argv[3])))"
    subprocess.run([python, "-c", make, str(config), str(QUARTZ), str(quartz)], check=True)
    subprocess.run([python, "-m", "mkdocs", "build", "-q", "-f", str(config)], check=True, cwd=work,
                   stderr=subprocess.DEVNULL)
    return {"demo": demo, "quartz": quartz}


def material(page, query: str) -> list[str]:
    page.fill(".md-search__input", query)
    page.keyboard.press("End")
    page.keyboard.type(" ")
    page.wait_for_function(
        "() => !/Initializing|Type to|键入/.test(document.querySelector('.md-search-result__meta').textContent)"
    )
    page.wait_for_timeout(150)
    return page.eval_on_selector_all(".md-search-result__item > a", "links => links.map(link => link.href)")


def pagefind(page, query: str) -> list[str]:
    return page.evaluate(PAGEFIND, query)


def run(sites: dict[str, Path], engine: str, browser) -> None:
    answers = []
    for name, site in sites.items():
        with serving(site) as url:
            page = browser.new_page()
            page.goto(url)
            for query in queries(name):
                if engine == "garden":
                    found = search(page, query.q)
                else:
                    links = (material if engine == "material" else pagefind)(page, query.q)
                    found = [site_relative(urlunsplit(urlsplit(link)._replace(query="")), url) for link in links]
                    found = list(dict.fromkeys(item.partition("#")[0] if "glossary/#" not in item else item for item in found))
                answers.append((query, found))
            page.close()
    result = score(answers)
    print(f"{engine}: {result.total} queries, top 3 {result.top3_share:.0%}, first {result.first_share:.0%}")
    for miss in result.misses:
        print("   ", miss)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--main", type=Path, help="a checkout of Garden with Material's search, with its .venv")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as temporary, sync_playwright() as playwright:
        work = Path(temporary)
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        if args.main is None:
            run(build(sys.executable, REPO, work), "garden", browser)
        else:
            sites = build(str(args.main / ".venv" / "bin" / "python"), args.main, work)
            run(sites, "material", browser)
            for site in sites.values():
                subprocess.run([sys.executable, "-m", "pagefind", "--site", str(site)], check=True, stdout=subprocess.DEVNULL)
            run(sites, "pagefind", browser)
        browser.close()


if __name__ == "__main__":
    main()
