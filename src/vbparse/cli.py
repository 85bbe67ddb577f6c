"""The ``vbparse`` command.

    vbparse PATH... [-o tasks.jsonl] [--records tasks|documents] [--errors FILE]
    vbparse eval GOLD_DIR PATH... [--min task_f1=0.9 ...]
    vbparse schema -o schemas/ [--check]
    vbparse agencies [--kind ministry]

stdout carries only records (with ``-o -``); errors and progress go to stderr. Errors are
never hidden, not even with ``-q``.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from vbparse import __version__
from vbparse.exit_status import ExitStatus

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
    p.add_argument("--errors", type=Path, help="also write error records (JSON Lines) here")
    p.add_argument(
        "-w", "--workers", type=int, default=None, help="worker processes (default: cores)"
    )
    p.add_argument("-q", "--quiet", action="count", default=0, help="less on stderr")
    p.add_argument("--version", action="version", version=f"vbparse {__version__}")
    return p


def main(argv: list[str] | None = None, env: Environment | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    env = env or Environment(stdout=sys.stdout, stderr=sys.stderr)
    try:
        if argv and argv[0] in COMMANDS and not Path(argv[0]).exists():
            return _run_command(argv[0], argv[1:], env)
        args = _parse_parser().parse_args(argv)
        return _run_parse(args, env)
    except SystemExit as exc:
        if isinstance(exc.code, str):
            print(exc.code, file=env.stderr)
            return ExitStatus.USAGE
        return int(exc.code or 0)
    except KeyboardInterrupt:
        env.error("interrupted")
        return ExitStatus.CTRL_C
    except BrokenPipeError:
        # The reader of stdout went away (``vbparse … -o - | head``): stop quietly.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return ExitStatus.SUCCESS


def _run_command(name: str, argv: list[str], env: Environment) -> int:
    from vbparse import commands

    return getattr(commands, f"run_{name}")(argv, env)


def _run_parse(args: argparse.Namespace, env: Environment) -> int:
    from vbparse.batch import MissingPath, default_workers, discover, parse_all
    from vbparse.models import ErrorRecord
    from vbparse.write import task_records, write_record

    try:
        files = discover(args.paths)
    except MissingPath as exc:
        env.error(str(exc))
        return ExitStatus.USAGE
    if not files:
        env.error("no files to parse (looked for .txt, .md, .pdf, .docx and images)")
        return ExitStatus.USAGE
    workers = args.workers or min(default_workers(), len(files))
    out, finish = _open_output(args.output, env)
    errors = args.errors.open("w", encoding="utf-8") if args.errors else None
    done = failed = tasks = 0
    started = time.monotonic()
    interrupted = False
    try:
        for path, result in parse_all(files, workers):
            done += 1
            if isinstance(result, ErrorRecord):
                failed += 1
                env.error(f"{path}: {result.error}")
                if errors:
                    write_record(errors, result)
            elif args.records == "documents":
                tasks += len(result.tasks)
                write_record(out, result)
            else:
                for record in task_records(result):
                    tasks += 1
                    write_record(out, record)
            out.flush()
            _progress(env, args.quiet, done, len(files), failed, started)
    except KeyboardInterrupt:
        interrupted = True
    finally:
        finish()
        if errors:
            errors.close()
    if env.stderr_isatty and args.quiet < 1:
        print(file=env.stderr)
    if interrupted:
        env.error(f"interrupted after {done} of {len(files)} files; records so far were kept")
        return ExitStatus.CTRL_C
    target = "stdout" if args.output == "-" else args.output
    env.info(
        f"{done - failed} documents read, {tasks} tasks, {failed} files failed → {target}",
        args.quiet,
    )
    return ExitStatus.SOME_FAILED if failed else ExitStatus.SUCCESS


def _open_output(name: str, env: Environment):
    """The output stream and a function that completes it (renaming a temporary file into
    place, so a reader never sees a half-written line)."""
    if name == "-":
        return env.stdout, env.stdout.flush
    target = Path(name)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
    stream = os.fdopen(fd, "w", encoding="utf-8")

    def finish() -> None:
        stream.close()
        os.replace(tmp, target)

    return stream, finish


def _progress(env: Environment, quiet: int, done: int, total: int, failed: int, t0: float) -> None:
    if quiet or not env.stderr_isatty:
        return
    rate = done / max(time.monotonic() - t0, 1e-9)
    env.stderr.write(f"\r[{done}/{total}] {rate:.1f} docs/s, {failed} failed ")
    env.stderr.flush()


if __name__ == "__main__":
    sys.exit(main())
