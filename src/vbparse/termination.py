"""SIGTERM stops a run the way Ctrl-C does (issue 14): the workers are stopped, whole
documents are kept, temporary files are removed, and the exit code is 143."""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager


class Terminated(KeyboardInterrupt):
    """SIGTERM: the run stops as for Ctrl-C (workers stopped, whole documents kept, temporary
    files removed) and exits 143."""


def stop_for(signum: int) -> KeyboardInterrupt:
    return Terminated() if signum == signal.SIGTERM else KeyboardInterrupt()


def raise_terminated(signum: int, frame: object) -> None:
    raise Terminated


@contextmanager
def sigterm_stops() -> Iterator[None]:
    """SIGTERM raises ``Terminated`` in this block (its default would end the process with
    no clean-up), where the program has not chosen its own handling."""
    in_main = threading.current_thread() is threading.main_thread()
    if not in_main or signal.getsignal(signal.SIGTERM) is not signal.SIG_DFL:
        yield
        return
    previous = signal.signal(signal.SIGTERM, raise_terminated)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)
