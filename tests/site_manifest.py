"""A site as a manifest of file hashes, to prove a refactor changed no byte of output.

``python -m tests.site_manifest`` (from the repo root) rebuilds the stored manifests;
``test_same_site.py`` builds again and compares. Only the sitemap's dates are
left out: they are the day of the build, not Garden's output.
"""

from __future__ import annotations

import hashlib
import json
import re
import subprocess
import sys
import tempfile
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
MANIFESTS = REPO / "tests" / "manifests"
QUARTZ_DOCS = REPO.parent / "shared" / "corpora" / "quartz-docs"
ENGINE = ("mkdocs", "mkdocs-material", "jieba", "markdown", "pymdown-extensions")
_LASTMOD = re.compile(rb"<lastmod>[^<]*</lastmod>")


def engine_versions() -> dict[str, str | None]:
    """The packages whose output the manifest also depends on (None: not installed, as
    `mkdocs` on ProperDocs, where ``test_properdocs`` compares the engines instead)."""
    return {name: _version(name) for name in ENGINE}


def _version(name: str) -> str | None:
    try:
        return version(name)
    except PackageNotFoundError:
        return None


def hashes(site: Path) -> dict[str, str]:
    found: dict[str, str] = {}
    for path in sorted(site.rglob("*")):
        if not path.is_file() or path.name == "sitemap.xml.gz":
            continue
        data = path.read_bytes()
        if path.name == "sitemap.xml":
            data = _LASTMOD.sub(b"", data)
        found[path.relative_to(site).as_posix()] = hashlib.sha256(data).hexdigest()
    return found


def build_demo(site: Path) -> None:
    command = [sys.executable, "-m", "garden.cli", "build", str(REPO / "mkdocs.yml"), "--output", str(site)]
    subprocess.run(command, check=True, cwd=REPO, capture_output=True)


def build_quartz_docs(site: Path) -> None:
    command = [sys.executable, "-m", "garden.cli", "build", str(QUARTZ_DOCS), "--output", str(site)]
    subprocess.run(command, check=True, cwd=REPO, capture_output=True)


BUILDS = {"demo": build_demo, "quartz-docs": build_quartz_docs}


def manifest(name: str) -> dict:
    with tempfile.TemporaryDirectory() as scratch:
        site = Path(scratch) / "site"
        BUILDS[name](site)
        return {"engine": engine_versions(), "files": hashes(site)}


def main() -> None:
    MANIFESTS.mkdir(exist_ok=True)
    for name in BUILDS:
        text = json.dumps(manifest(name), indent=1, sort_keys=True) + "\n"
        (MANIFESTS / f"{name}.json").write_text(text, encoding="utf-8")
        print(f"{name}: written")


if __name__ == "__main__":
    main()
