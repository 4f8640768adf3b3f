"""Garden's search index: every page's tokens weighted by where they stand, written as
many small files that a reader's browser fetches only when a query needs them.

- ``SearchDoc``: what a page is called (title, ``title_zh``, aliases, the terms it
  defines, its URL's words, tags) and its sections (heading, anchor, text).
- ``postings``: each token of a doc and its score. What a note is called weighs most
  (``NAME``), then terms it defines, URL words, tags, headings, and the body least; a
  whole name (``=`` key) outweighs everything, so a query that is a title or alias
  puts that note first in both languages.
- ``index_files``: ``manifest.json`` (counts, a version for caches), token shards
  ``t/<n>.json`` (``{token: [df, doc, score, doc, score, …]}``, a token's shard chosen
  by its FNV-1a hash, as ``search.js`` chooses it) and doc chunks ``d/<n>.json`` (what a
  result shows: URL, both titles, tags, sections, the text cut short). Shards are sized
  so that a query fetches a few tens of kilobytes whatever the garden's size.

Pure: docs in, bytes out.
"""

from __future__ import annotations

import hashlib
import json
import math
from collections import Counter
from dataclasses import dataclass, field
from typing import Iterable

from garden.render.search_tokens import Segmenter, name_key, prefix_keys, text_tokens, typo_keys, words
from garden.render.search_text import Section

NAME, TERM, PATH, TAG, HEADING = 40, 24, 12, 10, 8
WHOLE_NAME, WHOLE_TERM = 120, 60
TYPO_NAME, TYPO_TERM = 12, 8
PREFIX_NAME, PREFIX_TERM = 10, 6
BODY_CAP = 6  # a word said often is worth no more than said six times
POSTINGS_CAP = 2000  # the best-scoring docs of a token found almost everywhere
SHARD_BYTES = 24_000  # about what one token costs a reader to fetch
DOCS_PER_CHUNK = 8
SECTION_CHARS, DOC_CHARS = 900, 2400  # text kept per section and per doc, for snippets


@dataclass(frozen=True)
class SearchDoc:
    url: str  # from the site's root, e.g. "guide/Writing-a-card/" or "glossary/#backlink"
    title: str
    title_zh: str | None = None
    aliases: tuple[str, ...] = ()
    terms: tuple[str, ...] = ()  # names of the terms this page defines, both languages
    path_words: str = ""
    tags: tuple[str, ...] = ()
    sections: tuple[Section, ...] = field(default=())


def postings(doc: SearchDoc, segment: Segmenter) -> dict[str, int]:
    """Each token of ``doc`` and its score there."""
    scores: Counter[str] = Counter()
    names = [doc.title, *([doc.title_zh] if doc.title_zh else []), *doc.aliases]
    _names(scores, names, segment, NAME, WHOLE_NAME, (TYPO_NAME, PREFIX_NAME))
    _names(scores, doc.terms, segment, TERM, WHOLE_TERM, (TYPO_TERM, PREFIX_TERM))
    _field(scores, doc.path_words, segment, PATH)
    for tag in doc.tags:
        _field(scores, tag, segment, TAG)
    body: Counter[str] = Counter()
    for section in doc.sections:
        _field(scores, section.heading, segment, HEADING)
        body.update(text_tokens(section.text, segment))
    scores.update({token: min(count, BODY_CAP) for token, count in body.items()})
    return dict(scores)


def _names(
    scores: Counter[str], names: Iterable[str], segment: Segmenter, weight: int, whole: int, near: tuple[int, int]
) -> None:
    """A name's tokens; ``near``: the weights of its words' typo and prefix keys."""
    typo, prefix = near
    for name in dict.fromkeys(names):
        key = name_key(name)
        if len(key) > 1:
            scores[key] = max(scores[key], whole)
        for token in set(text_tokens(name, segment, whole_runs=True)):
            scores[token] += weight
        for word in set(words(name)):
            for keys, score in ((typo_keys(word), typo), (prefix_keys(word), prefix)):
                for token in keys:
                    scores[token] = max(scores[token], score)


def _field(scores: Counter[str], text: str, segment: Segmenter, weight: int) -> None:
    for token in set(text_tokens(text, segment)):
        scores[token] += weight


def record(doc: SearchDoc) -> dict:
    """What a result shows, kept short: the text of each section cut for snippets."""
    kept, left = [], DOC_CHARS
    for section in doc.sections:
        text = section.text[: min(SECTION_CHARS, max(left, 0))]
        left -= len(text)
        kept.append([section.heading, section.anchor, text])
    shown = {"u": doc.url, "t": doc.title, "z": doc.title_zh or "", "g": list(doc.tags), "s": kept}
    return {key: value for key, value in shown.items() if value or key in ("u", "t")}


def fnv1a(token: str) -> int:
    """FNV-1a, 32 bits, over the token's UTF-8 bytes (``search.js`` computes the same)."""
    value = 0x811C9DC5
    for byte in token.encode("utf-8"):
        value = ((value ^ byte) * 0x01000193) & 0xFFFFFFFF
    return value


def index_files(docs: Iterable[tuple[dict, dict[str, int]]]) -> dict[str, bytes]:
    """The index's files by path under ``search/garden/``, from each doc's record and postings."""
    records: list[dict] = []
    lists: dict[str, list[tuple[int, int]]] = {}
    for number, (shown, scores) in enumerate(docs):
        records.append(shown)
        for token, score in scores.items():
            lists.setdefault(token, []).append((number, score))
    rows = {token: _row(found) for token, found in lists.items()}
    shards = _shard_count(sum(len(token) + 4 * len(row) + 6 for token, row in rows.items()))
    grouped: list[dict[str, list[int]]] = [{} for _ in range(shards)]
    for token in sorted(rows):
        grouped[fnv1a(token) & (shards - 1)][token] = rows[token]
    files = {f"t/{n}.json": _json(shard) for n, shard in enumerate(grouped)}
    for start in range(0, len(records), DOCS_PER_CHUNK):
        files[f"d/{start // DOCS_PER_CHUNK}.json"] = _json(records[start : start + DOCS_PER_CHUNK])
    version = hashlib.sha1(b"".join(files[name] for name in sorted(files))).hexdigest()[:12]
    manifest = {"version": version, "docs": len(records), "shards": shards, "chunk": DOCS_PER_CHUNK}
    files["manifest.json"] = _json(manifest)
    return files


def _row(found: list[tuple[int, int]]) -> list[int]:
    """``[df, doc, score, …]``, the best scores first, at most ``POSTINGS_CAP`` docs."""
    best = sorted(found, key=lambda item: (-item[1], item[0]))[:POSTINGS_CAP]
    return [len(found), *(value for pair in best for value in pair)]


def _shard_count(estimated_bytes: int) -> int:
    wanted = max(1, math.ceil(estimated_bytes / SHARD_BYTES))
    return 1 << (wanted - 1).bit_length()


def _json(value: object) -> bytes:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
