"""`garden serve` is never stale: after any edits, creations, renames and deletions,
each page its rebuild leaves equals the page a fresh build makes of the same notes.

Hypothesis writes the edits on a small garden (links, aliases, tags, checklists,
unlocks, a folder); the rebuild is the one `garden serve` runs (dirty builds, the
plugin kept from one to the next), the fresh build a new plugin in a new folder.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig

from .conftest import write_tree

NAMES = ("A", "B", "C", "folder/D", "E", "folder/F")
LINKABLE = ("A", "B", "C", "D", "E", "F", "Alias of A", "Other", "Missing")
# What a rebuild may leave out: not pages, or dated.
NOT_COMPARED = {"sitemap.xml", "sitemap.xml.gz", "search/search_index.json"}


def _note(title, aliases, tags, links, heading, tasks, unlocks) -> str:
    meta = {key: value for key, value in
            (("title", title), ("aliases", aliases), ("tags", tags), ("unlocks", unlocks)) if value}
    front = f"---\n{yaml.safe_dump(meta, allow_unicode=True)}---\n\n" if meta else ""
    body = [f"# {heading}\n"] if heading else []
    body.append("Text with " + ", ".join(f"[[{link}]]" for link in links) + ".\n" if links else "Just text.\n")
    body.append("## Part\n\nA section [[A#Part]].\n")
    body.extend(f"- [ ] {task}\n" for task in tasks)
    return front + "\n".join(body)


note_texts = st.builds(
    _note,
    title=st.sampled_from([None, None, "Alpha", "Beta"]),
    aliases=st.lists(st.sampled_from(["Alias of A", "Other"]), max_size=2, unique=True),
    tags=st.lists(st.sampled_from(["soil", "water"]), max_size=2, unique=True),
    links=st.lists(st.sampled_from(LINKABLE), max_size=3),
    heading=st.sampled_from([None, "Heading", "Another heading"]),
    tasks=st.lists(st.sampled_from(["Water the beds", "Check the soil"]), max_size=2, unique=True),
    unlocks=st.sampled_from([None, None, "B", "E"]),
)
def _term(name: str, zh: str, alias: str | None) -> str:
    aliases = f"aliases: [{alias}]\n" if alias else ""
    return f"---\nterm: {name}\nzh: {zh}\n{aliases}---\n\nWhat {name.lower()} means here.\n\n{zh}在这里的意思。\n"


term_edits = st.tuples(st.just("term"), st.sampled_from(["Soil", "Water"])).flatmap(
    lambda edit: st.tuples(st.just(edit[0]), st.just(edit[1]), st.one_of(
        st.none(), st.builds(_term, st.just(edit[1]), st.sampled_from(["土壤", "水", "泥土"]),
                             st.sampled_from([None, "ground", "beds"])))))
edits = st.one_of(
    term_edits,
    st.tuples(st.just("write"), st.sampled_from(NAMES), note_texts),
    st.tuples(st.just("delete"), st.sampled_from(NAMES)),
    st.tuples(st.just("rename"), st.sampled_from(NAMES), st.sampled_from(NAMES)),
)

START = {
    "index.md": "# Home\n\nSee [[A]] and [[folder/D]].\n",
    "A.md": _note(None, ["Alias of A"], ["soil"], ["B"], "A", ["Water the beds"], "B"),
    "B.md": _note("Beta", [], ["water"], ["A", "C"], None, [], None),
    "C.md": _note(None, [], [], ["Other", "Missing"], "C", [], None),
    "folder/D.md": _note(None, ["Other"], ["soil", "water"], ["A"], "D", ["Check the soil"], None),
}
TERM = _term("Soil", "土壤", None)


def _apply(root: Path, edit: tuple) -> None:
    """One edit: a note written, deleted or renamed, a term written or deleted (None)."""
    kind, name = edit[0], root / ("glossary" if edit[0] == "term" else "docs") / f"{edit[1]}.md"
    if kind == "term" and edit[2] is None:
        name.unlink(missing_ok=True)
    elif kind in ("write", "term"):
        name.parent.mkdir(parents=True, exist_ok=True)
        name.write_text(edit[2], encoding="utf-8")
    elif kind == "delete" and name.exists():
        name.unlink()
    elif kind == "rename" and name.exists():
        target = root / "docs" / f"{edit[2]}.md"
        target.parent.mkdir(parents=True, exist_ok=True)
        if not target.exists():
            os.replace(name, target)


def _config_file(root: Path, site: str, navigation: str) -> Path:
    config_file = root / f"{site}.yml"
    config_file.write_text(yaml.safe_dump({
        "site_name": "t", "docs_dir": "docs", "site_dir": site,
        "theme": {"name": "material", "font": False}, "plugins": ["search", {"garden": {"navigation": navigation}}],
    }))
    return config_file


def _fresh_build(root: Path, navigation: str) -> Path:
    """A build by new plugins (not those `serve` keeps), into a folder of its own."""
    cache = MkDocsConfig.plugins.plugin_cache
    kept = dict(cache)
    cache.clear()
    try:
        shutil.rmtree(root / "fresh", ignore_errors=True)
        build(load_config(str(_config_file(root, "fresh", navigation))))
    finally:
        cache.clear()
        cache.update(kept)
    return root / "fresh"


def _files(site: Path) -> dict[str, bytes]:
    return {
        path.relative_to(site).as_posix(): path.read_bytes()
        for path in site.rglob("*")
        if path.is_file() and path.suffix in (".html", ".json") and "assets" not in path.relative_to(site).parts
    }


def _differences(served: Path, fresh: Path) -> list[str]:
    ours, theirs = _files(served), _files(fresh)
    problems = [f"{path}: only in the served site" for path in sorted(ours.keys() - theirs.keys())]
    problems += [f"{path}: missing from the served site" for path in sorted(theirs.keys() - ours.keys())]
    problems += [f"{path}: differs" for path in sorted(ours.keys() & theirs.keys())
                 if path not in NOT_COMPARED and ours[path] != theirs[path]]
    return problems


@pytest.mark.parametrize("navigation", ["full", "compact"])
@settings(max_examples=8, deadline=None, derandomize=True, database=None, phases=(Phase.explicit, Phase.generate),
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(steps=st.lists(st.lists(edits, min_size=1, max_size=3), min_size=1, max_size=3))
def test_every_page_served_equals_a_fresh_build(navigation, steps):
    with tempfile.TemporaryDirectory(prefix="garden-serve-") as scratch:
        root = Path(scratch)
        write_tree(root / "docs", START)
        write_tree(root / "glossary", {"Soil.md": TERM})
        serve_file = _config_file(root, "served", navigation)
        MkDocsConfig.plugins.plugin_cache.clear()
        config = load_config(str(serve_file))
        config.plugins.on_startup(command="serve", dirty=True)  # as `garden serve` does
        build(config, dirty=True)
        try:
            for batch in steps:  # the edits one save of the editor (or one rebuild) sees
                for edit in batch:
                    _apply(root, edit)
                build(load_config(str(serve_file)), dirty=True)
                assert _differences(root / "served", _fresh_build(root, navigation)) == [], f"after {steps}"
        finally:
            MkDocsConfig.plugins.plugin_cache.clear()


def test_a_rebuild_names_every_page_it_did_not_rebuild(tmp_path):
    """MkDocs reads no page a dirty build leaves alone: its title was ``None`` in the
    navigation of every page rebuilt. It keeps the title of the last build."""
    write_tree(tmp_path / "docs", START)
    serve_file = _config_file(tmp_path, "served", "full")
    config = load_config(str(serve_file))
    config.plugins.on_startup(command="serve", dirty=True)
    build(config, dirty=True)
    _apply(tmp_path, ("write", "C", "# C\n\nEdited, links to [[B]].\n"))
    build(load_config(str(serve_file)), dirty=True)
    rebuilt = (tmp_path / "served" / "C" / "index.html").read_text(encoding="utf-8")
    assert "Edited, links to" in rebuilt
    navigation = rebuilt[rebuilt.index('class="md-nav md-nav--primary"'):rebuilt.index('class="md-content"')]
    assert "None" not in navigation and "Beta" in navigation
    assert _differences(tmp_path / "served", _fresh_build(tmp_path, "full")) == []
