"""The demo garden and Quartz's docs build to the same bytes as the stored manifests.

The manifests were taken before the package moved into layers (issue 11); a
change that alters output on purpose rebuilds them with ``python -m tests.site_manifest``.
"""

from __future__ import annotations

import json

import pytest

from .site_manifest import MANIFESTS, QUARTZ_DOCS, engine_versions, manifest


@pytest.mark.parametrize("name", ["demo", "quartz-docs"])
def test_the_site_is_byte_for_byte_the_stored_one(name):
    if name == "quartz-docs" and not QUARTZ_DOCS.is_dir():
        pytest.skip(f"corpus not found at {QUARTZ_DOCS} (../shared beside the repo)")
    stored = json.loads((MANIFESTS / f"{name}.json").read_text(encoding="utf-8"))
    if stored["engine"] != engine_versions():
        pytest.skip(f"manifest taken with {stored['engine']}, installed {engine_versions()}")
    built = manifest(name)["files"]
    changed = sorted(path for path in stored["files"].keys() | built.keys() if stored["files"].get(path) != built.get(path))
    assert changed == []
