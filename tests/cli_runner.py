"""Run the vbparse command line in-process, as the CLI tests do: (exit status, stdout, stderr)."""

from __future__ import annotations

import io

from vbparse.cli import Environment, main


def run(*args: object) -> tuple[int, str, str]:
    env = Environment(stdout=io.StringIO(), stderr=io.StringIO())
    status = main(list(map(str, args)), env)
    return status, env.stdout.getvalue(), env.stderr.getvalue()
