"""JSON Lines output: written to a temporary file beside the target and renamed into place."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import IO

from vbparse.models import Document, TaskRecord


def open_jsonl(name: str, stdout: IO[str]) -> tuple[IO[str], Callable[[bool], None]]:
    """The output stream and a function that completes it: ``finish(keep)`` renames the
    temporary file into place (``keep``) or removes it, so a reader never sees a half-written
    line and a run that could not start leaves an earlier output as it was."""
    if name == "-":
        return stdout, lambda keep: stdout.flush()
    target = Path(name)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
    stream = os.fdopen(fd, "w", encoding="utf-8", newline="\n")

    def finish(keep: bool) -> None:
        stream.close()
        if keep:
            os.chmod(tmp, 0o666 & ~_umask())  # as open() would have made it, not mkstemp's 0600
            os.replace(tmp, target)
        else:
            os.unlink(tmp)

    return stream, finish


def _umask() -> int:
    mask = os.umask(0o22)
    os.umask(mask)
    return mask


def mark_duplicate(text: str, records: str, duplicate_of: str | None) -> str:
    """The JSON Lines ``text`` of one document with ``duplicate_of`` set on every record."""
    model = Document if records == "documents" else TaskRecord
    lines = []
    for line in text.splitlines():
        record = model.model_validate_json(line)
        record.duplicate_of = duplicate_of
        lines.append(record.model_dump_json() + "\n")
    return "".join(lines)
