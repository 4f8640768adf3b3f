"""JSON written with ``ensure_ascii`` made UTF-8, as a stream.

Material writes its search index with every Chinese character as a six-byte ``\\uXXXX``
escape. Parsing and writing the whole index again would hold it in memory several times
over (hundreds of megabytes for a large garden, at the moment memory peaks), so the
escapes are rewritten as they stream past: JSON's own grammar stays as it is, and only
escapes of characters beyond ASCII become those characters in UTF-8.
"""

from __future__ import annotations

import re
from typing import Iterable, Iterator

# Every backslash in such JSON starts an escape. An escaped backslash is taken first, so
# the "\\u" of "\\\\u4e2d" (a backslash, then text) is never read as an escape; runs
# of \uXXXX escapes (a Chinese sentence is one run) are converted in one call.
_ESCAPES = re.compile(rb"\\\\|(?:\\u[0-9a-fA-F]{4})+")
_ONE = re.compile(rb"\\u(d[89ab][0-9a-f]{2})\\u(d[c-f][0-9a-f]{2})|\\u([0-9a-f]{4})", re.IGNORECASE)


def _run(match: re.Match[bytes]) -> bytes:
    escapes = match.group()
    if escapes == b"\\\\":
        return escapes
    text = escapes.decode("unicode_escape")
    try:
        # Surrogate pairs (characters beyond the BMP) join; a lone surrogate raises.
        text = text.encode("utf-16", "surrogatepass").decode("utf-16")
    except UnicodeDecodeError:
        return _ONE.sub(_character, escapes)
    if min(text) < "\x80":  # ASCII escapes (quotes, controls) are JSON's syntax: kept
        return _ONE.sub(_character, escapes)
    return text.encode("utf-8")


def _character(match: re.Match[bytes]) -> bytes:
    high, low, single = match.groups()
    if high is not None:
        code = 0x10000 + ((int(high, 16) - 0xD800) << 10) + (int(low, 16) - 0xDC00)
        return chr(code).encode("utf-8")
    code = int(single, 16)
    # ASCII escapes (quotes, controls) are JSON's syntax; a lone surrogate cannot be UTF-8.
    if code >= 0x80 and not 0xD800 <= code < 0xE000:
        return chr(code).encode("utf-8")
    return match.group()


def unescape_non_ascii(chunks: Iterable[bytes]) -> Iterator[bytes]:
    """The same JSON, in UTF-8 where it had ``\\uXXXX`` escapes of non-ASCII characters.

    Chunks may end anywhere: a run of escapes at a chunk's end (the last one perhaps
    cut, or the first half of a surrogate pair) waits for the next chunk, so the
    output does not depend on where the chunks end.
    """
    carried = b""
    for chunk in chunks:
        data = carried + chunk
        cut = _trailing_escapes(data)
        data, carried = data[:cut], data[cut:]
        yield _ESCAPES.sub(_run, data)
    if carried:
        yield _ESCAPES.sub(_run, carried)


_TRAILING = re.compile(rb"(?:\\u[0-9a-fA-F]{4})*(?:\\(?:u[0-9a-fA-F]{0,3})?)?\Z")


def _trailing_escapes(data: bytes) -> int:
    """Where the run of escapes that ends ``data`` starts (``len(data)``: none). A
    backslash that is itself escaped (``\\\\u…`` is a backslash, then text) opens none."""
    start = _TRAILING.search(data, max(0, len(data) - 4096)).start()
    before = start - len(data[:start].rstrip(b"\\"))
    return start if before % 2 == 0 else len(data)
