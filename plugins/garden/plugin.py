"""The MkDocs plugin: wires MkDocs' events to Garden's pure modules, nothing more."""

from __future__ import annotations

import html
import os
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from . import assets, indent, mkdocs_setup
from .cards import parse_card
from .config import GardenConfig
from .garden import Garden, garden_from_cards
from .rewrite import rewrite
from .views import card_view

log = get_plugin_logger(__name__)
_LOG_LEVEL = {"info": log.info, "warning": log.warning, "error": log.error}


class GardenPlugin(BasePlugin[GardenConfig]):
    supports_multiple_instances = False

    def __init__(self) -> None:
        self.garden: Garden | None = None
        self.shown_paths: dict[str, str] = {}

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        # The plugin object lives on under `mkdocs serve`: start each build afresh.
        self.garden = None
        self.shown_paths = {}
        mkdocs_setup.prepare(config)
        return config

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        for file in self._glossary_files(config):
            if files.get_file_from_path(file.src_uri) is None:
                files.append(file)
        for file in assets.files(config):
            files.append(file)
        cards = []
        for file in files.documentation_pages():
            self.shown_paths[file.src_uri] = _shown_path(file, config)
            cards.append(parse_card(_read(file, self.shown_paths[file.src_uri]), file.src_uri))
        attachments = [f.src_uri for f in files if not f.is_documentation_page() and not assets.is_ours(f)]
        self.garden = garden_from_cards(cards, attachments)
        for finding in self.garden.findings:
            _LOG_LEVEL[finding.level](str(finding).replace(finding.path, self._shown(finding.path), 1))
        self._check_mermaid()
        return files

    def _check_mermaid(self) -> None:
        if assets.has_mermaid():
            return
        for path, card in self.garden.cards.items():
            for diagram in card.mermaid:
                log.warning(
                    f"{self._shown(path)}:{diagram.line}: Mermaid diagram left as text: "
                    "mermaid is not installed (run `make assets`)"
                )

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        if self.garden is None:
            raise PluginError("garden: on_page_markdown ran before on_files")
        path = page.file.src_uri
        if "title" in page.meta:  # Material prints titles as HTML: front matter is text
            page.meta["title"] = html.escape(str(page.meta["title"]), quote=False)
        card, source = self.garden.cards.get(path), _read(page.file, self._shown(path))
        if card is not None and source.endswith(markdown):
            offset = source[: len(source) - len(markdown)].count("\n")
            links = self.garden.links.get(path, ())
        else:
            # Another plugin changed the text: read this version's links afresh.
            card, offset = parse_card(markdown, path), 0
            links = tuple(self.garden.index.resolve(link, path) for link in card.links)
        rewritten = rewrite(markdown, links, path, line_offset=offset)
        return indent.for_python_markdown(rewritten, card.list_items, line_offset=offset)

    def on_page_context(self, context, *, page: Page, config: MkDocsConfig, nav):
        card = self.garden.cards.get(page.file.src_uri) if self.garden else None
        context["garden_card"] = card_view(card) if card and self.config.card_header else None
        context["garden_reading_default"] = self.config.default_reading
        return context

    def on_serve(self, server, *, config: MkDocsConfig, builder):
        glossary = _glossary_dir(config, self.config.glossary_dir)
        if glossary is not None:
            server.watch(str(glossary))
        return server

    def _glossary_files(self, config: MkDocsConfig) -> list[File]:
        folder = _glossary_dir(config, self.config.glossary_dir)
        if folder is None:
            return []
        return [
            File.generated(config, f"glossary/{path.relative_to(folder).as_posix()}", abs_src_path=str(path))
            for path in sorted(folder.rglob("*.md"))
            if not any(part.startswith(".") for part in path.relative_to(folder).parts)
        ]

    def _shown(self, path: str) -> str:
        return self.shown_paths.get(path, path)


def _glossary_dir(config: MkDocsConfig, option: str) -> Path | None:
    folder = (Path(config.config_file_path or ".").parent / option).resolve()
    docs = Path(config.docs_dir).resolve()
    if not folder.is_dir() or folder == docs or docs in folder.parents:
        return None  # absent, or already part of the docs folder
    return folder


def _shown_path(file: File, config: MkDocsConfig) -> str:
    """The path a reader of a warning can open: relative to where they stand, if inside."""
    if not file.abs_src_path:
        return file.src_uri
    try:
        return Path(file.abs_src_path).resolve().relative_to(Path.cwd()).as_posix()
    except ValueError:
        return os.path.normpath(file.abs_src_path)


def _read(file: File, shown: str) -> str:
    try:
        return file.content_string
    except UnicodeDecodeError as error:
        log.warning(f"{shown}:1: not UTF-8 text ({error.reason}); undecodable bytes replaced")
        return file.content_bytes.decode("utf-8", errors="replace")
