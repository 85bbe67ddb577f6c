"""Batches: find the files under the given paths, parse them on an engine, yield results in
path order as documents finish.

An engine (``vbparse.engines.local``: worker processes on this machine; ``vbparse.engines.dask``:
a dask.distributed cluster) runs one *job* per file and reports ``(index, result)`` as each file
finishes, in any order. ``render_all`` puts the results back in path order through a reorder
buffer; engines only start file ``i`` while ``i`` is within ``window`` of the first unfinished
file, so the buffer never holds more than ``window`` results, however large the corpus.
"""

from __future__ import annotations

import contextlib
import io
import os
import tempfile
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path
from typing import TypeVar

from vbparse.file_names import display_path
from vbparse.ingest import OFFICE_SUFFIXES, supported_suffixes
from vbparse.ingest.office import convert_ahead
from vbparse.ingest.safety import DEFAULT_TEXT_MB, IngestLimits, ingest_limits
from vbparse.limits import TimeLimitExceeded, file_deadline, subprocesses_stopped
from vbparse.models import Document, ErrorRecord
from vbparse.pattern_time import pattern_deadline
from vbparse.pipeline import ParseOptions, parse_path

R = TypeVar("R")

ENGINES = ("local", "dask")


class MissingPath(Exception):
    """A path given on the command line does not exist."""


class EngineUnavailable(Exception):
    """The chosen engine cannot run here (its optional package is missing, or no scheduler)."""


def discover(paths: list[Path]) -> list[Path]:
    """Files to parse: files as given, folders searched recursively by supported suffix.

    Sorted by path so that output order never depends on the file system or the workers.
    """
    return discover_with_others(paths)[0]


def discover_with_others(paths: list[Path]) -> tuple[list[Path], Counter[str]]:
    """``discover``'s files, and the files of other types found in the folders, counted by
    suffix (hidden files aside), so that the run can say what it passed over."""
    suffixes = set(supported_suffixes())
    found: set[Path] = set()
    others: Counter[str] = Counter()
    for path in paths:
        if path.is_dir():
            for p in path.rglob("*"):
                if not p.is_file():
                    continue
                if p.suffix.lower() in suffixes:
                    found.add(p)
                elif not any(part.startswith(".") for part in p.relative_to(path).parts):
                    others[p.suffix.lower() or "(no suffix)"] += 1
        elif path.exists():
            found.add(path)
        else:
            raise MissingPath(f"{path}: no such file or folder")
    return sorted(found, key=lambda p: p.as_posix()), others


def describe_others(others: Counter[str]) -> str | None:
    """One line naming the files of other types a folder held ("2 .json, 1 .xlsx"), or None."""
    if not others:
        return None
    total = sum(others.values())
    kinds = ", ".join(
        f"{n} {suffix}" for suffix, n in sorted(others.items(), key=lambda kv: (-kv[1], kv[0]))
    )
    files = "file" if total == 1 else "files"
    return f"passed over {total} {files} of types vbparse does not read ({kinds})"


@dataclass(frozen=True)
class JsonLines:
    """One parsed document, already written as JSON Lines (done in the worker, so that the
    process writing the output only copies text), with what the end-of-run summary needs:
    its number and date (duplicates), warnings ("stage: message") and cut-short notices."""

    text: str
    tasks: int
    sha256: str
    number: str | None = None
    date: str | None = None
    warnings: tuple[str, ...] = ()
    cut: tuple[str, ...] = ()


def as_json_lines(document: Document, records: str = "tasks") -> JsonLines:
    """``document`` as the output lines of ``--records tasks`` (one per task) or
    ``--records documents`` (one line, tasks nested)."""
    from vbparse.write import task_records, write_record

    buffer = io.StringIO()
    if records == "documents":
        write_record(buffer, document)
    else:
        for record in task_records(document):
            write_record(buffer, record)
    return JsonLines(
        buffer.getvalue(),
        len(document.tasks),
        document.source.sha256,
        number=document.number,
        date=document.date.isoformat() if document.date else None,
        warnings=tuple(f"{w.stage}: {w.message}" for w in document.warnings),
        cut=tuple(w.message for w in document.warnings if w.stage == "limit"),
    )


def keep_document(document: Document) -> Document:
    """The job's render step when the caller wants the ``Document`` itself."""
    return document


def parse_one(
    path: str,
    render: Callable[[Document], R],
    options: ParseOptions | None = None,
    time_s: float | None = None,
    text_mb: int | None = DEFAULT_TEXT_MB,
) -> R | ErrorRecord:
    """The job an engine runs for one file: parse it within ``time_s`` seconds (and texts
    of at most ``text_mb`` MB) and render the document.

    Never raises: any failure, including one in ``render``, becomes an ``ErrorRecord``.
    """
    try:
        with (
            file_deadline(time_s),
            ingest_limits(IngestLimits(text_mb)),
            subprocesses_stopped(),  # on a time-out, Ctrl-C or SIGTERM: Tesseract too
            pattern_deadline(time_s),  # in any thread, where SIGALRM cannot reach
        ):
            result = parse_path(Path(path), options)
    except TimeLimitExceeded as exc:
        return ErrorRecord(path=display_path(path), error=str(exc), stage="timeout")
    if isinstance(result, ErrorRecord):
        return result
    try:
        return render(result)
    except Exception as exc:
        return ErrorRecord(
            path=display_path(path),
            error=f"cannot write: {type(exc).__name__}: {exc}",
            stage="write",
        )


