"""JSON Lines output: marking a document's records as a duplicate (the file itself is written by
``vbparse.output_paths.AtomicOutput``)."""

from __future__ import annotations

from vbparse.models import Document, TaskRecord


def mark_duplicate(text: str, records: str, duplicate_of: str | None) -> str:
    """The JSON Lines ``text`` of one document with ``duplicate_of`` set on every record."""
    model = Document if records == "documents" else TaskRecord
    lines = []
    for line in text.splitlines():
        record = model.model_validate_json(line)
        record.duplicate_of = duplicate_of
        lines.append(record.model_dump_json() + "\n")
    return "".join(lines)
