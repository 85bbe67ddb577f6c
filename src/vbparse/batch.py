"""Batches: find the files under the given paths, parse them, yield results in path order."""

from __future__ import annotations

import os
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from vbparse.ingest import supported_suffixes
from vbparse.models import Document, ErrorRecord
from vbparse.pipeline import parse_path


class MissingPath(Exception):
    """A path given on the command line does not exist."""


def discover(paths: list[Path]) -> list[Path]:
    """Files to parse: files as given, folders searched recursively by supported suffix.

    Sorted by path so that output order never depends on the file system or the workers.
    """
    suffixes = set(supported_suffixes())
    found: set[Path] = set()
    for path in paths:
        if path.is_dir():
            found.update(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in suffixes)
        elif path.exists():
            found.add(path)
        else:
            raise MissingPath(f"{path}: no such file or folder")
    return sorted(found, key=lambda p: p.as_posix())


def parse_all(files: list[Path], workers: int = 1) -> Iterator[tuple[Path, Document | ErrorRecord]]:
    """Parse ``files`` and yield (path, result) in the order of ``files``, as they finish."""
    if workers <= 1 or len(files) <= 1:
        for path in files:
            yield path, parse_path(path)
        return
    with ProcessPoolExecutor(max_workers=workers) as pool:
        yield from zip(files, pool.map(parse_path, files, chunksize=1), strict=True)


def default_workers() -> int:
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else 1)
