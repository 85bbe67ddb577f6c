"""The local engine: worker processes on this machine, one file at a time each, watched by
the parent process.

The parent hands a file to an idle worker and waits on every busy worker's pipe and process
sentinel at once. A worker that dies while parsing (killed by a signal, out of memory, a
crash in a C library) becomes an ``ErrorRecord`` with stage ``crash``; a file whose job has
not answered ``KILL_GRACE_S`` after its ``timeout`` (the job's own alarm ends pure-Python
work on time; C code may not heed it) gets its worker killed and becomes one with stage
``timeout``. Either way a fresh worker takes the dead one's place and the batch goes on.
Each worker caps its address space at ``memory_mb`` and runs in a process group of its own,
so that stopping it also stops what it started (Tesseract, LibreOffice). Workers ignore
Ctrl-C and SIGTERM: the parent handles them and stops the workers.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import signal
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from multiprocessing.context import BaseContext
from multiprocessing.process import BaseProcess
from typing import Any

from vbparse.engines.window import Window
from vbparse.file_names import display_path
from vbparse.limits import KILL_GRACE_S, limit_memory
from vbparse.models import ErrorRecord

Job = Callable[[str], Any]


def run(
    paths: list[str],
    job: Job,
    *,
    workers: int,
    timeout: float | None = None,
    memory_mb: int | None = None,
    window: int = 32,
) -> Iterator[tuple[int, Any]]:
    """Run ``job(path)`` for every path and yield ``(index, result)`` as each finishes.

    ``workers`` ≤ 0 runs the jobs in this process, in order (no isolation, no memory limit:
    the job bounds its own time).
    """
    if workers <= 0:
        for index, path in enumerate(paths):
            yield index, job(path)
        return
    pool = _Pool(_context(), job, min(workers, len(paths)), memory_mb)
    plan = Window(len(paths), window)
    try:
        while not plan.done:
            for worker in pool.idle():
                index = plan.take()
                if index is None:
                    break
                pool.assign(worker, index, paths[index])
            for index, result in pool.collect(timeout, paths):
                plan.finish(index)
                yield index, result
    finally:
        pool.close()


@dataclass
class _Worker:
    process: BaseProcess
    conn: Connection
    index: int | None = None  # the file it is parsing
    started: float = 0.0


class _Pool:
    def __init__(self, context: BaseContext, job: Job, size: int, memory_mb: int | None) -> None:
        self.context = context
        self.job = job
        self.memory_mb = memory_mb
        self.workers = [self._start() for _ in range(size)]

    def _start(self) -> _Worker:
        parent_end, child_end = self.context.Pipe()
        process = self.context.Process(
            target=_serve,
            args=(child_end, self.job, self.memory_mb),
            name="vbparse-worker",
            daemon=True,
        )
        process.start()
        child_end.close()
        return _Worker(process, parent_end)

    def idle(self) -> list[_Worker]:
        return [w for w in self.workers if w.index is None]

    def assign(self, worker: _Worker, index: int, path: str) -> None:
        try:
            if not worker.process.is_alive():
                raise BrokenPipeError
            worker.conn.send((index, path))
        except OSError:  # it died while idle: replace it and hand the file to the new one
            worker = self._replace(worker)
            worker.conn.send((index, path))
        worker.index, worker.started = index, time.monotonic()

    def collect(self, timeout: float | None, paths: list[str]) -> Iterator[tuple[int, Any]]:
        """Wait until a busy worker finishes, dies or overruns ``timeout``; yield what came."""
        busy = [w for w in self.workers if w.index is not None]
        if not busy:
            return
        wait_for = None
        if timeout is not None:
            timeout += KILL_GRACE_S
            first_deadline = min(w.started for w in busy) + timeout
            wait_for = max(0.0, first_deadline - time.monotonic())
        ready = set(wait([w.conn for w in busy] + [w.process.sentinel for w in busy], wait_for))
        now = time.monotonic()
        for worker in busy:
            index = worker.index
            assert index is not None
            if worker.conn in ready:
                try:
                    got, result = worker.conn.recv()
                except (EOFError, OSError):
                    yield index, self._crashed(worker, paths[index])
                    continue
                worker.index = None
                yield got, result
            elif worker.process.sentinel in ready:
                yield index, self._crashed(worker, paths[index])
            elif timeout is not None and now - worker.started >= timeout:
                self._replace(worker)
                yield (
                    index,
                    ErrorRecord(
                        path=paths[index],
                        error=f"no result after {timeout - KILL_GRACE_S:g} s; its worker "
                        "was stopped",
                        stage="timeout",
                    ),
                )

    def _crashed(self, worker: _Worker, path: str) -> ErrorRecord:
        worker.process.join(5)
        code = worker.process.exitcode
        if code is not None and code < 0:
            how = f"killed by {signal.Signals(-code).name}"
        else:
            how = f"exited with status {code}"
        self._replace(worker)
        return ErrorRecord(path=path, error=f"worker process {how} while parsing", stage="crash")

    def _replace(self, worker: _Worker) -> _Worker:
        _stop(worker)
        fresh = self._start()
        self.workers[self.workers.index(worker)] = fresh
        return fresh

    def close(self) -> None:
        for worker in self.workers:
            if worker.index is None:
                with contextlib.suppress(OSError):
                    worker.conn.send(None)
            else:  # still parsing (Ctrl-C, or the consumer stopped early): do not wait for it
                _kill(worker)
        deadline = time.monotonic() + 2
        for worker in self.workers:
            worker.process.join(max(0.0, deadline - time.monotonic()))
            _stop(worker)


def _kill(worker: _Worker) -> None:
    """SIGKILL the worker's process group: the worker and whatever it started."""
    pid = worker.process.pid
    if pid is not None:
        with contextlib.suppress(OSError):
            os.killpg(pid, signal.SIGKILL)
    worker.process.kill()


def _stop(worker: _Worker) -> None:
    if worker.process.is_alive():
        _kill(worker)
        worker.process.join()
    worker.conn.close()
    worker.process.close()


def _serve(conn: Connection, job: Job, memory_mb: int | None = None) -> None:
    """A worker's loop: receive ``(index, path)``, send back ``(index, job(path))``."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C and SIGTERM are the parent's
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    with contextlib.suppress(OSError):
        os.setpgid(0, 0)  # a group of its own: killing it kills its Tesseract too
    limit_memory(memory_mb)
    while True:
        try:
            message = conn.recv()
        except (EOFError, OSError):
            return
        if message is None:
            return
        index, path = message
        try:
            result = job(path)
        except Exception as exc:  # jobs never raise; a bug in one must not print a traceback
            error = f"worker failed: {type(exc).__name__}: {exc}"
            result = ErrorRecord(path=display_path(path), error=error, stage="crash")
        try:
            conn.send((index, result))
        except (EOFError, OSError):
            return
        except Exception as exc:  # the result could not be pickled
            error = f"result could not be sent back: {type(exc).__name__}: {exc}"
            conn.send((index, ErrorRecord(path=display_path(path), error=error, stage="crash")))


def _context() -> BaseContext:
    """fork where the platform has it (fast start, workers share the imported code),
    else spawn."""
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else "spawn")
