"""Generate a deterministic synthetic bilingual knowledge garden for benchmarks.

The garden is the same set of files built two ways: by Garden (``mkdocs-garden.yml``)
and by plain MkDocs + Material (``mkdocs-plain.yml``), so the difference in build time
is what the plugin costs.

    python benchmarks/gen_garden.py OUT_DIR --notes N [--seed 1]

writes ``OUT_DIR/content/`` (N notes in nested folders, plus ``index.md``),
``OUT_DIR/glossary/`` (200 term files) and the two configurations. The same N and
seed always give byte-identical files: one ``random.Random(seed)`` drives every
choice, consumed in a fixed order, and nothing reads the clock or iterates a set.

Each note is a card as Garden expects one: front matter (title, title_zh, aliases,
tags, source, takeaway), 4-6 sections in which an English paragraph is followed by
its Chinese translation, bilingual bullets, a Key Terms list drawn from the
glossary, and exactly 8 wikilinks. Link targets follow a Zipf-like law, so a few
hub notes collect many backlinks, as in a real garden; about 5% are broken on
purpose so link checking has something to report.
"""

from __future__ import annotations

import argparse
import itertools
import json
import re
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path
from random import Random

# --- word lists --------------------------------------------------------------------
# Parallel (English, Chinese) pairs, so a Chinese paragraph can be a real-looking
# translation of its English twin: each template slot is filled with the same pair.

WORDS: tuple[tuple[str, str], ...] = (
    ("river", "河流"), ("harbor", "港口"), ("supply", "供应"), ("logistics", "物流"),
    ("signal", "信号"), ("memory", "记忆"), ("network", "网络"), ("market", "市场"),
    ("habit", "习惯"), ("feedback", "反馈"), ("budget", "预算"), ("climate", "气候"),
    ("energy", "能源"), ("soil", "土壤"), ("forest", "森林"), ("city", "城市"),
    ("traffic", "交通"), ("language", "语言"), ("grammar", "语法"), ("reading", "阅读"),
    ("attention", "注意力"), ("focus", "专注"), ("learning", "学习"), ("practice", "练习"),
    ("method", "方法"), ("model", "模型"), ("pattern", "模式"), ("system", "系统"),
    ("process", "流程"), ("workflow", "工作流"), ("decision", "决策"), ("risk", "风险"),
    ("trust", "信任"), ("incentive", "激励"), ("contract", "合同"), ("price", "价格"),
    ("demand", "需求"), ("inventory", "库存"), ("factory", "工厂"), ("machine", "机器"),
    ("sensor", "传感器"), ("data", "数据"), ("archive", "档案"), ("library", "图书馆"),
    ("writing", "写作"), ("outline", "提纲"), ("argument", "论证"), ("evidence", "证据"),
    ("theory", "理论"), ("experiment", "实验"), ("measure", "度量"), ("scale", "规模"),
    ("growth", "增长"), ("cycle", "周期"), ("balance", "平衡"), ("conflict", "冲突"),
    ("team", "团队"), ("leader", "领导者"), ("community", "社区"), ("history", "历史"),
    ("ritual", "仪式"), ("kitchen", "厨房"), ("recipe", "食谱"), ("music", "音乐"),
    ("rhythm", "节奏"),
)

SECTION_HEADINGS: tuple[str, ...] = (
    "Core idea", "Why it matters", "Mechanism", "Evidence so far", "Trade-offs",
    "Worked example", "Common mistakes", "Open questions", "Historical context",
    "Practical steps", "Counterarguments", "Measurement", "Related patterns", "Limits",
    "Case study", "Design choices", "Failure modes", "Signals to watch", "Summary",
    "Background", "First principles", "In practice", "Variations", "Scaling up",
    "Edge cases", "Tools", "Definitions in use", "Reading notes", "Decisions", "Next steps",
)
# Kept apart from SECTION_HEADINGS so a heading is never repeated inside one note,
# which would make "[[Note#Heading]]" ambiguous.
SUBSECTION_HEADINGS: tuple[str, ...] = (
    "Decision signal", "A quick test", "Caveat", "Note on terms", "Small experiment",
    "Rule of thumb", "Further reading", "Quick check", "Side note", "Open thread",
)
KEY_TERMS_HEADING = "Key Terms"

BULLET_LABELS: tuple[str, ...] = (
    "Core question", "Short answer", "Example", "Counterpoint", "Signal", "Risk",
    "Next step", "Best connection", "Open question", "Rule of thumb", "Failure mode",
    "Evidence",
)

