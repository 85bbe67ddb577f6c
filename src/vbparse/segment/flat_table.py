"""Task tables in flat form: every cell on its own line, header cells first.

Copy-paste and many portals give a table as one cell a line (TT / Nhiệm vụ cụ thể / …).
Rows are found from the TT numbering ("1.", "29-"), taken in sequence; cells that wrap
over several lines and empty cells are recovered by aligning a row's lines to the columns,
using what each column's cells look like (``cell_shapes`` in
``grammars/appendix/columns.yaml``); a row with one line per column reads each line as its
cell unless a line contradicts its column's shapes. A header repeated after a page break is
skipped, a page number is passed over, and a group row ("I", "II") starts a group.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from vbparse.models import Span
from vbparse.pattern_time import time_left
from vbparse.segment.clause_tree import match_label
from vbparse.segment.tables import (
    AGENCY_COLUMNS,
    GROUP_ROW,
    ROW_LABEL,
    Cell,
    Meaning,
    Row,
    StrippedLine,
    Table,
    cell_fits,
    ends_table,
    header_meaning,
    is_pipe_row,
    is_task_header,
)

_PAGE_NUMBER = regex.compile(r"[-–—]\s*\d{1,3}\s*[-–—]?")
_STRICT_COLUMNS = frozenset({"deadline", "source_ref"})
_WORD_START = regex.compile(r"(?<=\s)\p{Lu}")
# Label kinds (grammars/clause_labels.yaml) that may open a line inside a cell.
_CELL_BULLETS = frozenset({"dash", "plus"})


@dataclass(frozen=True)
class FlatHeader:
    """The header of a flat table: its cells, their meanings and where the rows start."""

    cells: tuple[tuple[int, int], ...]  # (start, end) of each header cell
    meanings: tuple[Meaning | None, ...]
    end: int  # index of the first line after the header
    blank_separated: bool


def flat_header(lines: list[StrippedLine], i: int) -> FlatHeader | None:
    """The task-table header that starts at line ``i``, one cell a line, or None."""
    if header_meaning(lines[i].text) is None:
        return None
    cells: list[tuple[int, int]] = []
    meanings: list[Meaning | None] = []
    blank_separated = False
    j = i
    while j < len(lines):
        line = lines[j]
        if line.blank:
            k = j
            while k < len(lines) and lines[k].blank:
                k += 1
            if k < len(lines) and header_meaning(lines[k].text) is not None:
                blank_separated = True
                j = k
                continue
            break
        meaning = header_meaning(line.text)
        if meaning is not None and ROW_LABEL.fullmatch(line.text) is None:
            cells.append((line.start, line.end))
            meanings.append(meaning)
        elif cells and _is_header_continuation(line.text):
            cells[-1] = (cells[-1][0], line.end)
        else:
            break
        j += 1
    if not is_task_header(meanings):
        return None
    return FlatHeader(tuple(cells), tuple(meanings), j, blank_separated)


def _is_header_continuation(text: str) -> bool:
    """ "thực hiện" under "Cơ quan chủ trì": a short lower-case line without digits."""
    return (
        bool(text)
        and text[0].islower()
        and len(text.split()) <= 4
        and not any(c.isdigit() for c in text)
    )


def _opens_clause(line: StrippedLine, after: list[StrippedLine]) -> bool:
    """A body item with its words on the label's line ("3. Cục Quản lý … hoàn thành …",
    "III. TỔ CHỨC THỰC HIỆN"): the body goes on after a table that stands inside it. A row
    label stands alone on its line, a bullet ("- …") may sit inside a cell, and a group row
    ("I. NÂNG CAO NHẬN THỨC …") has the table's next row label under it."""
    found = match_label(line.text)
    if found is None or ROW_LABEL.fullmatch(line.text) is not None:
        return False
    # the group's title may wrap in capitals before the row label ("II. HOÀN" / "THIỆN CƠ
    # CHẾ, CHÍNH SÁCH …" / "4", kế hoạch 617/KH-UBND Đồng Tháp, a Markdown copy)
    below = next((n for n in after if not n.blank and not _capitals(n.text)), None)
    if GROUP_ROW.fullmatch(line.text) and below and ROW_LABEL.fullmatch(below.text):
        return False
    kind, match = found
    return kind.kind not in _CELL_BULLETS and bool(line.text[match.end() :].strip())


