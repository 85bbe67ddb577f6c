"""The sub-commands of ``vbparse`` other than parse: eval, schema, agencies.

Each has ``configure_<name>(parser)`` (its options) and ``run_<name>(args, env)``; both are
found by ``vbparse.cli``. Heavy imports happen inside ``run_``, so ``--help`` stays fast.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
from pathlib import Path

import shtab

from vbparse.console import Environment, UsageError, add_verbosity
from vbparse.exit_status import ExitStatus


def configure_eval(p: argparse.ArgumentParser) -> None:
    p.add_argument("gold", type=Path, metavar="GOLD_DIR", help="folder of gold JSON files")
    p.add_argument("paths", nargs="+", type=Path, metavar="PATH", help="documents or folders")
    p.add_argument(
        "--min",
        action="append",
        default=[],
        metavar="METRIC=VALUE",
        help="fail (exit 1) below this value, e.g. --min body_task_f1=0.9 --min doc_fields=1",
    )
    p.add_argument("--json", action="store_true", help="print the metrics as JSON")
    p.add_argument("--misses", action="store_true", help="also list what each document got wrong")
    p.add_argument(
        "-w", "--workers", type=int, default=None, help="worker processes (default: the cores)"
    )
    add_verbosity(p)


def run_eval(args: argparse.Namespace, env: Environment) -> int:
    import os

    from vbparse.batch import MissingPath, discover, parse_all
    from vbparse.evaluate import (
        GoldError,
        evaluate,
        format_evaluation,
        format_misses,
        load_gold,
        unread_document,
    )
    from vbparse.models import Document

    if not args.gold.is_dir():
        raise UsageError(f"{args.gold}: not a folder of gold files")
    thresholds = _thresholds(args.min)
    try:
        files = discover(args.paths)
        gold = load_gold(args.gold)
    except (MissingPath, GoldError) as exc:
        raise UsageError(str(exc)) from None
    # Only documents with gold are parsed (a corpus folder also holds SOURCES.md, notes).
    scored = [f for f in files if f.stem in gold]
    documents: list[Document] = []
    unread: list[Document] = []
    workers = (os.cpu_count() or 1) if args.workers is None else args.workers
    for path, result in parse_all(scored, workers):
        if isinstance(result, Document):
            documents.append(result)
        else:
            # A refused file still has its gold: scored as read empty, its tasks all missed.
            env.error(f"{path}: {result.error}")
            unread.append(unread_document(path))
    evaluation = evaluate(args.gold, [*documents, *unread])
    evaluation.overall.missing.extend(str(f) for f in files if f.stem not in gold)
    metrics = evaluation.metrics()
    if args.json:
        forms = {form: r.metrics() for form, r in evaluation.by_form.items()}
        print(json.dumps({**metrics, "by_form": forms}, indent=2), file=env.stdout)
    else:
        print(format_evaluation(evaluation), file=env.stdout)
    if args.misses:
        print(format_misses(evaluation.overall), file=env.stdout)
    status = ExitStatus.SUCCESS if len(documents) == len(scored) else ExitStatus.SOME_FAILED
    for name, value in thresholds:
        if name not in metrics:
            raise UsageError(f"--min {name}: unknown metric; known: {', '.join(sorted(metrics))}")
        if metrics[name] is None or metrics[name] < value:
            shown = "n/a" if metrics[name] is None else f"{metrics[name]:.3f}"
            env.error(f"{name} = {shown}, below the minimum {value:.3f}")
            status = ExitStatus.SOME_FAILED
    return status


def _thresholds(items: list[str]) -> list[tuple[str, float]]:
    out = []
    for item in items:
        name, _, value = item.partition("=")
        try:
            out.append((name, float(value)))
        except ValueError:
            raise UsageError(f"--min {item}: expected METRIC=NUMBER") from None
    return out


def configure_schema(p: argparse.ArgumentParser) -> None:
    p.add_argument("-o", "--output", type=Path, default=Path("schemas"), help="folder")
    p.add_argument("--check", action="store_true", help="exit 1 if the files differ")


def run_schema(args: argparse.Namespace, env: Environment) -> int:
    from vbparse.schema import schema_texts, write_schemas

    if str(args.output) == "-" or args.output.is_file():
        raise UsageError(f"-o {args.output}: give a folder for the schema files")
    if args.check:
        stale = [
            name
            for name, text in schema_texts().items()
            if not (args.output / name).is_file()
            or (args.output / name).read_text(encoding="utf-8") != text
        ]
        for name in stale:
            env.error(f"{args.output / name}: out of date (run: vbparse schema -o {args.output})")
        return ExitStatus.SOME_FAILED if stale else ExitStatus.SUCCESS
    for path in write_schemas(args.output):
        print(path, file=env.stdout)
    return ExitStatus.SUCCESS


def configure_agencies(p: argparse.ArgumentParser) -> None:
    p.add_argument("--kind", help="only this kind (ministry, province, group, …)")


def run_agencies(args: argparse.Namespace, env: Environment) -> int:
    from vbparse.extract.agencies.gazetteer import load_gazetteer
    from vbparse.extract.agencies.matcher import format_gazetteer

    kinds = sorted({entry.kind for entry in load_gazetteer().entries})
    if args.kind is not None and args.kind not in kinds:
        raise UsageError(f"--kind {args.kind}: unknown kind; known: {', '.join(kinds)}")
    for line in format_gazetteer(kind=args.kind):
        print(line, file=env.stdout)
    return ExitStatus.SUCCESS


def configure_report(p: argparse.ArgumentParser) -> None:
    records = p.add_argument(
        "records", type=Path, metavar="RECORDS", help="tasks.jsonl or docs.jsonl"
    )
    records.complete = shtab.FILE  # type: ignore[attr-defined]
    p.add_argument("-o", "--output", type=Path, required=True, help="the HTML file to write")
    p.add_argument(
        "--as-of",
        type=_date,
        default=None,
        metavar="YYYY-MM-DD",
        help="the day overdue is counted from (default: today)",
    )
    p.add_argument("--title", default="Tasks of the directives", help="the page's title")


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date YYYY-MM-DD: {text!r}") from None


def run_report(args: argparse.Namespace, env: Environment) -> int:
    from vbparse.output.report import write_report
    from vbparse.output.report_data import ReportInputError, load_rows

    if not args.records.is_file():
        raise UsageError(f"{args.records}: no such file")
    if args.output.is_dir() or str(args.output) == "-":
        raise UsageError(f"-o {args.output}: give an HTML file name")
    as_of = args.as_of or dt.date.today()
    try:
        rows = load_rows(args.records, as_of)
    except ReportInputError as exc:
        env.error(str(exc))
        return ExitStatus.SOME_FAILED
    args.output.parent.mkdir(parents=True, exist_ok=True)
    write_report(rows, as_of, args.output, args.title)
    env.info(f"{len(rows)} tasks → {args.output}")
    return ExitStatus.SUCCESS


def configure_show(p: argparse.ArgumentParser) -> None:
    file = p.add_argument(
        "file", type=Path, metavar="FILE", help="one document (.txt .md .pdf .docx …)"
    )
    file.complete = shtab.FILE  # type: ignore[attr-defined]
    p.add_argument(
        "--explain",
        action="store_true",
        help="name the gazetteer entry or grammar rule behind each value",
    )


def run_show(args: argparse.Namespace, env: Environment) -> int:
    from vbparse.ingest import IngestError
    from vbparse.pipeline import StageError, parse_file_stages
    from vbparse.show import show_document

    if not args.file.is_file():
        raise UsageError(f"{args.file}: no such file")
    try:
        parsed = parse_file_stages(args.file)
    except (IngestError, StageError) as exc:
        env.error(f"{args.file}: {exc}")
        return ExitStatus.SOME_FAILED
    show_document(parsed, env.stdout, explain=args.explain)
    return ExitStatus.SUCCESS
