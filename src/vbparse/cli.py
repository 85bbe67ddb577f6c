"""The ``vbparse`` command.

    vbparse PATH... [-o tasks.jsonl] [--records tasks|documents] [--errors FILE]
            [-w N] [--timeout SECONDS] [--incremental] [--engine dask --scheduler ADDRESS]
    vbparse eval GOLD_DIR PATH... [--min task_f1=0.9 ...]
    vbparse schema -o schemas/ [--check]
    vbparse agencies [--kind ministry]

stdout carries only records (with ``-o -``); errors and progress go to stderr. Errors are
never hidden, not even with ``-q``.
"""

from __future__ import annotations

import argparse
import os
import signal
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import IO, ClassVar

from vbparse import __version__
from vbparse.exit_status import ExitStatus
from vbparse.file_names import display_path
from vbparse.ingest.safety import DEFAULT_TEXT_MB
from vbparse.limits import DEFAULT_MEMORY_MB, DEFAULT_TIMEOUT_S, parse_megabytes, parse_seconds
from vbparse.output_paths import OutputPathError, check_outputs, finish_outputs, open_outputs
from vbparse.termination import Terminated, raise_terminated, sigterm_stops, stop_for

COMMANDS = ("eval", "schema", "agencies")


@dataclass
class Environment:
    """The streams the command talks to (injected by tests, after httpie's ``Environment``)."""

    stdout: IO[str]
    stderr: IO[str]

    @property
    def stderr_isatty(self) -> bool:
        return hasattr(self.stderr, "isatty") and self.stderr.isatty()

    def error(self, message: str) -> None:
        print(f"vbparse: error: {message}", file=self.stderr, flush=True)

    def info(self, message: str, quiet: int) -> None:
        if quiet < 1:
            print(f"vbparse: {message}", file=self.stderr, flush=True)


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # usage errors exit 2, httpie style
        self.print_usage(sys.stderr)
        raise SystemExit(f"vbparse: error: {message}")


