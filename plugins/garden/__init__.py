"""Garden: a knowledge-garden site generator for bilingual (English / 简体中文) notes.

The modules here are pure (text in, frozen dataclasses out); only ``plugin.py``
imports MkDocs and only ``render_lang.py`` extends Python-Markdown.
"""

__version__ = "0.1.0"
