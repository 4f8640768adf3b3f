"""The garden command: zero-config builds, checks and exit codes."""

import json
import subprocess
import sys

from .conftest import REPO, write_tree

VAULT = {
    "index.md": "# My vault\n\nStart at [[Ideas/First idea]].\n",
    "Ideas/First idea.md": "---\ntitle: First idea\ntitle_zh: 第一个想法\n---\n\nAn idea in English.\n\n一个中文想法。\n\n[[missing note]] is where this goes next.\n",
    ".obsidian/app.json": "{}",
}


def garden(*args, cwd=None):
    return subprocess.run(
        [sys.executable, "-m", "garden.cli", *args], capture_output=True, text=True, cwd=cwd,
        env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"},
    )


def test_build_a_bare_folder_with_the_default_configuration(tmp_path):
    write_tree(tmp_path / "vault", VAULT)
    result = garden("build", "vault", "-o", "out", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    page = (tmp_path / "out" / "Ideas" / "First-idea" / "index.html").read_text(encoding="utf-8")
    assert 'lang="zh-Hans"' in page and "garden-card-header" in page
    assert "vault/Ideas/First idea.md:10:1: unresolved wikilink [[missing note]]" in result.stderr
    assert not (tmp_path / "out" / ".obsidian").exists()


def test_strict_build_fails_on_warnings(tmp_path):
    write_tree(tmp_path / "vault", VAULT)
    result = garden("build", "vault", "-o", "out", "--strict", cwd=tmp_path)
    assert result.returncode == 1


def test_build_uses_mkdocs_yml_in_the_current_folder(tmp_path):
    result = garden("build", "-o", str(tmp_path / "site"), cwd=REPO)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "site" / "guide" / "Writing-a-card" / "index.html").is_file()


def test_output_inside_the_notes_is_refused(tmp_path):
    write_tree(tmp_path / "vault", VAULT)
    result = garden("build", "vault", "-o", "vault/site", cwd=tmp_path)
    assert result.returncode == 2 and "cannot be inside" in result.stderr


def test_check_reports_findings_as_json(tmp_path):
    write_tree(tmp_path / "vault", VAULT)
    result = garden("check", "vault", "--format", "json", cwd=tmp_path)
    report = json.loads(result.stdout)
    (finding,) = [f for f in report["findings"] if f["severity"] != "info"]
    assert finding["code"] == "broken-link" and finding["line"] == 10 and finding["target"] == "missing note"
    assert report["summary"] == {"notes": 2, "links": 2, "resolved": 1, "broken": 1, "ambiguous": 0, "missing_headings": 0}
    assert result.returncode == 0
    assert garden("check", "vault", "--strict", cwd=tmp_path).returncode == 1


def test_usage_errors_exit_2(tmp_path):
    assert garden("build", "no/such/folder", cwd=tmp_path).returncode == 2
    assert garden(cwd=tmp_path).returncode == 2
    assert garden("card", "nope.md", cwd=tmp_path).returncode == 2


def test_serve_previews_a_bare_folder(tmp_path):
    import socket
    import time
    import urllib.request

    write_tree(tmp_path / "vault", VAULT)
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen(
        [sys.executable, "-m", "garden.cli", "serve", "vault", "-a", f"127.0.0.1:{port}"],
        cwd=tmp_path, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"},
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/Ideas/First-idea/", timeout=5) as response:
                    assert "第一个想法" in response.read().decode("utf-8")
                    break
            except OSError:
                assert time.monotonic() < deadline, "garden serve did not answer within a minute"
                time.sleep(0.5)
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_check_prints_translation_coverage_per_card(tmp_path):
    write_tree(tmp_path / "vault", VAULT)
    result = garden("check", "vault", cwd=tmp_path)
    assert "coverage: vault/Ideas/First idea.md: 50% (1/2 English segments translated)" in result.stdout
    report = json.loads(garden("check", "vault", "--format", "json", cwd=tmp_path).stdout)
    assert report["coverage"] == [{"path": "vault/Ideas/First idea.md", "english": 2, "translated": 1, "share": 0.5}]


def test_new_creates_a_card_that_parses_and_checks(tmp_path):
    result = garden("new", "Soil & water", "--zh", "土壤与水", "--tag", "farming", "--dir", "notes", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    path = tmp_path / "notes" / "Soil & water.md"
    assert result.stdout.strip() == "notes/Soil & water.md"
    card = json.loads(garden("card", str(path), "--format", "json").stdout)
    assert (card["title"], card["title_zh"], card["tags"]) == ("Soil & water", "土壤与水", ["farming"])
    assert [t["en"] for t in card["terms"]] == ["Term"] and card["checklists"][0]["kind"] == "tasks"
    assert card["untranslated"] == []
    assert garden("new", "Soil & water", "--dir", "notes", cwd=tmp_path).returncode == 2  # never overwrites


def test_a_bare_folder_gets_obsidian_markdown(tmp_path):
    write_tree(tmp_path / "vault", {"Note.md": "# Note\n\n~~struck~~, ==marked==, a footnote.[^1] %%private%%\n\n[^1]: Here.\n"})
    result = garden("build", "vault", "-o", "out", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    page = (tmp_path / "out" / "Note" / "index.html").read_text(encoding="utf-8")
    assert "<del>struck</del>" in page and "<mark>marked</mark>" in page and 'class="footnote"' in page
    assert "private" not in page
