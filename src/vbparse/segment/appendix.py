"""Appendices (phụ lục) and task tables (bảng nhiệm vụ): find them and recover their cells.

A directive's appendix ("PHỤ LỤC / DANH MỤC NHIỆM VỤ QUÁ HẠN / (Kèm theo Thông báo số …)")
and the task table in the body of a kế hoạch or quyết định reach us as text in one of two
forms:

* **flat**: every cell on its own line, header cells first (TT / Nhiệm vụ cụ thể / …), as
  copy-paste and many portals produce. Rows are found from the TT numbering ("1.", "29-"),
  taken in sequence; cells that wrap over several lines and empty cells are recovered by
  aligning a row's lines to the columns, using what each column's cells look like
  (``cell_shapes`` in ``grammars/appendix/columns.yaml``).
* **pipe**: one line per table row, ``| cell | cell | … |``, header row first, as ingest
  renders real PDF and DOCX tables. A row whose TT cell is empty continues the row above
  (a cell broken over a page, a merged cell).

In both forms a header repeated after a page break is skipped, a group row ("I", "II")
starts a group, and columns are mapped by meaning from the header phrasings of
``grammars/appendix/columns.yaml``, so their order does not matter.

Spans are absolute offsets in the document's normalized text (callers pass ``offset`` =
where ``text`` starts). A cell's ``text`` is ``document[span.start:span.end]``, except for a
pipe cell continued on later rows: its ``text`` joins its ``parts`` with a newline.
"""

from __future__ import annotations

import functools
import itertools
from dataclasses import dataclass
from typing import Literal

import regex
from pydantic import BaseModel

from vbparse.extract.document_number import find_document_numbers
from vbparse.grammars import GrammarError, load_yaml, validate_rows
from vbparse.models import Span

Meaning = Literal[
    "seq",
    "task",
    "source_ref",
    "lead",
    "support",
    "deadline",
    "pending",
    "status",
    "product",
    "progress",
    "note",
]
TableForm = Literal["flat", "pipe"]

COLUMNS_GRAMMAR = "appendix/columns.yaml"
HEADINGS_GRAMMAR = "appendix/headings.yaml"


# --------------------------------------------------------------------------- results


@dataclass(frozen=True)
class Cell:
    """One table cell: its words as written and where they are."""

    text: str
    span: Span
    parts: tuple[Span, ...] = ()

    @property
    def empty(self) -> bool:
        return not self.text.strip()


@dataclass(frozen=True)
class Row:
    """One table row (a task): ``cells`` has one cell per table column, in table order.

    ``label`` is the TT as written ("1.", "29-"), ``number`` its value ("1.2" → None);
    ``group`` the title of the group row ("I. NHIỆM VỤ CHUNG") above it, if any, and
    ``group_label`` that row's label ("I").
    """

    label: str
    number: int | None
    cells: tuple[Cell, ...]
    span: Span
    group: str | None = None
    group_label: str | None = None

    @property
    def key(self) -> str:
        """The TT without its punctuation: "29-" → "29", "1.2." → "1.2"."""
        return self.label.strip().rstrip(".)-–—:").strip()


@dataclass(frozen=True)
class Table:
    """A task table: its header cells, what each column means, and its rows."""

    columns: tuple[Meaning | None, ...]
    header: tuple[Cell, ...]
    rows: tuple[Row, ...]
    span: Span
    form: TableForm

    def column(self, meaning: Meaning) -> int | None:
        """Index of the first column with this meaning, or None."""
        for index, column in enumerate(self.columns):
            if column == meaning:
                return index
        return None

    def cell(self, row: Row, meaning: Meaning) -> Cell | None:
        """The row's cell in the column with this meaning (None when the table lacks it)."""
        index = self.column(meaning)
        return None if index is None else row.cells[index]


@dataclass(frozen=True)
class Appendix:
    """An appendix (phụ lục): from its heading to the next appendix or the end.

    ``title`` is the title line(s) joined ("DANH MỤC NHIỆM VỤ QUÁ HẠN"); ``attached_to`` the
    normalized number of the document it is attached to ("(Kèm theo Thông báo số
    365/TB-VPCP …)" → "365/TB-VPCP"); ``tables`` the task tables inside it.
    """

    span: Span
    label: str | None
    title: str | None
    title_span: Span | None
    attached_to: str | None
    tables: tuple[Table, ...]


# --------------------------------------------------------------------------- grammar


