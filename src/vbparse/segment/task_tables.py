"""Task tables (bảng nhiệm vụ) in any region of a document: find them, flat or pipe form.

A table is recognised by its header: a TT column and a task column among at least three
cells whose phrasings ``grammars/appendix/columns.yaml`` knows. A header in one cell a line
opens a flat table (``vbparse.segment.flat_table``); a ``| … |`` header row opens a pipe
table (``vbparse.segment.pipe_table``). The result model is in ``vbparse.segment.tables``.

A body region (a directive's body, an attached document's body) holds clauses and maybe
task tables: ``segment_region`` finds its tables and builds the clause tree of the rest, so
that a table's lines ("1.", "| 2 | … |") never become clauses.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from vbparse.models import Span
from vbparse.segment.clause_tree import ClauseTree, build_clause_tree
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


@dataclass(frozen=True)
class Region:
    """A body region segmented: its task tables, and the clause tree of everything else."""

    tables: tuple[Table, ...]
    tree: ClauseTree


def segment_region(text: str, start: int, end: int, *, offset: int = 0) -> Region:
    """The task tables of ``text[start:end]`` and the clause tree of its other lines.

    A table's lines are blanked out (same length, newlines kept) before the clause tree is
    built, so they are neither clauses nor the continuation of the item above the table.
    ``start``/``end`` are offsets in ``text``; the spans of the result are absolute (``text``
    starts at ``offset`` in the document).
    """
    tables = tuple(find_task_tables(text[start:end], offset=start + offset))
    tree = build_clause_tree(_without_tables(text, (t.span for t in tables), offset), start, end)
    if offset:
        _shift_tree(tree, offset)
    return Region(tables=tables, tree=tree)


def _without_tables(text: str, spans: Iterable[Span], offset: int) -> str:
    """``text`` with the characters of each span (absolute) turned into spaces, newlines
    kept: every offset stays where it was."""
    out = text
    for span in spans:
        s, e = span.start - offset, span.end - offset
        out = out[:s] + "".join(ch if ch in "\r\n" else " " for ch in out[s:e]) + out[e:]
    return out


def _shift_tree(tree: ClauseTree, offset: int) -> None:
    for clause in (*tree.walk(), *tree.paragraphs, *tree.closing_paragraphs):
        clause.start += offset
        clause.text_start += offset
        clause.own_end += offset
    tree.preamble = tree.preamble.shift(offset)
