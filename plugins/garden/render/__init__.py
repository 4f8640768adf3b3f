"""Page Markdown and HTML fragments from the index: links rewritten, embeds inlined, terms linked, languages tagged.

Pure: may import Python-Markdown (whose extensions tag rendered pages), ``garden.index``
and ``garden.notes``; never MkDocs, ``site`` or ``cli``.
"""
