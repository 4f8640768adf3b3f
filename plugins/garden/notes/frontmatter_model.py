"""A note's YAML front matter, read with python-frontmatter and checked key by key."""

from __future__ import annotations

import datetime as dt
import itertools
from dataclasses import dataclass, field
from typing import Any

import frontmatter
import yaml

KNOWN_KEYS = (
    "title", "title_zh", "aliases", "tags", "source", "takeaway", "draft", "publish", "date", "permalink",
)
IGNORED = " (the note is built without it)"


@dataclass(frozen=True)
class Problem:
    """Something wrong in a note, at a 1-based line (0 when it has no line)."""

    line: int
    message: str
    severity: str = "warning"  # "info" | "warning" | "error"
    code: str = "front-matter"


@dataclass(frozen=True)
class Source:
    origin: str | None = None
    type: str | None = None
    author: str | None = None
    url: str | None = None


@dataclass(frozen=True)
class FrontMatter:
    title: str | None = None
    title_zh: str | None = None
    aliases: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    source: Source | None = None
    takeaway: str | None = None
    draft: bool = False
    date: str | None = None
    permalink: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)  # unknown keys, kept as written
    lines: dict[str, int] = field(default_factory=dict, repr=False)  # key -> its line in the file
    # key -> the line of each "- item" of its block list, so a finding can point at one item
    item_lines: dict[str, tuple[int, ...]] = field(default_factory=dict, repr=False)


def read_front_matter(text: str) -> tuple[FrontMatter, tuple[Problem, ...]]:
    """Parse the metadata block; a broken block yields empty metadata and a problem."""
    handler = frontmatter.detect_format(text, frontmatter.handlers)
    if handler is None:
        return FrontMatter(), ()
    try:
        # Split and load separately: python-frontmatter's loads() quietly turns a
        # block that is not a mapping into empty metadata.
        raw, _body = handler.split(text)
        metadata = handler.load(raw)
    except yaml.YAMLError as error:
        reason = _yaml_reason(error)
        return FrontMatter(), (Problem(_yaml_error_line(error), f"front matter is not valid YAML: {reason}{IGNORED}"),)
    except Exception as error:  # noqa: BLE001 (TOML and JSON handlers raise their own types)
        return FrontMatter(), (Problem(1, f"front matter cannot be read: {_first_line(error)}{IGNORED}"),)
    if metadata is None:
        return FrontMatter(), ()
    if not isinstance(metadata, dict):
        return FrontMatter(), (Problem(1, "front matter is not a mapping of keys to values" + IGNORED),)
    return _validated(metadata, text)


def _yaml_error_line(error: yaml.YAMLError) -> int:
    # python-frontmatter keeps the newline after the opening "---", so mark lines count
    # from the file's first line, 0-based. The context mark points at
    # where the broken construct began, which is where an author should look.
    mark = getattr(error, "context_mark", None) or getattr(error, "problem_mark", None)
    return mark.line + 1 if mark is not None else 1


def _yaml_reason(error: yaml.YAMLError) -> str:
    parts = [getattr(error, "context", None), getattr(error, "problem", None)]
    return ": ".join(p for p in parts if p) or _first_line(error)


