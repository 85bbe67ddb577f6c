"""Bounds on one file's parse: time and memory (issue 14).

Whatever a file holds, its parse ends: ``file_deadline`` raises ``TimeLimitExceeded`` in the
parsing thread when the file's time is up (SIGALRM, so it also stops a pure-Python loop such
as pdfminer following a reference cycle, and a ``regex`` match, which checks for signals while
it backtracks), and ``limit_memory`` caps a worker's address space (RLIMIT_AS), so that an
allocation past it raises ``MemoryError`` in that worker instead of the machine swapping
(``memory_capped`` does the same for one file parsed in the vbparse process itself).
``subprocesses_stopped`` kills what a file started (Tesseract) when its time is up.
Code in C that checks no signals (pdfium, Pillow's decoders) is stopped by the parent process,
which kills a worker that overruns its time by ``KILL_GRACE_S``.
"""

from __future__ import annotations

import math
import signal
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

DEFAULT_TIMEOUT_S = 300.0
DEFAULT_MEMORY_MB = 4096
# The parent kills a worker this long after its file's time is up (the worker's own alarm
# should have ended the file first; this is for C code that never checks signals).
KILL_GRACE_S = 10.0


class TimeLimitExceeded(BaseException):
    """A time limit is up. A ``BaseException``, so that the readers' ``except Exception``
    (one broken page must not lose a document) does not swallow it. ``seconds`` is the limit
    that ran out, ``owner`` the ``file_deadline`` block that set it."""

    def __init__(self, seconds: float, owner: object) -> None:
        super().__init__(f"no result after {seconds:g} s")
        self.seconds = seconds
        self.owner = owner


@dataclass(frozen=True)
class FileLimits:
    """Time (seconds, ``None``: no limit) and memory (MB of address space per worker,
    ``None``: no limit) for each file."""

    time_s: float | None = DEFAULT_TIMEOUT_S
    memory_mb: int | None = DEFAULT_MEMORY_MB


def parse_seconds(text: str) -> float | None:
    """``--timeout``: a finite number of seconds > 0, or 0 for no limit (``None``)."""
    try:
        value = float(text)
    except ValueError:
        raise ValueError(f"not a number: {text!r}") from None
    if value == 0:
        return None
    if not math.isfinite(value) or value < 0:
        raise ValueError("must be a positive number of seconds, or 0 for no limit")
    return value


def parse_megabytes(text: str) -> int | None:
    """A size option in MB: a whole number > 0, or 0 for no limit (``None``)."""
    try:
        value = int(text)
    except ValueError:
        raise ValueError(f"not a whole number of MB: {text!r}") from None
    if value < 0:
        raise ValueError("must be a positive number of MB, or 0 for no limit")
    return value or None


@contextmanager
def file_deadline(seconds: float | None) -> Iterator[object]:
    """Raise ``TimeLimitExceeded`` in this block after ``seconds``; yields the block's
    ``owner`` token, so that a caller that sets a shorter limit inside a longer one (a PDF's
    structure must be read in seconds, the whole file may take minutes) can tell its own
    limit from the outer one. The outer limit keeps running inside.

    Only in the main thread (where Python delivers signals); elsewhere, and with ``None``,
    the block runs unbounded and the caller's engine must bound it.
    """
    owner = object()
    if seconds is None or threading.current_thread() is not threading.main_thread():
        yield owner
        return
    started = time.monotonic()
    outer_left, _ = signal.getitimer(signal.ITIMER_REAL)
    previous = signal.getsignal(signal.SIGALRM)
    if outer_left and outer_left < seconds:  # the outer limit comes first: it is the one
        yield owner
        return

    def on_alarm(signum: int, frame: object) -> None:
        raise TimeLimitExceeded(seconds, owner)

    signal.signal(signal.SIGALRM, on_alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield owner
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
        if outer_left:  # give the outer block the time it has left (at least a moment)
            left = outer_left - (time.monotonic() - started)
            signal.setitimer(signal.ITIMER_REAL, max(left, 0.001))


@contextmanager
def memory_capped(megabytes: int | None) -> Iterator[None]:
    """Cap this process's address space inside the block and lift the cap after it (for a
    file parsed in the vbparse process itself, ``-w 0``: the output is written outside).
    A cap already set lower (``ulimit -v``) is kept."""
    if megabytes is None:
        yield
        return
    import resource

    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    wanted = megabytes * 1024 * 1024
    for bound in (soft, hard):
        if bound != resource.RLIM_INFINITY:
            wanted = min(wanted, bound)
    resource.setrlimit(resource.RLIMIT_AS, (wanted, hard))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_AS, (soft, hard))


@contextmanager
def subprocesses_stopped() -> Iterator[None]:
    """When the block is left by an exception (its time is up, Ctrl-C, SIGTERM), kill the
    processes started in it: Tesseract, which pytesseract kills only on its own timeout, and
    which an exception raised while pytesseract waits for it leaves running.

    Only the processes started since the block began are killed, so a program that calls
    vbparse keeps its own; nothing is looked up when the block ends normally."""
    started = _process_clock()
    try:
        yield
    except BaseException:
        _kill_children_since(started)
        raise


def _process_clock() -> float:
    """Now, on the clock of psutil's ``create_time``: the boot time (whole seconds on Linux)
    plus the time since boot, so a process started after this reads later (``time.time()``
    can be up to a second off it)."""
    import psutil

    if hasattr(time, "CLOCK_BOOTTIME"):
        return psutil.boot_time() + time.clock_gettime(time.CLOCK_BOOTTIME)
    return time.time()


# Start times are counted in clock ticks (1/100 s): allow for that rounding.
_START_TIME_SLACK_S = 0.02


def _kill_children_since(started: float) -> None:
    import psutil

    try:
        children = psutil.Process().children(recursive=True)
    except psutil.Error:
        return
    late = []
    for child in children:
        try:
            if child.create_time() >= started - _START_TIME_SLACK_S:
                child.kill()
                late.append(child)
        except psutil.Error:  # it ended on its own meanwhile
            continue
    psutil.wait_procs(late, timeout=5)  # reap them: no zombie left behind


def limit_memory(megabytes: int | None) -> None:
    """Cap this process's address space (and its children's: Tesseract, LibreOffice)."""
    if megabytes is None:
        return
    import resource

    _soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    wanted = megabytes * 1024 * 1024
    if hard != resource.RLIM_INFINITY:
        wanted = min(wanted, hard)
    resource.setrlimit(resource.RLIMIT_AS, (wanted, hard))
