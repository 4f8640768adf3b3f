"""Each note's text, read once a build and shared: Garden's index, its page Markdown
and MkDocs' own reading of the page (``on_page_read_source``) all use this one copy."""

from __future__ import annotations

from mkdocs.structure.files import File

from garden.index.findings import Finding


class NoteSources(dict[str, str]):
    """Note path -> its text as read (undecodable bytes replaced, and reported)."""

    def __init__(self) -> None:
        super().__init__()
        self.undecodable: list[Finding] = []

    def read(self, file: File) -> str:
        try:
            text = file.content_string
        except UnicodeDecodeError as error:
            # MkDocs would stop the whole build at this note: it is published with the
            # bad bytes replaced, and the author told where.
            self.undecodable.append(
                Finding(file.src_uri, 1, 0, "warning", "not-utf8", f"not UTF-8 text ({error.reason}); undecodable bytes replaced")
            )
            text = file.content_bytes.decode("utf-8", errors="replace")
        self[file.src_uri] = text
        return text
