"""Garden as an MkDocs plugin: events, config, generated pages, assets, search.

The only package that imports MkDocs (and Material). May import ``render``, ``index``
and ``notes``; never ``cli``.
"""

from garden.site import engine  # noqa: F401,E402  (first: MkDocs, or ProperDocs standing in for it)
