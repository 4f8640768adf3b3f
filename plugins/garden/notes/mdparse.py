"""The one markdown-it-py configuration Garden reads notes with."""

from __future__ import annotations

from functools import lru_cache

from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.front_matter import front_matter_plugin

from garden.notes.inline_tags import TAG_TOKEN, inline_tags_plugin
from garden.notes.wikilinks import TOKEN_TYPE, wikilinks_plugin


@lru_cache(maxsize=1)
def markdown() -> MarkdownIt:
    """CommonMark with GFM tables and strikethrough, front matter kept in the line count."""
    md = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])
    md.use(front_matter_plugin).use(wikilinks_plugin).use(inline_tags_plugin)
    return md


def parse(text: str) -> list[Token]:
    return markdown().parse(text)


def plain_text(inline: Token, *, prose: bool = False) -> str:
    """The words a reader sees in an inline token: markup dropped, link labels kept.

    With ``prose=True`` code spans and link labels are left out: what the author wrote
    in this sentence's own language. A Chinese label on a link in an English sentence
    does not make the sentence Chinese, and a code span mentions no term.
    """
    parts: list[str] = []
    in_link = 0
    for child in inline.children or ():
        if child.type == "link_open":
            in_link += 1
        elif child.type == "link_close":
            in_link -= 1
        elif prose and (in_link or child.type in ("code_inline", TOKEN_TYPE, TAG_TOKEN)):
            parts.append(" ")
        elif child.type in ("text", "code_inline", TAG_TOKEN):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append(" ")
        elif child.type == TOKEN_TYPE:
            parts.append(child.meta["link"].display_text)
        elif child.type == "image":
            parts.append(child.content)
    return "".join(parts).strip()
