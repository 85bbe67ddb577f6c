"""``vbparse parse PATH...`` (or just ``vbparse PATH...``): parse files and folders into
records — JSON Lines, CSV, Excel or SQLite — in path order, with a summary that hides nothing.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import Any

import shtab

from vbparse.console import Environment, UsageError, add_verbosity
from vbparse.ingest.safety import DEFAULT_TEXT_MB
from vbparse.limits import DEFAULT_MEMORY_MB, DEFAULT_TIMEOUT_S, parse_megabytes, parse_seconds
from vbparse.output import FORMATS, UnknownFormat, output_format
from vbparse.output_paths import OutputPathError, check_outputs, open_outputs


def configure_parse(p: argparse.ArgumentParser) -> None:
    paths = p.add_argument("paths", nargs="+", type=Path, metavar="PATH", help="files or folders")
    paths.complete = shtab.FILE  # type: ignore[attr-defined]
    p.add_argument(
        "-o",
        "--output",
        default="-",
        help="output file, '-' for stdout (default); its extension picks the format: "
        ".jsonl, .csv, .xlsx, .sqlite",
    )
    p.add_argument("--format", choices=FORMATS, help="output format (default: by extension)")
    p.add_argument(
        "--records",
        choices=("tasks", "documents"),
        default="tasks",
        help="JSON Lines: one object per task (default) or per document with tasks nested",
    )
    p.add_argument(
        "--text",
        action="store_true",
        help="with --records documents: include the normalized text every span points into",
    )
    p.add_argument("--errors", type=Path, help="also write error records (JSON Lines) here")
    p.add_argument(
        "-w",
        "--workers",
        type=_count,
        default=None,
        help="worker processes (default: the machine's cores; 0: parse in this process)",
    )
    p.add_argument(
        "--timeout",
        type=_limit(parse_seconds),
        default=DEFAULT_TIMEOUT_S,
        metavar="SECONDS",
        help="give up on a file after this long (an error record with stage 'timeout'; "
        f"default {DEFAULT_TIMEOUT_S:g}, 0: no limit)",
    )
    p.add_argument(
        "--max-memory",
        type=_limit(parse_megabytes),
        default=DEFAULT_MEMORY_MB,
        metavar="MB",
        help="address space of each worker process; a file that needs more becomes an error "
        f"record with stage 'memory' (default {DEFAULT_MEMORY_MB}, 0: no limit)",
    )
    p.add_argument(
        "--max-text-mb",
        type=_limit(parse_megabytes),
        default=DEFAULT_TEXT_MB,
        metavar="MB",
        help=f"largest text a file may hold (default {DEFAULT_TEXT_MB}, 0: no limit)",
    )
    p.add_argument(
        "--incremental",
        action="store_true",
        help="reuse the records of files unchanged since the last --incremental run to the "
        "same -o FILE (same content, vbparse version and grammar files); parse only the others",
    )
    p.add_argument(
        "--engine",
        choices=("local", "dask"),
        default="local",
        help="local worker processes (default) or a dask.distributed cluster",
    )
    p.add_argument(
        "--scheduler", metavar="ADDRESS", help="Dask scheduler address, e.g. tcp://host:8786"
    )
    ocr = p.add_argument_group("reading limits (PDF and images)")
    ocr.add_argument(
        "--ocr",
        choices=("auto", "force", "off"),
        default="auto",
        help="auto: OCR pages without a usable text layer (default); force: every page; "
        "off: never (a scan is then an error)",
    )
    ocr.add_argument("--max-pages", type=_positive, metavar="N", help="pages read (default 100)")
    ocr.add_argument(
        "--time-limit",
        type=_seconds,
        metavar="SECONDS",
        help="reading time per file before the rest is skipped, with a warning (default 120)",
    )
    ocr.add_argument("--ocr-dpi", type=_positive, metavar="DPI", help="OCR resolution (300)")
    add_verbosity(p)


def _count(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value < 0:
        raise argparse.ArgumentTypeError("must be 0 or more")
    return value


def _limit(parse: Callable[[str], Any]) -> Callable[[str], Any]:
    """An argparse type from a ``vbparse.limits`` parser (0: no limit)."""

    def convert(text: str) -> Any:
        try:
            return parse(text)
        except ValueError as exc:
            raise argparse.ArgumentTypeError(str(exc)) from None

    return convert


def _positive(text: str) -> int:
    value = _count(text)
    if value == 0:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return value


def _seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if not value > 0:
        raise argparse.ArgumentTypeError("must be a positive number of seconds")
    return value


def check_usage(args: argparse.Namespace) -> str:
    """The output format; ``UsageError`` for any bad combination, before any work is done."""
    if args.output != "-" and Path(args.output).is_dir():
        raise UsageError(f"-o {args.output}: is a folder; give a file name (e.g. tasks.jsonl)")
    try:
        fmt = output_format(args.output, args.format)
    except UnknownFormat as exc:
        raise UsageError(str(exc)) from None
    if args.output == "-" and fmt != "jsonl":
        raise UsageError(f"--format {fmt} cannot go to stdout; give a file name with -o")
    if args.errors is not None and args.errors.is_dir():
        raise UsageError(f"--errors {args.errors}: is a folder; give a file name")
    if fmt != "jsonl" and args.records == "documents":
        raise UsageError(f"--records documents is for JSON Lines; {fmt} has a row per task")
    if args.text and (fmt != "jsonl" or args.records != "documents"):
        raise UsageError("--text goes with --records documents (JSON Lines)")
    if args.incremental and args.output == "-":
        raise UsageError("--incremental needs an output file (-o FILE) to compare with")
    if args.incremental and fmt != "jsonl":
        raise UsageError(f"--incremental is for JSON Lines output, not {fmt}")
    return fmt


def run_parse(args: argparse.Namespace, env: Environment) -> int:
    from vbparse.batch import (
        EngineUnavailable,
        MissingPath,
        describe_others,
        discover_with_others,
        load_engine,
    )
    from vbparse.ingest import supported_suffixes

    fmt = check_usage(args)
    try:
        load_engine(args.engine, args.scheduler)
        files, others = discover_with_others(args.paths)
    except (MissingPath, EngineUnavailable) as exc:
        raise UsageError(str(exc)) from None
    if (passed_over := describe_others(others)) is not None:
        env.info(passed_over)
    if not files:
        looked = ", ".join(supported_suffixes())
        raise UsageError(f"no files to parse (looked for {looked})")
    errors = str(args.errors) if args.errors is not None else None
    try:  # before any work: never overwrite an input, fail now rather than after parsing
        targets = check_outputs(args.output, errors, files)
        atomic = {k: v for k, v in targets.items() if k == "--errors" or fmt == "jsonl"}
        outputs = open_outputs(atomic)
    except OutputPathError as exc:
        raise UsageError(str(exc)) from None
    from vbparse.parse_run import BatchRun

    return BatchRun(args, env, files, fmt, outputs).run()
