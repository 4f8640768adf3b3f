"""Reading wikilinks: every written form, and where each one stands in the file."""

import pytest

from garden.notes.cards import parse_card
from garden.notes.wikilinks import parse_body


@pytest.mark.parametrize(
    ("body", "target", "heading", "block", "label"),
    [
        ("Note", "Note", None, None, None),
        ("Note|label", "Note", None, None, "label"),
        ("Note#Heading", "Note", "Heading", None, None),
        ("Note#Heading|label", "Note", "Heading", None, "label"),
        ("#Heading", "", "Heading", None, None),
        ("Note#^block-id", "Note", None, "block-id", None),
        ("Note#^块-1", "Note", None, "块-1", None),
        ("folder/Note", "folder/Note", None, None, None),
        ("Note.md", "Note.md", None, None, None),
        ("folder/", "folder/", None, None, None),
        ("tags/some-tag", "tags/some-tag", None, None, None),
        ("diagram.png|300", "diagram.png", None, None, "300"),
        ("Note\\|label", "Note", None, None, "label"),
        ("依赖管理|中文标签", "依赖管理", None, None, "中文标签"),
    ],
)
def test_parse_body(body, target, heading, block, label):
    link = parse_body(body)
    assert (link.target, link.heading, link.block, link.label) == (target, heading, block, label)


def test_embeds_and_positions():
    text = "---\ntitle: T\n---\n\nSee [[A]] and ![[img.png|300x200]].\n\n> quoted [[B#Part|b]]\n\n- item [[C]]\n"
    links = parse_card(text).links
    assert [(link.target, link.embed, link.line, link.col) for link in links] == [
        ("A", False, 5, 5),
        ("img.png", True, 5, 15),
        ("B", False, 7, 10),
        ("C", False, 9, 8),
    ]
    for link in links:
        line = text.splitlines()[link.line - 1]
        assert line[link.col - 1 :].startswith(link.raw)


def test_table_cell_with_escaped_pipe_keeps_its_column():
    text = "| a | b |\n| --- | --- |\n| x | [[Note\\|label]] |\n"
    (link,) = parse_card(text).links
    assert (link.target, link.label, link.line, link.col) == ("Note", "label", 3, 7)


@pytest.mark.parametrize(
    "text",
    ["`[[code]]`", "```\n[[fence]]\n```", "    [[indented]]", "[[ ]]", "[[unclosed", "<div>[[html block]]</div>"],
)
def test_not_links(text):
    assert parse_card(text).links == ()