class _ColumnEntry(BaseModel):
    meaning: Meaning
    headers: list[str]
    cell_shapes: list[str] = []
    examples: list[str] = []


class _Headings(BaseModel):
    heading: str
    list_heading: str
    attached: str
    footers: list[str]


@dataclass(frozen=True)
class _ColumnGrammar:
    headers: tuple[tuple[str, Meaning], ...]  # (folded phrase, meaning), longest first
    shapes: dict[str, tuple[regex.Pattern[str], ...]]


def _fold(text: str) -> str:
    """Case- and spacing-insensitive form of a header cell."""
    text = regex.sub(r"\s*\(\s*\d+\s*\)\s*$", "", text)  # "Nhiệm vụ (2)": column numbers
    text = regex.sub(r"[\s*:]+$", "", text)
    return regex.sub(r"\s+", " ", text).strip().casefold()


@functools.cache
def _column_grammar() -> _ColumnGrammar:
    data = load_yaml(COLUMNS_GRAMMAR)
    if not isinstance(data, dict) or not isinstance(data.get("columns"), list):
        raise GrammarError(f"{COLUMNS_GRAMMAR}: expected a mapping with a 'columns' list")
    entries = validate_rows(COLUMNS_GRAMMAR, data["columns"], _ColumnEntry)
    headers: list[tuple[str, Meaning]] = []
    shapes: dict[str, tuple[regex.Pattern[str], ...]] = {}
    for entry in entries:
        headers.extend((_fold(h), entry.meaning) for h in entry.headers)
        try:
            compiled = tuple(regex.compile(s, regex.IGNORECASE) for s in entry.cell_shapes)
        except regex.error as exc:
            raise GrammarError(f"{COLUMNS_GRAMMAR}: {entry.meaning}: bad shape: {exc}") from exc
        shapes[entry.meaning] = shapes.get(entry.meaning, ()) + compiled
    headers.sort(key=lambda pair: -len(pair[0]))
    return _ColumnGrammar(headers=tuple(headers), shapes=shapes)


@dataclass(frozen=True)
class _HeadingGrammar:
    heading: regex.Pattern[str]
    list_heading: regex.Pattern[str]
    attached: regex.Pattern[str]
    footer: regex.Pattern[str]


@functools.cache
def _heading_grammar() -> _HeadingGrammar:
    data = load_yaml(HEADINGS_GRAMMAR)
    (entry,) = validate_rows(HEADINGS_GRAMMAR, [data], _Headings)
    try:
        return _HeadingGrammar(
            heading=regex.compile(
                rf"(?:{entry.heading})(?:\s*[:.\-–—]\s*(?P<rest>\S.*)|\s*)$", regex.IGNORECASE
            ),
            list_heading=regex.compile(entry.list_heading),
            attached=regex.compile(entry.attached, regex.IGNORECASE),
            footer=regex.compile("|".join(f"(?:{f})" for f in entry.footers), regex.IGNORECASE),
        )
    except regex.error as exc:
        raise GrammarError(f"{HEADINGS_GRAMMAR}: bad pattern: {exc}") from exc


def header_meaning(cell: str) -> Meaning | None:
    """The column meaning of a header cell ("Cơ quan chủ trì thực hiện" → "lead"), or None."""
    folded = _fold(cell)
    if not folded or len(folded.split()) > 12:
        return None
    for phrase, meaning in _column_grammar().headers:
        if folded == phrase:
            return meaning
        if (
            folded.startswith(phrase)
            and not folded[len(phrase)].isalnum()
            and len(folded) <= len(phrase) + 40
        ):
            return meaning
    return None


def cell_fits(meaning: Meaning, line: str) -> bool:
    """Whether one line looks like a cell of a column with this meaning (by its shapes)."""
    line = line.strip()
    if any(shape.fullmatch(line) for shape in _column_grammar().shapes.get(meaning, ())):
        return True
    return meaning in _AGENCY_COLUMNS and _is_name_list(line)


# --------------------------------------------------------------------------- lines

_LABEL = regex.compile(r"(?P<num>\d{1,3})(?P<sub>(?:\.\d{1,2})*)\s*[.)\-–—:]?")
_GROUP = regex.compile(r"(?P<num>[IVXLC]{1,6})\s*[.)\-–—:]?(?:\s+(?P<title>\S.*))?")
_PAGE_NUMBER = regex.compile(r"[-–—]\s*\d{1,3}\s*[-–—]?")
_SEPARATOR_ROW = regex.compile(r"\|?(?:\s*:?-{3,}:?\s*\|)+\s*:?-*:?\s*")


