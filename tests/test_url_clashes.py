"""No page overwrites another: generated pages win their places, names that differ only
by case or that Windows cannot store get distinct safe paths, each clash a finding."""

import os

import pytest

from garden.index.garden import read_garden
from garden.index.safe_paths import safe_segment, unsafe_reason
from garden.index.site_map import plan

from .conftest import build_site


@pytest.mark.parametrize(
    ("name", "safe"),
    [
        ("Card", "Card"),
        ("CON", "CON_"),
        ("con", "con_"),
        ("nul.html", "nul_.html"),
        ("COM1", "COM1_"),
        ("lpt9.txt", "lpt9_.txt"),
        ("CONSOLE", "CONSOLE"),
        ("a:b", "a-b"),
        ('say "hi"', "say -hi-"),
        ("x<y>z|w?*", "x-y-z-w--"),
        ("back\\slash", "back-slash"),
        ("ends.", "ends"),
        ("ends ", "ends"),
        ("...", "_"),
        ("土壤与水", "土壤与水"),
    ],
)
def test_safe_segment(name, safe):
    assert safe_segment(name) == safe
    assert unsafe_reason(safe) is None
    assert (unsafe_reason(name) is None) == (name == safe)


def _codes(site_map):
    return [(clash.code, clash.source.page, clash.given) for clash in site_map.clashes]


def test_a_generated_page_wins_its_place_over_a_note():
    site_map = plan(["tags.md", "a.md"], generated=["tags/index.md"])
    assert site_map.dest["tags/index.md"] == "tags/index.html"
    assert site_map.dest["tags.md"] == "tags-2/index.html"
    assert _codes(site_map) == [("url-conflict", "tags.md", "tags-2/index.html")]
    assert site_map.clashes[0].other.page == "tags/index.md"


def test_two_notes_at_one_place_keep_reporting_duplicate_url():
    site_map = plan(["a b.md", "a-b.md"])
    assert site_map.dest == {"a b.md": "a-b/index.html", "a-b.md": "a-b-2/index.html"}
    assert _codes(site_map) == [("duplicate-url", "a-b.md", "a-b-2/index.html")]


def test_folders_that_differ_only_by_case_get_distinct_places():
    site_map = plan(["B/n.md", "b/m.md", "b/k.md", "Tags.md"], generated=["B/index.md", "b/index.md", "tags/index.md"])
    dest = site_map.dest
    assert dest["B/n.md"] == "B/n/index.html" and dest["B/index.md"] == "B/index.html"
    assert dest["b/index.md"] == "b-2/index.html"
    assert dest["b/m.md"] == "b-2/m/index.html" and dest["b/k.md"] == "b-2/k/index.html"  # the folder moves as one
    assert dest["Tags.md"] == "Tags-2/index.html"  # the generated tags page keeps /tags/
    assert [code for code, *_ in _codes(site_map)] == ["url-case", "url-case"]  # once per folder
    folded = [path.casefold() for path in dest.values()]
    assert len(set(folded)) == len(folded)


def test_places_are_stable_from_build_to_build():
    paths = ["CON.md", "Aux/x.md", "aux/y.md", "a:b.md", "a-b.md"]
    first, second = plan(paths), plan(list(paths))
    assert first == second
    assert first.dest["CON.md"] == "CON_/index.html"
    assert first.dest["Aux/x.md"] == "Aux_/x/index.html" and first.dest["aux/y.md"] == "aux_-2/y/index.html"
    assert {first.dest["a:b.md"], first.dest["a-b.md"]} == {"a-b/index.html", "a-b-2/index.html"}


def test_windows_names_are_findings_and_get_safe_places():
    site_map = plan(["CON.md", "notes/a|b.md", "x.md"], use_directory_urls=False)
    assert site_map.dest == {"CON.md": "CON_.html", "notes/a|b.md": "notes/a-b.html", "x.md": "x.html"}
    assert plan(["what is it..md"]).dest == {"what is it..md": "what-is-it/index.html"}
    assert [code for code, *_ in _codes(site_map)] == ["url-unsafe", "url-unsafe"]


def test_a_page_never_takes_the_place_of_a_file_of_the_site():
    site_map = plan(["sitemap.xml.md", "Search.md", "pic.png.md"], attachments=["pic.png"])
    assert site_map.dest["sitemap.xml.md"] == "sitemap.xml-2/index.html"
    assert site_map.dest["Search.md"] == "Search-2/index.html"  # Material's search/ folder
    assert site_map.dest["pic.png.md"] == "pic.png-2/index.html"
    assert [code for code, *_ in _codes(site_map)] == ["url-conflict", "url-case", "url-conflict"]


def test_alias_redirects_never_displace_a_page():
    site_map = plan(
        ["Note.md", "Other.md", "Backlink.md"],
        generated=["tags/index.md"],
        aliases={
            "Note.md": (("tags", 4), ("Other", 5), ("elsewhere", 6)),
            "Other.md": (("Elsewhere", 3),),
            "Backlink.md": (("backlink", 2),),  # its own page, spelled otherwise: nothing to say
        },
    )
    assert site_map.redirects == {"elsewhere/index.html": "Note.md"}
    found = [(c.code, c.source.page, c.source.path, c.source.line, c.other.page) for c in site_map.clashes]
    assert found == [
        ("url-conflict", "tags", "Note.md", 4, "tags/index.md"),
        ("url-conflict", "Other", "Note.md", 5, "Other.md"),
        ("url-conflict", "Elsewhere", "Other.md", 3, "elsewhere"),
    ]


