"""A note's page Markdown, from the garden's index: what Garden hands MkDocs to render.

``page_markdown(garden, note)`` is the whole of Garden's work on a page's Markdown:
private comments out, list items indented as Obsidian reads them, wikilinks and embeds
rewritten to the site's URLs, inline tags linked to their tag pages. It is pure: the
same index and note give the same Markdown, whichever engine renders it.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from typing import Any, Mapping

from garden.index.checklists import front_matter_markdown
from garden.index.garden import Garden
from garden.notes.cards import parse_card
from garden.notes.comments import strip_comments, strip_note_comments
from garden.notes.frontmatter_model import without_front_matter_block
from garden.render import indent
from garden.render.render_checklists import checklist_marker
from garden.render.rewrite import rewrite, tag_spans
from garden.render.transclusion import Transcluder


@dataclass(frozen=True)
class Note:
    """One page as the engine gives it: its path, Markdown body and front matter, and
    the text of every note as read (the page's own, and what it embeds)."""

    path: str
    markdown: str  # the body after front matter, as the engine (or another plugin) left it
    meta: Mapping[str, Any]
    sources: Mapping[str, str]  # note path -> its whole file as read


@dataclass(frozen=True)
class PageMarkdown:
    markdown: str
    meta: dict[str, Any]  # front matter as the page shows it


def page_markdown(garden: Garden, note: Note, embed_depth: int = 3) -> PageMarkdown:
    return PageMarkdown(_body(garden, note, embed_depth), shown_meta(note.meta))


# Front matter Material prints as it stands: as HTML text, or inside an attribute
# (``description``, ``author``; ``status`` names a class). Search shows tags as HTML.
_PRINTED_AS_TEXT = ("title", "subtitle")
_PRINTED_IN_ATTRIBUTES = ("description", "author", "status")


def shown_meta(meta: Mapping[str, Any]) -> dict[str, Any]:
    """Front matter as the page shows it: what Material and its search print as HTML
    is the author's text, escaped."""
    shown = dict(meta)
    for key in (*_PRINTED_AS_TEXT, *_PRINTED_IN_ATTRIBUTES):
        if shown.get(key) is not None or key == "title" and key in shown:
            shown[key] = html.escape(str(shown[key]), quote=key in _PRINTED_IN_ATTRIBUTES)
    if isinstance(shown.get("tags"), list):
        shown["tags"] = [html.escape(str(tag), quote=False) for tag in shown["tags"]]
    return shown


def _body(garden: Garden, note: Note, embed_depth: int) -> str:
    path, markdown = note.path, note.markdown
    card = garden.cards.get(path)
    source = note.sources.get(path, "") if card is not None else ""
    if card is not None and source.endswith(markdown):
        offset = source[: len(source) - len(markdown)].count("\n")
        links = garden.links.get(path, ())
        if offset == 0:  # a front matter block the engine could not read: not shown either
            markdown = without_front_matter_block(markdown)
        # The card was read without its private comments: so is the page.
        markdown = strip_comments(markdown, first_line=offset + 1).text
    else:
        # Generated, or changed by another plugin: read this version's links afresh.
        markdown = strip_comments(markdown).text
        card, offset = parse_card(markdown, path), 0
        links = tuple(garden.index.resolve(link, path) for link in card.links)
    text, grown = indent.reindent(markdown, card.list_items, line_offset=offset)
    embedder = _transcluder(garden, note.sources, embed_depth).embedder(path)
    tags = tag_spans(card.inline_tags, garden.tag_page, path)
    body = rewrite(text, links, path, offset, grown=grown, embed=embedder, spans=tags)
    return body + _checklists_end(garden, path)


def _checklists_end(garden: Garden, path: str) -> str:
    """A front matter checklist as a table, then the marker naming the page's checklists:
    both at the end, so no line the card model counted moves."""
    checklists = garden.checklists.get(path, ())
    if not checklists:
        return ""
    tables = [front_matter_markdown(c) for c in checklists if c.source == "front-matter"]
    return "".join(f"\n\n{table}" for table in tables) + "\n\n" + checklist_marker(checklists) + "\n"


def _transcluder(garden: Garden, sources: Mapping[str, str], depth: int) -> Transcluder:
    def source(path: str) -> str:
        return strip_note_comments(sources.get(path, "")).text  # nothing private is embedded either

    return Transcluder(garden.cards, garden.links, source, depth)
