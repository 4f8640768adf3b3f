"""What is wrong in a garden, as one list both the build log and ``garden check`` use."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Mapping

from garden.notes.cards import Card
from garden.index.resolution import Resolution
from garden.index.site_map import Clash

SEVERITIES = ("info", "warning", "error")
_LINK_SEVERITY = {
    "broken-link": "warning",
    "missing-heading": "warning",
    "missing-block": "warning",
    "ambiguous-link": "info",
}


@dataclass(frozen=True)
class Finding:
    path: str
    line: int
    col: int
    severity: str  # "info" | "warning" | "error": warnings fail a --strict build
    code: str
    message: str
    target: str | None = None

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" + (f":{self.col}" if self.col else "")
        return f"{where}: {self.message}"


def card_findings(card: Card) -> list[Finding]:
    return [
        Finding(card.path, problem.line, 0, problem.severity, problem.code, problem.message)
        for problem in card.problems
    ]


def link_findings(path: str, resolutions: Iterable[Resolution]) -> list[Finding]:
    return [
        Finding(
            path,
            r.link.line,
            r.link.col,
            _LINK_SEVERITY[r.problem],
            r.problem,
            r.message,
            r.link.target,
        )
        for r in resolutions
        if r.problem
    ]


def garden_findings(cards: Mapping[str, Card], links: Mapping[str, tuple[Resolution, ...]]) -> list[Finding]:
    found: list[Finding] = []
    for path, card in cards.items():
        found += card_findings(card)
        found += link_findings(path, links.get(path, ()))
    return found


def url_clash_findings(clashes: Iterable[Clash]) -> list[Finding]:
    """Each place two sources wanted, named with both; a moved note is an error (its
    links and bookmarks break), a renamed folder or page a warning, a redirect not written
    (the page at that place stays) news."""
    return [
        Finding(clash.source.path, clash.source.line, 0, _clash_severity(clash), clash.code, _clash_message(clash))
        for clash in clashes
    ]


def _clash_severity(clash: Clash) -> str:
    if clash.source.kind == "alias":
        return "info"  # nothing is lost: the alias still names its note for links and terms
    moved_note = clash.source.kind == "note" and clash.code in ("duplicate-url", "url-conflict")
    return "error" if moved_note else "warning"


def _clash_message(clash: Clash) -> str:
    source, other, wanted = clash.source, clash.other, _shown_url(clash.dest)
    if clash.source.kind == "alias":
        outcome = "no redirect written"
    elif clash.given is None:
        outcome = "kept as it is: rename the file"
    else:
        outcome = f"published at {_shown_url(clash.given)} instead"
    subject = {"note": "this note", "alias": f"alias '{source.page}'"}.get(source.kind) or _described(source)
    if clash.code == "url-unsafe":
        return f"{subject} at {wanted}: {clash.reason}, which Windows cannot store; {outcome}"
    assert other is not None
    if clash.code == "url-case":
        return (f"{subject} at {wanted} differs only by letter case from {_shown_url(clash.other_dest)} "
                f"({_described(other)}): one place on macOS and Windows disks; {outcome}")
    taken = _shown_url(clash.other_dest)
    if clash.code == "duplicate-url":
        return (f"{source.page} and {_described(other)} would both be published at {taken}; "
                f"{source.page} {outcome}: rename one or set a permalink")
    return f"{subject} would be at {taken}, where {_described(other)} stands and stays; {outcome}"


def _described(source) -> str:
    where = f"{source.path}:{source.line}" if source.line > 1 else source.path
    return {
        "note": where,
        "alias": f"alias '{source.page}' of {where}",
        "generated": f"Garden's page {source.page}",
        "site-file": f"the site's own {source.page}",
        "attachment": f"the attachment {source.page}",
    }[source.kind]


def _shown_url(dest: str) -> str:
    """An output file as the URL a reader types: ``/guide/Card/`` for ``guide/Card/index.html``."""
    if dest == "index.html" or dest.endswith("/index.html"):
        dest = dest[: -len("index.html")]
    return "/" + dest


def embed_cycle_findings(links: Mapping[str, tuple[Resolution, ...]]) -> list[Finding]:
    """Each embed that leads back to a note already on the chain of embeds.

    One depth-first walk over the embed graph, linear in notes and embeds.
    """
    embeds = {
        source: [r for r in resolutions if r.link.embed and r.kind == "note" and r.path]
        for source, resolutions in links.items()
    }
    done: set[str] = set()
    found: list[Finding] = []
    for start in embeds:
        if start in done:
            continue
        chain, pending = [start], [iter(embeds[start])]
        while pending:
            resolution = next(pending[-1], None)
            if resolution is None:
                done.add(chain.pop())
                pending.pop()
            elif resolution.path in chain:
                cycle = (*chain[chain.index(resolution.path) :], resolution.path)
                found.append(_cycle(chain[-1], resolution, cycle))
            elif resolution.path not in done:
                chain.append(resolution.path)
                pending.append(iter(embeds.get(resolution.path, ())))
    return found


def _cycle(source: str, resolution: Resolution, cycle: tuple[str, ...]) -> Finding:
    return Finding(
        source, resolution.link.line, resolution.link.col, "warning", "embed-cycle",
        "embed cycle: " + " → ".join(cycle) + " (shown as a link)", resolution.link.target,
    )


def term_conflict_findings(terms) -> list[Finding]:
    """The same term named or defined differently in two places: reported at the second."""
    found = []
    for conflict in terms.conflicts:
        first = f"{conflict.first.path}:{conflict.first.line}"
        if conflict.code == "term-conflict":
            message = (f"'{conflict.term}' is {conflict.second_value} here but {conflict.first_value} "
                       f"at {first}")
            severity = "warning"
        else:
            message = f"'{conflict.term}' is defined differently at {first}"
            severity = "info"
        found.append(Finding(conflict.second.path, conflict.second.line, 0, severity, conflict.code, message, conflict.term))
    return found
