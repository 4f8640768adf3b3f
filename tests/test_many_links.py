"""A note holding thousands of links: every link placed, every sentence its own, one pass."""

from __future__ import annotations

import pytest

from garden.index.garden import read_garden
from garden.notes.cards import parse_card
from garden.notes.sentences import Sentences


@pytest.mark.parametrize(
    ("text", "needles", "expected"),
    [
        ("See A. Then A again! Last.", ["A", "A"], ["See A.", "Then A again!"]),
        ("先读 B。再读 B。", ["B", "B"], ["先读 B。", "再读 B。"]),
        ("No such link here. Two.", ["Z"], ["No such link here."]),
        ("Only B. Then B.", ["B", "B", "B"], ["Only B.", "Then B.", "Only B."]),  # past the last: the first
        ("", ["A"], [""]),
    ],
)
def test_each_link_gets_the_sentence_it_stands_in(text, needles, expected):
    sentences = Sentences(text)
    assert [sentences.around(needle) for needle in needles] == expected


def test_every_link_of_a_long_line_has_its_column_and_its_sentence():
    body = " ".join(f"Read [[Note {n}]] now." for n in range(2000))
    card = parse_card(f"# Hub\n\n{body}\n", "Hub.md")
    assert len(card.links) == 2000
    written = f"# Hub\n\n{body}".split("\n")
    for link in card.links[::97]:
        assert written[link.line - 1][link.col - 1 :].startswith(link.raw)
    assert card.link_context[1234] == "Read Note 1234 now."


def test_every_link_of_a_long_line_is_rewritten():
    from garden.render.rewrite import rewrite

    body = " ".join(f"[[Note {n % 7}]]" for n in range(3000))
    notes = [("Hub.md", f"# Hub\n\n{body}\n"), *((f"Note {n}.md", f"# Note {n}\n") for n in range(7))]
    garden = read_garden(notes)
    out = rewrite(f"# Hub\n\n{body}\n", garden.links["Hub.md"], "Hub.md")
    assert "[[" not in out and out.count("](") == 3000
