"""The whole garden at once: resolution, backlinks, graph, glossary, terms, pages' places, findings.

Pure: built once per build from every note's parse, then only looked up. May import
``garden.notes`` and ``garden.index``; never ``render``, ``site`` or ``cli``.
"""