TAGS: tuple[str, ...] = (
    "logistics", "learning", "writing", "reading", "systems", "economics", "ecology",
    "history", "music", "cooking", "design", "research", "teaching", "management",
    "data", "language",
    "area/operations", "area/research", "area/teaching", "area/product", "area/community",
    "area/finance",
    "method/reading", "method/writing", "method/experiment", "method/interview",
    "status/seed", "status/growing", "status/evergreen",
    "source/book", "source/article", "source/talk", "source/paper",
    "topic/supply-chain", "topic/attention", "topic/climate", "topic/markets",
    "topic/habits", "topic/networks", "topic/language",
)

SOURCE_TYPES: tuple[str, ...] = ("Book", "Article", "Paper", "Talk", "Podcast", "Course", "Interview")
FIRST_NAMES: tuple[str, ...] = (
    "Ada", "Li", "Maria", "Chen", "Omar", "Sofia", "Wang", "Kenji", "Lena", "Ravi", "Zhang", "Nora",
)
LAST_NAMES: tuple[str, ...] = (
    "Hart", "Wei", "Okafor", "Lindqvist", "Moreau", "Tan", "Ivanova", "Costa", "Liu", "Brennan",
    "Sato", "Haddad",
)

# --- sentence templates (English, Chinese) -------------------------------------------
# Slots {a} {b} {c} take word pairs; {t} takes a glossary term; {link} a wikilink.

SENTENCES: tuple[tuple[str, str], ...] = (
    ("A {a} {b} rarely fails for one reason; it drifts when nobody watches the {c}.",
     "{a}{b}很少因为单一原因失败，它会在没人关注{c}时慢慢偏离。"),
    ("Most teams treat {a} as a side issue, yet it shapes every {b} decision they make.",
     "多数团队把{a}当作次要问题，但它影响着每一个与{b}有关的决定。"),
    ("When the {a} changes, the {b} follows a few weeks later.",
     "当{a}发生变化时，{b}会在几周后随之改变。"),
    ("The useful question is not how much {a} we have but how quickly it turns into {b}.",
     "真正有用的问题不是我们有多少{a}，而是它多快转化为{b}。"),
    ("Good {a} makes the {b} visible before it becomes expensive.",
     "良好的{a}能让{b}在代价变高之前就显现出来。"),
    ("In practice, {a} and {b} trade off against each other across the whole {c}.",
     "在实践中，{a}与{b}在整个{c}中相互权衡。"),
    ("A small change in {a} can move the {b} more than a large change in {c}.",
     "{a}的小变化对{b}的影响可能超过{c}的大变化。"),
    ("People who study {a} tend to notice the {b} earlier than others.",
     "研究{a}的人往往比别人更早注意到{b}。"),
    ("The {a} acts as a buffer between {b} and {c}.",
     "{a}在{b}与{c}之间起到缓冲作用。"),
    ("Measuring {a} directly is hard, so people watch the {b} as a proxy.",
     "直接度量{a}很难，所以人们把{b}当作替代指标。"),
    ("Every {a} carries a hidden cost in {b}.",
     "每一个{a}都隐含着{b}方面的成本。"),
    ("Over a full {a}, the same pattern repeats with surprising regularity.",
     "在一个完整的{a}中，同样的模式以惊人的规律重复出现。"),
    ("Nobody designs the {a} on purpose; it grows out of many small choices about {b}.",
     "没有人刻意设计{a}，它是从许多关于{b}的小选择中生长出来的。"),
    ("If the {a} is unclear, arguments about the {b} go in circles.",
     "如果{a}不清楚，关于{b}的争论就会原地打转。"),
)

TERM_SENTENCES: tuple[tuple[str, str], ...] = (
    ("This is where {t} matters most, because it ties the {a} to the {b}.",
     "这正是{t}最重要的地方，因为它把{a}与{b}联系在一起。"),
    ("Seen through {t}, the {a} looks less like a cost and more like an investment.",
     "从{t}的角度看，{a}不再像成本，而更像一项投资。"),
    ("Teams that name {t} explicitly argue less about the {a}.",
     "明确提出{t}的团队，在{a}上的争论更少。"),
    ("The idea of {t} explains why the {a} reacts so slowly.",
     "{t}这一概念解释了为什么{a}反应如此缓慢。"),
)

# The Chinese twin of a link sentence names no link: exactly 8 links per note, all
# in English text, keeps the link count exact and the translation still parallel.
LINK_SENTENCES: tuple[tuple[str, str], ...] = (
    ("See {link} for a related case.", "相关案例见另一篇笔记。"),
    ("This builds on {link}.", "这一点建立在另一篇笔记的基础上。"),
    ("Compare the argument in {link}.", "可以与另一篇笔记中的论证相比较。"),
    ("{link} makes the same point from another angle.", "另一篇笔记从不同角度提出了同样的观点。"),
    ("The details are worked out in {link}.", "具体细节在另一篇笔记中展开。"),
)

