"""The browser assets Garden ships: its own scripts and styles, and npm libraries.

Third-party libraries come from the npm registry (``site_templates/package.json``)
and are copied into ``site_templates/assets/garden/vendor`` by ``make assets``
(a built package carries them); nothing is loaded from another host at view time,
and a build without one of them stops (``require_libraries``).
"""

from __future__ import annotations

import re
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

from garden import site_templates  # the repository's site_templates/, packaged as garden.site_templates

TEMPLATES = Path(site_templates.__file__).resolve().parent

OVERRIDES = TEMPLATES / "overrides"
ASSETS = TEMPLATES / "assets"
URL_PREFIX = "assets/garden/"
STYLESHEETS = (
    "assets/garden/garden.css", "assets/garden/graph.css", "assets/garden/readiness.css", "assets/garden/sequence.css",
)
SCRIPTS = (
    "assets/garden/reading.js",
    "assets/garden/graph.js",
    "assets/garden/health.js",
    "assets/garden/explorer.js",
    "assets/garden/terms.js",
    "assets/garden/readiness.js",
    "assets/garden/diagrams.js",
    "assets/garden/sequence.js",
    "assets/garden/search.js",
)
VENDOR = ASSETS / "garden" / "vendor"
MERMAID = "assets/garden/vendor/mermaid.min.js"
# What `make assets` copies from npm; KaTeX's fonts are the ones its stylesheet names.
LIBRARIES = ("mermaid.min.js", "force-graph.min.js", "katex/katex.min.js", "katex/katex.min.css")
_KATEX_FONT = re.compile(r"url\((fonts/[^)]+)\)")


def files(config: MkDocsConfig) -> list[File]:
    """Every shipped asset as a generated file, copied into the site by MkDocs."""
    return [
        File.generated(config, path.relative_to(ASSETS.parent).as_posix(), abs_src_path=str(path))
        for path in sorted((ASSETS / "garden").rglob("*"))
        if path.is_file() and not path.name.startswith(".")
    ]


def is_ours(file: File) -> bool:
    return file.src_uri.startswith(URL_PREFIX)


def missing_libraries(vendor: Path | None = None) -> list[str]:
    """The browser libraries (paths under ``vendor``) that a garden's pages need and ``vendor`` lacks."""
    vendor = vendor or VENDOR
    missing = [name for name in LIBRARIES if not (vendor / name).is_file()]
    katex = vendor / "katex"
    if not (katex / "katex.min.css").is_file():
        return missing  # without the stylesheet its fonts are never asked for
    if not (katex / "fonts").is_dir():
        return [*missing, "katex/fonts/"]
    fonts = dict.fromkeys(_KATEX_FONT.findall((katex / "katex.min.css").read_text(encoding="utf-8")))
    return missing + [f"katex/{font}" for font in fonts if not (katex / font).is_file()]


def require_libraries(vendor: Path | None = None) -> None:
    """Stop the build when a library is missing: a page would draw nothing, or Material
    would fetch Mermaid from a CDN, and a garden loads nothing from another host."""
    vendor = vendor or VENDOR
    missing = missing_libraries(vendor)
    if missing:
        raise PluginError(
            f"garden: browser libraries missing from {vendor}: {', '.join(missing)}. "
            "In a checkout of Garden run `make assets` (it copies them from npm); "
            "otherwise reinstall Garden, whose package carries them."
        )
