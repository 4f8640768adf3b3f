"""garden-report.json: every source file and what became of it, and every finding."""

import json
from collections import Counter
from pathlib import Path

import pytest

from garden.index.findings import Finding
from garden.index.garden import read_garden
from garden.render.garden_report import GARDEN_REPORT, SourceFile, garden_report

from .conftest import QUARTZ_DOCS, REPO, build_site, require_shared, write_tree
from .test_cli import VAULT, garden


def _report(site: Path) -> dict:
    return json.loads((site / GARDEN_REPORT).read_text(encoding="utf-8"))


def _files_on_disk(*roots: tuple[Path, str]) -> list[str]:
    return sorted(
        prefix + path.relative_to(root).as_posix() for root, prefix in roots for path in root.rglob("*") if path.is_file()
    )


def assert_every_note_became_one_page(report: dict, site: Path, on_disk: list[str]) -> None:
    listed = [entry["path"] for entry in report["files"]]
    assert sorted(listed) == on_disk  # every source file, once
    by_status = Counter(entry["status"] for entry in report["files"])
    assert by_status["lost"] == 0 and by_status["error"] == 0, [e for e in report["files"] if e["status"] in ("lost", "error")]
    notes = [entry for entry in report["files"] if entry["path"].endswith(".md")]
    assert {entry["status"] for entry in notes} <= {"page", "draft", "excluded"}
    urls = [entry["url"] for entry in notes if entry["status"] == "page"]
    assert len(urls) == len(set(urls))  # exactly one page each, none shared
    for url in urls:
        assert (site / url / "index.html").is_file(), url
    assert report["summary"]["page"] == len(urls) and report["summary"]["findings"] == len(report["findings"])


def test_every_note_of_the_demo_garden_became_one_page(demo_site):
    report = _report(demo_site.site)
    on_disk = _files_on_disk((REPO / "content", ""), (REPO / "glossary", "glossary/"))
    assert_every_note_became_one_page(report, demo_site.site, on_disk)
    assert all(entry["status"] == "page" for entry in report["files"])  # the demo has no drafts
    assert {"page": "tags/index.md", "url": "tags/"} in report["generated"]


def test_every_note_of_quartz_docs_became_one_page(tmp_path):
    require_shared(QUARTZ_DOCS)
    site = tmp_path / "site"
    result = garden("build", str(QUARTZ_DOCS), "-o", str(site))
    assert result.returncode == 0, result.stderr
    report = _report(site)
    assert_every_note_became_one_page(report, site, _files_on_disk((QUARTZ_DOCS, "")))
    fates = {entry["path"]: entry for entry in report["files"]}
    assert fates["features/upcoming features.md"]["status"] == "draft"
    assert "draft: true" in fates["features/upcoming features.md"]["reason"]
    assert fates["images/dns records.png"] == {
        "path": "images/dns records.png", "folder": "docs", "status": "asset", "url": "images/dns%20records.png"
    }
    assert len(report["findings"]) >= 3  # the two real defects and the draft, among others
    assert {"path", "line", "col", "severity", "code", "message"} <= set(report["findings"][0])


def test_mkdocs_build_reports_drafts_assets_exclusions_and_redirects(tmp_path):
    site = build_site(
        tmp_path,
        {
            "index.md": "# Home\n",
            "README.md": "# Read me\n",  # MkDocs keeps index.md
            "Later.md": "---\ntitle: Later\npublish: false\n---\n# Later\n",
            "A.md": "---\naliases: [Ay]\n---\n# A\n",
            "pic.png": "not really a picture",
            ".hidden.md": "# hidden\n",
            "private/p.md": "# Private\n",
        },
        glossary={"Term.md": "---\nterm: Term\n---\n\nA term.\n", "notes.txt": "scribbles"},
        config={"exclude_docs": "private/\n"},
    )
    fates = {entry["path"]: entry for entry in _report(site.site)["files"]}
    assert fates == {
        ".hidden.md": {"path": ".hidden.md", "folder": "docs", "status": "excluded",
                       "reason": "hidden (a name starting with '.'): the engine leaves it out"},
        "private/p.md": {"path": "private/p.md", "folder": "docs", "status": "excluded", "reason": "matches exclude_docs"},
        "A.md": {"path": "A.md", "folder": "docs", "status": "page", "url": "A/", "redirects": ["Ay/"]},
        "Later.md": {"path": "Later.md", "folder": "docs", "status": "draft", "reason": "publish: false (line 3)"},
        "README.md": {"path": "README.md", "folder": "docs", "status": "excluded",
                      "reason": "a README.md beside an index.md: the engine publishes the index"},
        "index.md": {"path": "index.md", "folder": "docs", "status": "page", "url": ""},
        "pic.png": {"path": "pic.png", "folder": "docs", "status": "asset", "url": "pic.png"},
        "glossary/Term.md": {"path": "glossary/Term.md", "folder": "glossary", "status": "page", "url": "glossary/Term/"},
        "glossary/notes.txt": fates["glossary/notes.txt"] | {"status": "excluded"},
    }


