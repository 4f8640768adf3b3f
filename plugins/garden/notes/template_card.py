"""A new card's skeleton: the parts every garden card has, ready to be filled in."""

from __future__ import annotations

import yaml


SECTIONS = (
    ("Garden Card", "What this card is about, in one paragraph.", "用一段话说明这张卡片讲什么。"),
    ("Core Notes", "The idea, its mechanism and the evidence for it.", "观点、机制及其依据。"),
    ("Decision Signal", "When this card should change what you do.", "这张卡片何时应改变你的做法。"),
)


def card_markdown(title: str, title_zh: str | None = None, tags: tuple[str, ...] = ()) -> str:
    front = {"title": title, "title_zh": title_zh or "", "aliases": [], "tags": list(tags),
             "source": {"origin": "", "type": "", "author": ""}, "takeaway": ""}
    lines = ["---", yaml.safe_dump(front, allow_unicode=True, sort_keys=False).rstrip(), "---", ""]
    for heading, english, chinese in SECTIONS:
        lines += [f"## {heading}", "", english, "", chinese, ""]
    lines += [
        "## Key Terms", "",
        "- **Term / 术语:** The English definition.", "",
        "  中文定义。", "",
        "## Readiness", "",
        "- [ ] The first thing to have in place. 第一件需要就绪的事。", "",
    ]
    return "\n".join(lines)


def file_name(title: str) -> str:
    """The note's file name: its title, as Obsidian names files (Quartz slugs it later)."""
    name = "".join("-" if char in '/\\:*?"<>|' else char for char in title).strip() or "Untitled"
    return f"{name}.md"
