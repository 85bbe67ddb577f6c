"""The sub-commands of ``vbparse``: eval, schema, agencies."""

from __future__ import annotations

import json
from pathlib import Path

from vbparse.cli import Environment, _Parser
from vbparse.exit_status import ExitStatus


def run_eval(argv: list[str], env: Environment) -> int:
    p = _Parser(prog="vbparse eval", description="Score parsed documents against gold files.")
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
    args = p.parse_args(argv)
    import os

    from vbparse.batch import MissingPath, discover, parse_all
    from vbparse.evaluate import (
        GoldError,
        evaluate,
        format_evaluation,
        format_misses,
        load_gold,
    )
    from vbparse.models import Document

    if not args.gold.is_dir():
        env.error(f"{args.gold}: not a folder of gold files")
        return ExitStatus.USAGE
    try:
        files = discover(args.paths)
        gold = load_gold(args.gold)
    except (MissingPath, GoldError) as exc:
        env.error(str(exc))
        return ExitStatus.USAGE
    # Only documents with gold are parsed (a corpus folder also holds SOURCES.md, notes).
    scored = [f for f in files if f.stem in gold]
    documents = []
    workers = (os.cpu_count() or 1) if args.workers is None else args.workers
    for path, result in parse_all(scored, workers):
        if isinstance(result, Document):
            documents.append(result)
        else:
            env.error(f"{path}: {result.error}")
    evaluation = evaluate(args.gold, documents)
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
    for item in args.min:
        name, _, value = item.partition("=")
        if name not in metrics:
            env.error(f"--min {item}: unknown metric; known: {', '.join(sorted(metrics))}")
            return ExitStatus.USAGE
        if metrics[name] < float(value):
            env.error(f"{name} = {metrics[name]:.3f}, below the minimum {float(value):.3f}")
            status = ExitStatus.SOME_FAILED
    return status


def run_schema(argv: list[str], env: Environment) -> int:
    p = _Parser(prog="vbparse schema", description="Write the JSON Schema of the records.")
    p.add_argument("-o", "--output", type=Path, default=Path("schemas"), help="folder")
    p.add_argument("--check", action="store_true", help="exit 1 if the files differ")
    args = p.parse_args(argv)
    from vbparse.schema import schema_texts, write_schemas

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


def run_agencies(argv: list[str], env: Environment) -> int:
    p = _Parser(prog="vbparse agencies", description="List the agency gazetteer.")
    p.add_argument("--kind", help="only this kind (ministry, province, group, …)")
    args = p.parse_args(argv)
    from vbparse.extract.agencies import format_gazetteer

    for line in format_gazetteer(kind=args.kind):
        print(line, file=env.stdout)
    return ExitStatus.SUCCESS
