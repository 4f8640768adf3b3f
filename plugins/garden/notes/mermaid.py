"""Mermaid flowcharts read as data: nodes, their labels, and the edges between them.

Garden reads the ``flowchart`` / ``graph`` subset of Mermaid a concept map uses: node
ids with any shape (``A[text]``, ``A("text")``, ``A{{text}}``, ``A@{ label: "…" }``…),
chained and labelled edges (``A -->|why| B -- how --> C``), ``&`` groups, subgraphs,
``%%`` comment lines and ``;`` between statements. Styling lines (``classDef``, ``style``,
``click``…) are skipped. Other diagram types are not parsed (``kind`` says which).

Problems are what Mermaid's own parser would reject *within this subset*: an unclosed
shape, quote or edge label, an edge without a target, ``end`` as a node, unbalanced
``subgraph``/``end``, brackets or quotes inside an unquoted label, and a ``%%`` comment
after a statement. ``tests/test_sequence_browser.py`` holds each case to Mermaid's own
parser. A block
that parses here may still fail in Mermaid on syntax outside the subset (the
``mermaid-syntax`` finding never claims more than this parser knows).
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

FLOWCHART_KINDS = ("flowchart", "graph")
# Longest opening first: "((" before "(", "[[" before "[".
_SHAPES = (
    ("(((", ")))"), ("([", "])"), ("[[", "]]"), ("[(", ")]"), ("((", "))"), ("{{", "}}"),
    ("[/", "/]"), ("[/", "\\]"), ("[\\", "\\]"), ("[\\", "/]"), ("[", "]"), ("(", ")"), ("{", "}"), (">", "]"),
)
_ID = re.compile(r"[\w\u00c0-\uffff](?:[\w.\u00c0-\uffff]|-(?=[\w\u00c0-\uffff]))*")
# Mermaid's links: --> --- -.-> ==> ~~~ <--> --o --x, and "-- text -->" forms.
_LINK = re.compile(r"\s*(?:\w+@)?([xo<]?(?:-{2,}|={2,}|-?\.+-)[-xo>=]?|~{3,})\s*")
_TEXT_LINK = re.compile(
    r'\s*([xo<]?(?:--|==|-\.))(?:\s*"(?P<quoted>[^"]*)"|\s+(?![-=.])(?P<plain>.*?))'
    r"\s*(-{2,}[-xo>]|={2,}[=xo>]|\.+-[xo>]?)\s*"
)
_SKIPPED = ("classDef", "class", "style", "linkStyle", "accTitle", "accDescr", "direction", "click")
_UNQUOTED_BAD = re.compile(r"[\[\](){}\"]")
_ENTITY = re.compile(r"#(\w+);")


@dataclass(frozen=True)
class Node:
    id: str
    label: str  # the text shown: the id when the author gave none
    line: int  # 1-based, in the block


@dataclass(frozen=True)
class Edge:
    source: str
    target: str
    label: str
    line: int
    visible: bool = True  # "~~~" only places nodes


@dataclass(frozen=True)
class MermaidProblem:
    line: int
    message: str


@dataclass(frozen=True)
class Flowchart:
    kind: str  # "flowchart", "graph", or the first word of another diagram type
    nodes: tuple[Node, ...] = ()
    edges: tuple[Edge, ...] = ()
    problems: tuple[MermaidProblem, ...] = ()
    clicks: frozenset[str] = frozenset()  # nodes the author gave a click directive

    @property
    def is_flowchart(self) -> bool:
        return self.kind in FLOWCHART_KINDS


class _Reader:
    def __init__(self) -> None:
        self.nodes: dict[str, Node] = {}
        self.edges: list[Edge] = []
        self.problems: list[MermaidProblem] = []
        self.clicks: set[str] = set()
        self.depth = 0

    def statement(self, text: str, line: int) -> None:
        word = text.split(None, 1)[0] if text.split() else ""
        if word == "subgraph":
            self.depth += 1
            return
        if word == "end" and text == "end":
            if self.depth == 0:
                self.problems.append(MermaidProblem(line, "'end' without a subgraph"))
            self.depth = max(0, self.depth - 1)
            return
        if word in _SKIPPED:
            if word == "click" and len(text.split()) > 1:
                self.clicks.add(text.split()[1])
            return
        self.chain(text, line)

    def chain(self, text: str, line: int) -> None:
        """``A & B --> C -- text --> D``: groups of nodes joined by links."""
        at, previous = 0, None
        while True:
            group, at = self.group(text, at, line)
            if group is None:
                return
            if previous is not None:
                for source in previous[0]:
                    for target in group:
                        self.edges.append(Edge(source, target, previous[1], line, previous[2]))
            if at >= len(text):
                return
            link = self.link(text, at, line)
            if link is None:
                self.problems.append(MermaidProblem(line, f"unexpected text '{text[at:at + 20]}'"))
                return
            label, visible, at = link
            if at >= len(text):
                self.problems.append(MermaidProblem(line, "an edge without a target"))
                return
            previous = (group, label, visible)

    def group(self, text: str, at: int, line: int) -> tuple[list[str] | None, int]:
        found = []
        while True:
            node, at = self.node(text, at, line)
            if node is None:
                return None, at
            found.append(node)
            amp = re.match(r"\s*&\s*", text[at:])
            if not amp:
                return found, at
            at += amp.end()

    def node(self, text: str, at: int, line: int) -> tuple[str | None, int]:
        match = _ID.match(text, at)
        if match is None:
            self.problems.append(MermaidProblem(line, f"a node expected at '{text[at:at + 20]}'"))
            return None, at
        node_id, at = match.group(), match.end()
        if node_id == "end":
            self.problems.append(MermaidProblem(line, "'end' cannot name a node (Mermaid reads it as a subgraph's end)"))
            return None, at
        label, at = self.shape(text, at, line)
        if label is False:
            return None, at
        if text.startswith(":::", at):
            at = re.match(r":::[\w-]+", text[at:]).end() + at if re.match(r":::[\w-]+", text[at:]) else at + 3
        known = self.nodes.get(node_id)
        if known is None or (label is not None and known.label == known.id):
            self.nodes[node_id] = Node(node_id, label if label is not None else node_id, line)
        return node_id, at

    def shape(self, text: str, at: int, line: int) -> tuple[str | None | bool, int]:
        """The label of the shape at ``at``: None without one, False when it is broken."""
        if text.startswith("@{", at):
            close = text.find("}", at)
            if close < 0:
                self.problems.append(MermaidProblem(line, "'@{' is never closed"))
                return False, len(text)
            label = re.search(r"label\s*:\s*\"((?:[^\"\\]|\\.)*)\"", text[at:close])
            return (label.group(1) if label else None), close + 1
        for opening, closing in _SHAPES:
            if not text.startswith(opening, at):
                continue
            start = at + len(opening)
            body = text[start:].lstrip()
            if body.startswith('"'):
                quote = text.find('"', text.index('"', start) + 1)
                if quote < 0:
                    self.problems.append(MermaidProblem(line, "a quoted label is never closed"))
                    return False, len(text)
                label = text[text.index('"', start) + 1:quote]
                end = text.find(closing, quote + 1)
                if end < 0 or text[quote + 1:end].strip():
                    continue  # another shape may fit better: "[/" vs "[\"
                return _plain(label), end + len(closing)
            end = text.find(closing, start)
            if end < 0:
                continue
            label = text[start:end]
            if _UNQUOTED_BAD.search(label):
                self.problems.append(MermaidProblem(line, f"put the label {label.strip()!r} in quotes: "
                                                          "Mermaid reads brackets and quotes in it as syntax"))
                return False, len(text)
            return _plain(label), end + len(closing)
        if at < len(text) and text[at] in "[({>":
            self.problems.append(MermaidProblem(line, f"the shape at '{text[at:at + 20]}' is never closed"))
            return False, len(text)
        return None, at

    def link(self, text: str, at: int, line: int) -> tuple[str, bool, int] | None:
        worded = _TEXT_LINK.match(text, at)
        if worded and _ID.match(text, worded.end()):
            text_label = worded["quoted"] if worded["quoted"] is not None else worded["plain"]
            return _plain(text_label), True, worded.end()
        match = _LINK.match(text, at)
        if match is None:
            return None
        visible, at, label = not match.group(1).startswith("~"), match.end(), ""
        if text.startswith("|", at):
            close = text.find("|", at + 1)
            if close < 0:
                self.problems.append(MermaidProblem(line, "an edge label '|…' is never closed"))
                return None
            label, at = _plain(text[at + 1:close].strip().strip('"')), close + 1
            at += len(text[at:]) - len(text[at:].lstrip())
        return label, visible, at


def _plain(label: str) -> str:
    """A label as a reader sees it: Markdown strings' backticks and ``<br>`` gone."""
    label = label.strip()
    if label.startswith("`") and label.endswith("`"):
        label = label[1:-1]
    return re.sub(r"\s*<br\s*/?>\s*", " ", label).strip()


