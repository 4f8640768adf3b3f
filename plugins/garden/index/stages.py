"""Graph algorithms for the unlock graph: stages, components and cycles, all linear.

Nodes are any hashable keys, edges ``(source, target)`` pairs: ``source`` unlocks
``target``. The stage of a node is one more than the highest stage of what it needs
first (stage 1 needs nothing); the notes of a cycle cannot come before one another,
so they share one stage (each strongly connected component is layered as one node).
"""

from __future__ import annotations

from collections import deque
from typing import Hashable, Iterable, Sequence, TypeVar

K = TypeVar("K", bound=Hashable)


def successors(nodes: Iterable[K], edges: Iterable[tuple[K, K]]) -> dict[K, list[K]]:
    after: dict[K, list[K]] = {node: [] for node in nodes}
    for source, target in edges:
        after[source].append(target)
    return after


def strong_components(after: dict[K, list[K]]) -> list[list[K]]:
    """Tarjan's algorithm without recursion (a 10,000-note chain would overflow the stack)."""
    index: dict[K, int] = {}
    low: dict[K, int] = {}
    on_stack: set[K] = set()
    stack: list[K] = []
    found: list[list[K]] = []
    for root in after:
        if root in index:
            continue
        work = [(root, iter(after[root]))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, pending = work[-1]
            target = next(pending, None)
            if target is not None:
                if target not in index:
                    index[target] = low[target] = len(index)
                    stack.append(target)
                    on_stack.add(target)
                    work.append((target, iter(after[target])))
                elif target in on_stack:
                    low[node] = min(low[node], index[target])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                found.append(component)
    return found


def layer(after: dict[K, list[K]], components: Sequence[Sequence[K]]) -> dict[K, int]:
    """Each node's stage: Kahn's walk over the components, the longest path from a start."""
    owner = {node: at for at, component in enumerate(components) for node in component}
    into = [0] * len(components)
    out: list[set[int]] = [set() for _ in components]
    for source, targets in after.items():
        for target in targets:
            a, b = owner[source], owner[target]
            if a != b and b not in out[a]:
                out[a].add(b)
                into[b] += 1
    stage = [1] * len(components)
    ready = deque(at for at in range(len(components)) if into[at] == 0)
    while ready:
        at = ready.popleft()
        for following in out[at]:
            stage[following] = max(stage[following], stage[at] + 1)
            into[following] -= 1
            if into[following] == 0:
                ready.append(following)
    return {node: stage[owner[node]] for node in after}


def cycle_in(component: Sequence[K], after: dict[K, list[K]]) -> list[K]:
    """One cycle through the component's first node, in order (breadth first: the shortest)."""
    start, members = component[0], set(component)
    came_from: dict[K, K] = {}
    queue = deque([start])
    while queue:
        node = queue.popleft()
        for target in after[node]:
            if target == start:
                path = [node]
                while path[-1] != start:
                    path.append(came_from[path[-1]])
                return [*reversed(path), start]
            if target in members and target not in came_from:
                came_from[target] = node
                queue.append(target)
    return [start, start]


def weak_components(after: dict[K, list[K]]) -> list[list[K]]:
    """Nodes joined by edges in either direction, each group in the order given."""
    parent = {node: node for node in after}

    def root(node: K) -> K:
        while parent[node] != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    for source, targets in after.items():
        for target in targets:
            parent[root(source)] = root(target)
    groups: dict[K, list[K]] = {}
    for node in after:
        groups.setdefault(root(node), []).append(node)
    return list(groups.values())
