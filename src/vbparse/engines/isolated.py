"""A Dask task's file parsed in a worker process of its own, under that file's limits
(issue 14).

A Dask task runs in a thread of the Dask worker, where a file cannot be bounded: SIGALRM
reaches only the main thread, and an address-space cap (RLIMIT_AS) would cap the whole Dask
worker, its other tasks and its own communication with the scheduler. So each Dask thread
hands its files to a vbparse worker process of its own (``vbparse.engines.local``'s pool of
one, started once per thread and kept, so grammars are loaded once): the worker caps its
address space, runs the file in its main thread under the file's alarm, and runs in a
process group of its own, so that an overrun kills it with what it started (Tesseract). A
memory bomb then ends as a ``memory`` (or ``crash``) error record for that file, and the
Dask worker is untouched.
"""

from __future__ import annotations

import pickle
import threading
from collections.abc import Callable
from typing import Any

from vbparse.engines.local import _context_for_thread, _Pool

Job = Callable[[str], Any]

_LOCAL = threading.local()  # this thread's pool and what it was started for


def run_isolated(path: str, job: Job, *, memory_mb: int | None, time_s: float | None = None) -> Any:
    """``job(path)`` in this thread's worker process, capped at ``memory_mb`` of address
    space and stopped ``KILL_GRACE_S`` after ``time_s``; never raises for the file's sake
    (a worker that dies or overruns becomes an ``ErrorRecord``)."""
    pool = _pool_for(job, memory_mb)
    pool.assign(pool.workers[0], 0, path)
    while True:  # collect yields nothing when its wait ends a moment before the deadline
        for _index, result in pool.collect(time_s, [path]):
            return result


def _pool_for(job: Job, memory_mb: int | None) -> _Pool:
    # Dask unpickles a new job object for every task: the same job is the same bytes.
    key = (pickle.dumps(job), memory_mb)
    if getattr(_LOCAL, "key", None) != key:
        if getattr(_LOCAL, "pool", None) is not None:
            _LOCAL.pool.close()
        _LOCAL.pool = _Pool(_context_for_thread(), job, 1, memory_mb)
        _LOCAL.key = key
    return _LOCAL.pool
