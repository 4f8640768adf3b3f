"""A note file's bytes to its text, whatever an editor saved: never an exception, never a note lost.

UTF-8 (with or without a byte-order mark) is read as is. Other text is read as well as it
can be, with a problem for the author: UTF-16 with its byte-order mark; UTF-8 holding a few
bad bytes (they are replaced); a file with no UTF-8 in it at all is an older Western
encoding, read as Windows-1252 (Latin-1's superset, what such files almost always are).
A file holding a NUL byte is no text (git's rule): an image or an archive named ``.md``.
Line ends become ``\\n`` whatever they were, as Python's text files (and MkDocs) read them.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass

SNIFF_BYTES = 8000  # git looks this far for a NUL byte before calling a file binary


@dataclass(frozen=True)
class DecodedNote:
    text: str | None  # None: not text, not a note
    problem: str | None = None  # what the author should know, when the bytes were not plain UTF-8
    line: int = 1  # where the problem begins
    code: str = "not-utf8"


def decode_note(data: bytes) -> DecodedNote:
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text = data.decode("utf-16", errors="replace")
        return DecodedNote(_lines(text), "UTF-16 text, read as such: save it as UTF-8")
    if b"\0" in data[:SNIFF_BYTES]:
        return DecodedNote(None, "a binary file, not a Markdown note: not published", code="binary-file")
    try:
        return DecodedNote(_lines(data.decode("utf-8-sig")))
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        text = data.decode("utf-8-sig", errors="replace")
        if _has_utf8(text):  # UTF-8 with a few bad bytes: keep the rest as written
            return DecodedNote(_lines(text), f"not valid UTF-8 ({error.reason}): undecodable bytes replaced", line)
    try:
        text, encoding = data.decode("cp1252"), "Windows-1252 (Latin-1)"
    except UnicodeDecodeError:  # the five bytes Windows-1252 leaves undefined: plain Latin-1
        text, encoding = data.decode("latin-1"), "Latin-1"
    return DecodedNote(_lines(text), f"not UTF-8: read as {encoding}; save it as UTF-8", line)


def _has_utf8(text: str) -> bool:
    """Whether any multi-byte UTF-8 sequence decoded: then the file is UTF-8, damaged."""
    return any(ord(char) > 0x7F and char != "\ufffd" for char in text)


def _lines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")
