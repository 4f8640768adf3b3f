"""Garden on ProperDocs, MkDocs' maintained continuation, in a venv without `mkdocs`.

`make test` makes that venv (``.venv-properdocs``) and runs the whole suite in it too;
these tests, run from the MkDocs venv, compare what the two engines make of the demo
garden and drive the ``garden`` command there.
"""

from __future__ import annotations

import hashlib
import json
import re
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from garden.site import engine

from .conftest import REPO

PROPERDOCS_VENV = REPO / ".venv-properdocs"
PROPERDOCS_GARDEN = PROPERDOCS_VENV / "bin" / "garden"

pytestmark = [
    pytest.mark.skipif(engine.NAME != "mkdocs", reason="this run is on ProperDocs: there is no MkDocs build to compare with"),
    pytest.mark.skipif(not PROPERDOCS_GARDEN.exists(), reason=f"{PROPERDOCS_VENV} not found: `make test` (make properdocs) makes it"),
]
# The engine names itself in every page; nothing else may differ.
GENERATOR = re.compile(rb'<meta name="generator" content="[^"]*">')


def _garden(executable: Path | str, *args: str, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run([str(executable), *args], capture_output=True, text=True, timeout=300, **kwargs)


def _digests(site: Path) -> dict[str, str]:
    return {
        path.relative_to(site).as_posix(): hashlib.sha256(GENERATOR.sub(b"", path.read_bytes())).hexdigest()
        for path in sorted(site.rglob("*"))
        if path.is_file() and path.name != "sitemap.xml.gz"  # its dates are the build's
    }


@pytest.fixture(scope="module")
def both_sites(tmp_path_factory) -> tuple[Path, Path]:
    out = tmp_path_factory.mktemp("engines")
    mkdocs_garden = Path(sys.executable).parent / "garden"
    for executable, name in ((mkdocs_garden, "mkdocs"), (PROPERDOCS_GARDEN, "properdocs")):
        result = _garden(executable, "build", str(REPO / "mkdocs.yml"), "-o", str(out / name), "--strict")
        assert result.returncode == 0, result.stderr
    return out / "mkdocs", out / "properdocs"


def test_the_properdocs_venv_has_no_mkdocs():
    python = PROPERDOCS_VENV / "bin" / "python"
    result = subprocess.run([str(python), "-c", "import mkdocs"], capture_output=True, text=True)
    assert result.returncode != 0 and "No module named 'mkdocs'" in result.stderr
    result = subprocess.run(
        [str(python), "-c", "import garden.site, mkdocs; print(garden.site.engine.NAME, mkdocs.__name__)"],
        capture_output=True, text=True,
    )
    assert result.stdout.split() == ["properdocs", "properdocs"], result.stderr


def test_the_demo_garden_is_the_same_site_on_both_engines(both_sites):
    on_mkdocs, on_properdocs = both_sites
    assert b"ProperDocs" in (on_properdocs / "index.html").read_bytes()  # it really ran there
    mkdocs_files, properdocs_files = _digests(on_mkdocs), _digests(on_properdocs)
    assert len(mkdocs_files) > 100
    assert sorted(mkdocs_files) == sorted(properdocs_files)
    differing = [path for path in mkdocs_files if mkdocs_files[path] != properdocs_files[path]]
    assert differing == []


def test_garden_check_reports_the_same_on_both_engines(tmp_path):
    (tmp_path / "A.md").write_text("# A\n\nSee [[B]] and [[Nowhere]].\n", encoding="utf-8")
    (tmp_path / "B.md").write_text("# B\n", encoding="utf-8")
    reports = []
    for executable in (Path(sys.executable).parent / "garden", PROPERDOCS_GARDEN):
        result = _garden(executable, "check", str(tmp_path), "--format", "json", "--strict")
        assert result.returncode == 1, result.stderr  # the broken link
        reports.append(json.loads(result.stdout))
    assert reports[0] == reports[1]
    assert [f["code"] for f in reports[1]["findings"] if f["severity"] != "info"] == ["broken-link"]


def test_strict_build_fails_on_properdocs_naming_the_line(tmp_path):
    (tmp_path / "notes").mkdir()
    (tmp_path / "notes" / "A.md").write_text("# A\n\nSee [[Nowhere]].\n", encoding="utf-8")
    result = _garden(PROPERDOCS_GARDEN, "build", str(tmp_path / "notes"), "-o", str(tmp_path / "site"), "--strict")
    assert result.returncode == 1
    assert "A.md:3:5: unresolved wikilink [[Nowhere]]" in result.stderr


def test_garden_serve_on_properdocs_serves_the_garden(tmp_path):
    (tmp_path / "Home.md").write_text("# Home\n\nSee [[Other]].\n", encoding="utf-8")
    (tmp_path / "Other.md").write_text("# Other\n", encoding="utf-8")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen(
        [str(PROPERDOCS_GARDEN), "serve", str(tmp_path), "-a", f"127.0.0.1:{port}"],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )
    try:
        page = _fetch_when_up(f"http://127.0.0.1:{port}/Other/", server, seconds=60)
    finally:
        server.terminate()
        server.wait(timeout=30)
    assert "<h1" in page and "Other" in page


def _fetch_when_up(url: str, server: subprocess.Popen, seconds: float) -> str:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            pytest.fail(f"garden serve stopped: {server.stderr.read() if server.stderr else ''}")
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                return response.read().decode("utf-8")
        except OSError:
            time.sleep(0.5)
    pytest.fail(f"garden serve did not answer {url} within {seconds} s")
