"""The browser assets Garden ships: its own scripts and styles, and npm libraries.

Third-party libraries come from the npm registry (``site_templates/package.json``)
and are copied into ``site_templates/assets/garden/vendor`` by ``make assets``;
nothing is loaded from another host at view time.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File

from garden import site_templates  # the repository's site_templates/, packaged as garden.site_templates

TEMPLATES = Path(site_templates.__file__).resolve().parent

OVERRIDES = TEMPLATES / "overrides"
ASSETS = TEMPLATES / "assets"
URL_PREFIX = "assets/garden/"
STYLESHEETS = ("assets/garden/garden.css", "assets/garden/graph.css", "assets/garden/readiness.css")
SCRIPTS = (
    "assets/garden/reading.js",
    "assets/garden/graph.js",
    "assets/garden/health.js",
    "assets/garden/explorer.js",
    "assets/garden/terms.js",
    "assets/garden/readiness.js",
)
MERMAID = "assets/garden/vendor/mermaid.min.js"


def files(config: MkDocsConfig) -> list[File]:
    """Every shipped asset as a generated file, copied into the site by MkDocs."""
    return [
        File.generated(config, path.relative_to(ASSETS.parent).as_posix(), abs_src_path=str(path))
        for path in sorted((ASSETS / "garden").rglob("*"))
        if path.is_file() and not path.name.startswith(".")
    ]


def is_ours(file: File) -> bool:
    return file.src_uri.startswith(URL_PREFIX)


def has_mermaid() -> bool:
    return (ASSETS.parent / MERMAID).is_file()
