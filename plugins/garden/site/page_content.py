"""A page's HTML after Markdown: the glossary's entries, the diagrams Garden draws (and
its title, now known, made safe to print)."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

from garden.index.garden import Garden
from garden.render.diagrams import own_diagrams
from garden.site.glossary_page import glossary_content
from garden.site.titles import escape_name_title


def page_content(html: str, page: Page, config: MkDocsConfig, garden: Garden | None) -> str:
    escape_name_title(page)
    html = glossary_content(html, page, config, garden)
    return own_diagrams(html, page.file.src_uri, garden) if garden is not None else html
