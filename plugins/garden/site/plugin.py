"""The MkDocs plugin: maps MkDocs' events to Garden's modules, nothing more."""

from __future__ import annotations

import functools

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from garden.index import incremental
from garden.index.findings import Finding
from garden.index.garden import Garden, GardenOptions, garden_from_cards
from garden.notes.cards import Card
from garden.render.page_markdown import Note, page_markdown, shown_meta
from garden.render.render_terms import TermLinker
from garden.render.report import link_summary
from garden.site import assets, build_steps, mkdocs_setup, page_context, pages, render_pool, titles
from garden.site.config import GardenConfig
from garden.site.glossary_page import glossary_files
from garden.site.messages import Reporter, log
from garden.site.page_content import page_content
from garden.site.search import SearchAdapter, open_search
from garden.site.sources import NoteSources


class GardenPlugin(BasePlugin[GardenConfig]):
    supports_multiple_instances = False

    def __init__(self) -> None:
        self.garden: Garden | None = None
        self.previous: Garden | None = None
        self.shown_paths: dict[str, str] = {}
        self.files_by_path: dict[str, File] = {}
        self.files = Files([])  # the last build's, generated pages included
        self.sources = NoteSources()
        self.reporter = Reporter(self.shown_paths)
        self.term_linker: TermLinker | None = None
        self.search: SearchAdapter | None = None
        self.compact = False
        self.pool: render_pool.RenderPool | None = None
        self.added_extensions: tuple[str, ...] = ()
        # Kept across `mkdocs serve` rebuilds: each note is parsed again only when it changed.
        self.dirty = False
        self.parsed: dict[str, tuple[str, Card]] = {}
        self.redirects: dict[str, tuple[str, str]] = {}
        self.last = build_steps.LastBuild()

    @property
    def findings(self) -> list[Finding]:
        """Everything Garden reported in the last build, as data."""
        return self.reporter.findings

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.dirty = dirty

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        assets.require_libraries()  # a missing one fails the build, never falls back to a CDN
        # The plugin object lives on under `mkdocs serve`: start each build afresh.
        self.previous, self.garden = self.garden, None
        self.last = build_steps.last_build(self.files, self.redirects)  # for a `serve` rebuild
        self.shown_paths, self.files_by_path, self.sources = {}, {}, NoteSources()
        self.reporter = Reporter(self.shown_paths, config.docs_dir)
        self.added_extensions = mkdocs_setup.prepare(config, trusted_html=self.config.trusted_html)
        self.search = open_search(config, self)
        return config

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        for file in [*glossary_files(config, self.config.glossary_dir), *assets.files(config)]:
            if files.get_file_from_path(file.src_uri) is None:
                files.append(file)
        self.reporter.report(self.sources.admit(files, config.docs_dir))  # every note read; links out, binary files dropped
        digests = {}
        for file in files.documentation_pages():
            self.shown_paths[file.src_uri] = pages.shown_path(file)
            self.files_by_path[file.src_uri] = file
            digests[file.src_uri] = incremental.digest(self.sources[file.src_uri])
        if not render_pool.other_page_hooks(config, self):  # no other plugin writes Markdown of its own
            mkdocs_setup.drop_unused_extensions(config, self.added_extensions, self.sources.values())
        # Under `mkdocs serve` a note is parsed again only when its text changed; the
        # search engine warms up meanwhile, once, before the render workers fork.
        parsed_before = self.parsed
        self.parsed = build_steps.parse_changed(parsed_before, self.sources, digests, self.search and self.search.warm_up)
        attachments = [f.src_uri for f in files if not f.is_documentation_page() and not assets.is_ours(f)]
        cards = [card for _, card in self.parsed.values()]
        options = GardenOptions.from_plugin_options(self.config, config.use_directory_urls)
        self.garden = garden = garden_from_cards(cards, attachments, options, self.previous)
        self.reporter.report(pages.add_garden_pages(files, config, garden, self.files_by_path))
        self.files = files
        self.compact = build_steps.wants_compact_navigation(config, self.config, len(files.documentation_pages()))
        self.term_linker = build_steps.link_terms(config, garden, self.config.glossary_autolink)
        if self.search is not None:  # search keeps the glossary's Chinese names whole: "反向链接"
            self.search.learn_words(name for term in garden.terms.terms for name in term.chinese_names)
        if self.dirty and self.previous is not None:
            before = {path: key for path, (key, _) in parsed_before.items()}
            build_steps.mark_stale(files, self.previous, garden, before, digests, self.compact)
        self.reporter.report(garden.findings)
        log.info(", ".join(f"{value} {name.replace('_', ' ')}" for name, value in link_summary(garden).items()))
        return files

    @event_priority(-100)  # last: the render workers fork once everything is known
    def on_nav(self, nav, *, config: MkDocsConfig, files: Files):
        if not config.nav:  # an author's own navigation is kept as written
            nav = pages.compact_navigation(nav, files, self.garden) if self.compact else pages.without_tag_pages(
                nav, self.garden
            )
        titles.settle(nav, files, self.last.titles, self.dirty, folders=not config.nav)
        self._start_render_pool(config, files)
        return nav

    def on_page_read_source(self, *, page: Page, config: MkDocsConfig) -> str | None:
        return self.sources.get(page.file.src_uri)  # read once, in on_files

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        if self.garden is None:
            raise PluginError("garden: on_page_markdown ran before on_files")
        if self.pool is not None and self.pool.owns(page.file.src_uri):
            page.meta.update(shown_meta(page.meta))
            render_pool.early_title(page, markdown, self.garden)
            return ""  # a worker renders this note: MkDocs renders nothing here
        return self._page_markdown(markdown, page)

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        if self.pool is not None and self.pool.owns(page.file.src_uri):
            return html  # a worker renders this note
        return page_content(html, page, config, self.garden)

    @event_priority(100)  # first: search indexes the page's HTML, so it must be in place
    def on_page_context(self, context, *, page: Page, config: MkDocsConfig, nav):
        garden, path = self.garden, page.file.src_uri
        entries = self.pool.fill(page) if self.pool is not None and self.pool.owns(path) else None
        if self.search is not None:
            self.search.use_entries(page, entries)
        if garden is not None:
            context.update(page_context.garden_context(garden, path, self.config, self.compact))
        return context

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        if self.search is not None:
            self.search.page_written(page)
        return output

    @event_priority(-100)  # last: after the search engine has written its index
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if self.garden is None:
            return
        build_steps.write_data(config, self.garden, self.config.glossary_dir, self.files_by_path, self.findings)
        if self.search is not None:
            self.search.finish(config.site_dir)
        if self.pool is not None:
            self._stop_render_pool()  # waits for the redirect pages a worker writes
        else:
            self._redirect_writer(config)()
        build_steps.remove_leftovers(config.site_dir, self.last, self.files, self.redirects)

    def on_serve(self, server, *, config: MkDocsConfig, builder):
        return build_steps.watch_glossary(server, config, self.config.glossary_dir)

    def on_build_error(self, *, error: Exception) -> None:
        self._stop_render_pool(wait=False)

    def _page_markdown(self, markdown: str, page: Page) -> str:
        path = page.file.src_uri
        if self.term_linker is not None:
            self.term_linker.page = path  # MkDocs renders this page next
        result = page_markdown(self.garden, Note(path, markdown, page.meta, self.sources), self.config.embed_depth)
        page.meta.update(result.meta)
        return result.markdown

    def _render_note(self, page: Page, *, config: MkDocsConfig, files: Files) -> None:
        """A note read and rendered onto its page by MkDocs' public ``Page`` methods and
        Garden's own page steps (in a render worker, or here should the worker fail)."""
        page.read_source(config)
        page.markdown = self._page_markdown(page.markdown or "", page)
        page.render(config, files)
        page.content = page_content(page.content or "", page, config, self.garden)

    def _start_render_pool(self, config: MkDocsConfig, files: Files) -> None:
        self._stop_render_pool(wait=False)  # a failed build's, if any
        if not self.config.parallel or (self.dirty and self.previous is not None):  # `serve`: a few stale pages
            return
        notes = [file.src_uri for file in files.documentation_pages() if file.src_uri in self.garden.cards]
        render = functools.partial(self._render_note, config=config, files=files)
        after = functools.partial(self._redirect_writer, config)
        self.pool = render_pool.open_pool(config, files, notes, self, render, self.search, after=after)

    def _stop_render_pool(self, wait: bool = True) -> None:
        if self.pool is not None:
            self.pool, pool = None, self.pool
            pool.close(wait)

    def _redirect_writer(self, config: MkDocsConfig) -> functools.partial:
        """The alias pages' writing (for a render worker: decided here, before it forks)."""
        files = self.files_by_path.values()
        self.redirects, written = build_steps.redirect_pages(config, self.garden, files, self.redirects, self.dirty)
        return functools.partial(pages.write_files, config.site_dir, written)
