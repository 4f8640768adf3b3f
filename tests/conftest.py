"""Shared helpers: build a real garden in ``tmp_path`` and read its HTML."""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml
from hypothesis import settings

from .local_browser import CHROMIUM, CHROMIUM_FLAGS, serving  # noqa: F401  (the tests import them from here)


import garden.site  # noqa: F401  (first: the engine behind every `mkdocs.*` import, MkDocs or ProperDocs)

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
REFERENCE_CARD = SHARED / "reference" / "cards" / "five-ai-value-models.md"
QUARTZ_DOCS = SHARED / "corpora" / "quartz-docs"

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

# `make test` is a gate: the same examples on every run (a bug Hypothesis finds at random
# fails the run that found it, not a later one by chance). HYPOTHESIS_PROFILE=explore
# looks for new ones: random examples, a new draw each run.
settings.register_profile("gate", derandomize=True, database=None)
settings.register_profile("explore", derandomize=False)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "gate"))


def require_shared(path: Path) -> None:
    """Skip, saying why, when ``../shared`` (reference card, corpora) is not beside the repo."""
    if not path.exists():
        pytest.skip(f"{path} not found: ../shared (reference card and corpora) sits beside the repo")


@dataclass(frozen=True)
class BuiltSite:
    root: Path
    site: Path
    warnings: tuple[str, ...]  # every warning on the engine's log (its link checks, Garden's lines)
    findings: tuple = ()  # what Garden reported, as data (``index.findings.Finding``)

    @property
    def garden_warnings(self) -> tuple[str, ...]:
        """Garden's findings that fail a --strict build, as ``path:line: message``."""
        return tuple(str(f) for f in self.findings if f.severity != "info")

    def html(self, page: str) -> str:
        """The HTML of a page given by its URL path, e.g. ``"notes/card/"``."""
        path = self.site / page
        if page.endswith("/") or page == "":
            path = path / "index.html"
        return path.read_text(encoding="utf-8")


def write_tree(root: Path, files: dict[str, str]) -> None:
    for relative, text in files.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def build_site(
    root: Path,
    notes: dict[str, str],
    *,
    glossary: dict[str, str] | None = None,
    config: dict | None = None,
    plugin_options: dict | None = None,
    strict: bool = False,
) -> BuiltSite:
    """Write ``notes`` under ``root/docs`` (and ``glossary``), build with MkDocs' API."""
    write_tree(root / "docs", notes)
    write_tree(root / "glossary", glossary or {})
    settings = {
        "site_name": "Test garden",
        "docs_dir": "docs",
        "site_dir": "site",
        "theme": {"name": "material", "font": False},
        "plugins": ["search", {"garden": plugin_options or {}}],
    }
    settings.update(config or {})
    config_file = root / "mkdocs.yml"
    config_file.write_text(yaml.safe_dump(settings, allow_unicode=True), encoding="utf-8")
    warnings, findings = _build(config_file, strict=strict)
    return BuiltSite(root=root, site=root / "site", warnings=warnings, findings=findings)