def render_all(
    files: list[Path],
    render: Callable[[Document], R],
    workers: int = 0,
    *,
    timeout: float | None = None,
    memory_mb: int | None = None,
    text_mb: int | None = DEFAULT_TEXT_MB,
    engine: str = "local",
    scheduler: str | None = None,
    options: ParseOptions | None = None,
    note: Callable[[str], None] | None = None,
) -> Iterator[tuple[Path, R | ErrorRecord]]:
    """Parse ``files``, render each document with ``render`` where it was parsed, and yield
    ``(path, rendered or ErrorRecord)`` in the order of ``files`` as soon as each is ready.

    ``workers``: worker processes on this machine (0: parse in this process, no crash
    isolation). ``timeout``: seconds per file before it becomes an
    ``ErrorRecord`` with stage ``timeout``; ``memory_mb``: the address space a file may use
    (each worker's; with 0 workers this process's while it parses a file);
    ``text_mb``: the largest text a file may hold; a worker that dies becomes a record with
    stage ``crash``. ``engine="dask"``
    sends the files to the dask.distributed scheduler at ``scheduler`` instead.
    ``render`` must be picklable (a module-level function or a ``partial`` of one), and so
    must ``options`` (the ``ParseOptions`` of every file). On this machine the .doc, .rtf
    and .odt files are converted ahead, many per LibreOffice start; ``note`` hears how far.
    """
    run = load_engine(engine, scheduler)
    if not files:
        return
    with office_converted_ahead(files, options, engine, note) as options:
        paths = [str(path) for path in files]
        job = partial(parse_one, render=render, options=options, time_s=timeout, text_mb=text_mb)
        if engine == "dask":
            unordered = run(
                paths,
                job,
                scheduler=scheduler,
                timeout=timeout,
                memory_mb=memory_mb,
                window=_window(workers),
            )
        else:
            unordered = run(
                paths,
                job,
                workers=workers,
                timeout=timeout,
                memory_mb=memory_mb,
                window=_window(workers),
            )
        for index, result in in_order(unordered):
            yield files[index], result


@contextlib.contextmanager
def office_converted_ahead(
    files: list[Path],
    options: ParseOptions | None,
    engine: str = "local",
    note: Callable[[str], None] | None = None,
) -> Iterator[ParseOptions | None]:
    """``options`` naming a folder where the batch's .doc/.rtf/.odt files were converted,
    many per LibreOffice start (``vbparse.ingest.office``), while the batch runs. Only
    with two or more such files, and only on this machine: a Dask worker elsewhere could
    not see the folder, and converts each file alone as before."""
    office = [path for path in files if path.suffix.lower() in OFFICE_SUFFIXES]
    if engine != "local" or len(office) < 2:
        yield options
        return
    base = options or ParseOptions()

    def told(done: int, total: int) -> None:
        if note is not None:
            note(f"LibreOffice: {done}/{total} .doc/.rtf/.odt converted")

    with tempfile.TemporaryDirectory(prefix="vbparse-converted-") as folder:
        convert_ahead(office, Path(folder), told)
        yield replace(base, limits=replace(base.limits, converted_dir=folder))


def parse_all(
    files: list[Path],
    workers: int = 0,
    *,
    timeout: float | None = None,
    engine: str = "local",
    scheduler: str | None = None,
    options: ParseOptions | None = None,
) -> Iterator[tuple[Path, Document | ErrorRecord]]:
    """Parse ``files`` and yield ``(path, Document or ErrorRecord)`` in the order of ``files``,
    as they finish (see ``render_all`` for the arguments)."""
    yield from render_all(
        files,
        keep_document,
        workers,
        timeout=timeout,
        engine=engine,
        scheduler=scheduler,
        options=options,
    )


def load_engine(engine: str, scheduler: str | None = None) -> Callable[..., Iterator]:
    """The ``run`` function of ``engine``; ``EngineUnavailable`` says why it cannot run."""
    if engine == "local":
        if scheduler:
            raise EngineUnavailable("--scheduler goes with --engine dask")
        from vbparse.engines.local import run

        return run
    if engine == "dask":
        if not scheduler:
            raise EngineUnavailable("--engine dask needs --scheduler ADDRESS")
        try:
            from vbparse.engines.dask import run as run_dask
        except ImportError as exc:
            raise EngineUnavailable(
                f"--engine dask needs dask.distributed ({exc}); "
                "install it with: pip install 'vbparse[dask]'"
            ) from exc
        return run_dask
    raise EngineUnavailable(f"unknown engine {engine!r}; known: {', '.join(ENGINES)}")


def in_order(unordered: Iterator[tuple[int, R]]) -> Iterator[tuple[int, R]]:
    """The reorder buffer: ``(index, result)`` pairs in any order back to 0, 1, 2, … order,
    each yielded as soon as every earlier index has been."""
    waiting: dict[int, R] = {}
    next_index = 0
    for index, result in unordered:
        waiting[index] = result
        while next_index in waiting:
            yield next_index, waiting.pop(next_index)
            next_index += 1


def _window(workers: int) -> int:
    return max(32, 8 * workers)


def default_workers() -> int:
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else 1)
