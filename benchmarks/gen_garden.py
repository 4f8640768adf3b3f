"""Generate a deterministic synthetic bilingual knowledge garden for benchmarks.

The garden is the same set of files built two ways: by Garden (``mkdocs-garden.yml``)
and by plain MkDocs + Material (``mkdocs-plain.yml``), so the difference in build time
is what the plugin costs.

    python benchmarks/gen_garden.py OUT_DIR --notes N [--seed 1]

writes ``OUT_DIR/content/`` (N notes in nested folders, plus ``index.md``),
``OUT_DIR/content/glossary/`` (200 term files, inside the docs folder so both builds see the same files) and the two configurations. The same N and
seed always give byte-identical files: one ``random.Random(seed)`` drives every
choice, consumed in a fixed order, and nothing reads the clock or iterates a set.

Each note is a card as Garden expects one: front matter (title, title_zh, aliases,
tags, source, takeaway), 4-6 sections in which an English paragraph is followed by
its Chinese translation, bilingual bullets, a Key Terms list drawn from the
glossary, and exactly 8 wikilinks. Link targets follow a Zipf-like law, so a few
hub notes collect many backlinks, as in a real garden; about 5% are broken on
purpose so link checking has something to report. The printed link count also
includes the home page's links to the 20 most linked notes (never broken).
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
    ("The {a} {b} rarely fails for one reason; it drifts when nobody watches the {c}.",
     "{a}{b}很少因为单一原因失败，它会在没人关注{c}时慢慢偏离。"),
    ("Most teams treat {a} as a side issue, yet it shapes every choice they make about {b}.",
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

# Links live in English text only, which keeps exactly 8 per note; the Chinese twin
# cites the target by its Chinese title instead. Citing it matters: a target named
# like a glossary term ("Note 0196 theory system") is a term mention, and a twin
# without the Chinese name would be reported as an untranslated term.
LINK_SENTENCES: tuple[tuple[str, str], ...] = (
    ("See {link} for a related case.", "相关案例见{ref}。"),
    ("This builds on {link}.", "这一点建立在{ref}的基础上。"),
    ("Compare the argument in {link}.", "可以与{ref}中的论证相比较。"),
    ("{link} makes the same point from another angle.", "{ref}从不同角度提出了同样的观点。"),
    ("The details are worked out in {link}.", "具体细节在{ref}中展开。"),
)
BROKEN_REFERENCE = "一篇尚不存在的笔记"

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
    ("The {y} that the {x} produces, read as an early sign of change in the {c}.",
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
# Sizes are weighted toward the short end so an average note stays near 4-5 KB
# (Chinese is three bytes a character) while every range the brief sets still occurs.
SECTION_COUNTS, SECTION_COUNT_WEIGHTS = (4, 5, 6), (6, 3, 1)
BULLET_COUNTS, BULLET_COUNT_WEIGHTS = (2, 3), (8, 2)
PARAGRAPH_WORDS = (40, 80)
PARAGRAPH_TARGET_WORDS = (40, 45)
SUBSECTION_WORDS = (15, 30)
SUBSECTION_SHARE = 0.2
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


@dataclass(frozen=True)
class Link:
    markup: str  # "[[Target#Heading|label]]" as written in English text
    zh_reference: str  # how the Chinese twin names the same target


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

    def is_free(self, name: str) -> bool:
        return name.casefold() not in self._taken

    def claim(self, name: str) -> None:
        if not self.is_free(name):
            raise ValueError(f"name used twice in the garden: {name}")
        self._taken.add(name.casefold())


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
        names = term_names(first, second)
        # Redraw rather than fail: two Chinese concatenations could in principle coincide.
        if all(registry.is_free(name) for name in names):
            for name in names:
                registry.claim(name)
            pairs.append((first, second))
    all_names = [term_names(first, second)[0] for first, second in pairs]
    return [term_from(rng, first, second, all_names) for first, second in pairs]


def term_names(first: Word, second: Word) -> tuple[str, str, str, str]:
    """English name, Chinese name, English alias (a plural), Chinese alias (a variant)."""
    return (
        capitalized(f"{first[0]} {second[0]}"),
        first[1] + second[1],
        f"{first[0]} {plural(second[0])}",
        f"{first[1]}的{second[1]}",
    )


def term_from(rng: Random, first: Word, second: Word, all_names: list[str]) -> Term:
    name, zh, english_alias, chinese_alias = term_names(first, second)
    others = [other for other in all_names if other != name]
    related = tuple(rng.sample(others, rng.randint(1, 2)))
    context = rng.choice([word for word in WORDS if word not in (first, second)])
    definition = fill(rng.choice(DEFINITIONS), {"x": first, "y": second, "c": context})
    return Term(name, zh, (english_alias, chinese_alias), related, *definition)


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


def plan_note(rng: Random, number: int, folder: str, terms: list[Term], registry: NameRegistry) -> Note:
    first, second = random_words(rng, 2)
    english_title = f"Note {number:04d} {first[0]} {second[0]}"
    chinese_title = f"笔记 {number:04d} {first[1]}{second[1]}"
    stem = chinese_title if rng.random() < CHINESE_NAME_SHARE else english_title
    registry.claim(stem)
    sections = plan_sections(rng)
    return Note(
        folder=folder,
        stem=stem,
        title=english_title,
        title_zh=chinese_title,
        topic=(first, second),
        aliases=plan_aliases(rng, number, (first, second), registry),
        tags=tuple(sorted(rng.sample(TAGS, rng.randint(1, 3)))),
        source=plan_source(rng),
        takeaway=plan_takeaway(rng),
        sections=sections,
        key_terms=tuple(rng.sample(terms, rng.randint(2, 3))),
        table_at=rng.randrange(len(sections)) if rng.random() < TABLE_SHARE else None,
        mermaid_at=rng.randrange(len(sections)) if rng.random() < MERMAID_SHARE else None,
    )


def plan_takeaway(rng: Random) -> str:
    first, second = random_words(rng, 2)
    return rng.choice(TAKEAWAYS).format(a=first[0], b=second[0])


def plan_aliases(rng: Random, number: int, topic: tuple[Word, Word], registry: NameRegistry) -> tuple[str, ...]:
    """One or two aliases, one English and one Chinese; the number keeps them unique.

    They reuse the title's words, as real aliases do, so that the Chinese title a
    translation cites names whatever term an English alias happens to spell.
    """
    first, second = topic
    english = f"{capitalized(first[0])} {second[0]} {number}"
    chinese = f"{first[1]}{second[1]}第{number}号"
    draw = rng.random()
    aliases = (english, chinese) if draw < 0.7 else (english,) if draw < 0.85 else (chinese,)
    for alias in aliases:
        registry.claim(alias)
    return aliases


def plan_source(rng: Random) -> tuple[str, str, str]:
    first, second = (capitalized(word[0]) for word in random_words(rng, 2))
    origin = rng.choice((
        f"The {first} of {second}", f"{first} and {second}", f"Notes on {first.lower()}",
        f"A field guide to {first.lower()}",
    ))
    author = f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"
    return origin, rng.choice(SOURCE_TYPES), author


def draw_bullet_count(rng: Random) -> int:
    return rng.choices(BULLET_COUNTS, weights=BULLET_COUNT_WEIGHTS)[0]


def plan_sections(rng: Random) -> tuple[Section, ...]:
    count = rng.choices(SECTION_COUNTS, weights=SECTION_COUNT_WEIGHTS)[0]
    headings = rng.sample(SECTION_HEADINGS, count)
    subheadings = iter(rng.sample(SUBSECTION_HEADINGS, count))
    return tuple(
        Section(
            heading=heading,
            subheading=next(subheadings) if rng.random() < SUBSECTION_SHARE else None,
            bullet_labels=tuple(rng.sample(BULLET_LABELS, draw_bullet_count(rng))),
        )
        for heading in headings
    )


# --- links --------------------------------------------------------------------------

class ZipfPicker:
    """Link targets with weight 1/rank, ranks from a seeded shuffle of the notes.

    A real garden has a few hub notes with hundreds of backlinks and a long tail
    with one or two; uniform targets would understate backlink and graph work.
    """

    def __init__(self, rng: Random, note_count: int) -> None:
        self.by_rank = list(range(note_count))
        rng.shuffle(self.by_rank)
        # Cumulative weights once, so each draw is a bisection instead of a sum.
        self._cumulative = list(itertools.accumulate(1 / rank for rank in range(1, note_count + 1)))

    def pick(self, rng: Random, exclude: int) -> int:
        while True:
            chosen = rng.choices(self.by_rank, cum_weights=self._cumulative)[0]
            if chosen != exclude:  # never link a note to itself
                return chosen


def draw_links(rng: Random, index: int, notes: list[Note], picker: ZipfPicker, tally: LinkTally) -> list[Link]:
    kinds = rng.choices(LINK_KINDS, weights=LINK_KIND_WEIGHTS, k=LINKS_PER_NOTE)
    tally.written += len(kinds)
    tally.broken += kinds.count("broken")
    return [
        Link(f"[[No such note {rng.randint(10000, 99999)}]]", BROKEN_REFERENCE) if kind == "broken"
        else link_to(rng, kind, notes[picker.pick(rng, index)])
        for kind in kinds
    ]


def link_to(rng: Random, kind: str, target: Note) -> Link:
    reference = f"《{target.title_zh}》"
    if kind == "label":
        first, second = target.topic
        label = target.title_zh if rng.random() < 0.3 else f"{first[0]} {second[0]}"
        return Link(f"[[{target.stem}|{label}]]", reference)
    if kind == "heading":
        return Link(f"[[{target.stem}#{rng.choice(target.sections).heading}]]", reference)
    if kind == "alias":
        return Link(f"[[{rng.choice(target.aliases)}]]", reference)
    return Link(f"[[{target.stem}]]", reference)


Placement = dict[tuple[str, int, int], list[Link]]


def assign_slots(rng: Random, note: Note, links: list[Link]) -> Placement:
    """Spread links over English paragraphs (up to two each) and bullets (one each)."""
    slots: list[tuple[str, int, int]] = []
    for position, section in enumerate(note.sections):
        slots += [("paragraph", position, 0)] * 2
        if section.subheading:
            slots.append(("subsection", position, 0))
        slots += [("bullet", position, bullet) for bullet in range(len(section.bullet_labels))]
    placed: Placement = {}
    for slot, link in zip(rng.sample(slots, len(links)), links):
        placed.setdefault(slot, []).append(link)
    return placed


# --- rendering a note ---------------------------------------------------------------

def paragraph_pair(
    rng: Random, links: list[Link], term: Term | None, fewest: int, most: int, aim: int | None = None,
) -> tuple[str, str]:
    """An English paragraph of fewest..most words (near ``aim``) and its Chinese translation."""
    special: list[tuple[str, str]] = []
    if term is not None:
        slots = {"t": (term.name.lower(), term.zh), **dict(zip("ab", random_words(rng, 2)))}
        special.append(fill(rng.choice(TERM_SENTENCES), slots))
    for link in links:
        english, chinese = rng.choice(LINK_SENTENCES)
        special.append((capitalized(english.format(link=link.markup)), chinese.format(ref=link.zh_reference)))
    words = sum(word_count(english) for english, _ in special)
    target = aim if aim is not None else rng.randint(fewest, most)
    sentences: list[tuple[str, str]] = []
    while words < target:
        sentence = fill(rng.choice(SENTENCES), dict(zip("abc", random_words(rng, 3))))
        # Overshoot the aim by a few words at most, but never stop below the minimum.
        if words >= fewest and words + word_count(sentence[0]) > min(target + 4, most):
            break
        sentences.append(sentence)
        words += word_count(sentence[0])
    for sentence in special:
        sentences.insert(rng.randint(0, len(sentences)), sentence)
    return " ".join(en for en, _ in sentences), "".join(zh for _, zh in sentences)


def bullet(rng: Random, label: str, links: list[Link]) -> str:
    english, chinese = fill(rng.choice(BULLET_SENTENCES), dict(zip("ab", random_words(rng, 2))))
    if links:
        english = f"{english[:-1]}; see {' and '.join(link.markup for link in links)}."
        chinese = f"{chinese[:-1]}，参见{'和'.join(link.zh_reference for link in links)}。"
    return f"- **{label}:** {english} {chinese}"


def table(rng: Random) -> list[str]:
    rows = ["| Factor | Behaviour | 说明 |", "| --- | --- | --- |"]
    for factor, other in (random_words(rng, 2) for _ in range(4)):
        english, chinese = rng.choice(TABLE_CELLS)
        behaviour, explanation = english.format(a=other[0]), factor[1] + chinese.format(a=other[1])
        rows.append(f"| {capitalized(factor[0])} | {behaviour} | {explanation} |")
    return rows


def mermaid(rng: Random) -> list[str]:
    nodes = [f"{letter}[{en} {zh}]" for letter, (en, zh) in zip("ABCDE", random_words(rng, 5))]
    return ["```mermaid", "flowchart LR", *chain_edges(nodes), "```"]


def chain_edges(nodes: list[str]) -> list[str]:
    """A chain A→B→C→D→E plus one shortcut, each label written where the node first appears."""
    lines = [f"    {nodes[0]} --> {nodes[1]}"]
    lines += [f"    {nodes[i][0]} --> {nodes[i + 1]}" for i in range(1, len(nodes) - 1)]
    lines.append(f"    {nodes[0][0]} -.-> {nodes[2][0]}")
    return lines


def render_section(rng: Random, note: Note, position: int, placed: Placement) -> list[str]:
    section = note.sections[position]
    term = rng.choice(note.key_terms) if rng.random() < 0.5 else None
    english, chinese = paragraph_pair(
        rng, placed.get(("paragraph", position, 0), []), term, *PARAGRAPH_WORDS, rng.randint(*PARAGRAPH_TARGET_WORDS),
    )
    lines = [f"## {section.heading}", "", english, "", chinese, ""]
    lines += [
        bullet(rng, label, placed.get(("bullet", position, number), []))
        for number, label in enumerate(section.bullet_labels)
    ]
    lines.append("")
    if note.table_at == position:
        lines += [*table(rng), ""]
    if note.mermaid_at == position:
        lines += [*mermaid(rng), ""]
    if section.subheading:
        english, chinese = paragraph_pair(rng, placed.get(("subsection", position, 0), []), None, *SUBSECTION_WORDS)
        lines += [f"### {section.subheading}", "", english, "", chinese, ""]
    return lines


def render_key_terms(note: Note) -> list[str]:
    lines = [f"## {KEY_TERMS_HEADING}", ""]
    for term in note.key_terms:
        lines += [f"- **{term.name} / {term.zh}:** {term.definition_en}", "", f"  {term.definition_zh}", ""]
    return lines


def render_front_matter(note: Note) -> list[str]:
    origin, kind, author = note.source
    return [
        "---",
        f"title: {yaml_scalar(note.title)}",
        f"title_zh: {yaml_scalar(note.title_zh)}",
        "aliases:",
        *(f"  - {yaml_scalar(alias)}" for alias in note.aliases),
        "tags:",
        *(f"  - {yaml_scalar(tag)}" for tag in note.tags),
        "source:",
        f"  origin: {yaml_scalar(origin)}",
        f"  type: {yaml_scalar(kind)}",
        f"  author: {yaml_scalar(author)}",
        f"takeaway: {yaml_scalar(note.takeaway)}",
        "---",
        "",
    ]


def render_note(rng: Random, note: Note, links: list[Link]) -> str:
    placed = assign_slots(rng, note, links)
    lines = render_front_matter(note)
    for position in range(len(note.sections)):
        lines += render_section(rng, note, position, placed)
    lines += render_key_terms(note)
    return "\n".join(lines).rstrip("\n") + "\n"


# --- home page and configurations ---------------------------------------------------

def render_home(notes: list[Note], hubs: list[int]) -> str:
    lines = [
        "---",
        "title: Benchmark garden",
        "title_zh: 基准花园",
        "---",
        "",
        f"A synthetic bilingual garden of {len(notes)} notes, generated for benchmarks. "
        "The notes below are the most linked ones.",
        "",
        f"为基准测试生成的合成双语花园，共 {len(notes)} 篇笔记。下面列出的是被链接最多的笔记。",
        "",
        "## Start here",
        "",
        *(f"- [[{notes[index].stem}]] {notes[index].title_zh}" for index in hubs),
        "",
    ]
    return "\n".join(lines)


def render_config(flavour: str, plugins: list[str]) -> str:
    lines = [
        f"site_name: Garden benchmark ({flavour})",
        "docs_dir: content",
        f"site_dir: site-{flavour}",
        "theme:",
        "  name: material",
        "  font: false  # nothing loads from another host, so builds time only the build",
        "plugins:",
        *plugins,
        "markdown_extensions:",
        "  - toc:",
        "      permalink: true",
        "  - tables",
        "  - attr_list",
        "  - admonition",
        "",
    ]
    return "\n".join(lines)


# --- writing ------------------------------------------------------------------------

def write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    # newline="\n" keeps the bytes identical on every platform.
    path.write_text(text, encoding="utf-8", newline="\n")


def clear_output(out_dir: Path, force: bool) -> None:
    """Refuse to mix with an earlier garden: stale notes would skew link counts."""
    for name in ("content", "glossary"):
        folder = out_dir / name
        if folder.exists() and any(folder.iterdir()):
            if not force:
                raise SystemExit(f"{folder} is not empty; choose another OUT_DIR or pass --force")
            shutil.rmtree(folder)


def generate(out_dir: Path, note_count: int, seed: int) -> LinkTally:
    rng = Random(seed)
    registry = NameRegistry()
    terms = plan_terms(rng, registry)
    notes = plan_notes(rng, note_count, terms, registry)
    picker = ZipfPicker(rng, note_count)
    # The glossary sits inside the docs folder, so plain MkDocs builds the very same files.
    for term in terms:
        write(out_dir / "content" / "glossary" / f"{term.name}.md", render_term(term))
    tally = LinkTally()
    for index, note in enumerate(notes):
        links = draw_links(rng, index, notes, picker, tally)
        write(out_dir / "content" / note.folder / f"{note.stem}.md", render_note(rng, note, links))
    hubs = picker.by_rank[:HUB_COUNT]
    write(out_dir / "content" / "index.md", render_home(notes, hubs))
    tally.written += len(hubs)
    write(out_dir / "mkdocs-plain.yml", render_config("plain", ["  - search"]))
    write(out_dir / "mkdocs-garden.yml", render_config("garden", ["  - search", "  - garden"]))
    return tally


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out_dir", type=Path, metavar="OUT_DIR")
    parser.add_argument("--notes", type=int, required=True, help="how many notes (at least 2)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--force", action="store_true", help="replace OUT_DIR/content and OUT_DIR/glossary")
    args = parser.parse_args(argv)
    if args.notes < 2:
        parser.error("--notes must be at least 2, since a note never links to itself")
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    clear_output(args.out_dir, args.force)
    tally = generate(args.out_dir, args.notes, args.seed)
    print(
        f"wrote {args.notes} notes, {TERM_COUNT} terms, {tally.written} links "
        f"({tally.broken} broken) to {args.out_dir}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
