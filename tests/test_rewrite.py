"""Links rewritten into Markdown: only the spans markdown-it found, nothing else."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from garden.notes.cards import parse_card
from garden.index.garden import read_garden
from garden.render.rewrite import rewrite

NOTES = [
    ("index.md", "# Home\n"),
    ("notes/Target note.md", "# Target note\n\n## Part Two\n\nText. ^blk\n"),
    ("images/pic one.png", None),
]


def rewritten(text: str, path: str = "notes/Here.md") -> str:
    garden = read_garden([*(n for n in NOTES if n[1]), (path, text)], [p for p, t in NOTES if t is None])
    return rewrite(text, garden.links[path], path)


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("[[Target note]]", "[Target note](Target%20note.md)"),
        ("[[target NOTE|the target]]", "[the target](Target%20note.md)"),
        ("[[Target note#part two]]", "[Target note > part two](Target%20note.md#part-two)"),
        ("[[Target note#^blk]]", "[Target note > ^blk](Target%20note.md#%5Eblk)"),
        ("[[../index]]", "[../index](../index.md)"),
        ("![[pic one.png]]", "![pic one](../images/pic%20one.png)"),
        ("![[pic one.png|300]]", '![pic one](../images/pic%20one.png){ width="300" }'),
        ("![[pic one.png|300x200]]", '![pic one](../images/pic%20one.png){ width="300" height="200" }'),
        ("[[Nope|a <b> label]]", '<span class="broken" title="Unresolved link: Nope">a &lt;b&gt; label</span>'),
        ("[[Target note|*not* bold_]]", "[\\*not\\* bold\\_](Target%20note.md)"),
        ("[see](Target%20note)", "[see](Target%20note.md)"),
    ],
)
def test_each_form(written, expected):
    assert rewritten(f"Before {written} after.\n") == f"Before {expected} after.\n"


def test_table_rows_keep_their_cells():
    text = "| a | b |\n| --- | --- |\n| [[Target note\\|label]] | `[[Target note]]` |\n"
    assert rewritten(text).splitlines()[2] == "| [label](Target%20note.md) | `[[Target note]]` |"


_plain = st.text(alphabet=st.characters(blacklist_characters="[]!`\\<>|#^\r", blacklist_categories=("Cs",)), max_size=40)


@given(_plain, _plain)
def test_text_around_links_is_never_changed(before, after):
    text = f"{before}[[Target note]]{after}"
    result = rewritten(text)
    card = parse_card(text)
    if card.links:  # markdown-it saw the link: exactly its span changed
        assert result == f"{before}[Target note](Target%20note.md){after}"
    else:  # inside code, say: untouched
        assert result == text


@pytest.mark.parametrize("start", ["\x0c\n", "> \x0c\n> ", " \x0c \n\x0c\n"])
def test_a_block_opening_with_whitespace_only_lines_keeps_its_links(start):
    # markdown-it strips such lines from the block's content though its map counts them
    assert rewritten(f"{start}[[Target note]] x") == f"{start}[Target note](Target%20note.md) x"


def test_a_nul_character_before_a_link_keeps_it_in_place():
    # markdown-it reads NUL as U+FFFD: the content's first line is not the source's to the letter
    assert rewritten("\x00[[Target note]]\n0") == "\x00[Target note](Target%20note.md)\n0"
