"""Property tests: whatever an author writes, Garden's readers never raise, slugs are
idempotent and links resolve the same way every time. Bounded (about 200 examples each)
so the suite stays fast; every failure Hypothesis found is fixed in the code it named."""

from __future__ import annotations

import random

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from garden.index.garden import read_garden
from garden.notes.cards import parse_card
from garden.notes.decoding import decode_note
from garden.notes.frontmatter_model import read_front_matter, without_front_matter_block
from garden.notes.mdparse import parse
from garden.notes.slugs import heading_anchor, quartz_segment, quartz_slug, tag_slug
from garden.notes.wikilinks import parse_body
from garden.render.page_markdown import Note, page_markdown

BOUNDED = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Pieces an author's Markdown is made of, the awkward ones first: Hypothesis joins them
# with arbitrary text, so brackets, fences, tables and front matter meet in every order.
PIECES = [
    "[[", "]]", "![[", "|", "\\|", "#", "#^", "^id", "[", "]", "(", ")", "](", "\n", "\n\n", "\r\n", "\r", "\t", " ",
    "---\n", "...\n", "```\n", "```mermaid\n", "flowchart LR\n", "A --> B\n", "A[x", "~~~\n", "`", "%%", "$$", "$",
    "- ", "  - ", "1. ", "> ", "> [!note]- ", "## ", "# ", "| a | b |\n| --- | --- |\n", "- [ ] ", "- [x] ",
    "title: ", "aliases: [", "tags:\n  - ", "unlocks: ", "source:\n  origin: ", ": ", "'", '"', "{", "}",
    "**", "==", "<div>", "&", "\\", "\0", "\ufeff", "\u0301", "\u200b", "\u2028", "\x0c", "\x85", "\x0b", "\U0001f331", "中文", "反向链接", "。",
    "é", "İ", "ß", "../", "/", "C:\\", ".md", "Note", "note", "Other", "Note#Part", "Other|label",
    "https://example.org", "- **Term / 术语:** A definition.\n\n  一个定义。\n",
]
markdown = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=8)), max_size=40).map("".join)
# Few letters, both cases: names that differ only in case or form ("a", "A", "é", "é") meet often.
names = st.lists(st.sampled_from([*"aAbé中 -_.#&%?", "e\u0301"]), min_size=1, max_size=4).map("".join)
# A note's path in the garden, as MkDocs gives it: relative, one to three names, none only dots.
paths = st.lists(names.filter(lambda name: name.strip(".")), min_size=1, max_size=3).map("/".join)


@BOUNDED
@given(markdown)
def test_the_card_parser_reads_anything(text):
    card = parse_card(text, "folder/Note.md")
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    for link in card.links:
        assert link.line >= 0 and link.col >= 0
        if link.col > 0:  # a placed link is where the rewrite will look for it
            written = lines[link.line - 1][link.col - 1 :]
            assert written.startswith(link.raw) or written.startswith(link.raw.replace("|", "\\|"))


@BOUNDED
@given(markdown)
def test_the_wikilink_parser_reads_anything(text):
    parse(text)
    link = parse_body(text)
    assert link.target == link.target.strip()


@BOUNDED
@given(markdown, markdown)
def test_the_front_matter_reader_reads_anything(block, body):
    text = f"---\n{block}\n---\n{body}"
    meta, problems = read_front_matter(text)
    assert all(problem.line >= 0 and problem.message for problem in problems)
    blanked = without_front_matter_block(text)
    assert blanked.count("\n") == text.count("\n")  # every line keeps its number


@BOUNDED
@given(st.binary(max_size=300) | markdown.map(lambda text: text.encode("utf-8")))
def test_any_bytes_decode(data):
    decoded = decode_note(data)
    assert decoded.text is None or "\r" not in decoded.text
    assert (decoded.text is None) == (decoded.code == "binary-file")


@BOUNDED
@given(st.text())
def test_heading_anchors_are_idempotent(text):
    anchor = heading_anchor(text)
    assert heading_anchor(anchor) == anchor


@BOUNDED
@given(st.text())
def test_quartz_slugs_are_idempotent(text):
    assert quartz_segment(quartz_segment(text)) == quartz_segment(text)
    assert tag_slug(tag_slug(text)) == tag_slug(text)
    slug = quartz_slug(text)
    if not slug.lower().endswith((".md", ".html")):  # "a.md.md" is the note "a.md": its slug reads as a path
        assert quartz_slug(slug) == slug


@BOUNDED
@given(
    st.lists(paths, min_size=1, max_size=8, unique=True),
    st.lists(st.tuples(st.sampled_from(["", "!", "/", "./", "../"]), paths, st.sampled_from(["", ".md", "#Part", "#^id", "|label"])),
             max_size=12),
    st.randoms(use_true_random=False),
)
@example(["A", "a"], [("/", "a", ""), ("./", "A", "")], random.Random(0))  # found by hand: the last note held the key
def test_resolution_is_deterministic_whatever_the_order_of_notes(note_paths, links, rng):
    notes = [(f"{path}.md", "# Part\n\nText. ^id\n") for path in note_paths]
    body = "\n\n".join(f"{'!' if how == '!' else ''}[[{'' if how == '!' else how}{target}{rest}]]" for how, target, rest in links)
    notes.append(("linker.md", body + "\n"))  # at the root: "../" leads out of the garden
    shuffled = list(notes)
    random.Random(rng.random()).shuffle(shuffled)

    def resolved(garden):
        return {
            (r.link.line, r.link.col, r.link.raw): (r.kind, r.path, r.anchor, r.problem)
            for r in garden.links.get("linker.md", ())
        }

    assert resolved(read_garden(notes)) == resolved(read_garden(notes[::-1])) == resolved(read_garden(shuffled))


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(markdown, markdown)
def test_any_note_gets_its_page_markdown(text, other):
    notes = {"Note.md": text, "sub/Other.md": other, "index.md": "# Home\n\n![[Note]] [[Other]]\n"}
    garden = read_garden(list(notes.items()))
    for path, source in notes.items():
        meta, _ = read_front_matter(source)
        page_markdown(garden, Note(path, source, {}, notes))
