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
