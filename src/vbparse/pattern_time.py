"""A document's time for pattern matching (issue 14): the ``regex`` module's own ``timeout``.

The file's SIGALRM deadline (``vbparse.limits.file_deadline``) stops a runaway match only in
the main thread. ``pattern_deadline`` sets the same deadline for the matching done in the
block, in any thread; the matching that runs over a document's text passes ``time_left()``
as ``timeout=``, and the ``regex`` module stops a match that overruns it with
``TimeoutError("regex timed out")``, which ``vbparse.pipeline`` turns into an error record
("pattern timed out in <stage>") for that file. Every substitution of normalize goes through
it (``NormalizedText.sub``), and so do the searches of segment and extract whose input grows
with the document: the header's and the body's lines (closing, tables), the Nơi nhận, the
tokens and document numbers of a clause, the deadline scan, table cells.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

_DEADLINE: ContextVar[float | None] = ContextVar("vbparse_pattern_deadline", default=None)


@contextmanager
def pattern_deadline(seconds: float | None) -> Iterator[None]:
    """Matching in this block (this thread or task) ends ``seconds`` from now; ``None``: no
    limit. An inner block cannot extend an outer one."""
    deadline = None if seconds is None else time.monotonic() + seconds
    outer = _DEADLINE.get()
    if outer is not None and (deadline is None or outer < deadline):
        deadline = outer
    token = _DEADLINE.set(deadline)
    try:
        yield
    finally:
        _DEADLINE.reset(token)


def time_left() -> float | None:
    """Seconds left for matching (the ``timeout=`` of a ``regex`` call), ``None`` when there
    is no limit; ``TimeoutError`` as ``regex`` raises it when the time is already up."""
    deadline = _DEADLINE.get()
    if deadline is None:
        return None
    left = deadline - time.monotonic()
    if left <= 0:
        raise TimeoutError("regex timed out")
    return left
