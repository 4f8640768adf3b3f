"""Search as a reader does it, in Chromium: type into the site's search box, read the
results. ``search(page, query)`` knows only the DOM contract: the box (``.md-search__input``),
the result links (``.md-search-result__item a``) and ``[data-garden-search-done="<query>"]``,
set once the results of that query are shown; any engine behind the box can keep it."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote

import yaml

QUERIES = Path(__file__).with_name("search_queries.yaml")
BOX = ".md-search__input"
RESULT = ".md-search-result__item a"


@dataclass(frozen=True)
class Query:
    site: str
    q: str
    expect: str
    kind: str


def queries(site: str | None = None) -> list[Query]:
    data = yaml.safe_load(QUERIES.read_text(encoding="utf-8"))
    return [Query(name, **item) for name, items in data.items() for item in items if site in (None, name)]


def search(page, query: str) -> list[str]:
    """The result URLs for ``query``, page-relative parts dropped: ``guide/Linking-notes/``."""
    if not page.is_visible(BOX):  # a phone shows the box behind the header's button
        page.click(".md-header__button[for='__search']")
    page.fill(BOX, query)
    page.wait_for_function("q => document.querySelector('[data-garden-search-done]')?.dataset.gardenSearchDone === q", arg=query)
    root = page.evaluate("() => new URL(document.querySelector('meta[name=garden-root]').content, location.href).href")
    urls = page.eval_on_selector_all(RESULT, "links => links.map(link => link.href)")
    return [site_relative(url, root) for url in urls]


def site_relative(url: str, root: str) -> str:
    """``http://host/sub/guide/Linking-notes/#x`` -> ``guide/Linking-notes/`` (anchor kept for glossary entries)."""
    path = unquote(url[len(root):]) if url.startswith(root) else unquote(url)
    page, _, anchor = path.partition("#")
    return f"{page}#{anchor}" if page.endswith("glossary/") and anchor else page


@dataclass(frozen=True)
class Score:
    total: int
    top3: int
    first: int
    misses: tuple[tuple[str, str, tuple[str, ...]], ...]

    @property
    def top3_share(self) -> float:
        return self.top3 / self.total

    @property
    def first_share(self) -> float:
        return self.first / self.total


def score(answers: list[tuple[Query, list[str]]]) -> Score:
    top3 = sum(query.expect in found[:3] for query, found in answers)
    first = sum(found[:1] == [query.expect] for query, found in answers)
    misses = tuple((query.q, query.expect, tuple(found[:3])) for query, found in answers if found[:1] != [query.expect])
    return Score(len(answers), top3, first, misses)


# --- the built index, read back -----------------------------------------------------------


def index_folder(site: Path) -> Path:
    return Path(site) / "search" / "garden"


def records(site: Path) -> list[dict]:
    """Every doc's record (what a result shows), in doc order."""
    import json

    folder = index_folder(site)
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    chunks = range(-(-manifest["docs"] // manifest["chunk"]))
    return [record for n in chunks for record in json.loads((folder / "d" / f"{n}.json").read_text(encoding="utf-8"))]


def index_bytes(site: Path) -> bytes:
    """The whole index, its files in a fixed order: two builds agree when these do."""
    folder = index_folder(site)
    return b"\n".join(path.relative_to(folder).as_posix().encode() + b"\n" + path.read_bytes() for path in sorted(folder.rglob("*.json")))
