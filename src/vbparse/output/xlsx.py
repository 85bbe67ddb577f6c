"""Excel (openpyxl): a sheet of tasks — header row, frozen panes, filters, date cells, fitted
widths — and a sheet of documents with their warnings."""

from __future__ import annotations

import datetime as dt
import os
import tempfile
from pathlib import Path
from typing import Any

from vbparse.models import Document
from vbparse.output.rows import DOCUMENT_COLUMNS, TASK_COLUMNS, Cell, document_row, task_rows

# Wider than this and a column of task texts pushes every other column off the screen.
_MAX_WIDTH = 60
_DATE_FORMAT = "yyyy-mm-dd"


class XlsxSink:
    """Rows are kept in memory (openpyxl writes a workbook whole) and saved by ``finish``."""

    def __init__(self, target: Path) -> None:
        self.target = target
        self._tasks: list[tuple[Cell, ...]] = []
        self._documents: list[tuple[Cell, ...]] = []

    def add(self, document: Document) -> None:
        self._tasks.extend(task_rows(document))
        self._documents.append(document_row(document))

    def finish(self, keep: bool) -> None:
        if not keep:
            return
        from openpyxl import Workbook

        book = Workbook()
        tasks = book.active
        tasks.title = "Tasks"
        _fill(tasks, TASK_COLUMNS, self._tasks)
        _fill(book.create_sheet("Documents"), DOCUMENT_COLUMNS, self._documents)
        fd, tmp = tempfile.mkstemp(prefix=f".{self.target.name}.", dir=self.target.parent)
        os.close(fd)
        try:
            book.save(tmp)
            os.chmod(tmp, 0o644)
            os.replace(tmp, self.target)
        except BaseException:
            os.unlink(tmp)
            raise


def _fill(sheet: Any, columns: tuple[str, ...], rows: list[tuple[Cell, ...]]) -> None:
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    sheet.append(columns)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    widths = [len(name) for name in columns]
    for row in rows:
        sheet.append(row)
        for index, value in enumerate(row):
            widths[index] = max(widths[index], _width(value))
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            if isinstance(cell.value, dt.date):
                cell.number_format = _DATE_FORMAT
            elif isinstance(cell.value, str) and "\n" in cell.value:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = min(width + 2, _MAX_WIDTH)
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions


def _width(value: Cell) -> int:
    if value is None:
        return 0
    if isinstance(value, dt.date):
        return 10
    return max((len(line) for line in str(value).splitlines()), default=0)
