"""JSON Lines output: one record per line, whole lines only."""

from __future__ import annotations

from collections.abc import Iterator
from typing import IO

from pydantic import BaseModel

from vbparse.models import Document, TaskRecord


def task_records(document: Document) -> Iterator[TaskRecord]:
    """The tasks of ``document``, each flattened with its document's fields."""
    for task in document.tasks:
        yield TaskRecord(
            **task.model_dump(),
            doc_number=document.number,
            doc_type=document.type,
            doc_date=document.date,
            issuer=document.issuer,
            source=document.source,
        )


def write_record(stream: IO[str], record: BaseModel) -> None:
    """Write one record as one line (UTF-8, not ASCII-escaped)."""
    stream.write(record.model_dump_json() + "\n")
