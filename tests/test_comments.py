"""Obsidian comments (%% … %%) are never published; ==highlights== are marked."""

import pytest

from garden.notes.cards import parse_card
from garden.notes.comments import strip_comments

from .conftest import build_site
from .search_harness import index_bytes


@pytest.mark.parametrize(
    ("text", "kept", "unclosed_at"),
    [
        ("no comment", "no comment", 0),
        ("a %%hidden%% b", "a  b", 0),
        ("a %%one%% b %%two%% c", "a  b  c", 0),
        ("a %%\nhidden\nlines\n%% b", "a\n\n\n b", 0),
        ("%%\nblock\n%%\nafter", "\n\n\nafter", 0),
        ("`%%code%%` and %%gone%%", "`%%code%%` and ", 0),
        ("```\n%%fenced%%\n```", "```\n%%fenced%%\n```", 0),
        ("> ```\n> %%quoted code%%\n> ```\n%%x%%", "> ```\n> %%quoted code%%\n> ```\n", 0),
        ("kept\nopen %% and\nthe rest", "kept\nopen\n", 2),
        ("100%% sure %%", "100", 0),  # as Obsidian reads it: the first %% opens
    ],
)
def test_what_a_comment_hides(text, kept, unclosed_at):
    stripped = strip_comments(text)
    assert stripped.text == kept
    assert stripped.unclosed_at == unclosed_at
    assert stripped.text.count("\n") == text.count("\n"), "line numbers stay true to the file"


def test_a_card_never_reads_its_comments():
    card = parse_card("---\ntitle: C\n---\n# C\n\nShown %%private note%% here.\n\n%%\nDraft [[Secret]]\n%%\n", "C.md")
    assert [segment.text for segment in card.segments] == ["Shown  here."]
    assert "private" not in repr(card) and "Secret" not in repr(card)
    assert not card.links, "a link inside a comment is no link"
    open_card = parse_card("# C\n\nText %% never closed\n\nmore\n", "C.md")
    [problem] = open_card.problems
    assert (problem.line, problem.code) == (3, "unclosed-comment")


def test_comments_are_left_out_of_pages_search_and_embeds(tmp_path):
    site = build_site(
        tmp_path,
        {
            "index.md": "# Home\n\nA %%private%% note links to [[Other]] and is ==important==.\n\n![[Other#Part]]\n",
            "Other.md": "# Other\n\n## Part\n\nPublic text. %%\nsecret plan\n%%\n",
        },
    )
    home = site.html("")
    assert "private" not in home and "secret" not in home
    assert '<a href="Other/">Other</a>' in home, "a link after a comment on its line still resolves"
    assert "<mark>important</mark>" in home
    assert "Public text." in home
    assert "secret" not in site.html("Other/")
    assert b"private" not in index_bytes(site.site)
    assert not site.warnings
