"""The garden's sequence: which note or term unlocks which, from three sources, merged.

- front matter ``unlocks:`` (this note unlocks those) and ``requires:`` (those unlock
  this one), each a wikilink, a note's title or alias, or a term, one or a list; the
  ``sequence_keys`` option names further keys and their direction;
- the edges of Mermaid flowcharts in notes, between nodes that match a note or a term
  (through unmatched nodes, the concepts, when a chain runs through them);

Every edge keeps where it was written. Matching reuses the garden's resolver for
wikilinks and file names; titles, ``title_zh``, aliases and glossary names are
compared without case, punctuation or full-width forms (``Process Re-engineering``
is the term *Process re-engineering*, ``ＡＩ``, ``AI``).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Mapping

from garden.index.findings import Finding
from garden.index.glossary import GLOSSARY_PAGE, GlossaryTerm, TermBase
from garden.index.resolution import GardenIndex
from garden.index.stages import cycle_in, layer, strong_components, successors, weak_components
from garden.notes.cards import Card
from garden.notes.mermaid import Flowchart, parse_flowchart
from garden.notes.titles import title_of, title_zh
from garden.notes.wikilinks import WikiLink, parse_body

SEQUENCE_PAGE = "sequence.md"
SEQUENCE_JSON = "sequence.json"
RELATION_KEYS = {"unlocks": "unlocks", "requires": "requires"}
_WIKILINK = re.compile(r"!?\[\[([^\]]+)\]\]")
_SUMMARY_CHARS = 200


@dataclass(frozen=True)
class Place:
    """Where an edge was written: ``origin`` is the front matter key, or ``mermaid``."""

    path: str
    line: int
    origin: str


@dataclass(frozen=True)
class SequenceNode:
    key: str  # a note's path, or "glossary/index.md#anchor" for a term without a file
    title: str
    title_zh: str | None
    kind: str  # "note" | "term"
    summary: str | None = None


@dataclass(frozen=True)
class Sequence:
    nodes: dict[str, SequenceNode] = field(default_factory=dict)  # only nodes with an edge, in stage order
    edges: dict[tuple[str, str], tuple[Place, ...]] = field(default_factory=dict)
    stages: dict[str, int] = field(default_factory=dict)
    components: tuple[tuple[str, ...], ...] = ()  # largest first, each in stage order
    needs: dict[str, tuple[str, ...]] = field(default_factory=dict)  # node -> what it needs first
    unlocks: dict[str, tuple[str, ...]] = field(default_factory=dict)  # node -> what it unlocks next
    findings: tuple[Finding, ...] = ()
    matcher: NodeMatcher | None = field(default=None, repr=False, compare=False)  # for the pages' diagrams

    def stage_list(self) -> list[list[str]]:
        """The nodes by stage: ``[stage 1 nodes, stage 2 nodes, …]``."""
        found: list[list[str]] = [[] for _ in range(max(self.stages.values(), default=0))]
        for key in self.nodes:
            found[self.stages[key] - 1].append(key)
        return found


def match_key(text: str) -> str:
    """Case, punctuation, spaces and full-width forms ignored: what two names share."""
    return re.sub(r"[\W_]+", "", unicodedata.normalize("NFKC", text).casefold())


class NodeMatcher:
    """A label or front matter value -> the note or term it names (or None: a concept)."""

    def __init__(self, index: GardenIndex, terms: TermBase) -> None:
        self.index = index
        self.terms: dict[str, GlossaryTerm] = {}
        self.names: dict[str, str] = {}
        for path, card in index.cards.items():
            for name in (title_of(card), title_zh(card), card.title, *card.meta.aliases):
                if name and match_key(name):
                    self.names.setdefault(match_key(name), path)
        for term in terms.terms:
            key = term_key(term, index.cards)
            self.terms[key] = term
            for name in (term.en, term.zh, *term.aliases):
                if name and match_key(name):
                    self.names.setdefault(match_key(name), key)

    def match(self, text: str, from_path: str) -> str | None:
        text = unicodedata.normalize("NFKC", text).strip()
        linked = _WIKILINK.search(text)
        if linked:
            return self._resolve(parse_body(linked.group(1)), from_path)
        if not text:
            return None
        named = WikiLink(target=text, heading=None, block=None, label=None, embed=False, raw=text)
        return self._resolve(named, from_path) or self.names.get(match_key(text))

    def node(self, key: str) -> SequenceNode:
        """The note or term a matched key stands for, with a summary for its tooltip."""
        card, term = self.index.cards.get(key), self.terms.get(key)
        if card is None:
            return SequenceNode(key, term.en, term.zh, "term", _short(term.definition_en))
        summary = card.meta.takeaway or next((s.text for s in card.segments if s.lang == "en"), None)
        summary = summary or (term.definition_en if term else None)
        return SequenceNode(key, title_of(card), title_zh(card), "term" if term else "note", _short(summary))

    def _resolve(self, link: WikiLink, from_path: str) -> str | None:
        found = self.index.resolve(link, from_path)
        if found.kind == "note" and found.path in self.index.cards and found.problem != "broken-link":
            return found.path
        return self.names.get(match_key(link.target)) if link.target else None


def term_key(term: GlossaryTerm, cards: Mapping[str, Card]) -> str:
    return term.file if term.file in cards else f"{GLOSSARY_PAGE}#{term.anchor}"


def build_sequence(
    cards: Mapping[str, Card], index: GardenIndex, terms: TermBase, keys: Mapping[str, str] | None = None
) -> Sequence:
    """The unlock graph of these cards: edges, stages, components and findings."""
    matcher = NodeMatcher(index, terms)
    relation_keys = {**RELATION_KEYS, **(keys or {})}
    edges: dict[tuple[str, str], list[Place]] = {}
    findings: list[Finding] = []
    for path, card in cards.items():
        findings += _front_matter_edges(path, card, matcher, relation_keys, edges)
        for diagram in card.mermaid:
            chart = parse_flowchart(diagram.source)
            findings += [
                Finding(path, diagram.line + p.line, 0, "warning", "mermaid-syntax",
                        f"Mermaid would reject this diagram: {p.message}")
                for p in chart.problems
            ]
            if chart.is_flowchart and not chart.problems:
                _diagram_edges(path, diagram.line, chart, matcher, edges)
    return _sequence(matcher, {pair: tuple(places) for pair, places in edges.items()}, findings)


def _front_matter_edges(path, card, matcher, relation_keys, edges) -> list[Finding]:
    findings = []
    for key, direction in relation_keys.items():
        line = card.meta.lines.get(key, 1)
        items = _items(card.meta.extra.get(key))
        lines = card.meta.item_lines.get(key, ())
        for at, item in enumerate(items):
            if len(lines) == len(items):  # a block list: each item on its own line
                line = lines[at]
            target = matcher.match(item, path) if item else None
            if target is None:
                findings.append(Finding(path, line, 0, "warning", "unlock-target",
                                        f"{key}: '{item}' names no note or term", item))
            elif target != path:
                pair = (path, target) if direction == "unlocks" else (target, path)
                edges.setdefault(pair, []).append(Place(path, line, key))
    return findings


def _items(value) -> list[str]:
    """A front matter value as texts. YAML reads an unquoted ``[[Note]]`` as a list in a
    list: that is the wikilink its author wrote."""
    values = value if isinstance(value, list) else [value] if value is not None else []
    found = []
    for item in values:
        if isinstance(item, list) and len(item) == 1 and isinstance(item[0], (str, int, float)):
            item = f"[[{item[0]}]]"
        if isinstance(item, (str, int, float)):
            found.append(str(item).strip())
    return found


def _diagram_edges(path: str, first_line: int, chart: Flowchart, matcher: NodeMatcher, edges) -> None:
    """Edges between matched nodes, directly or through a chain of concepts."""
    matched = {node.id: key for node in chart.nodes if (key := matcher.match(node.label, path))}
    after: dict[str, list[tuple[str, int]]] = {}
    for edge in chart.edges:
        if edge.visible:
            after.setdefault(edge.source, []).append((edge.target, edge.line))
    for start, key in matched.items():
        # Depth first, in the author's order (a stack: reversed), so stages list nodes as drawn.
        seen, pending = {start}, list(reversed(after.get(start, ())))
        while pending:
            node, line = pending.pop()
            if node in seen:
                continue
            seen.add(node)
            if node in matched:
                if matched[node] != key:
                    edges.setdefault((key, matched[node]), []).append(Place(path, first_line + line, "mermaid"))
                continue
            pending += [(target, line) for target, _ in reversed(after.get(node, ()))]


def _sequence(matcher: NodeMatcher, edges: dict[tuple[str, str], tuple[Place, ...]], findings) -> Sequence:
    keys = dict.fromkeys(key for pair in edges for key in pair)
    after = successors(keys, edges)
    strong = strong_components(after)
    for component in strong:
        if len(component) > 1:
            findings.append(_cycle_finding(cycle_in(component[::-1], after), edges, matcher))
    stages = layer(after, strong)
    order = sorted(keys, key=lambda key: stages[key])
    before: dict[str, list[str]] = {key: [] for key in keys}
    for source, target in edges:
        before[target].append(source)
    components = sorted(weak_components({key: after[key] for key in order}), key=len, reverse=True)
    return Sequence(
        nodes={key: matcher.node(key) for key in order},
        edges=edges,
        stages=stages,
        components=tuple(tuple(component) for component in components),
        needs={key: tuple(before[key]) for key in order},
        unlocks={key: tuple(after[key]) for key in order},
        findings=tuple(findings),
        matcher=matcher,
    )


def _cycle_finding(cycle: list[str], edges, matcher: NodeMatcher) -> Finding:
    place = edges[(cycle[-2], cycle[-1])][0]
    names = " → ".join(matcher.node(key).title for key in cycle)
    return Finding(place.path, place.line, 0, "warning", "unlock-cycle",
                   f"unlock cycle: {names} (these notes share one stage)", cycle[-1])


def _short(text: str | None) -> str | None:
    if not text:
        return None
    text = " ".join(text.split())
    return text if len(text) <= _SUMMARY_CHARS else text[: _SUMMARY_CHARS - 1].rstrip() + "…"
