"""Each note's text, read once a build and shared: Garden's index, its page Markdown
and MkDocs' own reading of the page (``on_page_read_source``) all use this one copy."""

from __future__ import annotations

from typing import Callable

from mkdocs.structure.files import File, Files

from garden.index.findings import Finding
from garden.notes.decoding import decode_note
from garden.site import discovery


class NoteSources(dict[str, str]):
    """Note path -> its text as read (decoded as well as it can be, and reported)."""

    def admit(self, files: Files, docs_dir: str) -> list[Finding]:
        """Read every note once; leave out of ``files`` what is not the garden's: whatever
        lies through a symlink out of it (or in a loop), binary files named ``.md``, notes that
        cannot be read. MkDocs would stop the whole build at any of them; each is reported."""
        found_on_disk = [file for file in files if not file.generated_by]  # what MkDocs' walk found
        left_out, links = discovery.skipped((file.src_uri for file in found_on_disk), docs_dir)
        findings = discovery.skipped_findings(links)
        for file in found_on_disk:
            if file.src_uri in left_out:
                files.remove(file)
        for file in files.documentation_pages():
            finding = self.read(file)
            findings += [finding] if finding else []
            if file.src_uri not in self:
                files.remove(file)
        return findings

    def read(self, file: File) -> Finding | None:
        text, finding = read_note(file.src_uri, lambda: file.content_bytes)
        if text is not None:
            self[file.src_uri] = text
        return finding


def read_note(path: str, read: Callable[[], bytes]) -> tuple[str | None, Finding | None]:
    """A note's text (None: not a note, or not readable) and what its author should know;
    the build and ``garden check`` read notes through this one function."""
    try:
        decoded = decode_note(read())
    except OSError as error:  # no permission, or gone since the file was listed
        return None, Finding(path, 1, 0, "warning", "unreadable", f"cannot be read ({error.strerror}): not published")
    if decoded.problem is None:
        return decoded.text, None
    return decoded.text, Finding(path, decoded.line, 0, "warning", decoded.code, decoded.problem)