@dataclass(frozen=True)
class _Line:
    start: int  # of the stripped content, relative to the text being read
    end: int
    text: str

    @property
    def blank(self) -> bool:
        return not self.text


def _split_lines(text: str) -> list[_Line]:
    lines: list[_Line] = []
    pos = 0
    for raw in text.splitlines(keepends=True):
        body = raw.rstrip("\r\n")
        stripped = body.strip()
        lead = len(body) - len(body.lstrip())
        lines.append(_Line(pos + lead, pos + lead + len(stripped), stripped))
        pos += len(raw)
    return lines


def _is_pipe_row(line: _Line) -> bool:
    return len(line.text) >= 2 and line.text.startswith("|") and line.text.endswith("|")


def _is_name_list(line: str) -> bool:
    """A capitalised list of short names: "Ninh Bình, Lào Cai, Bộ Y tế"."""
    items = [i.strip() for i in regex.split(r"[,;]", line.strip().rstrip(".;"))]
    items = [regex.sub(r"^[-+•]\s*", "", i) for i in items]
    if not items or any(not i for i in items) or regex.search(r"\d", line):
        return False
    if len(items) == 1 and len(items[0].split()) > 5:
        return False
    return all(i[0].isupper() and len(i.split()) <= 8 for i in items)


def _is_footer(line: _Line) -> bool:
    return bool(_heading_grammar().footer.match(line.text))


def _heading_match(line: _Line) -> regex.Match[str] | None:
    match = _heading_grammar().heading.match(line.text)
    if match is None:
        return None
    rest = match.group("rest")
    if rest and rest != rest.upper():
        return None  # "Phụ lục kèm theo …" in a sentence is no heading
    return match


# --------------------------------------------------------------------------- tables


def find_task_tables(text: str, *, offset: int = 0) -> list[Table]:
    """Task tables in ``text`` (an appendix, or any region of a body), flat or pipe form.

    A table is recognised by its header: a TT column and a task column among at least
    three cells whose phrasings ``grammars/appendix/columns.yaml`` knows.
    """
    lines = _split_lines(text)
    tables: list[Table] = []
    i = 0
    while i < len(lines):
        if _is_pipe_row(lines[i]):
            header = _pipe_header(lines[i])
            if header is not None:
                table, i = _read_pipe_table(text, lines, i, header, offset)
                if table.rows:
                    tables.append(table)
                continue
        else:
            flat = _flat_header(lines, i)
            if flat is not None:
                table, i = _read_flat_table(text, lines, flat, offset)
                if table.rows:
                    tables.append(table)
                continue
        i += 1
    return tables


def _valid_header(meanings: list[Meaning | None]) -> bool:
    known = [m for m in meanings if m is not None]
    return "seq" in known and "task" in known and len(known) >= 3


# ---- flat form


@dataclass(frozen=True)
class _FlatHeader:
    cells: tuple[tuple[int, int], ...]  # (start, end) of each header cell
    meanings: tuple[Meaning | None, ...]
    end: int  # index of the first line after the header
    blank_separated: bool


def _flat_header(lines: list[_Line], i: int) -> _FlatHeader | None:
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
        if meaning is not None and _LABEL.fullmatch(line.text) is None:
            cells.append((line.start, line.end))
            meanings.append(meaning)
        elif cells and _is_header_continuation(line.text):
            cells[-1] = (cells[-1][0], line.end)
        else:
            break
        j += 1
    if not _valid_header(meanings):
        return None
    return _FlatHeader(tuple(cells), tuple(meanings), j, blank_separated)


def _is_header_continuation(text: str) -> bool:
    """ "thực hiện" under "Cơ quan chủ trì": a short lower-case line without digits."""
    return (
        bool(text)
        and text[0].islower()
        and len(text.split()) <= 4
        and not any(c.isdigit() for c in text)
    )


@dataclass
class _RawRow:
    label: _Line
    number: int | None
    lines: list[_Line]
    group: str | None
    group_label: str | None


def _read_flat_table(
    text: str, lines: list[_Line], header: _FlatHeader, offset: int
) -> tuple[Table, int]:
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
        if _is_footer(line) or _heading_match(line) or _is_pipe_row(line):
            break
        again = _flat_header(lines, j)
        if again is not None:
            if again.meanings != header.meanings:
                break
            j = again.end  # the header repeated after a page break
            continue
        if _PAGE_NUMBER.fullmatch(line.text):
            j += 1
            continue
        label = _LABEL.fullmatch(line.text)
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
        group_match = _GROUP.fullmatch(line.text)
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


