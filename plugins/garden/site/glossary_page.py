"""The glossary in MkDocs' terms: the term files beside the docs folder, published under
``glossary/``, and the glossary page's content (every term, in both languages)."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from garden.index.garden import Garden
from garden.index.glossary import GLOSSARY_PAGE
from garden.render.glossary_view import glossary_view

TEMPLATE = "partials/garden/glossary.html"


def glossary_files(config: MkDocsConfig, option: str) -> list[File]:
    """The term files of a glossary folder beside the docs folder, published under glossary/."""
    folder = glossary_dir(config, option)
    if folder is None:
        return []
    return [
        File.generated(config, f"glossary/{path.relative_to(folder).as_posix()}", abs_src_path=str(path))
        for path in sorted(folder.rglob("*.md"))
        if not any(part.startswith(".") for part in path.relative_to(folder).parts)
    ]


def glossary_dir(config: MkDocsConfig, option: str) -> Path | None:
    folder = (Path(config.config_file_path or ".").parent / option).resolve()
    docs = Path(config.docs_dir).resolve()
    if not folder.is_dir() or folder == docs or docs in folder.parents:
        return None  # absent, or already part of the docs folder
    return folder


def glossary_content(html: str, page: Page, config: MkDocsConfig, garden: Garden | None) -> str:
    """The glossary goes into the page's content (not its template), so search indexes every term."""
    if garden is None or page.file.src_uri != GLOSSARY_PAGE or not garden.terms.terms:
        return html
    view = glossary_view(garden)
    # MkDocs checks links to #anchors against the ids it saw while rendering Markdown.
    if isinstance(page.present_anchor_ids, set):
        page.present_anchor_ids.update((*(term.anchor for term in view.terms), "garden-index-en", "garden-index-zh"))
    template = config.theme.get_env().get_template(TEMPLATE)
    return html + template.render(garden_glossary=view, page=page, base_url=get_relative_url(".", page.url))