def parse_flowchart(source: str) -> Flowchart:
    """The flowchart in a Mermaid block (lines numbered from the block's first line, 1)."""
    lines = source.split("\n")
    start = _first_statement(lines)
    if start is None:
        return Flowchart(kind="")
    header = lines[start].strip().split(None, 1)
    kind = header[0].split(";")[0] if header else ""
    if kind not in FLOWCHART_KINDS:
        return Flowchart(kind=kind)
    reader = _Reader()
    rest = header[1].split(";", 1)[1] if len(header) > 1 and ";" in header[1] else ""
    for number, line in [(start + 1, rest), *enumerate(lines[start + 1:], start=start + 2)]:
        if line.lstrip().startswith("%%"):
            continue
        if "%%" in re.sub(r'"[^"]*"', "", line):  # Mermaid reads "%%" as a comment only at a line's start
            reader.problems.append(MermaidProblem(number, "a '%%' comment must be on a line of its own"))
            line = line.split("%%", 1)[0]
        line = _ENTITY.sub(_entity, line)  # before ";" ends a statement, as in Mermaid's lexer
        for statement in _statements(line):
            reader.statement(statement, number)
    if reader.depth:
        reader.problems.append(MermaidProblem(len(lines), "a subgraph is never closed with 'end'"))
    return Flowchart(kind, tuple(reader.nodes.values()), tuple(reader.edges), tuple(reader.problems),
                     frozenset(reader.clicks))


def _entity(match: re.Match[str]) -> str:
    """Mermaid's ``#quot;``, ``#35;``: the character (a quote as a full-width one, so it
    neither opens nor closes a label)."""
    name = match.group(1)
    char = chr(int(name)) if name.isdigit() else html.unescape(f"&{name};")
    return "＂" if char == '"' else char if len(char) == 1 else match.group()


def _first_statement(lines: list[str]) -> int | None:
    """The line of the diagram's type, after a ``---`` config block and ``%%`` lines."""
    in_front = False
    for number, line in enumerate(lines):
        text = line.strip()
        if text == "---":
            in_front = not in_front
        elif text and not in_front and not text.startswith("%%"):
            return number
    return None


def _statements(line: str) -> list[str]:
    """``;`` ends a statement, outside quotes."""
    parts, current, quoted = [], [], False
    for char in line:
        if char == '"':
            quoted = not quoted
        if char == ";" and not quoted:
            parts.append("".join(current))
            current = []
        else:
            current.append(char)
    parts.append("".join(current))
    return [part.strip() for part in parts if part.strip()]
