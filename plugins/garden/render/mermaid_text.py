"""Mermaid text Garden writes: flowcharts of the sequence, and links for matched nodes.

Everything a note's author wrote that lands in Mermaid text is escaped for it:
labels go inside ``"…"`` with Mermaid's entity codes for quotes and markup; a
``click`` line carries a URL (percent-encoded, relative to the page) and a tooltip
(plain text, quotes replaced). Mermaid runs with ``securityLevel: "strict"``: these
``click`` lines make SVG links, and no note's ``click`` can call JavaScript.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from typing import Iterable, Sequence

# Mermaid's entity codes (#quot; …) read inside a label; "#" itself starts one.
_LABEL_ESCAPES = {"#": "#35;", '"': "#quot;", "<": "#lt;", ">": "#gt;", "&": "#amp;", "`": "#96;"}
_LABEL = re.compile("[" + re.escape("".join(_LABEL_ESCAPES)) + "]")
# What a URL inside a Mermaid string must not hold (quote() keeps these few as they are).
_URL_UNSAFE = {'"': "%22", "\\": "%5C", "<": "%3C", ">": "%3E", " ": "%20", "\n": "", "\r": ""}
_TOOLTIP_CHARS = 160


@dataclass(frozen=True)
class Link:
    """Where a node of a diagram goes: a URL relative to the page, and a tooltip."""

    url: str
    tooltip: str


def label(text: str, second: str | None = None) -> str:
    """``text`` as a quoted Mermaid label: ``"…"`` with entity codes, on one line (and
    ``second`` on a line of its own: a title's Chinese under its English)."""
    lines = [_LABEL.sub(lambda m: _LABEL_ESCAPES[m.group()], " ".join(part.split())) for part in (text, second) if part]
    return '"' + "<br>".join(lines) + '"'


def url_text(url: str) -> str:
    for char, code in _URL_UNSAFE.items():
        url = url.replace(char, code)
    return url


def tooltip_text(text: str) -> str:
    text = " ".join(text.split()).replace('"', "”").replace("\\", "/")
    return text if len(text) <= _TOOLTIP_CHARS else text[: _TOOLTIP_CHARS - 1] + "…"


def click(node_id: str, link: Link) -> str:
    line = f'  click {node_id} "{url_text(link.url)}"'
    return line + (f' "{tooltip_text(link.tooltip)}"' if link.tooltip else "")


def relative_url(url: str, page_url: str) -> str:
    """A site-root URL (``guide/Note/``, ``glossary/#term``) as seen from the page at ``page_url``."""
    path, hash_mark, fragment = url.partition("#")
    base = page_url if page_url.endswith("/") or not page_url else posixpath.dirname(page_url)
    relative = posixpath.relpath(path or ".", base.rstrip("/") or ".")
    if path.endswith("/") or not path:
        relative = relative.rstrip("/") + "/" if relative != "." else "./"
    return relative + hash_mark + fragment


@dataclass(frozen=True)
class MermaidText:
    """A diagram's source, and the ``click`` lines Garden adds to it: kept apart, so the
    page shows (and search indexes) the diagram as written, and the renderer joins them."""

    source: str
    clicks: str = ""

    @property
    def full(self) -> str:
        return self.source.rstrip("\n") + "\n" + self.clicks if self.clicks else self.source


def click_lines(links: dict[str, Link]) -> str:
    """A ``click`` line for each linked node."""
    return "".join(click(node, link) + "\n" for node, link in links.items())


@dataclass(frozen=True)
class ChartNode:
    key: str
    text: str  # the label
    link: Link | None = None
    text_zh: str | None = None  # shown under it
    current: bool = False  # the page the chart is on


def flowchart(nodes: Sequence[ChartNode], edges: Iterable[tuple[str, str]], direction: str = "LR") -> MermaidText:
    """A flowchart of ``nodes`` (ids ``n0``, ``n1``… in order, so no author's text is an
    id) and the edges between them; Mermaid's layout puts each stage after the last."""
    ids = {node.key: f"n{at}" for at, node in enumerate(nodes)}
    lines = [f"flowchart {direction}"]
    lines += [f"  {ids[node.key]}[{label(node.text, node.text_zh)}]" for node in nodes]
    lines += [f"  {ids[a]} --> {ids[b]}" for a, b in edges if a in ids and b in ids]
    current = [ids[node.key] for node in nodes if node.current]
    if current:
        lines += ["  classDef current stroke-width:3px", f"  class {','.join(current)} current"]
    return MermaidText("\n".join(lines) + "\n", click_lines({ids[node.key]: node.link for node in nodes if node.link}))
