"""Build synthetic gardens with plain MkDocs + Material and with Garden; print the costs.

    python benchmarks/run.py            # 500, 2,000 and 10,000 notes
    python benchmarks/run.py --quick    # 500 notes, a smoke run
    python benchmarks/run.py --sizes 2000 --skip-plain-full --repeat 3

Every figure is measured in the same run on the same files, and every build runs in a
child process of its own, so peak memory (``ru_maxrss``) is that build's alone. Times
are reported with their ratio to plain MkDocs + Material: a ratio survives a slower or
busier machine where seconds do not.

- plain (full nav): MkDocs + Material, no Garden, Material's default navigation;
- plain (compact nav): the same with an explicit navigation as short as Garden's
  compact one, so the difference to Garden is Garden's own overhead;
- garden: the same files with the garden plugin (glossary, links, graph, backlinks…);
- check: ``garden check`` against a bare markdown-it parse of the same files;
- serve: one note edited after a first build, rebuilt as ``garden serve`` does.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import resource
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
GENERATOR = HERE / "gen_garden.py"
DEFAULT_SIZES = (500, 2000, 10_000)


@dataclass(frozen=True)
class Measure:
    seconds: float
    peak_mb: float  # the build's own process
    workers_mb: float = 0.0  # the largest of the processes it forked (parse and render workers)


# --- child processes: one build each --------------------------------------------------


def child_build(config_file: str, dirty_edit: str | None) -> None:
    """Build once (or, with an edit, build, edit one note and time the dirty rebuild)."""
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    import logging

    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    config = load_config(config_file)
    if dirty_edit:
        config.plugins.on_startup(command="serve", dirty=True)
        build(config, dirty=True)
        note = Path(dirty_edit)
        note.write_text(note.read_text(encoding="utf-8") + "\nOne more sentence. 再加一句。\n", encoding="utf-8")
        config = load_config(config_file)  # as `mkdocs serve` does before each rebuild
    started = time.perf_counter()
    build(config, dirty=bool(dirty_edit))
    seconds = time.perf_counter() - started
    print(json.dumps({"seconds": seconds, "peak_mb": _peak_mb(), "workers_mb": _peak_mb(resource.RUSAGE_CHILDREN)}))


def child_check(folder: str) -> None:
    from garden.cli.main import main

    started = time.perf_counter()
    with open(os.devnull, "w") as quiet:
        stdout, sys.stdout = sys.stdout, quiet
        try:
            main(["check", folder, "--format", "json"])
        finally:
            sys.stdout = stdout
    print(json.dumps({"seconds": time.perf_counter() - started, "peak_mb": _peak_mb()}))


def child_parse(folder: str) -> None:
    """The floor for `garden check`: read and parse every note with markdown-it, nothing more."""
    from markdown_it import MarkdownIt

    started = time.perf_counter()
    md = MarkdownIt("commonmark").enable("table")
    for path in sorted(Path(folder).rglob("*.md")):
        md.parse(path.read_text(encoding="utf-8"))
    print(json.dumps({"seconds": time.perf_counter() - started, "peak_mb": _peak_mb()}))


def _peak_mb(who: int = resource.RUSAGE_SELF) -> float:
    return resource.getrusage(who).ru_maxrss / 1024  # Linux: kilobytes


def run_child(*args: str) -> Measure:
    result = subprocess.run([sys.executable, __file__, "--child", *args], capture_output=True, text=True)
    if result.returncode != 0:
        raise SystemExit(f"child {args} failed:\n{result.stderr[-3000:]}")
    data = json.loads(result.stdout.strip().splitlines()[-1])
    return Measure(data["seconds"], data["peak_mb"], data.get("workers_mb", 0.0))


def fastest(runs: list[Measure]) -> Measure:
    """The fastest of repeated builds: on a shared machine, noise only ever adds time."""
    return min(runs, key=lambda run: run.seconds)


# --- the benchmark ---------------------------------------------------------------------


def generate(root: Path, notes: int) -> None:
    subprocess.run([sys.executable, str(GENERATOR), str(root), "--notes", str(notes), "--force"], check=True,
                   stdout=subprocess.DEVNULL)


def compact_plain_config(root: Path) -> Path:
    """Plain MkDocs with a navigation as short as Garden's compact one: home and one
    entry per top folder (Garden's compact nav adds glossary, graph, tags and health)."""
    content = root / "content"
    lines = ["INHERIT: mkdocs-plain.yml", "site_dir: site-plain-compact", "nav:", "  - index.md"]
    for folder in sorted(p for p in content.iterdir() if p.is_dir()):
        first = min(folder.rglob("*.md"))
        lines.append(f"  - {json.dumps(folder.name)}: {json.dumps(first.relative_to(content).as_posix())}")
    config = root / "mkdocs-plain-compact.yml"
    config.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return config


def sizes(site: Path, source: Path) -> dict[str, float]:
    # Garden's search index is many small files (search/garden/), Material's one.
    index = [site / "search" / "search_index.json", *sorted((site / "search" / "garden").rglob("*.json"))]
    graph = site / "graph.json"
    raw = [path.read_bytes() for path in index if path.is_file()]
    return {
        "site_mb": sum(f.stat().st_size for f in site.rglob("*") if f.is_file()) / 1e6,
        "source_mb": sum(f.stat().st_size for f in source.rglob("*.md")) / 1e6,
        "search_mb": sum(map(len, raw)) / 1e6,
        "search_gz_mb": sum(len(gzip.compress(data)) for data in raw) / 1e6,
        "graph_mb": graph.stat().st_size / 1e6 if graph.is_file() else 0.0,
    }


def bench(notes: int, work: Path, skip_plain_full: bool, repeat: int = 1, plain_full_up_to: int | None = None) -> dict:
    root = work / f"garden-{notes}"
    generate(root, notes)
    row: dict = {"notes": notes}
    if not skip_plain_full and (plain_full_up_to is None or notes <= plain_full_up_to):
        row["plain_full"] = run_child("build", str(root / "mkdocs-plain.yml"))
    # Alternated, so a slow spell of the machine falls on both.
    compact, garden = [], []
    for _ in range(repeat):
        compact.append(run_child("build", str(compact_plain_config(root))))
        garden.append(run_child("build", str(root / "mkdocs-garden.yml")))
    row["plain_compact"], row["garden"] = fastest(compact), fastest(garden)
    row["sizes"] = sizes(root / "site-garden", root)
    row["check"] = run_child("check", str(root / "content"))
    row["parse"] = run_child("parse", str(root))
    if notes <= 2000:
        edited = min((root / "content").rglob("*.md"))
        row["serve_edit"] = run_child("build", str(root / "mkdocs-garden.yml"), "edit", str(edited))
    return row


def report(rows: list[dict]) -> str:
    lines = [
        "| notes | plain full nav | plain compact nav | garden | garden / plain full | garden / plain compact "
        "| garden per note | peak memory (workers) | check / parse | serve edit |",
        "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for row in rows:
        full = row.get("plain_full")
        garden, compact = row["garden"], row["plain_compact"]
        edit = row.get("serve_edit")
        lines.append(
            f"| {row['notes']:,} | {f'{full.seconds:.1f} s' if full else '—'} | {compact.seconds:.1f} s "
            f"| {garden.seconds:.1f} s | {f'{garden.seconds / full.seconds:.2f}x' if full else '—'} "
            f"| {garden.seconds / compact.seconds:.2f}x | {garden.seconds / row['notes'] * 1000:.1f} ms "
            f"| {garden.peak_mb:.0f} MB ({garden.workers_mb:.0f} MB) | {row['check'].seconds:.1f} s / {row['parse'].seconds:.1f} s = "
            f"{row['check'].seconds / row['parse'].seconds:.2f}x | {f'{edit.seconds:.2f} s' if edit else '—'} |"
        )
    lines += ["", "| notes | Markdown | site | search index (gzip) | search / Markdown | graph.json |",
              "| ---: | ---: | ---: | ---: | ---: | ---: |"]
    for row in rows:
        s = row["sizes"]
        lines.append(
            f"| {row['notes']:,} | {s['source_mb']:.1f} MB | {s['site_mb']:.0f} MB | {s['search_mb']:.1f} MB "
            f"({s['search_gz_mb']:.1f} MB) | {s['search_mb'] / s['source_mb']:.2f}x | {s['graph_mb']:.2f} MB |"
        )
    if len(rows) >= 2:
        small, large = rows[-2], rows[-1]
        per_note = (large["garden"].seconds / large["notes"]) / (small["garden"].seconds / small["notes"])
        lines += ["", f"time per note, {large['notes']:,} vs {small['notes']:,} notes: {per_note:.2f}x"]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="500 notes only")
    parser.add_argument("--sizes", type=int, nargs="+", default=None, help="note counts to build")
    parser.add_argument("--work", type=Path, default=HERE / "out", help="where gardens are generated")
    parser.add_argument("--skip-plain-full", action="store_true", help="skip Material's full navigation build")
    parser.add_argument("--plain-full-up-to", type=int, default=None,
                        help="build Material's full navigation only up to this many notes (10,000 take 40 minutes)")
    parser.add_argument("--repeat", type=int, default=1, help="build compact plain and Garden N times, keep the fastest")
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        kind, target, *rest = args.child
        if kind == "build":
            child_build(target, rest[1] if rest[:1] == ["edit"] else None)
        elif kind == "check":
            child_check(target)
        else:
            child_parse(target)
        return
    chosen = (500,) if args.quick else tuple(args.sizes or DEFAULT_SIZES)
    rows = []
    for notes in chosen:
        rows.append(bench(notes, args.work, args.skip_plain_full, args.repeat, args.plain_full_up_to))
        print(report(rows), flush=True) if notes == chosen[-1] else print(f"… {notes:,} notes done", flush=True)


if __name__ == "__main__":
    main()
