"""The flowchart subset Garden reads from Mermaid blocks: nodes, labels, edges, problems."""

from __future__ import annotations

import pytest

from garden.notes.mermaid import parse_flowchart
from garden.render.mermaid_text import ChartNode, Link, flowchart, label, relative_url, url_text


def edges(source: str) -> list[tuple[str, str]]:
    return [(e.source, e.target) for e in parse_flowchart(source).edges if e.visible]


def labels(source: str) -> dict[str, str]:
    return {node.id: node.label for node in parse_flowchart(source).nodes}


EDGES = [
    ("flowchart LR\n  A --> B", [("A", "B")]),
    ("graph TD\nA-->B-->C", [("A", "B"), ("B", "C")]),
    ("flowchart LR\n  A -->|why| B -- how --> C", [("A", "B"), ("B", "C")]),
    ("flowchart LR\n  A & B --> C & D", [("A", "C"), ("A", "D"), ("B", "C"), ("B", "D")]),
    ("flowchart LR\n  A ==> B; B -.-> C; C --- D; D --o E; E --x F; F <--> G",
     [("A", "B"), ("B", "C"), ("C", "D"), ("D", "E"), ("E", "F"), ("F", "G")]),
    ("flowchart LR\n  A ~~~ B", []),
    ('graph LR\n  A --"one()"--> B --"two" --> C', [("A", "B"), ("B", "C")]),
    ("flowchart LR\n  subgraph one [First]\n    A --> B\n  end\n  B --> C", [("A", "B"), ("B", "C")]),
    ("flowchart LR\n  %% a comment --> here\n  A --> B", [("A", "B")]),
    ("---\ntitle: x\n---\nflowchart LR\n  A --> B", [("A", "B")]),
    ("flowchart LR\n  node-1 --> node-2", [("node-1", "node-2")]),
    ("flowchart LR\n  甲 --> 乙", [("甲", "乙")]),
    ("flowchart LR\n  A:::hot --> B\n  classDef hot fill:#f00\n  click A \"https://x\"", [("A", "B")]),
    ("flowchart LR\n  A[Say #quot;hi#quot;] --> B", [("A", "B")]),
]


@pytest.mark.parametrize(("source", "expected"), EDGES)
def test_edges(source, expected):
    chart = parse_flowchart(source)
    assert chart.problems == ()
    assert edges(source) == expected


LABELS = [
    ('A["Workforce Empowerment"]', "Workforce Empowerment"),
    ("A[Plain text]", "Plain text"),
    ("A(Round)", "Round"),
    ("A([Stadium])", "Stadium"),
    ("A[[Subroutine]]", "Subroutine"),
    ("A((Circle))", "Circle"),
    ('A{{"Hex [x]"}}', "Hex [x]"),
    ("A>Flag]", "Flag"),
    ("A{Decision}", "Decision"),
    ('A["[[Linked note]]"]', "[[Linked note]]"),
    ('A@{ shape: rect, label: "New syntax" }', "New syntax"),
    ('A["line one<br>line two"]', "line one line two"),
    ('A["100%% sure"]', "100%% sure"),
    ("A", "A"),
]


@pytest.mark.parametrize(("node", "text"), LABELS)
def test_labels(node, text):
    source = f"flowchart LR\n  {node} --> B"
    assert parse_flowchart(source).problems == ()
    assert labels(source)["A"] == text


PROBLEMS = [
    ('flowchart LR\n  A["open --> B', "never closed"),
    ("flowchart LR\n  A[open --> B", "never closed"),
    ("flowchart LR\n  A -->", "without a target"),
    ("flowchart LR\n  A --> end", "'end' cannot name a node"),
    ("flowchart LR\n  A[Hello (world)] --> B", "in quotes"),
    ("flowchart LR\n  subgraph S\n  A --> B", "never closed with 'end'"),
    ("flowchart LR\n  A --> B\n  end", "'end' without a subgraph"),
    ("flowchart LR\n  A -->|label B", "never closed"),
    ("flowchart LR\n  A --> B C", "unexpected text"),
    ("flowchart LR\n  A --> B %% trailing", "on a line of its own"),
]


@pytest.mark.parametrize(("source", "problem"), PROBLEMS)
def test_problems_carry_their_line(source, problem):
    chart = parse_flowchart(source)
    assert chart.problems, source
    assert problem in chart.problems[0].message
    assert chart.problems[0].line >= 2


def test_other_diagrams_are_not_read():
    chart = parse_flowchart("sequenceDiagram\n  Alice->>Bob: hi")
    assert chart.kind == "sequenceDiagram" and not chart.is_flowchart and chart.problems == ()


def test_the_reference_cards_diagram(reference_text):
    start = reference_text.index("```mermaid\n") + len("```mermaid\n")
    source = reference_text[start:reference_text.index("```", start)]
    chart = parse_flowchart(source)
    assert chart.problems == ()
    assert labels(source)["E"] == "Dependency Management"
    assert len(chart.edges) == 10


# --- Mermaid text Garden writes ------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
    ('Say "hi"', '"Say #quot;hi#quot;"'),
    ("<script>alert(1)</script>", '"#lt;script#gt;alert(1)#lt;/script#gt;"'),
    ("C# & F#", '"C#35; #amp; F#35;"'),
    ("two\nlines", '"two lines"'),
    ],
)
def test_labels_are_escaped(text, expected):
    assert label(text) == expected


def test_click_targets_are_escaped():
    assert url_text('a"b c\\d<e>') == "a%22b%20c%5Cd%3Ce%3E"
    chart = flowchart([ChartNode("x", "X", Link('../a"b/', 'say "no"'))], [])
    assert 'click n0 "../a%22b/" "say ”no”"' in chart.clicks and "click" not in chart.source


@pytest.mark.parametrize(
    ("url", "page", "expected"),
    [
    ("guide/Note/", "guide/Other/", "../Note/"),
    ("glossary/#dependency-management", "cards/five/", "../../glossary/#dependency-management"),
    ("", "guide/Note/", "../../"),
    ("guide/Note/", "", "guide/Note/"),
    ("guide/Note.html", "guide/Other.html", "Note.html"),
    ],
)
def test_relative_urls(url, page, expected):
    assert relative_url(url, page) == expected
