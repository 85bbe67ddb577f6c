"""Task tables in pipe form: one line per table row, ``| cell | cell | … |``.

Ingest renders real PDF and DOCX tables this way, header row first. A row whose TT cell is
empty continues the row above (a cell broken over a page, a merged cell); a header
repeated after a page break and Markdown separator rows are skipped, blank lines and a few
lines of page furniture between rows are passed over, and a group row ("I", "II") starts
a group.
"""

from __future__ import annotations

import itertools

import regex

from vbparse.models import Span
from vbparse.segment.tables import (
    GROUP_ROW,
    ROW_LABEL,
    Cell,
    Meaning,
    Row,
    StrippedLine,
    Table,
    ends_table,
    header_meaning,
    is_pipe_row,
    is_task_header,
)

_SEPARATOR_ROW = regex.compile(r"\|?(?:\s*:?-{3,}:?\s*\|)+\s*:?-*:?\s*")


def _pipe_cells(line: StrippedLine) -> list[tuple[int, int, str]]:
    """(start, end, text) of each cell of a pipe row, relative to the text being read."""
    body = line.text
    # str.find from bar to bar: a loop over every character was most of reading a table
    # whose rows are long (a task table's cells hold paragraphs).
    bars: list[int] = []
    k = body.find("|")
    while k >= 0:
        bars.append(k)
        k = body.find("|", k + 1)
    cells = []
    for left, right in itertools.pairwise(bars):
        raw = body[left + 1 : right]
        stripped = raw.strip()
        lead = len(raw) - len(raw.lstrip())
        s = line.start + left + 1 + lead
        cells.append((s, s + len(stripped), stripped))
    return cells


def pipe_header(line: StrippedLine) -> tuple[Meaning | None, ...] | None:
    """The column meanings of a pipe row that heads a task table, or None."""
    return _header_of(_pipe_cells(line))


def _header_of(cells: list[tuple[int, int, str]]) -> tuple[Meaning | None, ...] | None:
    """``pipe_header`` of a row already split into its cells."""
    meanings = [header_meaning(text) for _, _, text in cells]
    return tuple(meanings) if is_task_header(meanings) else None


def read_pipe_table(
    text: str,
    lines: list[StrippedLine],
    i: int,
    meanings: tuple[Meaning | None, ...],
    offset: int,
) -> tuple[Table, int]:
    """The pipe table headed by line ``i`` and the index of the first line after it."""
    width = len(meanings)
    seq_index = meanings.index("seq")
    header_cells = tuple(
        Cell(t, Span(start=s + offset, end=e + offset)) for s, e, t in _pipe_cells(lines[i])
    )
    rows: list[
        tuple[StrippedLine, int | None, list[list[tuple[int, int, str]]], str | None, str | None]
    ]
    rows = []
    group: str | None = None
    group_label: str | None = None
    last_end = lines[i].end
    layout: list[list[int]] | None = None
    j = i + 1
    while j < len(lines):
        line = lines[j]
        if not is_pipe_row(line):
            resume = _pipe_resumes(lines, j, meanings)
            if resume is None:
                break
            j = resume
            continue
        if _SEPARATOR_ROW.fullmatch(line.text):
            j += 1
            continue
        cells = _pipe_cells(line)
        again = _header_of(cells)
        if again is not None:
            if again != meanings:
                # the header repeated on a later page in another number of columns: the rows
                # below it are read by its columns
                layout = _layout_of(again, cells, meanings)
            j += 1
            continue
        if layout is not None:
            cells = _in_layout(cells, layout, line)
        if len(cells) > width:  # stray bars: fold the extra cells into the last one
            s, _, _ = cells[width - 1]
            _, e, _ = cells[-1]
            cells = [*cells[: width - 1], (s, e, text[s:e])]
        cells += [(line.end, line.end, "")] * (width - len(cells))
        seq = cells[seq_index][2]
        label = ROW_LABEL.fullmatch(seq)
        group_match = GROUP_ROW.fullmatch(seq)
        if seq and label is not None:
            number = None if label["sub"] else int(label["num"])
            rows.append((line, number, [[c] if c[2] else [] for c in cells], group, group_label))
        elif seq and group_match is not None:
            titles = [c[2] for k, c in enumerate(cells) if k != seq_index and c[2]]
            group = titles[0] if titles else None
            group_label = group_match["num"]
        elif not seq and rows:  # continuation of the row above
            for k, c in enumerate(cells):
                if c[2] and k != seq_index:
                    rows[-1][2][k].append(c)
        last_end = line.end
        j += 1

    out: list[Row] = []
    for line, number, parts, row_group, row_group_label in rows:
        row_cells: list[Cell] = []
        for k in range(width):
            pieces = parts[k]
            if not pieces:
                pos = line.end + offset
                row_cells.append(Cell("", Span(start=pos, end=pos)))
                continue
            spans = tuple(Span(start=s + offset, end=e + offset) for s, e, _ in pieces)
            joined = "\n".join(t for _, _, t in pieces)
            row_cells.append(Cell(joined, Span(start=spans[0].start, end=spans[-1].end), spans))
        end = max(c.span.end for c in row_cells)
        out.append(
            Row(
                label=row_cells[seq_index].text,
                number=number,
                cells=tuple(row_cells),
                span=Span(start=line.start + offset, end=end),
                group=row_group,
                group_label=row_group_label,
            )
        )
    table = Table(
        columns=meanings,
        header=header_cells,
        rows=tuple(out),
        span=Span(start=lines[i].start + offset, end=last_end + offset),
        form="pipe",
    )
    return table, j


def _layout_of(
    again: tuple[Meaning | None, ...],
    cells: list[tuple[int, int, str]],
    meanings: tuple[Meaning | None, ...],
) -> list[list[int]]:
    """For each column of the table, the columns of a repeated header that hold it. A header
    cell left empty belongs to the cell before it, which spans two columns in the PDF ("… |
    Đơn vị phối hợp |  | Thời gian thực hiện |": a row's co-operating body stands in either,
    Phụ lục 1 of kế hoạch 1914/KH-UBND Hải Dương, real PDF b71)."""
    spread: list[Meaning | None] = []
    for k, meaning in enumerate(again):
        empty = k < len(cells) and not cells[k][2]
        spread.append(spread[-1] if empty and spread else meaning)
    return [
        [k for k, m in enumerate(spread) if m == meaning] if meaning is not None else []
        for meaning in meanings
    ]


def _in_layout(
    cells: list[tuple[int, int, str]], layout: list[list[int]], line: StrippedLine
) -> list[tuple[int, int, str]]:
    """A row's cells read by a repeated header's columns, in the table's own order."""
    out: list[tuple[int, int, str]] = []
    for columns in layout:
        held = [cells[k] for k in columns if k < len(cells) and cells[k][2]]
        if not held:
            out.append((line.end, line.end, ""))
        else:
            out.append((held[0][0], held[-1][1], "; ".join(c[2] for c in held)))
    return out


def _pipe_resumes(
    lines: list[StrippedLine], j: int, meanings: tuple[Meaning | None, ...]
) -> int | None:
    """After a non-row line inside a pipe table: where the table goes on, if it does.

    Blank lines may separate rows; a page break may put a few lines (page number, running
    title) before the header is repeated.
    """
    k = j
    while k < len(lines) and lines[k].blank:
        k += 1
    if k < len(lines) and is_pipe_row(lines[k]) and k > j:
        return k
    for look in range(j, min(j + 4, len(lines))):
        line = lines[look]
        if ends_table(line):
            return None
        if is_pipe_row(line):
            return look + 1 if pipe_header(line) == meanings else None
    return None
