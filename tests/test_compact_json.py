"""Material's ASCII-escaped search index, rewritten as UTF-8 while it streams past."""

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from garden.render.compact_json import unescape_non_ascii


def _compact(data: bytes, size: int) -> bytes:
    return b"".join(unescape_non_ascii(data[at : at + size] for at in range(0, len(data), size)))


def test_chinese_becomes_utf8_and_json_syntax_stays():
    value = {"docs": [{"title": "反向链接 Backlink", "text": 'a "quote", a \\ backslash\n, 🌱 and \u0001'}]}
    escaped = json.dumps(value).encode("ascii")
    compacted = _compact(escaped, 1 << 20)
    assert json.loads(compacted) == value
    assert "反向链接".encode() in compacted and "🌱".encode() in compacted
    assert len(compacted) < len(escaped)


@settings(max_examples=300, deadline=None)
@given(st.recursive(st.text(), lambda inner: st.lists(inner) | st.dictionaries(st.text(), inner)), st.integers(1, 17))
def test_any_json_survives_any_chunking(value, size):
    escaped = json.dumps(value).encode("ascii")
    assert json.loads(_compact(escaped, size).decode("utf-8")) == value


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(), max_size=8), st.integers(1, 17))
def test_where_the_chunks_end_never_shows(value, size):
    """The UTF-8 written whole, whatever the chunks: no escape is left because it was cut."""
    escaped = json.dumps(value).encode("ascii")
    assert _compact(escaped, size) == _compact(escaped, len(escaped) + 1)


def test_a_lone_surrogate_stays_escaped():
    escaped = json.dumps("\ud800 x").encode("ascii")
    assert _compact(escaped, 3) == escaped


def test_a_written_backslash_u_is_text_not_an_escape():
    value = ["\\u4e2d is how JSON writes 中", "\\\\u6587", "中\u0001文\"🌱\\"]
    escaped = json.dumps(value).encode("ascii")
    for size in (1, 2, 5, 1 << 20):
        assert json.loads(_compact(escaped, size)) == value