BULLET_SENTENCES: tuple[tuple[str, str], ...] = (
    ("Watch the {a} before the {b} moves.", "在{b}变化之前先观察{a}。"),
    ("A weak {a} shows up first in the {b}.", "薄弱的{a}首先体现在{b}上。"),
    ("Ask what the {a} would look like without any {b}.", "想一想如果没有{b}，{a}会是什么样子。"),
    ("Keep the {a} small enough to change with every {b}.", "让{a}保持足够小，以便随每个{b}调整。"),
    ("Most {a} problems are really {b} problems.", "大多数{a}问题其实是{b}问题。"),
    ("Write the {a} down before debating the {b}.", "在讨论{b}之前先把{a}写下来。"),
    ("Trust the {a} only after checking the {b}.", "只有在核对{b}之后才相信{a}。"),
    ("Link each {a} to one clear {b}.", "把每个{a}都对应到一个明确的{b}。"),
)

DEFINITIONS: tuple[tuple[str, str], ...] = (
    ("The {y} that a {x} produces, read as an early sign of change in the {c}.",
     "{x}所产生的{y}，被视为{c}变化的早期迹象。"),
    ("A way of organising {x} around a shared {y}, so that each {c} can be compared with the others.",
     "围绕共同的{y}来组织{x}的一种方式，使每个{c}都可以相互比较。"),
    ("The balance point between {x} and {y}, beyond which adding more of either stops helping the {c}.",
     "{x}与{y}之间的平衡点，超过这一点，再增加任何一方都无助于{c}。"),
    ("The habit of checking the {y} of every {x} before committing to a {c}.",
     "在投入某个{c}之前，先检查每个{x}的{y}的习惯。"),
)

TAKEAWAYS: tuple[str, ...] = (
    "A healthy {a} depends less on {b} than on steady feedback.",
    "Watch the {a}, not the {b}, if you want an early warning.",
    "Small, regular changes to the {a} beat rare, large changes to the {b}.",
    "Name the {a} explicitly and the {b} becomes easier to discuss.",
)

TABLE_CELLS: tuple[tuple[str, str], ...] = (
    ("rises with {a}", "随{a}上升"), ("falls when {a} is scarce", "在{a}稀缺时下降"),
    ("depends on the {a}", "取决于{a}"), ("lags behind {a}", "滞后于{a}"),
)

LINK_KINDS: tuple[str, ...] = ("plain", "label", "heading", "alias", "broken")
LINK_KIND_WEIGHTS: tuple[int, ...] = (50, 20, 15, 10, 5)

LINKS_PER_NOTE = 8
NOTES_PER_FOLDER = 20
FOLDERS_PER_TOPIC = 5
TERM_COUNT = 200
HUB_COUNT = 20  # notes linked from the home page
TABLE_SHARE = 0.20
MERMAID_SHARE = 0.10
CHINESE_NAME_SHARE = 0.10

Word = tuple[str, str]


# --- the plan: everything a link may point at, decided before any body is written ----

@dataclass(frozen=True)
class Term:
    """One glossary entry; its name is also its file name."""

    name: str
    zh: str
    aliases: tuple[str, str]
    related: tuple[str, ...]
    definition_en: str
    definition_zh: str


@dataclass(frozen=True)
class Section:
    heading: str
    subheading: str | None
    bullet_labels: tuple[str, ...]


@dataclass(frozen=True)
class Note:
    """A note's names, metadata and outline; its body is rendered later from this."""

    folder: str
    stem: str  # file name without .md, which is what a plain wikilink names
    title: str
    title_zh: str
    topic: tuple[Word, Word]
    aliases: tuple[str, ...]
    tags: tuple[str, ...]
    source: tuple[str, str, str]  # origin, type, author
    takeaway: str
    sections: tuple[Section, ...]
    key_terms: tuple[Term, ...]
    table_at: int | None  # index of the section holding the table
    mermaid_at: int | None


@dataclass
class LinkTally:
    written: int = 0
    broken: int = 0


class NameRegistry:
    """Every name a wikilink could resolve (file names and aliases), case-folded.

    Obsidian resolves ``[[x]]`` to a file name or an alias ignoring case, so two
    equal names would make a link ambiguous rather than a fair benchmark case.
    """

    def __init__(self) -> None:
        self._taken: set[str] = set()

    def claim(self, name: str) -> bool:
        key = name.casefold()
        if key in self._taken:
            return False
        self._taken.add(key)
        return True