def _capitals(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


@dataclass
class _RawRow:
    label: StrippedLine
    number: int | None
    lines: list[StrippedLine]
    group: str | None
    group_label: str | None


def read_flat_table(
    text: str, lines: list[StrippedLine], header: FlatHeader, offset: int
) -> tuple[Table, int]:
    """The flat table under ``header`` and the index of the first line after it."""
    raw_rows: list[_RawRow] = []
    expected: int | None = None
    top: int | None = None
    group: str | None = None
    group_label: str | None = None
    pending_label: str | None = None
    group_lines: list[str] | None = None
    j = header.end
    while j < len(lines):
        line = lines[j]
        if line.blank:
            if header.blank_separated:
                j += 1
                continue
            break
        if ends_table(line) or is_pipe_row(line) or _opens_clause(line, lines[j + 1 :]):
            break
        again = flat_header(lines, j)
        if again is not None:
            if again.meanings != header.meanings:
                break
            j = again.end  # the header repeated after a page break
            continue
        if _PAGE_NUMBER.fullmatch(line.text):
            j += 1
            continue
        label = ROW_LABEL.fullmatch(line.text)
        if label is not None:
            number = int(label["num"])
            if not label["sub"] and (
                expected is None or number == expected or (group_lines is not None and number == 1)
            ):
                if group_lines is not None:
                    group, group_label = " ".join(group_lines) or None, pending_label
                group_lines = None
                raw_rows.append(_RawRow(line, number, [], group, group_label))
                expected, top = number + 1, number
                j += 1
                continue
            if label["sub"] and top is not None and number == top:
                raw_rows.append(_RawRow(line, None, [], group, group_label))
                j += 1
                continue
        group_match = GROUP_ROW.fullmatch(line.text)
        if group_match is not None and raw_rows and group_lines is None:
            group_lines = [group_match["title"]] if group_match["title"] else []
            pending_label = group_match["num"]
            j += 1
            continue
        if group_lines is not None:
            group_lines.append(line.text)
        elif raw_rows:
            raw_rows[-1].lines.append(line)
        elif group_match is not None:  # a group row before the first task row
            group_lines = [group_match["title"]] if group_match["title"] else []
            pending_label = group_match["num"]
        j += 1

    header_cells = tuple(
        Cell(text[s:e], Span(start=s + offset, end=e + offset)) for s, e in header.cells
    )
    seq_index = header.meanings.index("seq")
    rows = tuple(_flat_row(text, raw, header.meanings, seq_index, offset) for raw in raw_rows)
    start = header.cells[0][0]
    end = rows[-1].span.end - offset if rows else header.cells[-1][1]
    table = Table(
        columns=header.meanings,
        header=header_cells,
        rows=rows,
        span=Span(start=start + offset, end=end + offset),
        form="flat",
    )
    return table, j


def _flat_row(
    text: str, raw: _RawRow, meanings: tuple[Meaning | None, ...], seq_index: int, offset: int
) -> Row:
    others = [i for i in range(len(meanings)) if i != seq_index]
    raw.lines = _split_joined_cells(raw.lines, [meanings[i] for i in others])
    blocks = _align(raw.lines, [meanings[i] for i in others])
    cells: list[Cell] = [Cell("", Span(start=0, end=0))] * len(meanings)
    cells[seq_index] = Cell(
        raw.label.text, Span(start=raw.label.start + offset, end=raw.label.end + offset)
    )
    pos = raw.label.end
    for index, (a, b) in zip(others, blocks, strict=True):
        if a == b:
            cells[index] = Cell("", Span(start=pos + offset, end=pos + offset))
            continue
        s, e = raw.lines[a].start, raw.lines[b - 1].end
        cells[index] = Cell(text[s:e], Span(start=s + offset, end=e + offset))
        pos = e
    end = raw.lines[-1].end if raw.lines else raw.label.end
    return Row(
        label=raw.label.text,
        number=raw.number,
        cells=tuple(cells),
        span=Span(start=raw.label.start + offset, end=end + offset),
        group=raw.group,
        group_label=raw.group_label,
    )


def _split_joined_cells(
    lines: list[StrippedLine], meanings: list[Meaning | None]
) -> list[StrippedLine]:
    """Undo a line join that swallowed a strict cell: when no line of the row looks like a
    source_ref (or deadline) cell but a line ends with one ("… toàn trình Thông báo số
    14-TB/TGV ngày 21/4/2025"), split that line before it."""
    for meaning in meanings:
        if meaning not in _STRICT_COLUMNS or any(cell_fits(meaning, ln.text) for ln in lines):
            continue
        for index, line in enumerate(lines):
            for match in _WORD_START.finditer(line.text, timeout=time_left()):
                head, tail = line.text[: match.start()].rstrip(), line.text[match.start() :]
                if head and cell_fits(meaning, tail):
                    cut = line.start + match.start()
                    first = StrippedLine(line.start, line.start + len(head), head)
                    second = StrippedLine(cut, line.end, tail)
                    lines = [*lines[:index], first, second, *lines[index + 1 :]]
                    break
            else:
                continue
            break
    return lines


# Costs of reading a row's lines into its columns, in tenths (whole numbers, so that equal
# readings tie exactly and the later cell stays empty). A line costs nothing in a column whose
# cells it looks like. An empty cell costs more than a line that merely fails to look like its
# column's cells, so a row with one line per column reads each line as its cell (positions
# decide) unless a line contradicts its column: a date-less line in the deadline column; in
# an agency column a line that starts in lower case (the rest of a wrapped cell) or fits a
# strict column; in a strict column a lower-case line even where its words fit ("kế hoạch
# hành động …" wrapped from a task is no assigning document). Merging lines into one cell
# costs a little, more when the shapes differ; a cell that ends on a comma is rare (the list
# in it goes on to the next line).
_STRICT_FIRST = (0, 40)  # (fits, does not fit): first line of a deadline / source_ref cell
_STRICT_MORE = (5, 25)  # a further line of that cell
_STRICT_LOWER = 20  # first line of a strict cell that fits it but starts in lower case
_AGENCY_FIRST = (0, 10)  # first line of an agency cell; an unknown capitalised name
_AGENCY_CONTRADICTED = 30  # ... a lower-case or strict-shaped line as an agency cell
_AGENCY_MORE = (3, 15)
_FREE_FIRST = 2  # task, product, note: free text
_FREE_MORE = 1
_STRICT_IN_FREE = 15  # a deadline- or source_ref-shaped line inside free text
_OPEN_END = 10  # a cell's last line ends with a comma
_EMPTY = 20
_EMPTY_TASK = 60
_LOWER_START = regex.compile(r"[^\p{L}\d]*\p{Ll}")


def _align(lines: list[StrippedLine], meanings: list[Meaning | None]) -> list[tuple[int, int]]:
    """Give each column a run of the row's lines (maybe none), in order, at least cost.

    Each line is judged by the cell shapes it fits (``cell_fits``); see the cost table above.
    """
    n, m = len(lines), len(meanings)
    strict_present = [mn for mn in meanings if mn in _STRICT_COLUMNS]
    fits = {
        (k, mn): cell_fits(mn, lines[k].text)
        for k in range(n)
        for mn in set(meanings)
        if mn in _STRICT_COLUMNS or mn in AGENCY_COLUMNS
    }
    lower_start = [_LOWER_START.match(line.text) is not None for line in lines]
    strict_line = [
        not lower_start[k] and any(fits[(k, mn)] for mn in strict_present) for k in range(n)
    ]
    open_end = [line.text.endswith(",") for line in lines]

    def line_cost(meaning: Meaning | None, k: int, first: bool) -> int:
        if meaning in _STRICT_COLUMNS:
            ok = fits[(k, meaning)]
            if first and ok and lower_start[k]:
                return _STRICT_LOWER
            return (_STRICT_FIRST if first else _STRICT_MORE)[0 if ok else 1]
        if meaning in AGENCY_COLUMNS:
            if fits[(k, meaning)]:
                return _AGENCY_FIRST[0] if first else _AGENCY_MORE[0]
            if not first:
                return _AGENCY_MORE[1]
            return _AGENCY_CONTRADICTED if lower_start[k] or strict_line[k] else _AGENCY_FIRST[1]
        cost = _FREE_FIRST if first else _FREE_MORE
        return cost + (_STRICT_IN_FREE if strict_line[k] else 0)

    inf = float("inf")
    best: list[list[float]] = [[inf] * (n + 1) for _ in range(m + 1)]
    back = [[0] * (n + 1) for _ in range(m + 1)]
    best[0][0] = 0
    for c in range(1, m + 1):
        meaning = meanings[c - 1]
        empty = _EMPTY_TASK if meaning == "task" else _EMPTY
        for i in range(n + 1):
            # column c takes lines a..i-1
            choice, where = best[c - 1][i] + empty, i
            tail = _OPEN_END if i and open_end[i - 1] else 0  # + lines a+1 .. i-1
            for a in range(i - 1, -1, -1):
                total = best[c - 1][a] + line_cost(meaning, a, True) + tail
                if total < choice:
                    choice, where = total, a
                tail += line_cost(meaning, a, False)
            best[c][i], back[c][i] = choice, where
    blocks: list[tuple[int, int]] = []
    i = n
    for c in range(m, 0, -1):
        a = back[c][i]
        blocks.append((a, i))
        i = a
    blocks.reverse()
    return blocks
