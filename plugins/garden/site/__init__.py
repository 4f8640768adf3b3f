"""Garden as an MkDocs plugin: events, config, generated pages, assets, search.

The only package that imports MkDocs (and Material). May import ``render``, ``index``
and ``notes``; never ``cli``.
"""
