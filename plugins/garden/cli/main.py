"""The ``garden`` command: create, check, build and preview a garden; show one card's model
and the garden's sequence."""

from __future__ import annotations

import argparse
import json
import logging
import sys
import tempfile
from dataclasses import replace
from pathlib import Path

from garden import __version__
from garden.site import project
from garden.notes.cards import parse_card
from garden.notes.decoding import decode_note
from garden.index.garden import GardenOptions, read_garden
from garden.render.report import card_report, coverage_row, finding_report, link_summary
from garden.notes.template_card import card_markdown, file_name

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if not getattr(args, "command", None):
        parser.print_help()
        return EXIT_USAGE
    try:
        return args.run(args)
    except project.ProjectError as error:
        print(f"garden: {error}", file=sys.stderr)
        return EXIT_USAGE


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="garden", description="Bilingual knowledge gardens on MkDocs + Material.")
    parser.add_argument("--version", action="version", version=f"garden {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    build = commands.add_parser("build", help="build a garden (a folder of notes or a mkdocs.yml) into HTML")
    build.add_argument("path", nargs="?", help="folder of notes, or mkdocs.yml (default: ./mkdocs.yml)")
    build.add_argument("-o", "--output", help="site folder (default: ./site, or site_dir of mkdocs.yml)")
    build.add_argument("--strict", action="store_true", help="fail on any warning")
    build.set_defaults(run=_build)

    serve = commands.add_parser("serve", help="preview a garden, rebuilt on every change")
    serve.add_argument("path", nargs="?", help="folder of notes, or mkdocs.yml (default: ./mkdocs.yml)")
    serve.add_argument("-a", "--dev-addr", default="127.0.0.1:8000", help="address (default: 127.0.0.1:8000)")
    serve.set_defaults(run=_serve)

    card = commands.add_parser("card", help="show the model Garden reads from one card")
    card.add_argument("file", help="a Markdown note")
    card.add_argument("--format", choices=("json", "text"), default="text")
    card.set_defaults(run=_card)

    new = commands.add_parser("new", help="create a card: front matter and the sections every card has")
    new.add_argument("title", help="the English title, also the file name")
    new.add_argument("--zh", help="the Chinese title")
    new.add_argument("--tag", action="append", default=[], help="a tag (repeat for more)")
    new.add_argument("--dir", default=None, help="folder for the note (default: docs_dir of ./mkdocs.yml, else .)")
    new.set_defaults(run=_new)

    check = commands.add_parser("check", help="check links and front matter without building HTML")
    check.add_argument("path", nargs="?", help="folder of notes, or mkdocs.yml (default: ./mkdocs.yml)")
    check.add_argument("--format", choices=("json", "text"), default="text")
    check.add_argument("--strict", action="store_true", help="warnings count as errors for the exit code")
    check.set_defaults(run=_check)

    sequence = commands.add_parser("sequence", help="what unlocks what: the garden's stages, without building HTML")
    sequence.add_argument("path", nargs="?", help="folder of notes, or mkdocs.yml (default: ./mkdocs.yml)")
    sequence.add_argument("--from", dest="start", metavar="NOTE",
                          help="only what NOTE (a title, alias, term or path) needs and leads to")
    sequence.add_argument("--format", choices=("text", "mermaid", "json"), default="text")
    sequence.set_defaults(run=_sequence)
    return parser


def _build(args: argparse.Namespace) -> int:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, ConfigurationError

    _show_engine_log()
    garden = project.locate(args.path)
    with tempfile.TemporaryDirectory(prefix="garden-") as scratch:
        config_file = _config_file(garden, Path(args.output or "site"), Path(scratch))
        try:
            config = load_config(
                str(config_file),
                strict=args.strict or None,
                site_dir=str(Path(args.output).resolve()) if args.output and not garden.is_bare else None,
            )
            build(config)
        except (Abort, ConfigurationError) as error:
            print(f"garden: {error}", file=sys.stderr)
            return EXIT_FINDINGS
    return EXIT_OK


def _serve(args: argparse.Namespace) -> int:
    from mkdocs.commands.serve import serve

    _show_engine_log()
    garden = project.locate(args.path)
    with tempfile.TemporaryDirectory(prefix="garden-") as scratch:
        config_file = _config_file(garden, Path(scratch) / "site", Path(scratch))
        # Dirty builds: after the first, only the pages an edit makes stale are rebuilt.
        serve(config_file=str(config_file), dev_addr=args.dev_addr, livereload=True, build_type="dirty")
    return EXIT_OK


def _config_file(garden: project.Project, site_dir: Path, scratch: Path) -> Path:
    if garden.config_file is not None:
        return garden.config_file
    return project.write_default_config(garden, site_dir, scratch)


def _card(args: argparse.Namespace) -> int:
    path = Path(args.file)
    if not path.is_file():
        print(f"garden: {args.file}: no such file", file=sys.stderr)
        return EXIT_USAGE
    decoded = decode_note(path.read_bytes())
    if decoded.problem is not None:
        print(f"garden: {args.file}:{decoded.line}: {decoded.problem}", file=sys.stderr)
    if decoded.text is None:
        return EXIT_USAGE
    card = parse_card(decoded.text, path.as_posix())
    report = card_report(card)
    if args.format == "json":
        print(json.dumps(report, ensure_ascii=False, indent=2))
    else:
        print(_card_text(report))
    return EXIT_OK


def _card_text(report: dict) -> str:
    lines = [report["title"] + (f" / {report['title_zh']}" if report["title_zh"] else "")]
    for section in report["sections"]:
        lines.append(f"{'  ' * (section['level'] - 1)}{section['number'] or '-'} {section['title']}  (line {section['line']})")
    lines.append(f"terms: {len(report['terms'])}, tables: {len(report['tables'])}, mermaid: {len(report['mermaid'])}, "
                 f"links: {len(report['links'])}, segments: {report['segments']}")
    lines += [f"untranslated, line {u['line']}: {u['text'][:70]}" for u in report["untranslated"]]
    return "\n".join(lines)


def _new(args: argparse.Namespace) -> int:
    folder = Path(args.dir) if args.dir else _notes_folder()
    path = folder / file_name(args.title)
    if path.exists():
        print(f"garden: {path}: already exists", file=sys.stderr)
        return EXIT_USAGE
    folder.mkdir(parents=True, exist_ok=True)
    path.write_text(card_markdown(args.title, args.zh, tuple(args.tag)), encoding="utf-8")
    print(path)
    return EXIT_OK


def _notes_folder() -> Path:
    try:
        return project.locate(None).docs_dir
    except project.ProjectError:
        return Path(".")


def _check(args: argparse.Namespace) -> int:
    garden_project = project.locate(args.path)
    files = project.read_notes(garden_project)
    options = project.garden_options(garden_project)
    garden = read_garden(
        files.notes,
        files.attachments,
        GardenOptions.from_plugin_options(options),
    )
    findings = [
        replace(f, path=project.relative(files.on_disk[f.path]) if f.path in files.on_disk else f.path)
        for f in [*files.findings, *garden.findings]
    ]
    summary = link_summary(garden)
    cards = {path: files.on_disk.get(path, path) for path, card in garden.cards.items() if card.is_card}
    coverage = [coverage_row(project.relative(Path(shown)), garden.coverage[path]) for path, shown in cards.items()]
    if args.format == "json":
        print(json.dumps({**finding_report(findings, summary), "coverage": coverage}, ensure_ascii=False, indent=2))
    else:
        for finding in findings:
            print(f"{finding.severity}: {finding}")
        for row in coverage:
            share = "—" if row["share"] is None else f"{row['share']:.0%}"
            print(f"coverage: {row['path']}: {share} ({row['translated']}/{row['english']} English segments translated)")
        print(", ".join(f"{value} {name.replace('_', ' ')}" for name, value in summary.items()))
    failing = {"error", "warning"} if args.strict else {"error"}
    return EXIT_FINDINGS if any(f.severity in failing for f in findings) else EXIT_OK


def _sequence(args: argparse.Namespace) -> int:
    from garden.render.sequence_view import reachable, sequence_data, sequence_mermaid, sequence_text

    garden_project = project.locate(args.path)
    files = project.read_notes(garden_project)
    garden = read_garden(files.notes, files.attachments,
                         GardenOptions.from_plugin_options(project.garden_options(garden_project)))
    keys = None
    if args.start:
        start = garden.sequence.matcher.match(args.start, "") if garden.sequence.matcher else None
        if start not in garden.sequence.nodes:
            print(f"garden: {args.start!r} is no note or term in the sequence", file=sys.stderr)
            return EXIT_USAGE
        keys = reachable(garden, start)
    if args.format == "json":
        data = sequence_data(garden)
        if keys is not None:
            data = _only(data, set(keys))
        print(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        print((sequence_mermaid if args.format == "mermaid" else sequence_text)(garden, keys), end="")
    return EXIT_OK


def _only(data: dict, keys: set[str]) -> dict:
    return {
        **data,
        "nodes": [node for node in data["nodes"] if node["id"] in keys],
        "stages": [[key for key in stage if key in keys] for stage in data["stages"]],
        "edges": [edge for edge in data["edges"] if edge["source"] in keys and edge["target"] in keys],
        "components": [[key for key in c if key in keys] for c in data["components"] if keys & set(c)],
    }


def _show_engine_log() -> None:
    """The engine's messages (MkDocs' or ProperDocs'), Garden's findings among them, on stderr."""
    from garden.site.messages import ENGINE_LOG

    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
    engine_log = logging.getLogger(ENGINE_LOG)
    engine_log.addHandler(handler)
    engine_log.setLevel(logging.INFO)

