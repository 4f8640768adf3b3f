"""The page Markdown Garden hands the engine, from (index, note): fixture cases in the
markdown-it-py style (``tests/fixtures/page_markdown.md``: a title line, then the note,
then the expected Markdown, each closed by a line holding a single ``.``)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from garden.index.garden import read_garden
from garden.render.page_markdown import Note, page_markdown

FIXTURES = Path(__file__).parent / "fixtures" / "page_markdown.md"
# The rest of the garden every case's note lives in.
NEIGHBOURS = {
    "index.md": "# Home\n",
    "topics/Beta.md": "---\naliases: [B]\n---\n# Beta\n\n## How\n\nBeta's way. ^step\n\n- first\n- second\n",
    "topics/Gamma note.md": "# Gamma note\n\nEmbedded text.\n\n反向链接。\n",
    "pictures/diagram.png": "",
}
HERE = "topics/Here.md"


def _cases(text: str) -> list[tuple[str, str, str]]:
    cases, lines, at = [], text.split("\n"), 0
    while at < len(lines):
        if not lines[at].strip():
            at += 1
            continue
        title, parts, at = lines[at], [], at + 1
        assert lines[at] == ".", f"{FIXTURES}:{at + 1}: a case's title is followed by a line '.'"
        at += 1
        for _ in range(2):
            start = at
            while lines[at] != ".":
                at += 1
            parts.append("\n".join(lines[start:at]) + "\n")
            at += 1
        cases.append((title, *parts))
    return cases


def _front_matter(note: str) -> tuple[dict, str]:
    """The note as the engine hands it over: front matter apart, the body after it."""
    if note.startswith("---\n") and "\n---\n" in note[3:]:
        end = note.index("\n---\n", 3)
        return yaml.safe_load(note[4:end]) or {}, note[end + 5 :]
    return {}, note


CASES = _cases(FIXTURES.read_text(encoding="utf-8"))


@pytest.mark.parametrize(("title", "note", "expected"), CASES, ids=[case[0] for case in CASES])
def test_page_markdown(title, note, expected):
    notes = {path: text for path, text in NEIGHBOURS.items() if path.endswith(".md")}
    notes[HERE] = note
    attachments = [path for path in NEIGHBOURS if not path.endswith(".md")]
    garden = read_garden(list(notes.items()), attachments)
    meta, body = _front_matter(note)
    result = page_markdown(garden, Note(HERE, body, meta, notes))
    assert result.markdown == expected


def test_a_front_matter_title_is_shown_as_text():
    garden = read_garden([(HERE, "---\ntitle: A <b> & B\n---\n# Here\n")])
    result = page_markdown(garden, Note(HERE, "# Here\n", {"title": "A <b> & B"}, {}))
    assert result.meta["title"] == "A &lt;b&gt; &amp; B"


def test_the_same_index_and_note_give_the_same_markdown():
    notes = {**{p: t for p, t in NEIGHBOURS.items() if p.endswith(".md")}, HERE: "See [[Beta]] and ![[Gamma note]].\n"}
    garden = read_garden(list(notes.items()))
    note = Note(HERE, notes[HERE], {}, notes)
    assert page_markdown(garden, note) == page_markdown(garden, note)