# --- small helpers ------------------------------------------------------------------

def capitalized(text: str) -> str:
    return text[:1].upper() + text[1:]


def plural(word: str) -> str:
    if word.endswith("y") and word[-2:-1] not in "aeiou":
        return word[:-1] + "ies"
    if word.endswith(("s", "x", "ch", "sh")):
        return word + "es"
    return word + "s"


_YAML_PLAIN = re.compile(r"[A-Za-z\u4e00-\u9fff][\w ,.;'()（）、，。/-]*")
_YAML_RESERVED = {"yes", "no", "on", "off", "true", "false", "null", "y", "n", "~"}


def yaml_scalar(value: str) -> str:
    """Write a string plain when YAML reads it back unchanged, else double-quoted."""
    if _YAML_PLAIN.fullmatch(value) and value.casefold() not in _YAML_RESERVED and not value.endswith(" "):
        return value
    # A JSON string is a valid YAML double-quoted scalar.
    return json.dumps(value, ensure_ascii=False)


def fill(template: tuple[str, str], words: dict[str, Word]) -> tuple[str, str]:
    """One template in both languages, each slot filled with its word pair."""
    english, chinese = template
    return (
        capitalized(english.format(**{k: w[0] for k, w in words.items()})),
        chinese.format(**{k: w[1] for k, w in words.items()}),
    )


def random_words(rng: Random, count: int) -> list[Word]:
    return rng.sample(WORDS, count)


def word_count(text: str) -> int:
    return len(text.split())


# --- glossary -----------------------------------------------------------------------

def plan_terms(rng: Random, registry: NameRegistry) -> list[Term]:
    """200 two-word terms; names, Chinese names and aliases all unique."""
    pairs: list[tuple[Word, Word]] = []
    while len(pairs) < TERM_COUNT:
        first, second = random_words(rng, 2)
        name = capitalized(f"{first[0]} {second[0]}")
        if registry.claim(name):
            pairs.append((first, second))
    names = [capitalized(f"{first[0]} {second[0]}") for first, second in pairs]
    return [term_from(rng, registry, first, second, names) for first, second in pairs]


def term_from(rng: Random, registry: NameRegistry, first: Word, second: Word, names: list[str]) -> Term:
    name = capitalized(f"{first[0]} {second[0]}")
    # Chinese names are injective over word pairs, and no word contains 的, so the
    # "X的Y" variant cannot collide with any name.
    zh = first[1] + second[1]
    aliases = (f"{first[0]} {plural(second[0])}", f"{first[1]}的{second[1]}")
    for alias in (zh, *aliases):
        registry.claim(alias)
    others = [other for other in names if other != name]
    related = tuple(rng.sample(others, rng.randint(1, 2)))
    definition = fill(rng.choice(DEFINITIONS), {"x": first, "y": second, "c": rng.choice(WORDS)})
    return Term(name, zh, aliases, related, *definition)


def render_term(term: Term) -> str:
    lines = [
        "---",
        f"term: {yaml_scalar(term.name)}",
        f"zh: {yaml_scalar(term.zh)}",
        "aliases:",
        *(f"  - {yaml_scalar(alias)}" for alias in term.aliases),
        "related:",
        *(f"  - {yaml_scalar(name)}" for name in term.related),
        "---",
        "",
        term.definition_en,
        "",
        term.definition_zh,
        "",
    ]
    return "\n".join(lines)


# --- folders and notes --------------------------------------------------------------

def plan_folders(rng: Random, note_count: int) -> list[str]:
    """Leaf folders two levels deep, names mixing English and Chinese."""
    leaves = -(-note_count // NOTES_PER_FOLDER)
    topics = -(-leaves // FOLDERS_PER_TOPIC)
    width = max(2, len(str(topics)))
    folders: list[str] = []
    for topic in range(1, topics + 1):
        english, chinese = rng.choice(WORDS)
        top = f"专题 {topic:0{width}d} {chinese}" if rng.random() < 0.2 else f"topic {topic:0{width}d} {english}"
        for part in range(1, FOLDERS_PER_TOPIC + 1):
            folders.append(f"{top}/{'子题' if rng.random() < 0.4 else 'part'} {part}")
    return folders[:leaves]


def plan_notes(rng: Random, note_count: int, terms: list[Term], registry: NameRegistry) -> list[Note]:
    folders = plan_folders(rng, note_count)
    return [
        plan_note(rng, number, folders[(number - 1) // NOTES_PER_FOLDER], terms, registry)
        for number in range(1, note_count + 1)
    ]


