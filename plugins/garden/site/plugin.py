"""The MkDocs plugin: wires MkDocs' events to Garden's pure modules, nothing more."""

from __future__ import annotations

import html
from pathlib import Path

import jieba
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from garden.site import assets, mkdocs_setup, pages, render_pool
from garden.index import incremental
from garden.render import indent, views
from garden.site.search import search_utf8
from garden.notes.cards import Card, parse_card
from garden.notes.comments import strip_comments, strip_note_comments
from garden.site.config import GardenConfig
from garden.index.garden import HEALTH_PAGE, Garden, GardenOptions, garden_from_cards
from garden.index.parallel import parse_cards
from garden.index.glossary import GLOSSARY_PAGE
from garden.render.glossary_view import glossary_view, health_view
from garden.render.render_terms import TermExtension, TermLinker
from garden.index.terms import TermMatcher
from garden.index.graph import node_id
from garden.render.report import link_summary
from garden.site.search.search_ahead import material_search_index
from garden.site.search.search_words import MemoCut
from garden.render.rewrite import rewrite, tag_spans
from garden.render.transclusion import Transcluder

log = get_plugin_logger(__name__)
_LOG_LEVEL = {"info": log.info, "warning": log.warning, "error": log.error}


class GardenPlugin(BasePlugin[GardenConfig]):
    supports_multiple_instances = False

    def __init__(self) -> None:
        self.garden: Garden | None = None
        self.shown_paths: dict[str, str] = {}
        self.sources: dict[str, File] = {}
        self.term_linker: TermLinker | None = None
        self.compact = False
        self.pool: render_pool.RenderPool | None = None
        # Kept across `mkdocs serve` rebuilds: each note is parsed again only when it changed.
        self.dirty = False
        self.parsed: dict[str, tuple[str, Card]] = {}
        self.previous: Garden | None = None
        self.redirects: dict[str, tuple[str, str]] = {}
        self.undecodable: set[str] = set()
        self.utf8_search: search_utf8.Utf8SearchIndex | None = None
        self.added_extensions: tuple[str, ...] = ()
        self.memo_cut: MemoCut | None = None

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.dirty = dirty

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        # The plugin object lives on under `mkdocs serve`: start each build afresh.
        self.previous = self.garden
        self.garden, self.shown_paths, self.sources = None, {}, {}
        self.undecodable: set[str] = set()
        self.added_extensions = mkdocs_setup.prepare(config)
        return config

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        self._release_search()  # a failed build's stand-ins, if any
        # Material made its search index in its on_config: it is written as UTF-8.
        self.utf8_search = search_utf8.install(config)
        searching = mkdocs_setup.material_search(config) is not None  # Material splits Chinese with jieba
        for file in [*pages.glossary_files(config, self.config.glossary_dir), *assets.files(config)]:
            if files.get_file_from_path(file.src_uri) is None:
                files.append(file)
        parsed_before, self.parsed = self.parsed, {}
        texts: dict[str, tuple[str, str]] = {}  # path -> (digest, text)
        for file in files.documentation_pages():
            self.shown_paths[file.src_uri] = pages.shown_path(file)
            self.sources[file.src_uri] = file
            text = self._source(file.src_uri)
            texts[file.src_uri] = (incremental.digest(text), text)
        if not render_pool.other_page_hooks(config, self):  # no other plugin writes Markdown of its own
            mkdocs_setup.drop_unused_extensions(config, self.added_extensions, (t for _, t in texts.values()))
        # Under `mkdocs serve` a note is parsed again only when its text changed.
        fresh = [(path, text) for path, (key, text) in texts.items() if parsed_before.get(path, ("",))[0] != key]
        # Material's search splits Chinese with jieba: its dictionary loads while the notes
        # are parsed, once, before the render workers fork (each would load its own).
        parsed = {card.path: card for card in parse_cards(fresh, meanwhile=jieba.initialize if searching else None)}
        for path, (key, _) in texts.items():
            self.parsed[path] = (key, parsed.get(path) or parsed_before[path][1])
        cards = [card for _, card in self.parsed.values()]
        attachments = [f.src_uri for f in files if not f.is_documentation_page() and not assets.is_ours(f)]
        self.garden = garden = garden_from_cards(cards, attachments, self._options(config), self.previous)
        for path in garden.drafts:
            log.info(f"{self._shown(path)}: draft, not published (set the garden option drafts: true to publish)")
            files.remove(self.sources[path])
        titles = {listing.path: listing.title for listing in garden.listings}
        titles.update({GLOSSARY_PAGE: "Glossary", HEALTH_PAGE: "Garden health"})
        for path in garden.generated:
            files.append(pages.generated_page(config, path, titles[path]))
        if files.get_file_from_path(pages.GRAPH_PAGE) is None:
            # The whole garden wants the page's full width: no table of contents.
            files.append(pages.generated_page(config, pages.GRAPH_PAGE, "Graph", hide=["toc"]))
        pages.place(files, garden)
        self.compact = self._compact_navigation(config, len(files.documentation_pages()))
        self._link_terms(config, garden)
        if searching:
            self.memo_cut = MemoCut()
            self.memo_cut.install()
        if self.dirty and self.previous is not None:
            self._mark_stale(files, parsed_before)
        for finding in garden.findings:
            _LOG_LEVEL[finding.level](str(finding).replace(finding.path, self._shown(finding.path), 1))
        summary = link_summary(garden)
        log.info(", ".join(f"{value} {name.replace('_', ' ')}" for name, value in summary.items()))
        self._check_mermaid()
        return files

    @event_priority(-100)  # last: the render workers fork once everything is known
    def on_nav(self, nav, *, config: MkDocsConfig, files: Files):
        if not config.nav:  # an author's own navigation is kept as written
            if self.compact:
                nav = pages.compact_navigation(nav, files, self.garden)
            else:
                nav = pages.without_tag_pages(nav, self.garden)
        self._start_render_pool(config, files)
        return nav

    def on_pre_page(self, page: Page, *, config: MkDocsConfig, files: Files) -> Page:
        if self.pool is not None and self.pool.owns(page.file.src_uri):
            # A worker renders this note; its HTML is put in place before the page is written.
            page.render = lambda config, files: render_pool.placeholder(page)
        return page

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        if self.garden is None:
            raise PluginError("garden: on_page_markdown ran before on_files")
        path = page.file.src_uri
        if self.term_linker is not None:
            self.term_linker.page = path  # MkDocs renders this page next
        if "title" in page.meta:  # Material prints titles as HTML: front matter is text
            page.meta["title"] = html.escape(str(page.meta["title"]), quote=False)
        if self.pool is not None and self.pool.owns(path):
            return markdown  # a worker does this page's rewriting and rendering
        card = self.garden.cards.get(path)
        source = self._source(path) if card is not None else ""
        if card is not None and source.endswith(markdown):
            offset = source[: len(source) - len(markdown)].count("\n")
            links = self.garden.links.get(path, ())
            # The card was read without its private comments: so is the page.
            markdown = strip_comments(markdown, first_line=offset + 1).text
        else:
            # Generated, or changed by another plugin: read this version's links afresh.
            markdown = strip_comments(markdown).text
            card, offset = parse_card(markdown, path), 0
            links = tuple(self.garden.index.resolve(link, path) for link in card.links)
        text, grown = indent.reindent(markdown, card.list_items, line_offset=offset)
        embedder = self._transcluder().embedder(path)
        tags = tag_spans(card.inline_tags, self.garden.tag_pages, path)
        return rewrite(text, links, path, offset, grown=grown, embed=embedder, spans=tags)

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        # The glossary goes into the page's content, so search indexes every term.
        if self.garden is None or page.file.src_uri != GLOSSARY_PAGE or not self.garden.terms.terms:
            return html
        template = config.theme.get_env().get_template("partials/garden/glossary.html")
        base_url = get_relative_url(".", page.url)
        view = glossary_view(self.garden)
        # MkDocs checks links to #anchors against the ids it saw while rendering Markdown.
        anchors = getattr(page, "present_anchor_ids", None)
        if isinstance(anchors, set):
            anchors.update(term.anchor for term in view.terms)
            anchors.update(("garden-index-en", "garden-index-zh"))
        return html + template.render(garden_glossary=view, page=page, base_url=base_url)

    @event_priority(100)  # first: search indexes the page's HTML, so it must be in place
    def on_page_context(self, context, *, page: Page, config: MkDocsConfig, nav):
        garden, path = self.garden, page.file.src_uri
        if self.pool is not None and self.pool.owns(path):
            self.pool.fill(page, config)
        card = garden.cards.get(path) if garden else None
        listing = garden.listing(path) if garden else None
        context["garden_card"] = views.card_view(card, garden) if card and self.config.card_header else None
        context["garden_reading_default"] = self.config.default_reading
        context["garden_explorer"] = self.compact
        context["garden_listing"] = views.listing_view(listing, garden) if listing else None
        context["garden_graph_page"] = path == pages.GRAPH_PAGE
        context["garden_health"] = health_view(garden) if garden and path == HEALTH_PAGE else None
        context["garden_backlinks"] = views.backlink_view(garden, path) if garden and self.config.backlinks else None
        in_graph = card is not None and (listing is None or listing.kind != "folder")
        context["garden_graph_node"] = node_id(garden.site_map, path) if in_graph and self.config.local_graph else None
        return context

    @event_priority(-100)  # last: after Material's search has written its index
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        wrote_utf8 = self.utf8_search is not None and self.utf8_search.wrote_utf8
        self._release_search()
        if self.garden is None:
            return
        pages.write_graph(self.garden, config.site_dir)
        pages.write_explorer(self.garden, config.site_dir)
        pages.write_terms(self.garden, config.site_dir)
        if not wrote_utf8:
            pages.compact_search_index(config.site_dir)
        if self.pool is not None:
            self._stop_render_pool()  # waits for the redirect pages a worker writes
        else:
            pages.write_files(config.site_dir, self._redirect_pages(config))

    def on_serve(self, server, *, config: MkDocsConfig, builder):
        glossary = pages.glossary_dir(config, self.config.glossary_dir)
        if glossary is not None:
            server.watch(str(glossary))
        return server

    def on_build_error(self, *, error: Exception) -> None:
        self._stop_render_pool(wait=False)
        self._release_search()

    def _start_render_pool(self, config: MkDocsConfig, files: Files) -> None:
        self._stop_render_pool(wait=False)  # a failed build's, if any
        rebuild = self.dirty and self.previous is not None  # `serve` rebuilding a few stale pages
        if not self.config.parallel or rebuild:
            return
        cards = self.garden.cards if self.garden else {}
        notes = [file.src_uri for file in files.documentation_pages() if file.src_uri in cards]
        workers = render_pool.worker_count()
        if len(notes) < render_pool.PARALLEL_FROM or workers < 1:
            return
        others = render_pool.other_page_hooks(config, self)
        if others:
            log.info(f"rendering on one core: {', '.join(others)} also hook page events (garden option parallel)")
            return
        search_index = material_search_index(config, self)
        redirects = self._redirect_pages(config)
        self.pool = render_pool.RenderPool(
            config, files, notes, workers, search_index=search_index,
            after=lambda: pages.write_files(config.site_dir, redirects),
        )

    def _release_search(self) -> None:
        """Material's search and jieba as they were: the stand-ins last one build."""
        if self.utf8_search is not None:
            self.utf8_search, utf8 = None, self.utf8_search
            utf8.uninstall()
        if self.memo_cut is not None:
            self.memo_cut, memo = None, self.memo_cut
            log.debug(f"search: {memo.split} Chinese runs split, {memo.remembered} remembered")
            memo.uninstall()

    def _stop_render_pool(self, wait: bool = True) -> None:
        if self.pool is not None:
            self.pool, pool = None, self.pool
            pool.close(wait)

    def _redirect_pages(self, config: MkDocsConfig) -> dict[str, str]:
        """Each alias's redirect page (output path -> HTML); under `serve`, only those
        that changed since the last build."""
        template = config.theme.get_env().get_template("garden-redirect.html")
        redirects, before = pages.alias_redirects(self.garden, self.sources.values()), self.redirects
        self.redirects = redirects
        return {
            dest: template.render(target=url, title=title)
            for dest, (url, title) in redirects.items()
            if not (self.dirty and before.get(dest) == (url, title) and (Path(config.site_dir) / dest).is_file())
        }

    def _options(self, config: MkDocsConfig) -> GardenOptions:
        return GardenOptions.from_plugin_options(self.config, config.use_directory_urls)

    def _mark_stale(self, files: Files, parsed_before: dict[str, tuple[str, Card]]) -> None:
        """In a dirty build, MkDocs rebuilds what `is_modified` says: make that the pages
        one edit makes stale, generated pages included, and nothing else."""
        before = {path: key for path, (key, _) in parsed_before.items()}
        after = {path: key for path, (key, _) in self.parsed.items()}
        changed = incremental.changed_notes(before, after)
        stale = incremental.stale_pages(self.previous, self.garden, changed, full_navigation=not self.compact)
        for file in files.documentation_pages():
            is_stale = stale is None or file.src_uri in stale
            file.is_modified = lambda is_stale=is_stale: is_stale

    def _compact_navigation(self, config: MkDocsConfig, page_count: int) -> bool:
        if config.nav:  # an author's own navigation is kept as written
            return False
        if self.config.navigation == "auto":
            return page_count > self.config.full_navigation_max
        return self.config.navigation == "compact"

    def _link_terms(self, config: MkDocsConfig, garden: Garden) -> None:
        """One term extension per build, replacing the last build's under `mkdocs serve`.

        Search's Chinese word splitter learns the glossary too, so "反向链接" is found
        as one word rather than as "反向" and "链接".
        """
        for term in garden.terms.terms:
            for name in term.chinese_names:
                jieba.add_word(name)
        config.markdown_extensions[:] = [e for e in config.markdown_extensions if not isinstance(e, TermExtension)]
        self.term_linker = TermLinker(
            TermMatcher(garden.terms),
            mode=self.config.glossary_autolink,
            skip_pages=frozenset({GLOSSARY_PAGE, HEALTH_PAGE, pages.GRAPH_PAGE}),
        )
        config.markdown_extensions.append(TermExtension(self.term_linker))

    def _transcluder(self) -> Transcluder:
        def source(path: str) -> str:
            return strip_note_comments(self._source(path)).text  # nothing private is embedded either

        return Transcluder(self.garden.cards, self.garden.links, source, self.config.embed_depth)

    def on_page_read_source(self, *, page: Page, config: MkDocsConfig) -> str | None:
        # MkDocs stops the whole build at a note that is not UTF-8; Garden has already
        # warned about it (with its path) and publishes it with the bad bytes replaced.
        if page.file.src_uri in self.undecodable:
            return self._source(page.file.src_uri)
        return None

    def _source(self, path: str) -> str:
        file = self.sources[path]
        try:
            return file.content_string
        except UnicodeDecodeError as error:
            if path not in self.undecodable:
                log.warning(f"{self._shown(path)}:1: not UTF-8 text ({error.reason}); undecodable bytes replaced")
                self.undecodable.add(path)
            return file.content_bytes.decode("utf-8", errors="replace")

    def _check_mermaid(self) -> None:
        if assets.has_mermaid():
            return
        for path, card in self.garden.cards.items():
            for diagram in card.mermaid:
                log.warning(
                    f"{self._shown(path)}:{diagram.line}: Mermaid diagram left as text: "
                    "mermaid is not installed (run `make assets`)"
                )

    def _shown(self, path: str) -> str:
        return self.shown_paths.get(path, path)