def _parse_parser() -> argparse.ArgumentParser:
    p = _Parser(
        prog="vbparse",
        description="Turn Vietnamese government directives into JSON Lines task records. "
        f"Other commands: {', '.join(COMMANDS)} (vbparse COMMAND --help).",
    )
    p.add_argument("paths", nargs="+", type=Path, metavar="PATH", help="files or folders")
    p.add_argument("-o", "--output", default="-", help="output file, '-' for stdout (default)")
    p.add_argument(
        "--records",
        choices=("tasks", "documents"),
        default="tasks",
        help="one JSON object per task (default) or per document with tasks nested",
    )
    p.add_argument("--errors", help="also write error records (JSON Lines) here")
    p.add_argument(
        "-w",
        "--workers",
        type=_count,
        default=None,
        help="worker processes (default: the machine's cores; 0: parse in this process)",
    )
    p.add_argument(
        "--timeout",
        type=_seconds,
        default=DEFAULT_TIMEOUT_S,
        metavar="SECONDS",
        help="give up on a file after this long (an error record with stage 'timeout'; "
        f"default {DEFAULT_TIMEOUT_S:g}, 0: no limit)",
    )
    p.add_argument(
        "--max-memory",
        type=_megabytes,
        default=DEFAULT_MEMORY_MB,
        metavar="MB",
        help="address space of each worker process; a file that needs more becomes an error "
        f"record with stage 'memory' (default {DEFAULT_MEMORY_MB}, 0: no limit)",
    )
    p.add_argument(
        "--max-text-mb",
        type=_megabytes,
        default=DEFAULT_TEXT_MB,
        metavar="MB",
        help=f"largest text a file may hold (default {DEFAULT_TEXT_MB}, 0: no limit)",
    )
    p.add_argument(
        "--incremental",
        action="store_true",
        help="reuse the records of files unchanged since the last --incremental run to the "
        "same -o FILE (same content sha256 and vbparse version); parse only the others",
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
    p.add_argument("-q", "--quiet", action="count", default=0, help="less on stderr")
    p.add_argument("--version", action="version", version=f"vbparse {__version__}")
    return p


def _count(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value < 0:
        raise argparse.ArgumentTypeError("must be 0 or more")
    return value


def _seconds(text: str) -> float | None:
    try:
        return parse_seconds(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _megabytes(text: str) -> int | None:
    try:
        return parse_megabytes(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def main(argv: list[str] | None = None, env: Environment | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    env = env or Environment(stdout=sys.stdout, stderr=sys.stderr)
    try:
        with sigterm_stops():
            if argv and argv[0] in COMMANDS and not Path(argv[0]).exists():
                return _run_command(argv[0], argv[1:], env)
            args = _parse_parser().parse_args(argv)
            return _run_parse(args, env)
    except SystemExit as exc:
        if isinstance(exc.code, str):
            print(exc.code, file=env.stderr)
            return ExitStatus.USAGE
        return int(exc.code or 0)
    except Terminated:
        env.error("terminated")
        return ExitStatus.TERMINATED
    except KeyboardInterrupt:
        env.error("interrupted")
        return ExitStatus.CTRL_C
    except OutputPathError as exc:  # the output could not be completed (a full disk)
        env.error(str(exc))
        return ExitStatus.SOME_FAILED
    except BrokenPipeError:
        # The reader of stdout went away (``vbparse … -o - | head``): stop quietly.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return ExitStatus.SUCCESS
    except OSError as exc:  # the file system failed outside any one file
        where = f"{display_path(exc.filename)}: " if exc.filename else ""
        env.error(f"{where}{exc.strerror or exc}")
        return ExitStatus.SOME_FAILED
    except Exception as exc:  # a bug: one line on stderr, never a traceback
        env.error(f"internal error (please report it): {type(exc).__name__}: {exc}")
        return ExitStatus.SOME_FAILED


def _run_command(name: str, argv: list[str], env: Environment) -> int:
    from vbparse import commands

    return getattr(commands, f"run_{name}")(argv, env)


def _run_parse(args: argparse.Namespace, env: Environment) -> int:
    from vbparse.batch import (
        EngineUnavailable,
        MissingPath,
        as_json_lines,
        default_workers,
        discover,
        load_engine,
        render_all,
    )
    from vbparse.incremental import EarlierRun, ManifestMismatch, ManifestWriter
    from vbparse.models import ErrorRecord
    from vbparse.write import write_record

    if args.incremental and args.output == "-":
        env.error("--incremental needs an output file (-o FILE) to compare with")
        return ExitStatus.USAGE
    try:
        load_engine(args.engine, args.scheduler)
        files = discover(args.paths)
    except (MissingPath, EngineUnavailable) as exc:
        env.error(str(exc))
        return ExitStatus.USAGE
    if not files:
        env.error("no files to parse (looked for .txt, .md, .pdf, .docx and images)")
        return ExitStatus.USAGE
    try:  # before any work: never overwrite an input, fail now rather than after parsing
        outputs = open_outputs(check_outputs(args.output, args.errors, files))
    except OutputPathError as exc:
        env.error(str(exc))
        return ExitStatus.USAGE

    earlier = EarlierRun.empty(Path(args.output))
    if args.incremental:
        try:
            earlier = EarlierRun.load(Path(args.output))
        except ManifestMismatch as exc:
            env.info(f"{exc}; parsing every file", args.quiet)
    reused = {path: entry for path in files if (entry := earlier.reusable(path, args.records))}
    to_parse = [path for path in files if path not in reused]
    workers = default_workers() if args.workers is None else args.workers
    workers = min(workers, len(to_parse))
    results = render_all(
        to_parse,
        partial(as_json_lines, records=args.records),
        workers,
        timeout=args.timeout,
        memory_mb=args.max_memory,
        text_mb=args.max_text_mb,
        engine=args.engine,
        scheduler=args.scheduler,
    )

    out = outputs["-o"].stream if "-o" in outputs else env.stdout
    manifest = ManifestWriter(Path(args.output)) if args.incremental else None
    errors = outputs["--errors"].stream if "--errors" in outputs else None
    progress = _Progress(env, args.quiet, len(files))
    done = failed = tasks = 0
    interrupted = keep = True
    stopped_by: BaseException | None = None
    try:
        with _HeldInterrupts() as interrupts:
            for path in files:
                entry = reused.get(path)
                if entry is not None:
                    text, sha256 = earlier.read_lines(path), entry.sha256
                    tasks += entry.lines if args.records == "tasks" else 0
                else:
                    got, result = next(results)
                    assert got == path, (got, path)
                    if isinstance(result, ErrorRecord):
                        failed += 1
                        progress.clear()
                        env.error(f"{result.path}: {result.error}")
                        if errors:
                            write_record(errors, result)
                            errors.flush()
                        done += 1
                        progress.show(done, failed)
                        continue
                    text, sha256 = result.text, result.sha256
                    tasks += result.tasks
                with interrupts.held():  # a document's lines go out whole, or not at all
                    out.write(text)
                    out.flush()
                    if manifest:
                        manifest.add(path, sha256, args.records, text)
                    done += 1
                progress.show(done, failed)
        interrupted = False
    except KeyboardInterrupt as exc:  # Ctrl-C, or SIGTERM (``Terminated``)
        stopped_by = exc
    except (OSError, EngineUnavailable) as exc:  # the engine could not start or went away
        if isinstance(exc, BrokenPipeError):
            raise
        keep = False
        progress.clear()
        kept = "" if args.output == "-" else f"; {args.output} left as it was"
        env.error(f"run stopped ({args.engine} engine): {type(exc).__name__}: {exc}{kept}")
    finally:
        results.close()  # stops the workers
        earlier.close()
        env.stdout.flush()
        try:
            finish_outputs(outputs, keep)
        finally:
            if manifest:
                manifest.finish(keep)
    progress.clear()
    target = "stdout" if args.output == "-" else args.output
    if not keep:
        return ExitStatus.SOME_FAILED
    if interrupted:
        hint = " (run it again with --incremental to go on)" if args.incremental else ""
        how = "terminated" if isinstance(stopped_by, Terminated) else "interrupted"
        env.error(
            f"{how} after {done} of {len(files)} files; the records of those "
            f"{done - failed} documents were kept in {target}{hint}"
        )
        return ExitStatus.TERMINATED if how == "terminated" else ExitStatus.CTRL_C
    summary = f"{done - failed} documents read, {tasks} tasks, {failed} files failed → {target}"
    if args.incremental:
        summary += f" ({len(reused)} unchanged since the last run, not parsed again)"
    env.info(summary, args.quiet)
    return ExitStatus.SOME_FAILED if failed else ExitStatus.SUCCESS


class _HeldInterrupts:
    """Ctrl-C and SIGTERM raise ``KeyboardInterrupt`` (``Terminated``) as usual, except
    inside ``held()``: there they wait until the block is done, so that output never ends in
    the middle of a document."""

    _SIGNALS: ClassVar[dict[int, object]] = {
        signal.SIGINT: signal.default_int_handler,
        signal.SIGTERM: raise_terminated,
    }

    def __init__(self) -> None:
        self._holding = False
        self._pending: int | None = None
        self._previous: dict[int, object] = {}

    def __enter__(self) -> _HeldInterrupts:
        if threading.current_thread() is threading.main_thread():
            for signum, expected in self._SIGNALS.items():
                if signal.getsignal(signum) is expected:
                    self._previous[signum] = signal.signal(signum, self._on_signal)
        return self

    def __exit__(self, *exc_info: object) -> None:
        for signum, previous in self._previous.items():
            signal.signal(signum, previous)

    def _on_signal(self, signum: int, frame: object) -> None:
        if self._holding:
            self._pending = signum
        else:
            raise stop_for(signum)

    @contextmanager
    def held(self) -> Iterator[None]:
        self._holding = True
        try:
            yield
        finally:
            self._holding = False
        if self._pending is not None:
            signum, self._pending = self._pending, None
            raise stop_for(signum)


class _Progress:
    """``[done/total] percent, docs/s, failures, time left`` on stderr, redrawn in place at
    most ten times a second; only when stderr is a terminal and not ``-q``."""

    def __init__(self, env: Environment, quiet: int, total: int) -> None:
        self.env = env
        self.total = total
        self.active = quiet < 1 and env.stderr_isatty
        self.started = time.monotonic()
        self.drawn = 0.0
        self.visible = False

    def show(self, done: int, failed: int) -> None:
        now = time.monotonic()
        if not self.active or (now - self.drawn < 0.1 and done < self.total):
            return
        self.drawn = now
        rate = done / max(now - self.started, 1e-9)
        left = (self.total - done) / rate if rate > 0 else 0.0
        width = len(str(self.total))
        self.env.stderr.write(
            f"\r\x1b[K[{done:{width}d}/{self.total}] {100 * done / self.total:3.0f}% "
            f"{rate:.1f} docs/s, {failed} failed, {int(left) // 60}:{int(left) % 60:02d} left"
        )
        self.env.stderr.flush()
        self.visible = True

    def clear(self) -> None:
        if self.visible:
            self.env.stderr.write("\r\x1b[K")
            self.env.stderr.flush()
            self.visible = False


if __name__ == "__main__":
    sys.exit(main())
