"""A page's HTML after Markdown: the glossary's entries, the diagrams Garden draws."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

from garden.index.garden import Garden
from garden.render.diagrams import own_diagrams
from garden.site.glossary_page import glossary_content


def page_content(html: str, page: Page, config: MkDocsConfig, garden: Garden | None) -> str:
    html = glossary_content(html, page, config, garden)
    return own_diagrams(html, page.file.src_uri, garden) if garden is not None else html
