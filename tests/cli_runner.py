"""Run the vbparse command line in-process, as the CLI tests do: (exit status, stdout, stderr)."""

from __future__ import annotations

import io
import signal

from vbparse.cli import Environment, main


def run(*args: object) -> tuple[int, str, str]:
    env = Environment(stdout=io.StringIO(), stderr=io.StringIO())
    status = main(list(map(str, args)), env)
    return status, env.stdout.getvalue(), env.stderr.getvalue()


def as_from_a_terminal() -> None:
    """``preexec_fn`` for a vbparse started by a test that interrupts it: Ctrl-C as a
    terminal gives it. A shell's background job (``make test &``) ignores SIGINT, and a
    child inherits what its parent ignores, so Python would not turn it into
    KeyboardInterrupt and the test would wait in vain."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