def test_garden_build_writes_the_report_beside_the_site(tmp_path):
    write_tree(tmp_path / "vault", VAULT)
    assert garden("build", "vault", "-o", "out", cwd=tmp_path).returncode == 0
    report = _report(tmp_path / "out")
    fates = {entry["path"]: entry["status"] for entry in report["files"]}
    assert fates == {".obsidian/app.json": "excluded", "Ideas/First idea.md": "page", "index.md": "page"}
    broken = [f for f in report["findings"] if f["code"] == "broken-link"]
    assert [(f["path"], f["line"], f["col"], f["severity"]) for f in broken] == [("Ideas/First idea.md", 10, 1, "warning")]


@pytest.mark.parametrize(
    ("source", "findings", "status"),
    [
        ("Gone.md", [Finding("Gone.md", 1, 0, "error", "unreadable", "cannot be read: permission denied")], "error"),
        ("Gone.md", [Finding("Gone.md", 1, 0, "warning", "binary", "binary, not a note")], "error"),
        ("out/x.md", [Finding("out", 1, 0, "warning", "skipped-symlink", "symlink points outside")], "error"),
        ("Gone.md", [Finding("Other.md", 1, 0, "warning", "x", "about another file")], "lost"),
        ("Gone.md", [], "lost"),
    ],
)
def test_a_note_without_a_page_is_an_error_when_a_finding_says_why_else_lost(source, findings, status):
    garden_of = read_garden([("index.md", "# Home\n")])
    report = garden_report(garden_of, [SourceFile("index.md", "markdown"), SourceFile(source, "markdown")], findings)
    assert report["files"][0]["status"] == "page"
    assert report["files"][1]["status"] == status
    if status == "error":
        assert report["files"][1]["message"] == str(findings[0])
    assert report["summary"][status] == 1


def test_a_symlinked_folder_is_listed_only_when_it_was_not_followed():
    garden_of = read_garden([("index.md", "# Home\n")])
    skipped = Finding("away", 1, 0, "warning", "skipped-symlink", "symlink points outside the garden")
    sources = [
        SourceFile("index.md", "markdown"),
        SourceFile("away", "folder-link"),
        SourceFile("away/note.md", "markdown", through_link=True),  # said once, at the link
        SourceFile("away/pic.png", "file", through_link=True),
        SourceFile("inside", "folder-link"),  # followed: its files are listed one by one
        SourceFile("dropped.png", "file"),  # on disk, but the garden never got it as an attachment
    ]
    report = garden_report(garden_of, sources, [skipped])
    assert [(entry["path"], entry["status"]) for entry in report["files"]] == [
        ("index.md", "page"), ("away", "error"), ("dropped.png", "lost")
    ]


def test_every_finding_is_in_the_report(tmp_path):
    site = build_site(tmp_path, {"index.md": "# Home\n\n[[nowhere]]\n", "CON.md": "# con\n"})
    report = _report(site.site)
    assert [(f["path"], f["line"], f["code"]) for f in report["findings"]] == [
        (f.path, f.line, f.code) for f in site.findings
    ]
    assert {f["code"] for f in report["findings"]} >= {"broken-link", "url-unsafe"}



def test_files_through_a_symlinked_folder_are_listed_as_the_engine_found_them(tmp_path):
    write_tree(tmp_path / "docs", {"index.md": "# Home\n", "real/n.md": "# N\n"})
    (tmp_path / "docs" / "linked").symlink_to(tmp_path / "docs" / "real", target_is_directory=True)
    site = build_site(tmp_path, {})
    fates = [(entry["path"], entry["status"], entry.get("url")) for entry in _report(site.site)["files"]]
    assert fates == [("index.md", "page", ""), ("real/n.md", "page", "real/n/"), ("linked/n.md", "page", "linked/n/")]
