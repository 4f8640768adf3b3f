"""Bad input never stops a build and no note is silently dropped: each case is a real
garden built in ``tmp_path``, and each problem a finding naming the file and the line."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from mkdocs.exceptions import Abort

from tests.conftest import BuiltSite, build_site

GOOD = "# Good\n\n## Heading\n\nText.\n"


def build(tmp_path: Path, files: dict[str, str | bytes], links: dict[str, str] | None = None) -> BuiltSite:
    """Write ``files`` (text or bytes) and symlinks (``links``: name -> target) under
    ``docs/``, beside a good note, and build the garden."""
    docs = tmp_path / "docs"
    docs.mkdir(parents=True, exist_ok=True)
    for name, content in files.items():
        path = docs / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    for name, target in (links or {}).items():
        os.symlink(target, docs / name)
    return build_site(tmp_path, {"Good.md": GOOD})


def findings(site: BuiltSite, code: str) -> list[str]:
    return [str(f) for f in site.findings if f.code == code]


def article(site: BuiltSite, page: str) -> str:
    html = site.html(page)
    return html[html.index("<article") : html.index("</article>")]


# --- front matter -------------------------------------------------------------------


def test_malformed_yaml_front_matter_builds_the_note_under_its_file_name(tmp_path):
    site = build(tmp_path, {"Broken yaml.md": "---\ntitle: [unclosed\ntags: x\n---\n\nBody links [[Good]].\n"})
    page = article(site, "Broken-yaml/")
    assert "<h1>Broken yaml</h1>" in page
    assert 'href="../Good/"' in page
    assert "unclosed" not in page  # the block is front matter, never the page's text
    assert findings(site, "front-matter") == [
        "Broken yaml.md:2: front matter is not valid YAML: while parsing a flow sequence: "
        "did not find expected ',' or ']' (the note is built without it)"
    ]
    assert "docs/Broken yaml.md:2: front matter is not valid YAML" in "\n".join(site.warnings)


@pytest.mark.parametrize(
    ("block", "hidden"), [("- a list item\n- another\n", "a list item"), ("just a scalar\n", "just a scalar")]
)
def test_front_matter_that_is_a_list_or_a_scalar_is_reported_and_left_out(tmp_path, block, hidden):
    site = build(tmp_path, {"odd.md": f"---\n{block}---\n\nBody [[Good]].\n"})
    page = article(site, "odd/")
    assert hidden not in page and 'href="../Good/"' in page
    assert findings(site, "front-matter") == [
        "odd.md:1: front matter is not a mapping of keys to values (the note is built without it)"
    ]


# --- encodings and line ends ----------------------------------------------------------


def test_a_latin1_note_is_read_as_latin1_with_a_finding(tmp_path):
    text = "# Café\n\nCrème brûlée, links [[Good]].\n\nNaïve — ½.\n"
    site = build(tmp_path, {"menu.md": text.encode("cp1252")})
    page = article(site, "menu/")
    assert "Crème brûlée" in page and "Naïve — ½" in page and 'href="../Good/"' in page
    assert findings(site, "not-utf8") == ["menu.md:1: not UTF-8: read as Windows-1252 (Latin-1); save it as UTF-8"]


def test_damaged_utf8_keeps_its_text_and_names_the_line_of_the_first_bad_byte(tmp_path):
    data = "# 土壤\n\n中文 text.\n\n".encode("utf-8") + b"bad \xff byte\n"
    site = build(tmp_path, {"damaged.md": data})
    page = article(site, "damaged/")
    assert "中文" in page and "bad \ufffd byte" in page
    assert findings(site, "not-utf8") == [
        "damaged.md:5: not valid UTF-8 (invalid start byte): undecodable bytes replaced"
    ]


def test_a_utf16_note_is_read_with_a_finding(tmp_path):
    site = build(tmp_path, {"wide.md": "# Wide 宽\n\n[[Good]]\n".encode("utf-16")})
    assert "Wide 宽" in article(site, "wide/")
    assert findings(site, "not-utf8") == ["wide.md:1: UTF-16 text, read as such: save it as UTF-8"]


def test_a_byte_order_mark_is_no_part_of_the_note(tmp_path):
    site = build(tmp_path, {"bom.md": "\ufeff---\ntitle: With a mark\n---\n\nText [[Good]].\n".encode("utf-8")})
    assert "<h1>With a mark</h1>" in article(site, "bom/")
    assert site.garden_warnings == ()


def test_crlf_line_ends_read_as_lines(tmp_path):
    text = "---\r\ntitle: Windows note\r\n---\r\n\r\n## Part\r\n\r\nSee [[Good#Heading]] and [[Nowhere]].\r\n"
    site = build(tmp_path, {"crlf.md": text.encode("utf-8")})
    page = article(site, "crlf/")
    assert "<h1>Windows note</h1>" in page and 'href="../Good/#heading"' in page
    assert site.garden_warnings == ("crlf.md:7:26: unresolved wikilink [[Nowhere]]",)


def test_an_empty_file_is_a_page_titled_by_its_file_name(tmp_path):
    site = build(tmp_path, {"Empty note.md": ""})
    assert "<h1>Empty note</h1>" in article(site, "Empty-note/")
    assert site.garden_warnings == ()


def test_a_binary_file_named_md_is_reported_not_published(tmp_path):
    site = build(tmp_path, {"picture.md": b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR" + bytes(range(256)), "links.md": "[[picture]]\n"})
    assert not (site.site / "picture").exists()
    assert findings(site, "binary-file") == ["picture.md:1: a binary file, not a Markdown note: not published"]
    assert "docs/picture.md:1: a binary file" in "\n".join(site.warnings)
    assert findings(site, "broken-link") == ["links.md:1:1: unresolved wikilink [[picture]]"]


# --- size ----------------------------------------------------------------------------------


def test_a_5_mb_note_builds(tmp_path):
    body = "".join(f"Paragraph {n}: plain text about soil, water and the seasons of a garden, long enough.\n\n"
                   for n in range(57_000))
    site = build(tmp_path, {"Big.md": f"# Big\n\n[[Good]]\n\n{body}[[Good#Missing]]\n"})
    assert (tmp_path / "docs" / "Big.md").stat().st_size > 5_000_000
    page = article(site, "Big/")
    assert "Paragraph 56999:" in page
    assert findings(site, "missing-heading") == ["Big.md:114005:1: no heading 'Missing' in Good.md for [[Good#Missing]]"]


# (A note of 20,000 links: tests/test_many_links.py.)


# --- links -------------------------------------------------------------------------------


def test_unbalanced_brackets_stay_text(tmp_path):
    site = build(tmp_path, {"open.md": "# Open\n\nThis [[ never closes, [[Good]] does, and ]] this [[ too.\n\n[[\n"})
    page = article(site, "open/")
    assert 'href="../Good/"' in page and "This [[ never closes" in page
    assert site.garden_warnings == ()


def test_links_never_reach_outside_the_garden(tmp_path):
    (tmp_path / "secret.md").write_text("# Secret\n", encoding="utf-8")
    (tmp_path / "secret.png").write_bytes(b"\x89PNG")
    note = ("# Escape\n\n[[../secret]] [[../../secret.md]] [[/etc/passwd]] [[C:/Windows/win.ini]] "
            "[[C:\\secret]] ![[../secret.png]] ![[/secret.png]] [[sub/../../secret]]\n")
    site = build(tmp_path, {"Escape.md": note})
    page = article(site, "Escape/")
    assert "<a " not in page.split("</h1>")[1].split("<section")[0]  # no link at all: each is broken
    assert len(findings(site, "broken-link")) == 8
    assert not any("secret" in str(path) for path in site.site.rglob("*"))


# --- symlinks ------------------------------------------------------------------------------


def test_one_symlink_loop_is_skipped_with_a_finding(tmp_path):
    site = build(tmp_path, {"sub/Inner.md": "# Inner\n\n[[Good]]\n"}, {"loop": ".."})
    assert findings(site, "skipped-symlink") == [
        "loop:1: symlink loops back to a folder that holds it: not followed, nothing through it is published"
    ]
    assert "docs/loop:1: symlink loops back" in "\n".join(site.warnings)
    assert (site.site / "sub" / "Inner" / "index.html").is_file() and not (site.site / "loop").exists()


def test_two_symlink_loops_stop_the_build_naming_both_instead_of_walking_forever(tmp_path, caplog):
    # MkDocs' own walk, before any plugin sees a file, would take 2^40 paths: Garden stops first.
    with pytest.raises(Abort):
        build(tmp_path, {"b/Note.md": "# Note\n"}, {"a": ".", "b/c": ".."})
    assert "garden: symlinks loop back to folders holding them: a, b/c in" in caplog.text


def test_symlinks_out_of_the_garden_are_skipped_never_followed(tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "private.md").write_text("# Private\n", encoding="utf-8")
    (outside / "photo.png").write_bytes(b"\x89PNG")
    site = build(tmp_path, {"in/Here.md": "# Here\n"},
                 {"out": str(outside), "private.md": str(outside / "private.md"), "photo.png": str(outside / "photo.png"),
                  "gone.md": str(tmp_path / "missing.md"), "Alias.md": "in/Here.md", "also": "in"})
    assert sorted(findings(site, "skipped-symlink")) == [
        "gone.md:1: symlink points to nothing: not followed, nothing through it is published",
        f"out:1: symlink points outside the garden, to {outside}: not followed, nothing through it is published",
        f"photo.png:1: symlink points outside the garden, to {outside / 'photo.png'}: not followed, "
        "nothing through it is published",
        f"private.md:1: symlink points outside the garden, to {outside / 'private.md'}: not followed, "
        "nothing through it is published",
    ]
    published = {path.relative_to(site.site).as_posix() for path in site.site.rglob("*")}
    assert not {"out", "private", "photo.png", "gone"} & published
    assert {"Alias/index.html", "also/Here/index.html", "in/Here/index.html"} <= published  # links inside: followed


# --- embeds, headings, diagrams ------------------------------------------------------------


def test_embed_cycles_and_self_embeds_stop_with_a_link(tmp_path):
    site = build(tmp_path, {"A.md": "# A\n\n![[B]]\n", "B.md": "# B\n\n![[A]]\n", "Self.md": "# Self\n\nText.\n\n![[Self]]\n"})
    assert sorted(findings(site, "embed-cycle")) == [
        "B.md:3:1: embed cycle: A.md → B.md → A.md (shown as a link)",
        "Self.md:5:1: embed cycle: Self.md → Self.md (shown as a link)",
    ]
    assert 'href="./"' in article(site, "Self/") or 'href="../Self/"' in article(site, "Self/")


def test_a_link_to_a_missing_heading_goes_to_the_note_and_is_reported(tmp_path):
    site = build(tmp_path, {"mh.md": "# MH\n\n[[Good#Nowhere]] and [[#Not here]]\n"})
    assert 'href="../Good/"' in article(site, "mh/")
    assert findings(site, "missing-heading") == [
        "mh.md:3:1: no heading 'Nowhere' in Good.md for [[Good#Nowhere]]",
        "mh.md:3:22: no heading 'Not here' in mh.md for [[#Not here]]",
    ]


def test_invalid_mermaid_is_reported_and_shown_as_its_source(tmp_path):
    site = build(tmp_path, {"chart.md": "# Chart\n\n```mermaid\nflowchart LR\n  A[unclosed --> B\n```\n"})
    assert findings(site, "mermaid-syntax") == [
        "chart.md:5: Mermaid would reject this diagram: the shape at '[unclosed --> B' is never closed"
    ]
    assert "A[unclosed --&gt; B" in article(site, "chart/")


def test_garden_check_reads_the_files_a_build_reads(tmp_path, capsys, monkeypatch):
    from garden.cli import main

    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "private.md").write_text("# Private\n\n[[Nowhere]]\n", encoding="utf-8")
    docs = tmp_path / "notes"
    docs.mkdir()
    (docs / "picture.md").write_bytes(b"GIF89a\0\0")
    (docs / "menu.md").write_bytes("# Café\n".encode("cp1252"))
    os.symlink("..", docs / "loop")
    os.symlink(outside, docs / "out")
    monkeypatch.chdir(tmp_path)
    assert main(["check", "notes", "--format", "json"]) == 0  # warnings only
    found = {(f["path"], f["code"]) for f in json.loads(capsys.readouterr().out)["findings"]}
    assert found == {
        ("notes/picture.md", "binary-file"), ("notes/menu.md", "not-utf8"),
        ("notes/loop", "skipped-symlink"), ("notes/out", "skipped-symlink"),
    }
    assert main(["check", "notes", "--strict"]) == 1


def test_garden_card_reads_a_latin1_note_and_refuses_a_binary_file(tmp_path, capsys):
    from garden.cli import main

    (tmp_path / "menu.md").write_bytes("# Café\n\nCrème.\n".encode("cp1252"))
    (tmp_path / "picture.md").write_bytes(b"GIF89a\0\0")
    assert main(["card", str(tmp_path / "menu.md"), "--format", "json"]) == 0
    out, err = capsys.readouterr()
    assert json.loads(out)["title"] == "Café" and "menu.md:1: not UTF-8: read as Windows-1252" in err
    assert main(["card", str(tmp_path / "picture.md")]) == 2
    assert "picture.md:1: a binary file, not a Markdown note" in capsys.readouterr().err


def test_a_note_that_cannot_be_read_is_reported_not_published(tmp_path):
    from mkdocs.structure.files import File, Files

    from garden.site.sources import NoteSources

    (tmp_path / "here.md").write_text("# Here\n", encoding="utf-8")
    files = Files([File(name, str(tmp_path), str(tmp_path / "site"), True) for name in ("here.md", "gone.md")])
    sources = NoteSources()
    found = sources.admit(files, str(tmp_path))  # gone.md: listed, then removed before it was read
    assert [str(f) for f in found] == ["gone.md:1: cannot be read (No such file or directory): not published"]
    assert [f.src_uri for f in files] == ["here.md"] and sources == {"here.md": "# Here\n"}
