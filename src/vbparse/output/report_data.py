"""The rows of ``vbparse report``: task records (or document records) read back from JSON
Lines, each with its status as of a date and its evidence marks."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError

from vbparse.models import Document, Task, TaskRecord


class ReportInputError(ValueError):
    """The input is not vbparse records (``file:line: reason``)."""


@dataclass(frozen=True)
class Mark:
    """A highlighted stretch of the evidence text: ``kind`` is lead, support or deadline."""

    start: int
    end: int
    kind: str


@dataclass(frozen=True)
class ReportRow:
    task_id: str
    clause: str
    document: str
    doc_date: dt.date | None
    source: str
    leads: tuple[str, ...]
    supports: tuple[str, ...]
    due: dt.date | None
    deadline_text: str | None
    status: str
    evidence: str
    marks: tuple[Mark, ...]

    @property
    def month(self) -> str:
        return self.due.strftime("%Y-%m") if self.due else ""


def load_rows(path: Path, as_of: dt.date) -> list[ReportRow]:
    """Every task of the records in ``path`` (tasks or documents records, JSON Lines)."""
    rows = []
    with path.open(encoding="utf-8") as stream:
        for number, line in enumerate(stream, start=1):
            if not line.strip():
                continue
            try:
                data = json.loads(line)
                rows.extend(_rows_of(data, as_of))
            except (ValueError, ValidationError) as exc:
                reason = str(exc).splitlines()[0]
                raise ReportInputError(
                    f"{path}:{number}: not a vbparse record ({reason})"
                ) from None
    return rows


def _rows_of(data: dict, as_of: dt.date) -> Iterator[ReportRow]:
    if data.get("kind") == "error":
        return
    if "tasks" in data:
        document = Document.model_validate(data)
        for task in document.tasks:
            yield _row(
                task, document.number, document.date, document.source.path, as_of, document.text
            )
    else:
        record = TaskRecord.model_validate(data)
        yield _row(record, record.doc_number, record.doc_date, record.source.path, as_of, None)


def task_status(task: Task, as_of: dt.date) -> str:
    """done, overdue (its due date is before ``as_of``, or the document says so), pending
    (due later) or no deadline."""
    due = task.deadline.date if task.deadline else None
    if task.status == "done":
        return "done"
    if (due and due < as_of) or task.status == "overdue":
        return "overdue"
    return "pending" if due else "no deadline"


def _row(
    task: Task,
    number: str | None,
    date: dt.date | None,
    source: str,
    as_of: dt.date,
    text: str | None,
) -> ReportRow:
    evidence, marks = _evidence(task, text)
    return ReportRow(
        task_id=task.task_id,
        clause=task.id,
        document=number or Path(source).name,
        doc_date=date,
        source=source,
        leads=tuple(a.name for a in task.lead),
        supports=tuple(a.name for a in task.support),
        due=task.deadline.date if task.deadline else None,
        deadline_text=task.deadline.text if task.deadline else None,
        status=task_status(task, as_of),
        evidence=evidence,
        marks=marks,
    )


def _evidence(task: Task, text: str | None) -> tuple[str, tuple[Mark, ...]]:
    """The task's words and where its agencies and deadline are in them.

    The task's text is the end of its clause (``task.span``), so a span in the normalized
    text falls at ``span.start - (task.span.end - len(task.text))`` in it; with the document's
    text (``--records documents --text``) the whole clause, label included, is shown. A span
    that does not land on its words (or a value with none) is found by its words instead.
    """
    if text is not None:
        evidence, offset = text[task.span.start : task.span.end], task.span.start
    else:
        evidence, offset = task.text, task.span.end - len(task.text)
    found = [(a.text, a.span, "lead") for a in task.lead]
    found += [(a.text, a.span, "support") for a in task.support]
    if task.deadline:
        found.append((task.deadline.text, task.deadline.span, "deadline"))
    marks: list[Mark] = []
    for words, span, kind in found:
        if span is not None:
            start, end = span.start - offset, span.end - offset
            if start >= 0 and end <= len(evidence) and evidence[start:end] == words:
                marks.append(Mark(start, end, kind))
                continue
        at = evidence.find(words) if words else -1
        while at >= 0:
            marks.append(Mark(at, at + len(words), kind))
            at = evidence.find(words, at + len(words))
    return evidence, _no_overlaps(marks)


def _no_overlaps(marks: list[Mark]) -> tuple[Mark, ...]:
    kept: list[Mark] = []
    for mark in sorted(marks, key=lambda m: (m.start, -m.end)):
        if not kept or mark.start >= kept[-1].end:
            kept.append(mark)
    return tuple(kept)
