"""``#tag`` in a note's text is a tag, as in Obsidian and Quartz: listed, linked, drawn."""

import json

import pytest

from garden.notes.cards import parse_card
from garden.index.graph import decode_graph
from garden.notes.inline_tags import tag_at

from .conftest import build_site


@pytest.mark.parametrize(
    ("text", "pos", "name"),
    [
        ("#tag", 0, "tag"),
        ("see #tag.", 4, "tag"),
        ("see #topic/sub/ here", 4, "topic/sub"),
        ("见 #反向链接，再看", 2, "反向链接"),
        ("#tag-1_x", 0, "tag-1_x"),
        ("#2026", 0, None),  # a number alone is not a tag
        ("issue#12", 5, None),  # no space before
        ("# ", 0, None),
        ("#/root", 0, None),
    ],
)
def test_what_is_a_tag(text, pos, name):
    tag = tag_at(text, pos)
    assert (tag.name if tag else None) == name


def test_a_card_counts_the_tags_of_its_text_after_its_front_matter():
    card = parse_card(
        "---\ntags: [guide]\n---\n# Card\n\nSee #garden and #反向链接，and #guide again.\n\n"
        "`#not-code` [#not-a-label](x.md)\n\n```\n#not-in-code\n```\n",
        "Card.md",
    )
    assert card.tags == ("guide", "garden", "反向链接")
    assert [(tag.raw, tag.line, tag.col) for tag in card.inline_tags] == [
        ("#garden", 6, 5), ("#反向链接", 6, 17), ("#guide", 6, 27)
    ]


def test_text_tags_get_tag_pages_links_and_graph_edges(tmp_path):
    site = build_site(
        tmp_path,
        {
            "index.md": "# Home\n\nA note about #gardening and #花园/笔记.\n\n`#code` stays code.\n",
            "Other.md": "---\ntags: [gardening]\n---\n# Other\n\nNothing inline.\n",
        },
    )
    home = site.html("")
    assert '<a class="garden-tag-link" href="tags/gardening/">#gardening</a>' in home
    assert "#花园/笔记</a>" in home
    assert "<code>#code</code>" in home
    listing = site.html("tags/gardening/")
    assert 'href="../.."' in listing and 'href="../../Other/"' in listing
    assert site.html("tags/花园/笔记/")
    _, edges = decode_graph(json.loads((site.site / "graph.json").read_text(encoding="utf-8")))
    assert ("index", "tags/gardening", "tag") in edges
    assert not site.warnings
