"""The streams a command talks to, usage errors and the verbosity options shared by every
command (kept apart from ``vbparse.cli``, so that commands do not import the module that loads
them)."""

from __future__ import annotations

import argparse
from dataclasses import dataclass
from typing import IO, Any

__all__ = ["Environment", "UsageError", "add_verbosity"]


@dataclass
class Environment:
    """The streams the command talks to (injected by tests, after httpie's ``Environment``).

    ``quiet`` (``-q`` count) and ``verbose`` (``-v`` count) are set once the options are
    read; ``display`` is the live progress display, if any, that lines must go above.
    """

    stdout: IO[str]
    stderr: IO[str]
    quiet: int = 0
    verbose: int = 0
    display: Any = None

    @property
    def stderr_isatty(self) -> bool:
        return hasattr(self.stderr, "isatty") and self.stderr.isatty()

    def _emit(self, line: str) -> None:
        if self.display is None or not self.display.print(line):
            print(line, file=self.stderr, flush=True)

    def error(self, message: str) -> None:
        """Always shown."""
        self._emit(f"vbparse: error: {message}")

    def warning(self, message: str) -> None:
        """Shown unless ``-qq``."""
        if self.quiet < 2:
            self._emit(f"vbparse: warning: {message}")

    def info(self, message: str, quiet: int | None = None) -> None:
        """Shown unless ``-q``."""
        if (self.quiet if quiet is None else quiet) < 1:
            self._emit(f"vbparse: {message}")

    def detail(self, message: str) -> None:
        """Shown with ``-v``."""
        if self.verbose > 0:
            self._emit(f"vbparse: {message}")


class UsageError(Exception):
    """Bad arguments found before any work was done (exit 2)."""


def add_verbosity(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "-q", "--quiet", action="count", default=0, help="less on stderr (-qq: no warnings)"
    )
    parser.add_argument(
        "-v", "--verbose", action="count", default=0, help="more on stderr (each warning)"
    )