def _validated(meta: dict[str, Any], text: str) -> tuple[FrontMatter, tuple[Problem, ...]]:
    problems: list[Problem] = []

    lines = _key_lines(text)

    def complain(key: str, expected: str) -> None:
        problems.append(Problem(lines.get(key, 1), f"front matter '{key}' should be {expected}"))

    def text_value(key: str) -> str | None:
        value = meta.get(key)
        if value is None or isinstance(value, (str, int, float)):
            return None if value is None else str(value)
        complain(key, "text")
        return None

    def text_list(key: str) -> tuple[str, ...]:
        value = meta.get(key)
        if value is None:
            return ()
        if isinstance(value, str):  # Quartz and Obsidian accept "a, b"
            return tuple(part.strip() for part in value.split(",") if part.strip())
        if isinstance(value, list) and all(isinstance(v, (str, int, float)) for v in value):
            return tuple(str(v).strip() for v in value if str(v).strip())
        complain(key, "a list of text")
        return ()

    def flag(key: str, default: bool) -> bool:
        value = meta.get(key, default)
        if isinstance(value, str) and value.strip().lower() in ("true", "false"):
            return value.strip().lower() == "true"
        if not isinstance(value, bool):
            complain(key, "true or false")
            return default
        return value

    # Obsidian Publish's "publish: false" keeps a note private, as Quartz's "draft: true" does.
    draft = flag("draft", False) or not flag("publish", True)
    date = meta.get("date")
    return (
        FrontMatter(
            title=text_value("title"),
            title_zh=text_value("title_zh"),
            aliases=text_list("aliases"),
            tags=tuple(tag.lstrip("#") for tag in text_list("tags")),
            source=_source(meta.get("source"), lambda: complain("source", "text or a mapping")),
            takeaway=text_value("takeaway"),
            draft=draft,
            date=date.isoformat() if isinstance(date, (dt.date, dt.datetime)) else text_value("date"),
            permalink=text_value("permalink"),
            extra={k: v for k, v in meta.items() if k not in KNOWN_KEYS},
            lines=lines,
            item_lines=_item_lines(text),
        ),
        tuple(problems),
    )


def _source(value: Any, complain) -> Source | None:
    if value is None:
        return None
    if isinstance(value, str):
        return Source(origin=value)
    if isinstance(value, dict):
        fields = {k: (None if value.get(k) is None else str(value.get(k))) for k in ("origin", "type", "author", "url")}
        return Source(**fields)
    complain()
    return None


def _key_lines(text: str) -> dict[str, int]:
    """The line of each top-level ``key:`` in the front matter block."""
    found: dict[str, int] = {}
    for number, line in enumerate(text.split("\n")[1:], start=2):
        if line.strip() in ("---", "..."):
            break
        key, colon, _ = line.partition(":")
        if colon and key and not key[0].isspace() and not key.startswith(("-", "#")):
            found.setdefault(key.strip(), number)
    return found


def _item_lines(text: str) -> dict[str, tuple[int, ...]]:
    """The line of each ``- item`` under a top-level key (a block list, one item a line)."""
    found: dict[str, list[int]] = {}
    key = None
    for number, line in enumerate(text.split("\n")[1:], start=2):
        if line.strip() in ("---", "..."):
            break
        if line and not line[0].isspace() and not line.startswith("-"):
            key = line.partition(":")[0].strip()
        elif key is not None and line.lstrip().startswith("- "):
            if not line.startswith("-") and len(line) - len(line.lstrip()) > 2:
                continue  # deeper: part of an item, not one
            found.setdefault(key, []).append(number)
    return {name: tuple(numbers) for name, numbers in found.items()}


def _first_line(error: Exception) -> str:
    return str(error).strip().splitlines()[0]


def without_front_matter_block(text: str) -> str:
    """``text`` with its front matter block's lines left blank (so every line keeps its number).

    For a page whose block the engine could not read (not YAML, not a mapping): the block
    is the note's front matter all the same (Obsidian, Quartz and the card model read it
    so), never part of its page.
    """
    handler = frontmatter.detect_format(text, frontmatter.handlers)
    if not isinstance(handler, frontmatter.YAMLHandler):  # "---" blocks only, as the card model reads them
        return text
    boundaries = list(itertools.islice(handler.FM_BOUNDARY.finditer(text), 2))
    if len(boundaries) < 2 or boundaries[0].start() != 0:
        return text
    block_lines = text.count("\n", 0, boundaries[1].end()) + 1
    lines = text.split("\n")
    return "\n" * min(block_lines, len(lines) - 1) + "\n".join(lines[block_lines:])