_STRICT_COLUMNS = frozenset({"deadline", "source_ref"})
_WORD_START = regex.compile(r"(?<=\s)\p{Lu}")


def _split_joined_cells(lines: list[_Line], meanings: list[Meaning | None]) -> list[_Line]:
    """Undo a line join that swallowed a strict cell: when no line of the row looks like a
    source_ref (or deadline) cell but a line ends with one ("… toàn trình Thông báo số
    14-TB/TGV ngày 21/4/2025"), split that line before it."""
    for meaning in meanings:
        if meaning not in _STRICT_COLUMNS or any(cell_fits(meaning, ln.text) for ln in lines):
            continue
        for index, line in enumerate(lines):
            for match in _WORD_START.finditer(line.text):
                head, tail = line.text[: match.start()].rstrip(), line.text[match.start() :]
                if head and cell_fits(meaning, tail):
                    cut = line.start + match.start()
                    first = _Line(line.start, line.start + len(head), head)
                    second = _Line(cut, line.end, tail)
                    lines = [*lines[:index], first, second, *lines[index + 1 :]]
                    break
            else:
                continue
            break
    return lines


_AGENCY_COLUMNS = frozenset({"lead", "support", "pending"})


def _align(lines: list[_Line], meanings: list[Meaning | None]) -> list[tuple[int, int]]:
    """Give each column a run of the row's lines (maybe none), in order, at least cost.

    A line costs little in a column whose cells it looks like and much in a column whose
    cells it does not ("30/6/2025" outside the deadline column); wrapping costs a little
    in free-text columns and more in the others; an empty task cell costs most.
    """
    n, m = len(lines), len(meanings)
    strict_present = [mn for mn in meanings if mn in _STRICT_COLUMNS]
    fits = {
        (k, mn): cell_fits(mn, lines[k].text)
        for k in range(n)
        for mn in set(meanings)
        if mn in _STRICT_COLUMNS or mn in _AGENCY_COLUMNS
    }
    strict_line = [any(fits[(k, mn)] for mn in strict_present) for k in range(n)]

    def line_cost(meaning: Meaning | None, k: int, first: bool) -> float:
        if meaning in _STRICT_COLUMNS:
            ok = fits[(k, meaning)]
            return (0.0 if ok else 4.0) if first else (0.5 if ok else 2.5)
        if meaning in _AGENCY_COLUMNS:
            ok = fits[(k, meaning)]
            return (0.0 if ok else 2.0) if first else (0.3 if ok else 1.5)
        cost = 0.2 if first else 0.1
        return cost + (1.5 if strict_line[k] else 0.0)

    inf = float("inf")
    best = [[inf] * (n + 1) for _ in range(m + 1)]
    back = [[0] * (n + 1) for _ in range(m + 1)]
    best[0][0] = 0.0
    for c in range(1, m + 1):
        meaning = meanings[c - 1]
        empty = 6.0 if meaning == "task" else 1.0
        for i in range(n + 1):
            # column c takes lines a..i-1
            choice, where = best[c - 1][i] + empty, i
            tail = 0.0  # continuation costs of lines a+1 .. i-1
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


# ---- pipe form


def _pipe_cells(line: _Line) -> list[tuple[int, int, str]]:
    """(start, end, text) of each cell of a pipe row, relative to the text being read."""
    body = line.text
    bars = [k for k, ch in enumerate(body) if ch == "|"]
    cells = []
    for left, right in itertools.pairwise(bars):
        raw = body[left + 1 : right]
        stripped = raw.strip()
        lead = len(raw) - len(raw.lstrip())
        s = line.start + left + 1 + lead
        cells.append((s, s + len(stripped), stripped))
    return cells


def _pipe_header(line: _Line) -> tuple[Meaning | None, ...] | None:
    meanings = [header_meaning(text) for _, _, text in _pipe_cells(line)]
    return tuple(meanings) if _valid_header(meanings) else None


