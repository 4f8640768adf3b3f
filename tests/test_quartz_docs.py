"""Quartz's own documentation, a real Quartz garden, built and checked as it is."""

import json
import subprocess
import sys
from urllib.parse import unquote

import pytest

from garden.index.garden import read_garden
from garden.index.graph import decode_graph
from garden.site.project import default_config, locate, read_notes
from garden.notes.slugs import quartz_slug

from .conftest import QUARTZ_DOCS, build_config

pytestmark = pytest.mark.skipif(not QUARTZ_DOCS.is_dir(), reason=f"corpus not found at {QUARTZ_DOCS} (../shared beside the repo)")

REAL_DEFECTS = {
    ("features/popover previews.md", "broken-link", "quartz layout.png"),
    ("advanced/creating components.md", "missing-heading", "configuration"),
}


@pytest.fixture(scope="module")
def quartz_site(tmp_path_factory):
    if not QUARTZ_DOCS.is_dir():
        pytest.skip(f"corpus not found at {QUARTZ_DOCS}")
    root = tmp_path_factory.mktemp("quartz")
    config = root / "mkdocs.yml"
    config.write_text(default_config(QUARTZ_DOCS, root / "site"), encoding="utf-8")
    warnings = build_config(config, root / "site")
    return root / "site", warnings


@pytest.fixture(scope="module")
def garden():
    files = read_notes(locate(str(QUARTZ_DOCS)))
    return read_garden(files.notes, files.attachments)


def test_the_build_reports_exactly_the_real_defects(quartz_site):
    _, warnings = quartz_site
    assert len(warnings) == 2, warnings
    assert any("features/popover previews.md:11:22: unresolved wikilink [[quartz layout.png" in w for w in warnings)
    assert any("advanced/creating components.md:224:110: no heading 'Layout' in configuration.md" in w for w in warnings)


def test_check_reports_exactly_the_real_defects():
    result = subprocess.run(
        [sys.executable, "-m", "garden.cli", "check", str(QUARTZ_DOCS), "--format", "json"],
        capture_output=True, text=True,
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    found = {
        (f["path"].split("quartz-docs/", 1)[1], f["code"], f["target"])
        for f in report["findings"] if f["severity"] != "info"
    }
    assert found == REAL_DEFECTS
    assert report["summary"]["broken"] == 1 and report["summary"]["notes"] == 75
    assert report["summary"]["links"] >= 225


def test_every_published_note_becomes_a_page(quartz_site, garden):
    site, _ = quartz_site
    assert garden.drafts == ("features/upcoming features.md",)
    for path in garden.cards:
        slug = quartz_slug(path)
        page = slug[: -len("index")] if slug == "index" or slug.endswith("/index") else slug + "/"
        assert (site / page / "index.html").is_file(), path
    assert len(garden.cards) + len(garden.drafts) == len(list(QUARTZ_DOCS.rglob("*.md")))


def test_tag_and_folder_links_resolve_to_generated_pages(quartz_site):
    site, _ = quartz_site
    for page in ("tags/plugin/transformer", "tags/plugin/filter", "tags/plugin", "advanced"):
        assert (site / page / "index.html").is_file(), page
    configuration = (site / "configuration" / "index.html").read_text(encoding="utf-8")
    assert 'href="../tags/plugin/transformer/">Transformers</a>' in configuration


def test_case_differences_resolve_as_obsidian_does(garden):
    # Written [[Roam Research Compatibility]] for "Roam Research compatibility.md":
    # Obsidian resolves it, Quartz itself breaks it.
    targets = {r.link.target: r for links in garden.links.values() for r in links}
    assert targets["Roam Research Compatibility"].path == "features/Roam Research compatibility.md"


def test_graph_edges_are_the_links_in_the_sources(quartz_site, garden):
    site, _ = quartz_site
    nodes, edges = decode_graph(json.loads((site / "graph.json").read_text(encoding="utf-8")))
    ids = {node["id"] for node in nodes}
    url_of = {path: unquote(garden.site_map.url(path)).rstrip("/") or "index" for path in garden.site_map.dest}
    expected = {
        (url_of[source], url_of[r.path], "embed" if r.link.embed else "link")
        for source, links in garden.links.items()
        for r in links
        if r.kind == "note" and r.path != source and url_of[source] in ids and url_of[r.path] in ids
    }
    actual = {edge for edge in edges if edge[2] in ("link", "embed")}
    assert actual == expected
    assert len(actual) > 150


def test_a_tag_written_in_the_text_links_to_its_tag_page(quartz_site):
    site, _ = quartz_site
    page = (site / "features" / "folder-and-tag-listings" / "index.html").read_text(encoding="utf-8")
    assert '<a class="garden-tag-link" href="../../tags/component/">#component</a>' in page
    # Quartz's own tags/component.md is that tag's page, and lists this note.
    listing = (site / "tags" / "component" / "index.html").read_text(encoding="utf-8")
    assert "folder-and-tag-listings" in listing
