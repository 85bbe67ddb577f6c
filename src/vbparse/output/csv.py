"""CSV: one row per task, UTF-8 with a byte-order mark so that Excel shows Vietnamese."""

from __future__ import annotations

import csv
import os
import tempfile
from pathlib import Path

from vbparse.models import Document
from vbparse.output.rows import TASK_COLUMNS, task_rows


class CsvSink:
    """Writes to a temporary file beside ``target``, renamed into place by ``finish``."""

    def __init__(self, target: Path) -> None:
        self.target = target
        fd, self._tmp = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
        # utf-8-sig writes the BOM Excel needs to read the file as UTF-8.
        self._stream = os.fdopen(fd, "w", encoding="utf-8-sig", newline="")
        self._writer = csv.writer(self._stream)
        self._writer.writerow(TASK_COLUMNS)

    def add(self, document: Document) -> None:
        for row in task_rows(document):
            self._writer.writerow(["" if cell is None else cell for cell in row])

    def finish(self, keep: bool) -> None:
        self._stream.close()
        if keep:
            os.chmod(self._tmp, 0o644)
            os.replace(self._tmp, self.target)
        else:
            os.unlink(self._tmp)
