"""What a garden needs from MkDocs' configuration, added in ``on_config``.

Users keep their own choices; Garden only adds what its pages cannot work without:
the Markdown extensions that tag languages and keep Chinese heading anchors, the
Mermaid fence, its template overrides, and its assets. Fonts come from the reader's
system, never from Google, and mermaid2's Mermaid from the site, never from its CDN:
a garden loads nothing from another host.
"""

from __future__ import annotations

import posixpath
from typing import Iterable

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, get_plugin_logger
from pymdownx.superfences import fence_code_format

from garden.site import assets, discovery
from garden.notes.slugs import heading_anchor

log = get_plugin_logger(__name__)

REQUIRED_EXTENSIONS = (
    "toc", "tables", "attr_list", "md_in_html", "admonition", "pymdownx.details", "pymdownx.superfences",
    "pymdownx.mark",  # Obsidian's ==highlight==
    "pymdownx.arithmatex",  # $math$ and $$math$$, drawn by KaTeX from the site itself
    "garden.render.render_callouts", "garden.render.render_blocks", "garden.render.render_lang",
    "garden.render.render_checklists",
)


# Extensions only some gardens use, and the text that shows a note uses them. Each costs
# every page its time (arithmatex a fifth of a millisecond): a garden without formulas
# or highlights is rendered without them.
_USED_WHEN = {
    "pymdownx.arithmatex": ("$", "\\(", "\\[", "\\begin{"),
    "pymdownx.mark": ("==",),
}


# Raw HTML, script URLs and event handlers in notes are removed unless the garden trusts them.
SAFE_HTML = "garden.render.render_safe_html"


def prepare(config: MkDocsConfig, *, trusted_html: bool = False) -> tuple[str, ...]:
    """Garden's additions to ``config``; returns the extensions it added."""
    _refuse_endless_walk(config)
    added = _add_extensions(config, () if trusted_html else (SAFE_HTML,))
    _add_theme_overrides(config)
    _add_assets(config)
    _serve_mermaid2_from_the_site(config)
    return added


def _refuse_endless_walk(config: MkDocsConfig) -> None:
    loops = discovery.endless_loops(config.docs_dir)
    if loops:
        raise PluginError(
            f"garden: symlinks loop back to folders holding them: {', '.join(loops)} in {config.docs_dir}; "
            "with more than one, MkDocs' walk of the folder would never end: remove them (one alone is skipped)"
        )


def drop_unused_extensions(config: MkDocsConfig, added: tuple[str, ...], texts: Iterable[str]) -> None:
    """Remove the optional extensions Garden added that no page's text calls for."""
    unused = {name for name in _USED_WHEN if name in added}
    for text in texts:
        unused = {name for name in unused if not any(mark in text for mark in _USED_WHEN[name])}
        if not unused:
            return
    config.markdown_extensions[:] = [e for e in config.markdown_extensions if e not in unused]


def _add_extensions(config: MkDocsConfig, safety: tuple[str, ...]) -> tuple[str, ...]:
    added = tuple(name for name in (*REQUIRED_EXTENSIONS, *safety) if name not in config.markdown_extensions)
    config.markdown_extensions.extend(added)
    options = config.mdx_configs
    # Keep "## 小节" as id="小节" (Python-Markdown's default slug drops Chinese).
    options.setdefault("toc", {}).setdefault("slugify", heading_anchor)
    options.setdefault("pymdownx.arithmatex", {}).setdefault("generic", True)
    fences = options.setdefault("pymdownx.superfences", {}).setdefault("custom_fences", [])
    if not any(fence.get("name") == "mermaid" for fence in fences):
        fences.append({"name": "mermaid", "class": "mermaid", "format": fence_code_format})
    return added


def _add_theme_overrides(config: MkDocsConfig) -> None:
    theme = config.theme
    if theme.name != "material":
        log.warning(f"theme '{theme.name}' is not Material: card headers and the reading switch need Material")
        return
    # After the user's custom_dir, before Material's own templates.
    position = 1 if theme.custom_dir else 0
    if str(assets.OVERRIDES) not in theme.dirs:
        theme.dirs.insert(position, str(assets.OVERRIDES))
    if theme.get("font") is not False:
        theme["font"] = False  # Material would fetch Roboto from Google Fonts


def _add_assets(config: MkDocsConfig) -> None:
    for stylesheet in assets.STYLESHEETS:
        if stylesheet not in config.extra_css:
            config.extra_css.append(stylesheet)
    for script in assets.SCRIPTS:
        if script not in [str(s) for s in config.extra_javascript]:
            config.extra_javascript.append(script)


def _serve_mermaid2_from_the_site(config: MkDocsConfig) -> None:
    """Give the mermaid2 plugin, when a garden uses it, the site's own Mermaid.

    Left alone, mermaid2 asks unpkg.com for Mermaid while building (to check the
    URL) and loads it from there on every page with one of its diagrams. Its
    ``javascript`` option cannot name Garden's copy: mermaid2 requires that file
    inside docs_dir. Its other source can, and comes first: an ``extra_javascript``
    entry named like mermaid. That loads the library on every page, and main.html
    does not load it a second time.
    """
    mermaid2 = next((p for p in config.plugins.values() if type(p).__module__.startswith("mermaid2.")), None)
    if mermaid2 is None or mermaid2.config.get("javascript") or any(map(_is_mermaid, config.extra_javascript)):
        return  # not used, or the author chose the library
    if _configured_before_garden(config, mermaid2):
        raise PluginError(
            "garden: list `garden` before `mermaid2` under `plugins` in mkdocs.yml, so that mermaid2 "
            "uses the site's own Mermaid (it has chosen its CDN default by the time Garden runs)"
        )
    config.extra_javascript.append(assets.MERMAID)


def _is_mermaid(script) -> bool:
    """mermaid2's test for a library in extra_javascript: "mermaid" in the file's name."""
    return "mermaid" in posixpath.splitext(posixpath.basename(str(script)))[0].lower()


def _configured_before_garden(config: MkDocsConfig, plugin: BasePlugin) -> bool:
    """Whether ``plugin``'s ``on_config`` runs before Garden's (MkDocs' order, priorities included)."""
    order = [getattr(hook, "__self__", None) for hook in config.plugins.events["config"]]
    garden = config.plugins.get("garden")
    return plugin in order and garden in order and order.index(plugin) < order.index(garden)
