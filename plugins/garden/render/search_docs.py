"""What search knows of each page: its names from the garden's index, its text from its HTML.

- A note: its title, ``title_zh``, aliases, tags (front matter and ``#tags``), the names of
  the terms its key-terms list defines, the words of its URL, its sections.
- A term file (``glossary/Backlink.md``) is the term's glossary entry: the term's names in
  both languages and its aliases are the page's own names.
- A term defined only on cards gets an entry of its own, at its anchor on the glossary page.
- Pages Garden generates (tags, folders, the glossary, graph, health) are found by their
  titles only: their text is every other page's title, which would match every query.

Pure: the garden and a page's parts in, ``SearchDoc`` out.
"""

from __future__ import annotations

import re
from urllib.parse import unquote

from garden.index.garden import Garden
from garden.index.glossary import GLOSSARY_PAGE, GlossaryTerm
from garden.render.search_index import SearchDoc
from garden.render.search_text import Section

_URL_WORDS = re.compile(r"[/\-_.#]+")


def page_doc(
    garden: Garden, path: str, url: str, title: str, sections: list[Section], term: GlossaryTerm | None = None
) -> SearchDoc:
    """``term``: the term whose file this page is, if any (``term_files``)."""
    card = garden.cards.get(path)
    generated = path in garden.generated or path == GLOSSARY_PAGE
    meta = card.meta if card is not None else None
    aliases = tuple(meta.aliases) if meta is not None else ()
    if term is not None:
        aliases = (*aliases, *(name for name in (term.zh, *term.aliases) if name))
    tags = (*meta.tags, *(tag.name for tag in card.inline_tags)) if meta is not None else ()
    terms = tuple(name for defined in card.terms for name in (defined.en, defined.zh) if name) if card else ()
    return SearchDoc(
        url=url,
        title=title or (term.en if term else ""),
        title_zh=(meta.title_zh if meta is not None else None) or (term.zh if term else None),
        aliases=tuple(dict.fromkeys(aliases)),
        terms=terms,
        path_words=_URL_WORDS.sub(" ", unquote(url)),
        tags=tuple(dict.fromkeys(tags)),
        sections=() if generated else tuple(sections),
    )


def glossary_docs(garden: Garden, glossary_url: str) -> list[SearchDoc]:
    """An entry for each term without a term file of its own, at its anchor on the glossary page."""
    return [
        SearchDoc(
            url=f"{glossary_url}#{term.anchor}",
            title=term.en,
            title_zh=term.zh,
            aliases=term.aliases,
            sections=(Section("", "", " ".join(filter(None, (term.definition_en, term.definition_zh)))),),
        )
        for term in garden.terms.terms
        if term.file is None
    ]


def term_files(garden: Garden) -> dict[str, GlossaryTerm]:
    """Each term file's term."""
    return {term.file: term for term in garden.terms.terms if term.file}
