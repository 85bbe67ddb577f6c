"""The Dask engine: the same parsing job on a dask.distributed cluster (optional extra
``dask``: ``pip install 'vbparse[dask]'``).

The workers must have vbparse installed and see the files at the paths given (a shared
folder mounted at the same place, or absolute paths on a network file system): only paths
travel to the workers, and JSON Lines come back. Dask deploys on Kubernetes, Slurm, PBS or
cloud machines through its own tools (dask-kubernetes, dask-jobqueue, …); vbparse only needs
the scheduler's address.

At most one file per worker thread is submitted at a time, so a file's time-out counts from
when it could start. A worker that dies is retried by Dask and, after Dask's
``allowed-failures``, becomes an ``ErrorRecord`` with stage ``crash``. A file that overruns
``timeout`` becomes one with stage ``timeout`` and its result is dropped; Dask cannot stop a
running task, so that worker thread finishes it in the background.
"""

from __future__ import annotations

import time
import uuid
from collections.abc import Callable, Iterator
from typing import Any

from distributed import Client, Future, wait

from vbparse.engines.window import Window
from vbparse.models import ErrorRecord

Job = Callable[[str], Any]


def run(
    paths: list[str],
    job: Job,
    *,
    scheduler: str,
    timeout: float | None = None,
    window: int = 64,
) -> Iterator[tuple[int, Any]]:
    """Run ``job(path)`` on the cluster at ``scheduler`` and yield ``(index, result)`` as
    each file finishes."""
    client = Client(scheduler, set_as_default=False)
    pending: dict[Future, tuple[int, float]] = {}
    run_id = uuid.uuid4().hex[:12]  # task keys unique to this run on a shared scheduler
    try:
        slots = max(1, sum(client.nthreads().values()))
        plan = Window(len(paths), max(window, 4 * slots))
        while not plan.done:
            while len(pending) < slots and (index := plan.take()) is not None:
                future = client.submit(
                    job, paths[index], pure=False, key=f"vbparse-{run_id}-{index}"
                )
                pending[future] = (index, time.monotonic())
            for index, result in _collect(client, pending, paths, timeout):
                plan.finish(index)
                yield index, result
    finally:
        if pending:
            client.cancel(list(pending))
        client.close()


def _collect(
    client: Client,
    pending: dict[Future, tuple[int, float]],
    paths: list[str],
    timeout: float | None,
) -> Iterator[tuple[int, Any]]:
    wait_for = None
    if timeout is not None:
        first_deadline = min(started for _, started in pending.values()) + timeout
        wait_for = max(0.0, first_deadline - time.monotonic())
    try:
        with client.as_current():  # ``wait`` asks for the current client
            finished = wait(list(pending), timeout=wait_for, return_when="FIRST_COMPLETED").done
    except TimeoutError:
        finished = set()
    now = time.monotonic()
    for future in list(pending):
        index, started = pending[future]
        if future in finished:
            del pending[future]
            yield index, _result(future, paths[index])
        elif timeout is not None and now - started >= timeout:
            del pending[future]
            future.cancel()
            yield (
                index,
                ErrorRecord(
                    path=paths[index],
                    error=f"no result after {timeout:g} s on the Dask cluster; result dropped",
                    stage="timeout",
                ),
            )


def _result(future: Future, path: str) -> Any:
    if future.status == "finished":
        return future.result()
    exc = future.exception() if future.status == "error" else None
    reason = f"{type(exc).__name__}: {exc}" if exc is not None else future.status
    return ErrorRecord(path=path, error=f"Dask task failed: {reason}", stage="crash")
