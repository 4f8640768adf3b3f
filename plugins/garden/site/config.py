"""The garden plugin's options, declared as Material declares its plugins' options."""

from __future__ import annotations

from mkdocs.config import config_options as c
from mkdocs.config.base import Config


class GardenConfig(Config):
    glossary_dir = c.Type(str, default="glossary")
    """Folder of term files (one Markdown file per term), relative to ``mkdocs.yml``.

    Its notes are published under ``glossary/``. A missing folder is fine."""

    default_reading = c.Choice(("both", "en", "zh"), default="both")
    """Reading mode before a reader picks one: ``both`` (EN+中文), ``en`` or ``zh``."""

    card_header = c.Type(bool, default=True)
    """Show the card header (titles, source box, tags, reading switch) on card pages."""

    link_resolution = c.Choice(("shortest", "relative", "absolute"), default="shortest")
    """How a link target is read (Quartz's names): ``shortest`` is Obsidian's rule (file
    name, path suffix or alias, nearest wins); ``relative`` and ``absolute`` read it as
    a path from the linking note's folder or from the garden's root."""

    slugs = c.Choice(("quartz", "mkdocs"), default="quartz")
    """Page URLs: ``quartz`` gives each note the URL Quartz gives the same file
    (``Writing a card.md`` → ``Writing-a-card/``); ``mkdocs`` keeps MkDocs' own."""

    gardens = c.Type(dict, default={})
    """Other published Quartz gardens by prefix: ``{quartz: https://quartz.jzhao.xyz}``
    makes ``[[quartz:Some Note]]`` link to that garden's page for ``Some Note``."""

    drafts = c.Type(bool, default=False)
    """Publish notes whose front matter says ``draft: true`` (Quartz leaves them out)."""

    backlinks = c.Type(bool, default=True)
    """List, under each note, the notes that link to or embed it, with context."""

    local_graph = c.Type(bool, default=True)
    """Show each note's neighbourhood in the concept graph (the full graph is at ``/graph/``)."""

    embed_depth = c.Type(int, default=3)
    """How many embeds deep ``![[Note]]`` transclusion goes before it shows a link."""

    trusted_html = c.Type(bool, default=False)
    """Publish the notes' raw HTML as written. Off (the default), it is cleaned as
    Obsidian cleans it: no scripts, event handlers (``onclick``…) or ``javascript:``
    URLs, in raw HTML or in Markdown links and attributes."""

    glossary_autolink = c.Choice(("first", "all", "off"), default="first")
    """Link glossary terms in the text: the ``first`` mention per section (in each
    language), ``all`` mentions, or ``off``."""

    navigation = c.Choice(("auto", "compact", "full"), default="auto")
    """``compact``: the navigation lists sections (home, top folders, glossary, graph,
    tags, health) and a client-side explorer lists the notes; ``full``: Material's own,
    every page on every page; ``auto``: full up to ``full_navigation_max`` pages."""

    full_navigation_max = c.Type(int, default=300)
    """With ``navigation: auto``, the largest site that keeps Material's full navigation."""

    parallel = c.Type(bool, default=True)
    """Render a large garden's notes on the other cores while pages are written (from
    200 notes, and only when no other plugin hooks the page events the workers run)."""

    readiness_words = c.Type(list, default=["Readiness", "准备度", "就绪"])
    """A table under a heading (or with a first column) holding one of these words is a
    readiness checklist: each row an item, its other columns the ready and warning signals."""

    checklist_verdicts = c.Type(dict, default={})
    """The verdict under each checklist's score, by case: ``ready`` (every item ready),
    ``unknown`` (more than ``checklist_unknown_share`` not known), ``warnings`` (any
    warning), ``progress`` (otherwise), and for task lists ``tasks_done`` and ``tasks_todo``;
    each ``{en: …, zh: …}``, with ``{n}`` ready (done), ``{N}`` items, ``{w}`` warnings,
    ``{u}`` unknown (not done), and ``{w|warning|warnings}`` for a count with its noun.
    Unset cases keep Garden's wording."""

    checklist_unknown_share = c.Type(float, default=0.5)
    """The share of items not yet known above which the verdict is "mostly unknown"."""

    sequence_keys = c.Type(dict, default={})
    """Front matter keys that name unlock relations besides ``unlocks`` and ``requires``,
    each with its direction: ``{next: unlocks, prerequisites: requires}``."""

    sequence_max_nodes = c.Type(int, default=60)
    """On ``/sequence/``, a connected group of more notes than this is shown as its
    searchable list of stages only, not drawn as a diagram."""

    sequence_panel = c.Type(bool, default=True)
    """Show, on each card in the sequence, what it needs first, what it unlocks next,
    and a small map of its neighbourhood."""

    sequence_depth = c.Choice((1, 2), default=1)
    """How many steps before and after a card its neighbourhood map shows (1 or 2)."""
