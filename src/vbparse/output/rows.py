"""One row per task, the same columns in CSV and Excel: what an analyst filters and sorts."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from vbparse.models import Agency, Deadline, Document, Task

TASK_COLUMNS = (
    "document number",
    "date",
    "type",
    "issuer",
    "clause",
    "lead",
    "support",
    "deadline",
    "status",
    "task",
    "source file",
    "task_id",
    "duplicate of",
)

DOCUMENT_COLUMNS = (
    "source file",
    "document number",
    "date",
    "type",
    "issuer",
    "subject",
    "tasks",
    "warnings",
    "duplicate of",
)

Cell = str | int | dt.date | None


def agency_names(agencies: list[Agency]) -> str:
    """Names joined by "; ", each with its successor where the body was merged or renamed."""
    names = []
    for agency in agencies:
        name = agency.name
        if agency.successor:
            name += f" (now {agency.successor.name})"
        names.append(name)
    return "; ".join(names)


def deadline_cell(deadline: Deadline | None) -> dt.date | str | None:
    """The due date as a date, or the words for a deadline with none ("trước Phiên họp …")."""
    if deadline is None:
        return None
    return deadline.date or deadline.text


def task_row(document: Document, task: Task) -> tuple[Cell, ...]:
    return (
        document.number,
        document.date,
        document.type,
        document.issuer,
        task.id,
        agency_names(task.lead),
        agency_names(task.support),
        deadline_cell(task.deadline),
        task.status,
        task.text,
        document.source.path,
        task.task_id,
        document.duplicate_of,
    )


def task_rows(document: Document) -> Iterator[tuple[Cell, ...]]:
    for task in document.tasks:
        yield task_row(document, task)


def warnings_text(document: Document) -> str:
    """The document's warnings, one "stage: message" a line (the CSV/XLSX and SQLite cell)."""
    return "\n".join(f"{w.stage}: {w.message}" for w in document.warnings)


def document_row(document: Document) -> tuple[Cell, ...]:
    return (
        document.source.path,
        document.number,
        document.date,
        document.type,
        document.issuer,
        document.subject,
        len(document.tasks),
        warnings_text(document),
        document.duplicate_of,
    )
