"""The sequence as readers see it: the ``/sequence/`` page, each card's panel, the JSON.

Pure views over ``garden.sequence``: plain values for the templates, Mermaid text
with every link relative to the page it is drawn on.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

from garden.index.garden import Garden
from garden.index.glossary import GLOSSARY_PAGE
from garden.index.sequence import SEQUENCE_PAGE
from garden.render.mermaid_text import ChartNode, Link, MermaidText, flowchart, relative_url

# Drawing hundreds of diagrams would keep a reader's browser busy for minutes: past
# this many, components are shown as their lists of stages only.
MAX_DIAGRAMS = 20
LONG_CHAIN = 4  # stages: more, and a diagram is drawn top to bottom
PANEL_NODES = 24  # a hub's neighbourhood is cut here; its lists stay whole


@dataclass(frozen=True)
class Entry:
    key: str
    title: str
    title_zh: str | None
    url: str  # from the site root
    summary: str | None = None


@dataclass(frozen=True)
class Stage:
    number: int
    entries: tuple[Entry, ...]


@dataclass(frozen=True)
class Component:
    number: int
    size: int
    stages: tuple[Stage, ...]
    diagram: MermaidText | None  # None past the size limit


@dataclass(frozen=True)
class SequencePage:
    components: tuple[Component, ...]
    notes: int
    edges: int
    limit: int


@dataclass(frozen=True)
class Panel:
    stage: int
    needs: tuple[Entry, ...]
    unlocks: tuple[Entry, ...]
    diagram: MermaidText
    score_of: str | None  # the card's checklists (ids, space-separated): readiness.js shows their live score here
    sequence_url: str


def node_url(garden: Garden, key: str) -> str:
    """A node's page from the site root: a note's, or its glossary entry for a term without a file."""
    if key.startswith(f"{GLOSSARY_PAGE}#"):
        return garden.site_map.url(GLOSSARY_PAGE) + "#" + quote(key[len(GLOSSARY_PAGE) + 1:])
    return garden.site_map.url(key)


def entry(garden: Garden, key: str) -> Entry:
    node = garden.sequence.nodes[key]
    return Entry(key, node.title, node.title_zh, node_url(garden, key), node.summary)


def sequence_page(garden: Garden, limit: int = 60) -> SequencePage:
    sequence, page_url = garden.sequence, garden.site_map.url(SEQUENCE_PAGE)
    components = []
    for number, keys in enumerate(sequence.components, start=1):
        drawn = len(keys) <= limit and number <= MAX_DIAGRAMS
        components.append(Component(
            number, len(keys), _stages(garden, keys),
            _chart(garden, keys, page_url) if drawn else None,
        ))
    return SequencePage(tuple(components), len(sequence.nodes), len(sequence.edges), limit)


def _stages(garden: Garden, keys) -> tuple[Stage, ...]:
    by_stage: dict[int, list[Entry]] = {}
    for key in keys:
        by_stage.setdefault(garden.sequence.stages[key], []).append(entry(garden, key))
    return tuple(Stage(number, tuple(entries)) for number, entries in sorted(by_stage.items()))


def _chart(garden: Garden, keys, page_url: str, current: str | None = None) -> MermaidText:
    chosen = set(keys)
    nodes = [
        ChartNode(key, e.title, None if key == current else Link(relative_url(e.url, page_url), e.summary or e.title),
                  text_zh=e.title_zh, current=key == current)
        for key in keys
        for e in [entry(garden, key)]
    ]
    edges = [(a, b) for a in keys for b in garden.sequence.unlocks[a] if b in chosen]
    # A long chain reads down the page rather than across it (no sideways scrolling).
    stages = len({garden.sequence.stages[key] for key in keys})
    return flowchart(nodes, edges, "TB" if stages > LONG_CHAIN else "LR")


def panel(garden: Garden, path: str, depth: int = 1) -> Panel | None:
    """A card's place in the sequence, or None when nothing unlocks it and it unlocks nothing."""
    sequence = garden.sequence
    if path not in sequence.nodes:
        return None
    page_url = garden.site_map.url(path)
    checklists = garden.checklists.get(path, ())
    return Panel(
        stage=sequence.stages[path],
        needs=tuple(entry(garden, key) for key in sequence.needs[path]),
        unlocks=tuple(entry(garden, key) for key in sequence.unlocks[path]),
        diagram=_chart(garden, _around(garden, path, depth), page_url, current=path),
        score_of=" ".join(checklist.id for checklist in checklists) or None,
        sequence_url=garden.site_map.url(SEQUENCE_PAGE),
    )


def _around(garden: Garden, path: str, depth: int) -> list[str]:
    """The notes within ``depth`` steps before or after ``path``, nearest first, in stage order."""
    sequence = garden.sequence
    seen, queue = {path: 0}, deque([path])
    while queue and len(seen) < PANEL_NODES:
        key = queue.popleft()
        if seen[key] >= depth:
            continue
        for other in (*sequence.needs[key], *sequence.unlocks[key]):
            if other not in seen and len(seen) < PANEL_NODES:
                seen[other] = seen[key] + 1
                queue.append(other)
    return sorted(seen, key=lambda key: sequence.stages[key])


def sequence_data(garden: Garden) -> dict[str, Any]:
    """``sequence.json``: nodes with their stage, stages, and each edge with where it was written."""
    sequence = garden.sequence
    return {
        "version": 1,
        "nodes": [
            {"id": key, "title": node.title, "title_zh": node.title_zh, "kind": node.kind,
             "url": node_url(garden, key), "stage": sequence.stages[key]}
            for key, node in sequence.nodes.items()
        ],
        "stages": sequence.stage_list(),
        "edges": [
            {"source": source, "target": target, "kind": "unlock",
             "sources": [{"path": p.path, "line": p.line, "origin": p.origin} for p in places]}
            for (source, target), places in sequence.edges.items()
        ],
        "components": [list(keys) for keys in sequence.components],
    }


def reachable(garden: Garden, start: str) -> list[str]:
    """Everything ``start`` needs, however far back, and everything it leads to, in stage order."""
    sequence, seen = garden.sequence, {start}
    for step in (sequence.needs, sequence.unlocks):
        pending = [start]
        while pending:
            for other in step[pending.pop()]:
                if other not in seen:
                    seen.add(other)
                    pending.append(other)
    return [key for key in sequence.nodes if key in seen]


def sequence_mermaid(garden: Garden, keys: list[str] | None = None) -> str:
    """The sequence (or ``keys`` of it) as one Mermaid flowchart, linked from the site root."""
    return _chart(garden, keys if keys is not None else list(garden.sequence.nodes), "").full


def sequence_text(garden: Garden, keys: list[str] | None = None) -> str:
    """Stage by stage, each note with what it needs first: for a terminal."""
    sequence = garden.sequence
    chosen = set(keys if keys is not None else sequence.nodes)
    lines = []
    for number, stage in enumerate(sequence.stage_list(), start=1):
        shown = [key for key in stage if key in chosen]
        if shown:
            lines.append(f"Stage {number}")
        for key in shown:
            node = sequence.nodes[key]
            needs = [sequence.nodes[k].title for k in sequence.needs[key]]
            zh = f" / {node.title_zh}" if node.title_zh else ""
            lines.append(f"  {node.title}{zh}" + (f"  (needs: {', '.join(needs)})" if needs else ""))
    return "\n".join(lines) + ("\n" if lines else "")
