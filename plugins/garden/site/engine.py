"""Which engine builds the site: MkDocs, or ProperDocs, its maintained continuation.

Garden's ``site`` modules, Material and the tests import ``mkdocs.*``. Where MkDocs is
not installed but ProperDocs is, ProperDocs' own ``properdocs.replacement`` module (what
its command line imports first) makes every ``mkdocs.*`` import load the matching
``properdocs.*`` module, so the same code runs on either engine. Imported by
``garden.site`` before anything else there.
"""

from __future__ import annotations

import importlib.util

if importlib.util.find_spec("mkdocs") is None and importlib.util.find_spec("properdocs") is not None:
    import properdocs.replacement  # noqa: F401  (ProperDocs' documented route for MkDocs plugins)

import mkdocs  # noqa: E402  (after the engine is chosen)

#: ``"mkdocs"`` or ``"properdocs"``: the package behind ``mkdocs.*`` in this process,
#: and the name of the logger it reports on (and counts for ``--strict``).
NAME = mkdocs.__name__
