"""The ``vbparse`` command: subcommands, each with its own options.

    vbparse PATH... [-o tasks.jsonl|.csv|.xlsx|.sqlite] [options]   (= vbparse parse PATH...)
    vbparse eval GOLD_DIR PATH... [--min task_f1=0.9 ...]
    vbparse report tasks.jsonl -o report.html [--as-of DATE]
    vbparse show FILE [--explain]
    vbparse schema -o schemas/ [--check]
    vbparse agencies [--kind ministry]
    vbparse help [COMMAND]

A command name always wins over a file or folder of the same name (``vbparse ./eval`` or
``vbparse parse eval`` parses a folder named ``eval``); a path as the first argument runs
``parse``. stdout carries only records (with ``-o -``); errors, warnings and progress go to
stderr. Errors are never hidden, not even with ``-qq``.
"""

from __future__ import annotations

import argparse
import difflib
import importlib
import os
import sys
from pathlib import Path

from vbparse import __version__
from vbparse.console import Environment, UsageError
from vbparse.exit_status import ExitStatus
from vbparse.file_names import display_path
from vbparse.output_paths import OutputPathError
from vbparse.termination import Terminated, sigterm_stops

# name → (module with ``configure(parser)`` and ``run(args, env)``, one-line help)
COMMANDS: dict[str, tuple[str, str]] = {
    "parse": ("vbparse.parse_command", "parse files and folders into task records (default)"),
    "eval": ("vbparse.commands", "score parsed documents against gold files"),
    "report": ("vbparse.commands", "an HTML report (charts, filterable tasks) of records"),
    "show": ("vbparse.commands", "one document in the terminal: fields, clauses, tasks"),
    "schema": ("vbparse.commands", "write the JSON Schema of the records"),
    "agencies": ("vbparse.commands", "list the agency gazetteer"),
    "completion": ("vbparse.cli", "print a shell completion script (bash, zsh, tcsh)"),
    "help": ("vbparse.cli", "show the help of vbparse or of one command"),
}


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # usage errors exit 2, httpie style
        self.print_usage(sys.stderr)
        raise SystemExit(f"vbparse: error: {message}")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="vbparse",
        description="Turn Vietnamese government directives into task records, tables and "
        "reports. 'vbparse PATH...' is 'vbparse parse PATH...'.",
        epilog="'vbparse COMMAND --help' shows a command's options.",
    )
    parser.add_argument("--version", action="version", version=f"vbparse {__version__}")
    commands = parser.add_subparsers(dest="command", title="commands", metavar="COMMAND")
    parser.set_defaults(subparsers={})
    for name, (module, summary) in COMMANDS.items():
        sub = commands.add_parser(name, help=summary, description=summary[:1].upper() + summary[1:])
        parser.get_default("subparsers")[name] = sub
        configure = getattr(importlib.import_module(module), f"configure_{name}")
        configure(sub)
    return parser


def configure_help(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("topic", nargs="?", metavar="COMMAND", help="a command")


def run_help(args: argparse.Namespace, env: Environment) -> int:
    parser = build_parser()
    if args.topic is None:
        print(parser.format_help(), file=env.stdout, end="")
    elif args.topic in COMMANDS:
        print(parser.get_default("subparsers")[args.topic].format_help(), file=env.stdout, end="")
    else:
        raise UsageError(_unknown_command(args.topic))
    return ExitStatus.SUCCESS


def configure_completion(p: argparse.ArgumentParser) -> None:
    p.add_argument("shell", choices=("bash", "zsh", "tcsh"), help="the shell to complete in")
    p.epilog = "e.g. vbparse completion bash > ~/.local/share/bash-completion/completions/vbparse"


def run_completion(args: argparse.Namespace, env: Environment) -> int:
    import shtab

    print(shtab.complete(build_parser(), shell=args.shell), file=env.stdout)
    return ExitStatus.SUCCESS


def _unknown_command(word: str) -> str:
    close = difflib.get_close_matches(word, COMMANDS, n=1, cutoff=0.6)
    hint = f"; did you mean '{close[0]}'?" if close else ""
    return f"unknown command or missing path '{word}'{hint} ('vbparse help' lists the commands)"


def with_command(argv: list[str]) -> list[str]:
    """``argv`` with its command first: a path (or an option) first means ``parse``."""
    if not argv:
        return ["parse"]
    first = argv[0]
    if first in COMMANDS or first in ("-h", "--help", "--version"):
        return argv
    if first.startswith("-") or Path(first).exists():
        return ["parse", *argv]
    looks_like_path = os.sep in first or "/" in first or Path(first).suffix
    if not looks_like_path and difflib.get_close_matches(first, COMMANDS, n=1, cutoff=0.6):
        raise UsageError(_unknown_command(first))
    return ["parse", *argv]  # parse says the path does not exist


def main(argv: list[str] | None = None, env: Environment | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    env = env or Environment(stdout=sys.stdout, stderr=sys.stderr)
    try:
        with sigterm_stops():
            args = build_parser().parse_args(with_command(argv))
            env.quiet = getattr(args, "quiet", 0)
            env.verbose = getattr(args, "verbose", 0)
            module = importlib.import_module(COMMANDS[args.command][0])
            return getattr(module, f"run_{args.command}")(args, env)
    except UsageError as exc:
        env.error(str(exc))
        return ExitStatus.USAGE
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


if __name__ == "__main__":
    sys.exit(main())
