"""Garden: a knowledge-garden site generator for bilingual (English / 简体中文) notes.

Layers, imports only going downward (``tests/test_layers.py`` holds them to it):
``cli`` and ``site`` (MkDocs) -> ``render`` -> ``index`` -> ``notes``.
"""

__version__ = "0.1.0"