def _read_pipe_table(
    text: str,
    lines: list[_Line],
    i: int,
    meanings: tuple[Meaning | None, ...],
    offset: int,
) -> tuple[Table, int]:
    width = len(meanings)
    seq_index = meanings.index("seq")
    header_cells = tuple(
        Cell(t, Span(start=s + offset, end=e + offset)) for s, e, t in _pipe_cells(lines[i])
    )
    rows: list[tuple[_Line, int | None, list[list[tuple[int, int, str]]], str | None, str | None]]
    rows = []
    group: str | None = None
    group_label: str | None = None
    last_end = lines[i].end
    j = i + 1
    while j < len(lines):
        line = lines[j]
        if not _is_pipe_row(line):
            resume = _pipe_resumes(lines, j, meanings)
            if resume is None:
                break
            j = resume
            continue
        if _SEPARATOR_ROW.fullmatch(line.text) or _pipe_header(line) == meanings:
            j += 1
            continue
        cells = _pipe_cells(line)
        if len(cells) > width:  # stray bars: fold the extra cells into the last one
            s, _, _ = cells[width - 1]
            _, e, _ = cells[-1]
            cells = [*cells[: width - 1], (s, e, text[s:e])]
        cells += [(line.end, line.end, "")] * (width - len(cells))
        seq = cells[seq_index][2]
        label = _LABEL.fullmatch(seq)
        group_match = _GROUP.fullmatch(seq)
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


def _pipe_resumes(lines: list[_Line], j: int, meanings: tuple[Meaning | None, ...]) -> int | None:
    """After a non-row line inside a pipe table: where the table goes on, if it does.

    Blank lines may separate rows; a page break may put a few lines (page number, running
    title) before the header is repeated.
    """
    k = j
    while k < len(lines) and lines[k].blank:
        k += 1
    if k < len(lines) and _is_pipe_row(lines[k]) and k > j:
        return k
    for look in range(j, min(j + 4, len(lines))):
        line = lines[look]
        if _is_footer(line) or _heading_match(line):
            return None
        if _is_pipe_row(line):
            return look + 1 if _pipe_header(line) == meanings else None
    return None


# --------------------------------------------------------------------------- appendices


def find_appendices(text: str, *, offset: int = 0) -> list[Appendix]:
    """Appendices of a document, each from its heading to the next one or the end.

    A heading is a "PHỤ LỤC" line (with an optional label and title), or a "DANH MỤC …"
    title line followed closely by a "(Kèm theo … số …)" line.
    """
    grammar = _heading_grammar()
    lines = _split_lines(text)
    starts: list[tuple[int, str | None]] = []  # (line index, label)
    for k, line in enumerate(lines):
        match = _heading_match(line)
        if match is not None:
            starts.append((k, match.groupdict().get("label")))
            continue
        if grammar.list_heading.match(line.text) and line.text == line.text.upper():
            near = lines[k + 1 : k + 4]
            opened = any(s >= k - 3 for s, _ in starts)
            if not opened and any(grammar.attached.match(n.text) for n in near):
                starts.append((k, None))
    appendices: list[Appendix] = []
    for index, (k, label) in enumerate(starts):
        begin = lines[k].start
        end = lines[starts[index + 1][0]].start if index + 1 < len(starts) else len(text)
        region = text[begin:end].rstrip()
        title, title_span, attached = _read_caption(lines, k, end)
        appendices.append(
            Appendix(
                span=Span(start=begin + offset, end=begin + len(region) + offset),
                label=label,
                title=title,
                title_span=None if title_span is None else title_span.shift(offset),
                attached_to=attached,
                tables=tuple(find_task_tables(region, offset=begin + offset)),
            )
        )
    return appendices


def _read_caption(
    lines: list[_Line], k: int, end: int
) -> tuple[str | None, Span | None, str | None]:
    """Title and attached-to number from the lines under an appendix heading."""
    grammar = _heading_grammar()
    title_lines: list[_Line] = []
    heading = _heading_match(lines[k])
    if heading is not None and heading.group("rest"):
        s = lines[k].start + heading.start("rest")
        title_lines.append(_Line(s, lines[k].end, heading.group("rest")))
    elif heading is None:
        title_lines.append(lines[k])
    attached: str | None = None
    for line in lines[k + 1 : k + 8]:
        if line.start >= end:
            break
        if line.blank:
            if title_lines:
                continue
            continue
        match = grammar.attached.match(line.text)
        if match is not None:
            numbers = find_document_numbers(line.text[match.end() :])
            attached = next((number for number, _, _ in numbers), None)
            break
        if header_meaning(line.text) is not None or _is_pipe_row(line) or len(title_lines) >= 3:
            break
        title_lines.append(line)
    if not title_lines:
        return None, None, attached
    title = " ".join(line.text for line in title_lines)
    return title, Span(start=title_lines[0].start, end=title_lines[-1].end), attached