def test_findings_name_both_sources_with_their_lines():
    garden = read_garden([
        ("index.md", "# Home\n"),
        ("tags.md", "---\ntags: [x]\n---\n# Tags of mine\n"),
        ("Note.md", "---\ntitle: Note\naliases:\n  - tags\n  - Note again\n---\n# Note\n"),
        ("Moved.md", "---\npermalink: tags\n---\n# Moved\n"),
    ])
    found = {(f.path, f.line, f.code, f.severity): f.message for f in garden.findings if f.code.startswith(("url", "dup"))}
    assert set(found) == {
        ("tags.md", 1, "url-conflict", "error"),
        ("Note.md", 4, "url-conflict", "info"),
        ("Moved.md", 2, "url-conflict", "error"),
    }
    assert "Garden's page tags/index.md" in found[("tags.md", 1, "url-conflict", "error")]
    assert "alias 'tags'" in found[("Note.md", 4, "url-conflict", "info")]


def test_a_built_site_keeps_every_generated_page_and_no_two_places_alike(tmp_path):
    site = build_site(
        tmp_path,
        {
            "index.md": "# Home\n",
            "a.md": "---\ntags: [AI, ai]\n---\n# A\n",
            "Tags.md": "# A note called Tags\n",
            "B/n.md": "# n\n",
            "b/m.md": "# m\n",
            "CON.md": "# con\n",
            "Graph.md": "# A note called Graph\n",
        },
        glossary={"Tag.md": "---\nterm: Tag\naliases: [tags, Graph]\n---\n\nA label.\n"},
    )
    tags = site.html("tags/")
    # Tags are one tag whatever their case, as in Obsidian: one page, under the first spelling
    assert "http-equiv=\"refresh\"" not in tags and 'href="AI/"' in tags and 'href="ai' not in tags
    graph = site.html("graph/")
    assert "http-equiv=\"refresh\"" not in graph and "<title>Graph - " in graph
    assert "<title>A note called Graph - " in site.html("Graph-2/")
    assert "<title>A note called Tags - " in site.html("Tags-2/")
    assert "<title>con - " in site.html("CON_/")
    outputs = [os.path.relpath(os.path.join(folder, name), site.site).replace(os.sep, "/")
               for folder, folders, files in os.walk(site.site) for name in (*folders, *files)]
    folded = [path.casefold() for path in outputs]
    assert len(set(folded)) == len(folded), sorted(p for p in outputs if folded.count(p.casefold()) > 1)
    assert all(unsafe_reason(part) is None for path in outputs for part in path.split("/"))
    codes = {(f.path, f.code) for f in site.findings if f.code.startswith("url")}
    assert codes == {
        ("Tags.md", "url-case"), ("b/m.md", "url-case"), ("CON.md", "url-unsafe"), ("Graph.md", "url-case"),
        ("glossary/Tag.md", "url-conflict"),
    }
    assert all(str(f).startswith(f"{f.path}:{f.line}") for f in site.findings)


def test_the_demo_gardens_tags_link_opens_the_tags_index(demo_site):
    """Its glossary term Tag has the alias 'tags': no redirect over the tags index."""
    tags = demo_site.html("tags/")
    assert 'http-equiv="refresh"' not in tags and "<title>Tags - " in tags


def test_an_unsafe_name_that_also_clashes_is_said_once_of_each():
    site_map = plan(["a-b.md", "a|b.md"], use_directory_urls=False)
    assert site_map.dest == {"a-b.md": "a-b.html", "a|b.md": "a-b-2.html"}
    assert [code for code, *_ in _codes(site_map)] == ["url-unsafe", "duplicate-url"]
    assert [code for code, *_ in _codes(plan(["a-b.md", "a|b.md"]))] == ["url-unsafe", "duplicate-url"]


def test_an_alias_windows_cannot_store_or_spelled_like_a_folder_gets_no_redirect():
    site_map = plan(["guide/a.md", "Note.md"], aliases={"Note.md": (("CON", 2), ("Guide/a", 3), ("guide/b", 4))})
    assert site_map.redirects == {"guide/b/index.html": "Note.md"}
    assert [(c.code, c.source.page) for c in site_map.clashes] == [("url-unsafe", "CON"), ("url-conflict", "Guide/a")]


def test_tags_spelled_in_other_cases_share_one_page(tmp_path):
    site = build_site(
        tmp_path,
        {
            "index.md": "# Home\n",
            "a.md": "---\ntags: [Machine-Learning]\n---\n# A\n",
            "b.md": "# B\n\nAbout #machine-learning here.\n",
        },
    )
    page = site.html("tags/Machine-Learning/")
    assert 'href="../../a/"' in page and 'href="../../b/"' in page
    assert 'href="../tags/Machine-Learning/"' in site.html("b/")
    assert not (site.site / "tags" / "machine-learning-2").exists()
