"""SQLite (the standard sqlite3): tables ``documents``, ``tasks`` and ``agencies``, so that a
corpus can be tracked over time.

A run upserts: a task already in the database (same ``task_id``) is updated in place and
keeps its ``first_seen``; ``last_seen`` is the time of the latest run that found it. A task
whose ``last_seen`` is older than the latest run was not found again (its document is gone or
was changed). The whole run is one transaction: an interrupted or failed run leaves the
database as it was.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

from vbparse.models import Agency, Document, Task
from vbparse.output.rows import deadline_cell, warnings_text

_SCHEMA = """
CREATE TABLE IF NOT EXISTS documents (
    path TEXT PRIMARY KEY,
    sha256 TEXT NOT NULL,
    number TEXT,
    date TEXT,
    type TEXT,
    issuer TEXT,
    subject TEXT,
    tasks INTEGER NOT NULL,
    warnings TEXT NOT NULL,
    duplicate_of TEXT,
    record TEXT NOT NULL,
    first_seen TEXT NOT NULL,
    last_seen TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS tasks (
    task_id TEXT PRIMARY KEY,
    clause TEXT NOT NULL,
    document_path TEXT NOT NULL,
    document_number TEXT,
    document_date TEXT,
    lead TEXT NOT NULL,
    support TEXT NOT NULL,
    deadline TEXT,
    deadline_text TEXT,
    status TEXT,
    text TEXT NOT NULL,
    duplicate_of TEXT,
    first_seen TEXT NOT NULL,
    last_seen TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS agencies (
    task_id TEXT NOT NULL,
    role TEXT NOT NULL,
    position INTEGER NOT NULL,
    name TEXT NOT NULL,
    agency_id TEXT,
    kind TEXT NOT NULL,
    text TEXT NOT NULL,
    successor_id TEXT,
    successor_name TEXT,
    PRIMARY KEY (task_id, role, position)
);
CREATE INDEX IF NOT EXISTS agencies_by_id ON agencies (agency_id);
"""

_ROLES = ("lead", "support", "report_to", "pending")


def run_time() -> str:
    """The run's timestamp: UTC, to the second, ISO 8601 (sorts as text)."""
    return dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat()


class SqliteSink:
    def __init__(self, target: Path, now: str | None = None) -> None:
        self.now = now or run_time()
        self._db = sqlite3.connect(target)
        self._db.executescript(_SCHEMA)
        self._db.execute("BEGIN")

    def add(self, document: Document) -> None:
        self._db.execute(
            """INSERT INTO documents VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)
            ON CONFLICT(path) DO UPDATE SET sha256=excluded.sha256, number=excluded.number,
              date=excluded.date, type=excluded.type, issuer=excluded.issuer,
              subject=excluded.subject, tasks=excluded.tasks, warnings=excluded.warnings,
              duplicate_of=excluded.duplicate_of, record=excluded.record,
              last_seen=excluded.last_seen""",
            (
                document.source.path,
                document.source.sha256,
                document.number,
                document.date and document.date.isoformat(),
                document.type,
                document.issuer,
                document.subject,
                len(document.tasks),
                warnings_text(document),
                document.duplicate_of,
                document.model_dump_json(exclude={"tasks", "text"}),
                self.now,
                self.now,
            ),
        )
        for task in document.tasks:
            self._add_task(document, task)

    def _add_task(self, document: Document, task: Task) -> None:
        due = deadline_cell(task.deadline)
        self._db.execute(
            """INSERT INTO tasks VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)
            ON CONFLICT(task_id) DO UPDATE SET clause=excluded.clause,
              document_path=excluded.document_path, document_number=excluded.document_number,
              document_date=excluded.document_date, lead=excluded.lead,
              support=excluded.support, deadline=excluded.deadline,
              deadline_text=excluded.deadline_text, status=excluded.status, text=excluded.text,
              duplicate_of=excluded.duplicate_of, last_seen=excluded.last_seen""",
            (
                task.task_id,
                task.id,
                document.source.path,
                document.number,
                document.date and document.date.isoformat(),
                "; ".join(a.name for a in task.lead),
                "; ".join(a.name for a in task.support),
                due.isoformat() if isinstance(due, dt.date) else None,
                task.deadline.text if task.deadline else None,
                task.status,
                task.text,
                document.duplicate_of,
                self.now,
                self.now,
            ),
        )
        self._db.execute("DELETE FROM agencies WHERE task_id = ?", (task.task_id,))
        for role in _ROLES:
            agencies: list[Agency] = getattr(task, role)
            for position, agency in enumerate(agencies):
                successor = agency.successor
                self._db.execute(
                    "INSERT INTO agencies VALUES (?,?,?,?,?,?,?,?,?)",
                    (
                        task.task_id,
                        role,
                        position,
                        agency.name,
                        agency.id,
                        agency.kind,
                        agency.text,
                        successor and successor.id,
                        successor and successor.name,
                    ),
                )

    def finish(self, keep: bool) -> None:
        try:
            if keep:
                self._db.commit()
            else:
                self._db.rollback()
        finally:
            self._db.close()
