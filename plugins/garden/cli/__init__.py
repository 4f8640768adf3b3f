"""The ``garden`` command: create, check, build and preview a garden; show one card's model.

May import ``site`` (to build and serve) and everything below it; nothing imports ``cli``.
"""

from garden.cli.main import main

__all__ = ["main"]
