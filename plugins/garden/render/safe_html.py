"""Raw HTML a note's author wrote, made safe to publish, as Obsidian makes it: no
scripts, no event handlers, no ``javascript:`` URLs; the rest (tables, spans, styles,
images, iframes from the web) stays as written.

``safe_html`` reads a fragment with the standard library's HTML tokenizer and writes
every start tag again from what it read (quoted, ``<`` and ``>`` escaped), so a browser
reads the tag exactly as the tokenizer did: an attribute cannot hide ``</noscript>`` or
``</iframe>`` from it. Comments and declarations go (a browser ends ``<!-->`` where the
tokenizer does not); text and entities stay as they are, end tags are written plainly.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

# Dropped with their text: the tokenizer reads their content as text, a browser as code.
_DROPPED_WITH_TEXT = frozenset({"script", "style"})
# Dropped, their content kept: they run code, change every URL of the page, load
# another page, or make the browser read what follows differently from the tokenizer.
_DROPPED = frozenset({
    "base", "meta", "link", "object", "embed", "applet", "frame", "frameset",
    "noscript", "noembed", "noframes", "xmp", "plaintext",
})
_URL_ATTRIBUTES = frozenset({
    "href", "xlink:href", "src", "srcset", "action", "formaction", "data", "poster", "background", "cite",
    "codebase", "dynsrc", "lowsrc", "longdesc", "ping", "manifest", "icon", "usemap", "xml:base", "profile",
})
# SVG animation sets an attribute (an href too) to these values.
_ANIMATED_VALUES = frozenset({"to", "from", "values", "by"})
_SCRIPT_SCHEMES = ("javascript:", "vbscript:", "livescript:")
_SCHEME = re.compile(r"^([a-z][a-z0-9+.\-]*):")
_IGNORED_IN_URLS = re.compile(r"[\x00-\x20\x7f]+")  # browsers drop tabs and newlines, trim the rest
_IMAGE_TAGS = frozenset({"img", "source", "picture", "image"})


def safe_html(fragment: str) -> str:
    """``fragment`` without what could run script; unchanged when nothing needs to go."""
    if "<" not in fragment:
        return fragment
    cleaner = _Cleaner()
    cleaner.feed(fragment)
    cleaner.close()
    return cleaner.result(fragment)


def safe_attributes(tag: str, attributes: list[tuple[str, str | None]]) -> list[tuple[str, str | None]]:
    """The attributes of ``tag`` a published page may keep."""
    return [(name, value) for name, value in attributes if _keeps(tag, name.lower(), value)]


def safe_url(url: str, tag: str = "a", attribute: str = "href") -> bool:
    """Whether ``url`` may stay in ``attribute`` of ``tag``: never a script URL, and a
    ``data:`` URL only as an image."""
    text = _IGNORED_IN_URLS.sub("", url).lower()
    scheme = _SCHEME.match(text)
    if scheme is None:
        return True
    if text.startswith(_SCRIPT_SCHEMES):
        return False
    if scheme.group(1) == "data":
        return tag in _IMAGE_TAGS and attribute in ("src", "srcset") and text.startswith("data:image/")
    return True


def _keeps(tag: str, name: str, value: str | None) -> bool:
    if name.startswith("on") or name == "srcdoc":
        return False
    if value is None:
        return True
    if name in _URL_ATTRIBUTES:
        if name == "srcset":
            return all(safe_url(part.split()[0] if part.split() else "", tag, name) for part in value.split(","))
        return safe_url(value, tag, name)
    if name in _ANIMATED_VALUES:
        text = _IGNORED_IN_URLS.sub("", value).lower()
        return not any(scheme in text for scheme in (*_SCRIPT_SCHEMES, "data:"))
    if name == "style":
        text = _IGNORED_IN_URLS.sub("", value).lower()
        return not any(word in text for word in ("expression(", "javascript:", "vbscript:", "-moz-binding", "behavior:"))
    return True


def _escape_attribute(value: str) -> str:
    return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


class _Cleaner(HTMLParser):
    """Each event's place in the fragment and what to write instead of it (``None``:
    the text as it stands)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.events: list[tuple[int, str | None]] = []
        self.line_starts = [0]
        self.dropping: str | None = None  # inside a script or style: its text goes too

    def feed(self, data: str) -> None:
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", data)]
        super().feed(data)

    def result(self, fragment: str) -> str:
        out = []
        ends = [start for start, _ in self.events[1:]] + [len(fragment)]
        for (start, replacement), end in zip(self.events, ends):
            out.append(fragment[start:end] if replacement is None else replacement)
        return "".join(out)

    def _at(self) -> int:
        line, column = self.getpos()
        return self.line_starts[line - 1] + column

    def _event(self, replacement: str | None) -> None:
        self.events.append((self._at(), "" if self.dropping else replacement))

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _DROPPED_WITH_TEXT:
            self._event("")
            self.dropping = tag
            return
        if tag in _DROPPED:
            return self._event("")
        kept = "".join(f" {name}" if value is None else f' {name}="{_escape_attribute(value)}"'
                       for name, value in safe_attributes(tag, attrs))
        close = "/>" if (self.get_starttag_text() or "").endswith("/>") else ">"
        self._event(f"<{tag}{kept}{close}")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag in _DROPPED_WITH_TEXT:
            self.dropping = None

    def handle_endtag(self, tag: str) -> None:
        if tag == self.dropping:
            self._event("")
            self.dropping = None
            return
        self._event("" if tag in _DROPPED or tag in _DROPPED_WITH_TEXT else f"</{tag}>")

    def handle_data(self, data: str) -> None:
        # Text holds no tag but where the tokenizer gave up on one (a fragment's
        # unfinished end): a browser must read that as text too.
        self._event(data.replace("<", "&lt;") if "<" in data and not self.dropping else None)

    def handle_entityref(self, name: str) -> None:
        self._event(None)

    def handle_charref(self, name: str) -> None:
        self._event(None)

    def handle_comment(self, data: str) -> None:
        self._event("")

    def handle_decl(self, decl: str) -> None:
        self._event("")

    def unknown_decl(self, data: str) -> None:
        self._event("")

    def handle_pi(self, data: str) -> None:
        self._event("")
