"""Garden as a reader installs it: a wheel, in a fresh environment, builds the demo
garden, and the site draws its diagrams and formulas from its own files.

The fresh environment sees the test environment's packages through a ``.pth`` line
(a path line adds that folder only; its own ``.pth`` files, among them the editable
install of Garden, are not run), so only the wheel is installed, without its
dependencies.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest

from garden.site import assets

from .conftest import ARTIFACTS, OPEN_SHADOW_ROOTS, REPO, serving, wait_for_diagrams

pytestmark = pytest.mark.browser

# What the build reads: [tool.setuptools] maps plugins/garden and site_templates.
SOURCES = ("pyproject.toml", "README.md", "plugins", "site_templates")


@dataclass(frozen=True)
class Installed:
    wheel: Path
    python: Path  # the fresh environment's
    site_packages: Path
    site: Path  # the demo garden, built by the installed Garden


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Installed:
    root = tmp_path_factory.mktemp("wheel")
    wheel = _build_wheel(root)
    python, site_packages = _fresh_environment(root / "venv", wheel)
    site = root / "site"
    # With the wheel's own `garden` command: its console script is installed too.
    _run(python.parent / "garden", "build", REPO / "mkdocs.yml", "--output", site, "--strict", cwd=root)
    return Installed(wheel, python, site_packages, site)


@pytest.fixture(scope="module")
def installed_server(installed):
    with serving(installed.site) as url:
        yield url


def test_the_wheel_carries_every_vendored_library(installed):
    names = set(zipfile.ZipFile(installed.wheel).namelist())
    vendored = [p for p in assets.VENDOR.rglob("*") if p.is_file() and not p.name.startswith(".")]
    packaged = {f"garden/site_templates/{p.relative_to(assets.TEMPLATES).as_posix()}" for p in vendored}
    assert packaged <= names, sorted(packaged - names)
    fonts = {name for name in names if "/vendor/katex/fonts/" in name}
    assert "garden/site_templates/assets/garden/vendor/katex/fonts/KaTeX_Main-Regular.woff2" in fonts
    assert len(fonts) == len(list((assets.VENDOR / "katex" / "fonts").iterdir()))


def test_the_demo_is_built_by_the_installed_garden_not_the_checkout(installed):
    where = json.loads(_run(installed.python, "-c", _WHERE, cwd=installed.site.parent))
    for path in where.values():
        assert Path(path).is_relative_to(installed.site_packages), where
        assert not Path(path).is_relative_to(REPO), where
    assert (installed.site / "assets/garden/vendor/katex/fonts/KaTeX_Main-Regular.woff2").is_file()


@pytest.mark.parametrize(
    ("path", "drawn"),
    [("practice/Why-teams-keep-notes/", "diagram"), ("guide/Performance/", "formula")],
)
def test_the_installed_garden_loads_nothing_from_another_host(installed_server, page, path, drawn):
    page.add_init_script(OPEN_SHADOW_ROOTS)
    page.goto(installed_server + path)
    if drawn == "diagram":
        wait_for_diagrams(page)
        shown = page.locator("[data-garden-diagram]").first
    else:
        page.wait_for_selector(".katex", timeout=10000)
        page.wait_for_function("() => document.fonts.status === 'loaded'")
        assert any("/vendor/katex/fonts/" in url for url in page.requested), "KaTeX's fonts come from the site"
        shown = page.locator(".katex-display").first
    shown.screenshot(path=str(ARTIFACTS / f"wheel-{drawn}.png"))
    assert page.requested_hosts == {"127.0.0.1"}
    assert page.failed == []


# Where the fresh environment's Python finds Garden: the plugin MkDocs loads, and its assets.
_WHERE = """
import json
import garden.site.assets, garden.site.plugin
print(json.dumps({"plugin": garden.site.plugin.__file__, "assets": str(garden.site.assets.VENDOR)}))
"""


def _build_wheel(root: Path) -> Path:
    # From a copy: setuptools leaves build/ and *.egg-info in the tree it builds.
    source = root / "source"
    source.mkdir()
    for name in SOURCES:
        if (REPO / name).is_dir():
            shutil.copytree(REPO / name, source / name, ignore=shutil.ignore_patterns("node_modules", "__pycache__"))
        else:
            shutil.copy2(REPO / name, source / name)
    dist = root / "dist"
    _run(sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation", "--no-index",
         "--wheel-dir", dist, source, cwd=root)
    (wheel,) = dist.glob("garden-*.whl")
    return wheel


def _fresh_environment(venv: Path, wheel: Path) -> tuple[Path, Path]:
    _run(sys.executable, "-m", "venv", "--without-pip", venv, cwd=venv.parent)
    python = venv / "bin" / "python"
    # Installed before the .pth line exists, so pip sees no other Garden to replace.
    _run(sys.executable, "-m", "pip", "--python", python, "install", "--quiet", "--no-deps", "--no-index", wheel,
         cwd=venv.parent)
    site_packages = Path(_run(python, "-c", "import sysconfig; print(sysconfig.get_path('purelib'))", cwd=venv.parent))
    (site_packages / "test-environment.pth").write_text(sysconfig.get_path("purelib") + "\n", encoding="utf-8")
    return python, site_packages


def _run(*args, cwd: Path) -> str:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV")}
    env.update(NO_MKDOCS_2_WARNING="1", PIP_DISABLE_PIP_VERSION_CHECK="1")
    done = subprocess.run([str(a) for a in args], cwd=cwd, env=env, capture_output=True, text=True)
    assert done.returncode == 0, f"{' '.join(map(str, args))}\n{done.stdout}\n{done.stderr}"
    return done.stdout.strip()
