"""One note at a time: reading files, front matter, the card model, wikilink and embed syntax.

Pure: text in, frozen dataclasses out. May import only the standard library, the
parsing libraries (markdown-it-py, python-frontmatter, PyYAML) and ``garden.notes``.
"""
