"""Material's search, fed and written by Garden: Chinese words, entries made ahead, a UTF-8 index.

Part of ``site``: may import MkDocs and everything below ``site``.
"""