def _build(config_file: Path, strict: bool, skip_logger: str = "", **overrides) -> tuple[tuple[str, ...], tuple]:
    """Build ``config_file``: the engine's warnings (from its own logger, whichever
    engine; without ``skip_logger``'s) and Garden's findings (from the plugin)."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    from garden.site.messages import ENGINE_LOG

    handler = _Collect(skip_logger)
    logger = logging.getLogger(ENGINE_LOG)
    logger.addHandler(handler)
    config = load_config(str(config_file), strict=strict, **overrides)
    try:
        build(config)
    finally:
        logger.removeHandler(handler)
    garden = config.plugins.get("garden")
    findings = tuple(garden.findings) if garden is not None else ()
    return tuple(handler.warnings), findings


class _Collect(logging.Handler):
    def __init__(self, skip_logger: str = "") -> None:
        super().__init__(logging.WARNING)
        self.skip_logger = skip_logger  # Garden's own findings, when the caller reads them as data
        self.warnings: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        if not self.skip_logger or record.name != self.skip_logger:
            self.warnings.append(record.getMessage())


@pytest.fixture(autouse=True)
def fresh_plugins():
    """MkDocs keeps a plugin with ``on_startup`` (Garden) for the rest of the process,
    as `mkdocs serve` needs; a test that builds as `serve` must not leave it to the next."""
    yield
    from mkdocs.config.defaults import MkDocsConfig

    MkDocsConfig.plugins.plugin_cache.clear()


@pytest.fixture
def reference_text() -> str:
    if not REFERENCE_CARD.is_file():
        pytest.skip(f"reference card not found at {REFERENCE_CARD}")
    return REFERENCE_CARD.read_text(encoding="utf-8")


def build_config(config_file: Path, site_dir: Path, *, strict: bool = False) -> tuple[str, ...]:
    """Build an existing ``mkdocs.yml`` into ``site_dir``; return every warning: the
    engine's and Garden's findings."""
    from garden.site.messages import log

    warnings, findings = _build(config_file, strict, site_dir=str(site_dir), skip_logger=log.logger.name)
    return warnings + tuple(str(f) for f in findings if f.severity != "info")


@pytest.fixture(scope="session")
def demo_site(tmp_path_factory) -> BuiltSite:
    """The repository's own demo garden, built once with --strict."""
    site = tmp_path_factory.mktemp("demo") / "site"
    warnings = build_config(REPO / "mkdocs.yml", site, strict=True)
    return BuiltSite(root=REPO, site=site, warnings=warnings)


# --- the browser: Debian's chromium driven by Playwright, serving the built demo ------

ARTIFACTS = REPO / "test-artifacts"


@pytest.fixture(scope="session")
def server(demo_site):
    """The built demo garden, served."""
    with serving(demo_site.site) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    import shutil

    if not Path(CHROMIUM).exists() or shutil.which("chromium") is None:
        pytest.fail("Debian's chromium is missing: `make test` installs it with apt-get")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    """A fresh page that records every URL it asks for (``page.requested``), its hosts,
    and what failed (``page.failed``)."""
    from urllib.parse import urlsplit

    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="en-US")
    page = context.new_page()
    page.requested = []
    page.requested_hosts = set()

    def record(request):
        page.requested.append(request.url)
        page.requested_hosts.add(urlsplit(request.url).hostname)

    page.on("request", record)
    page.failed = []  # every request the site did not answer with its file
    page.on("requestfailed", lambda request: page.failed.append(request.url))
    page.on("response", lambda response: response.status >= 400 and page.failed.append(f"{response.status} {response.url}"))
    ARTIFACTS.mkdir(exist_ok=True)
    yield page
    context.close()


# Material draws a diagram into a closed shadow root; opened, a test can find its SVG.
OPEN_SHADOW_ROOTS = """{
  const attach = Element.prototype.attachShadow
  Element.prototype.attachShadow = function (init) { return attach.call(this, { ...init, mode: "open" }) }
}"""


def wait_for_diagrams(page, count: int = 1) -> None:
    """Wait until ``count`` Mermaid diagrams are drawn as SVG: Garden's own (diagrams.js
    draws every note's diagram in the page), in a shadow root (Material's) or in the
    element itself (mermaid's own ``startOnLoad``). Material's need ``OPEN_SHADOW_ROOTS``."""
    page.wait_for_function(
        """(count) => [...document.querySelectorAll('.mermaid, [data-garden-diagram]')]
             .filter((diagram) => (diagram.shadowRoot || diagram).querySelector('svg')).length >= count""",
        arg=count,
        timeout=15000,
    )


def serve_config(tmp_path):
    """The garden in ``tmp_path/docs`` configured as `garden serve` builds it (dirty builds)."""
    from mkdocs.config import load_config

    config_file = tmp_path / "mkdocs.yml"
    config_file.write_text(yaml.safe_dump({
        "site_name": "t", "docs_dir": "docs", "site_dir": "site",
        "theme": {"name": "material", "font": False}, "plugins": ["search", "garden"],
    }))
    config = load_config(str(config_file))
    config.plugins.on_startup(command="serve", dirty=True)  # as `garden serve` does
    return config_file, config
