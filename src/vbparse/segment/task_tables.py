"""Task tables (bảng nhiệm vụ) in any region of a document: find them, flat or pipe form.

A table is recognised by its header: a TT column and a task column among at least three
cells whose phrasings ``grammars/appendix/columns.yaml`` knows. A header in one cell a line
opens a flat table (``vbparse.segment.flat_table``); a ``| … |`` header row opens a pipe
table (``vbparse.segment.pipe_table``). The result model is in ``vbparse.segment.tables``.
"""

from __future__ import annotations

from vbparse.segment.flat_table import flat_header, read_flat_table
from vbparse.segment.pipe_table import pipe_header, read_pipe_table
from vbparse.segment.tables import Table, is_pipe_row, split_stripped_lines


def find_task_tables(text: str, *, offset: int = 0) -> list[Table]:
    """Task tables in ``text`` (an appendix, or any region of a body), flat or pipe form,
    in the order they appear; tables without rows are left out."""
    lines = split_stripped_lines(text)
    tables: list[Table] = []
    i = 0
    while i < len(lines):
        if is_pipe_row(lines[i]):
            header = pipe_header(lines[i])
            if header is not None:
                table, i = read_pipe_table(text, lines, i, header, offset)
                if table.rows:
                    tables.append(table)
                continue
        else:
            flat = flat_header(lines, i)
            if flat is not None:
                table, i = read_flat_table(text, lines, flat, offset)
                if table.rows:
                    tables.append(table)
                continue
        i += 1
    return tables
