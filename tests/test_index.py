"""Resolving wikilinks against the index, as Obsidian's shortest-path rule does."""

import pytest

from garden.notes.cards import parse_card
from garden.index.resolution import GardenIndex, nearest
from garden.notes.wikilinks import parse_body

NOTES = {
    "index.md": "# Home\n",
    "Alpha.md": "---\naliases: [First note, 第一篇]\n---\n## Section One\n\n## 小节 二\n",
    "guide/Writing a card.md": "# Writing\n",
    "guide/Alpha.md": "# Guide alpha\n",
    "deep/nested/Beta.md": "# Beta\n",
    "Café.md": "# Café\n",
    "folder/index.md": "# Folder\n",
}
ATTACHMENTS = ["images/diagram.png", "docs/paper.pdf"]


@pytest.fixture(scope="module")
def index():
    return GardenIndex.build([parse_card(text, path) for path, text in NOTES.items()], ATTACHMENTS)


@pytest.mark.parametrize(
    ("body", "from_path", "path", "anchor", "problem"),
    [
        ("Writing a card", "index.md", "guide/Writing a card.md", None, None),
        ("writing A CARD", "index.md", "guide/Writing a card.md", None, None),
        ("Writing a card.md", "index.md", "guide/Writing a card.md", None, None),
        ("guide/Writing a card", "index.md", "guide/Writing a card.md", None, None),
        ("nested/Beta", "index.md", "deep/nested/Beta.md", None, None),
        ("Beta", "guide/Writing a card.md", "deep/nested/Beta.md", None, None),
        ("First note", "index.md", "Alpha.md", None, None),
        ("第一篇", "index.md", "Alpha.md", None, None),
        # Two notes named Alpha: the one beside the linking note is no doubt...
        ("Alpha", "index.md", "Alpha.md", None, None),
        ("Alpha", "guide/Writing a card.md", "guide/Alpha.md", None, None),
        ("Alpha#section one", "index.md", "Alpha.md", "section-one", None),
        ("Alpha#小节 二", "Alpha.md", "Alpha.md", "小节-二", None),
        # ...from elsewhere the nearest (then shallowest) wins and is reported.
        ("Alpha", "deep/nested/Beta.md", "Alpha.md", None, "ambiguous-link"),
        ("Alpha#section one", "deep/nested/Beta.md", "Alpha.md", "section-one", "ambiguous-link"),
        ("Alpha#No such heading", "index.md", "Alpha.md", None, "missing-heading"),
        ("#Section One", "Alpha.md", "Alpha.md", "section-one", None),
        ("Cafe\u0301", "index.md", "Café.md", None, None),  # decomposed é
        ("folder/", "index.md", "folder/index.md", None, None),
        ("diagram.png", "index.md", "images/diagram.png", None, None),
        ("docs/paper.pdf", "index.md", "docs/paper.pdf", None, None),
        ("Missing note", "index.md", None, None, "broken-link"),
        ("missing.png", "index.md", None, None, "broken-link"),
    ],
)
def test_resolution(index, body, from_path, path, anchor, problem):
    resolution = index.resolve(parse_body(body), from_path)
    assert (resolution.path, resolution.anchor, resolution.problem) == (path, anchor, problem)


def test_nearest_prefers_shared_folders_then_shallow():
    assert nearest(["a/x.md", "b/x.md", "x.md"], "b/c/note.md") == "b/x.md"
    assert nearest(["a/b/x.md", "x.md"], "c/note.md") == "x.md"
