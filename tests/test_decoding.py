"""A note file's bytes to its text: what each kind of file becomes, and what the author is told."""

from __future__ import annotations

import pytest

from garden.notes.decoding import decode_note


@pytest.mark.parametrize(
    ("data", "text", "code", "line"),
    [
        (b"# Plain\n", "# Plain\n", None, 1),
        ("\ufeff# 中文\r\n".encode("utf-8"), "# 中文\n", None, 1),  # BOM and CRLF: read, nothing to say
        (b"a\rb\r\nc", "a\nb\nc", None, 1),  # old Mac line ends too, as Python's text files read them
        (b"", "", None, 1),
        ("one\ntwo é\n".encode("latin-1"), "one\ntwo é\n", "not-utf8", 2),
        ("“quoted” – €".encode("cp1252"), "“quoted” – €", "not-utf8", 1),  # Windows-1252's own characters
        (b"\x81\x8d", "\x81\x8d", "not-utf8", 1),  # bytes Windows-1252 leaves undefined: Latin-1
        ("中文\n".encode("utf-8") + b"\n\xff\n", "中文\n\n\ufffd\n", "not-utf8", 3),  # damaged UTF-8: kept as UTF-8
        ("宽 wide\r\n".encode("utf-16"), "宽 wide\n", "not-utf8", 1),
        (b"\x89PNG\r\n\x1a\n\0\0", None, "binary-file", 1),
    ],
)
def test_each_kind_of_file(data, text, code, line):
    decoded = decode_note(data)
    assert decoded.text == text
    assert (decoded.code if decoded.problem else None) == code
    assert decoded.line == line
