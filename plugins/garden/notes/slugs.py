"""Heading anchors that keep Chinese, as GitHub and Quartz (github-slugger) make them."""

from __future__ import annotations

import re
import unicodedata

# github-slugger drops punctuation and symbols but keeps letters, digits, marks,
# spaces, hyphens and underscores of every script.
_NOT_SLUG_CHAR = re.compile(r"[^\w\- ]")
_TRAILING_COUNTER = re.compile(r"^(.*)_([0-9]+)$")


def heading_anchor(text: str, separator: str = "-") -> str:
    """``"3.2 Mechanism"`` → ``"32-mechanism"``; ``"小节"`` → ``"小节"``.

    Signature matches Python-Markdown's ``toc`` ``slugify(value, separator)``.
    """
    text = unicodedata.normalize("NFC", text).strip().lower()
    return _NOT_SLUG_CHAR.sub("", text).replace(" ", separator)


def unique_anchor(anchor: str, taken: set[str]) -> str:
    """Python-Markdown's ``toc`` rule for repeated headings (``a``, ``a_1``, ``a_2``)."""
    while anchor in taken or not anchor:
        match = _TRAILING_COUNTER.match(anchor)
        anchor = f"{match.group(1)}_{int(match.group(2)) + 1}" if match else f"{anchor}_1"
    taken.add(anchor)
    return anchor


# Quartz's slug rules (quartz/util/path.ts, v4.5): spaces to "-", "&" to "-and-",
# "%" to "-percent", "?" and "#" dropped; case and every script kept.
_QUARTZ_REPLACEMENTS = ((re.compile(r"\s"), "-"), (re.compile("&"), "-and-"), (re.compile("%"), "-percent"),
                        (re.compile(r"[?#]"), ""))


def quartz_segment(segment: str) -> str:
    for pattern, replacement in _QUARTZ_REPLACEMENTS:
        segment = pattern.sub(replacement, segment)
    return segment


def quartz_slug(path: str) -> str:
    """``"guide/Writing a card.md"`` → ``"guide/Writing-a-card"``; ``"a/_index.md"`` → ``"a/index"``."""
    path = path.strip("/")
    stem, dot, extension = path.rpartition(".")
    if dot and extension.lower() in ("md", "html") and "/" not in extension:
        path = stem
    slug = "/".join(quartz_segment(segment) for segment in path.split("/"))
    if slug == "_index" or slug.endswith("/_index"):
        slug = slug[: -len("_index")] + "index"
    return slug


def tag_slug(tag: str) -> str:
    """A tag's page slug below ``tags/``: each ``/``-separated level slugged as Quartz does."""
    slugged = (quartz_segment(part) for part in tag.strip("/").split("/"))
    return "/".join(part for part in slugged if part)  # a level that slugs to nothing ("#") is dropped
