"""Output formats: JSON Lines (the records), CSV, Excel and SQLite (views for analysts).

The format comes from ``--format`` or from the output's extension (``.jsonl``/``.json``,
``.csv``, ``.xlsx``, ``.sqlite``/``.db``); ``-o -`` is JSON Lines. Each table format is a
``Sink``: it is given every parsed ``Document`` in path order and is finished once, keeping
the file (``keep=True``) or leaving an earlier one as it was.
"""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from vbparse.models import Document

FORMATS = ("jsonl", "csv", "xlsx", "sqlite")
_BY_SUFFIX = {
    ".jsonl": "jsonl",
    ".json": "jsonl",
    ".ndjson": "jsonl",
    ".csv": "csv",
    ".xlsx": "xlsx",
    ".sqlite": "sqlite",
    ".sqlite3": "sqlite",
    ".db": "sqlite",
}


class UnknownFormat(ValueError):
    """The output's extension names no format and ``--format`` was not given."""


def output_format(output: str, explicit: str | None = None) -> str:
    """The format to write ``output`` in: ``explicit`` if given, else by its extension."""
    if explicit:
        return explicit
    if output == "-":
        return "jsonl"
    suffix = Path(output).suffix.lower()
    if suffix in _BY_SUFFIX:
        return _BY_SUFFIX[suffix]
    raise UnknownFormat(
        f"{output}: cannot tell the format from the extension {suffix or '(none)'!r}; "
        f"use .jsonl, .csv, .xlsx or .sqlite, or --format {'|'.join(FORMATS)}"
    )


class Sink(Protocol):
    def add(self, document: Document) -> None: ...

    def finish(self, keep: bool) -> None: ...


def open_sink(fmt: str, target: Path) -> Sink:
    """A table sink writing ``target`` (``fmt`` is csv, xlsx or sqlite)."""
    if fmt == "csv":
        from vbparse.output.csv import CsvSink

        return CsvSink(target)
    if fmt == "xlsx":
        from vbparse.output.xlsx import XlsxSink

        return XlsxSink(target)
    if fmt == "sqlite":
        from vbparse.output.sqlite import SqliteSink

        return SqliteSink(target)
    raise UnknownFormat(f"no table sink for {fmt!r}")
