"""Task tables (bảng nhiệm vụ): what a table is made of, what its columns mean, its lines.

A task table (in an appendix, or in the body of a kế hoạch or quyết định) reaches us as text
in one of two forms, read by ``vbparse.segment.flat_table`` (one cell per line) and
``vbparse.segment.pipe_table`` (``| cell | cell | … |`` rows); ``vbparse.segment.task_tables``
finds tables of either form. This module holds what both readers share:

* the result model: ``Table``, ``Row`` and ``Cell``, with each column's ``Meaning``;
* the column grammar (``grammars/appendix/columns.yaml``): columns are mapped by meaning
  from their header phrasings (``header_meaning``), so their order does not matter, and
  each column's cells have shapes (``cell_fits``);
* the lines a table is read from (``StrippedLine``), the TT numbering of a row ("1.",
  "29-") and of a group row ("I", "II"), and the lines that end a table: a footer or an
  appendix heading (``grammars/appendix/headings.yaml``).

Spans are absolute offsets in the document's normalized text (callers pass ``offset`` =
where ``text`` starts). A cell's ``text`` is ``document[span.start:span.end]``, except for a
pipe cell continued on later rows: its ``text`` joins its ``parts`` with a newline.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Literal

import regex
from pydantic import BaseModel

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
    "figure",
]
TableForm = Literal["flat", "pipe"]

COLUMNS_GRAMMAR = "appendix/columns.yaml"
HEADINGS_GRAMMAR = "appendix/headings.yaml"

# Columns whose cells name agencies: a capitalised list of short names fits them.
AGENCY_COLUMNS = frozenset({"lead", "support", "pending"})


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


# --------------------------------------------------------------------------- column grammar


class _ColumnEntry(BaseModel):
    meaning: Meaning
    headers: list[str]
    cell_shapes: list[str] = []
    examples: list[str] = []


@dataclass(frozen=True)
class _ColumnGrammar:
    headers: tuple[tuple[str, Meaning], ...]  # (folded phrase, meaning), longest first
    shapes: dict[str, tuple[regex.Pattern[str], ...]]
    # The headers by their first character, in the same order: a phrase a cell equals or
    # starts with starts with the cell's first character (a cell is tried against a few,
    # not every phrase of the grammar).
    by_first: dict[str, tuple[tuple[str, Meaning], ...]]


_COLUMN_NUMBER = regex.compile(r"\s*\(\s*\d+\s*\)\s*$")  # "Nhiệm vụ (2)": column numbers
_TRAILING_MARKS = regex.compile(r"[\s*:]+$")
_SPACES = regex.compile(r"\s+")
# A header cell has at most this many words (a sentence is no header cell).
_HEADER_WORDS = 12


def _fold(text: str) -> str:
    """Case- and spacing-insensitive form of a header cell."""
    text = _COLUMN_NUMBER.sub("", text)
    text = _TRAILING_MARKS.sub("", text)
    return _SPACES.sub(" ", text).strip().casefold()


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
    if any(not phrase for phrase, _ in headers):
        raise GrammarError(f"{COLUMNS_GRAMMAR}: a header that is only spaces or marks")
    by_first: dict[str, list[tuple[str, Meaning]]] = {}
    for phrase, meaning in headers:
        by_first.setdefault(phrase[0], []).append((phrase, meaning))
    return _ColumnGrammar(
        headers=tuple(headers),
        shapes=shapes,
        by_first={first: tuple(pairs) for first, pairs in by_first.items()},
    )


_GLUED_PHRASE_WORDS = 3


# Pure in ``cell``; tables and field bullets ask about the same header words again and again.
@functools.lru_cache(maxsize=4096)
def header_meaning(cell: str) -> Meaning | None:
    """The column meaning of a header cell ("Cơ quan chủ trì thực hiện" → "lead"), or None."""
    if len(cell.split()) > _HEADER_WORDS + 2:  # no header cell, whatever its last marks
        return None
    folded = _fold(cell)
    if not folded or len(folded.split()) > _HEADER_WORDS:
        return None
    for phrase, meaning in _column_grammar().by_first.get(folded[0], ()):
        if folded == phrase:
            return meaning
        # A phrase of three words or more is unmistakable even when OCR glued the next word
        # to it ("Cơ quan chủ trìhựchiện"); a short one must end at a word boundary.
        ends_well = (
            not folded[len(phrase) :][:1].isalnum() or len(phrase.split()) >= _GLUED_PHRASE_WORDS
        )
        if folded.startswith(phrase) and len(folded) <= len(phrase) + 40 and ends_well:
            return meaning
    return None


def is_task_header(meanings: list[Meaning | None]) -> bool:
    """Whether header cells with these meanings head a task table: a TT column and a task
    column among at least three known columns; not a form of figures to fill in (a figure
    column, no one who leads, supports or is due)."""
    known = [m for m in meanings if m is not None]
    if "figure" in known and not {"lead", "support", "deadline"} & set(known):
        return False
    return "seq" in known and "task" in known and len(known) >= 3


def cell_fits(meaning: Meaning, line: str) -> bool:
    """Whether one line looks like a cell of a column with this meaning (by its shapes).

    An agency column's cell also fits when it is a capitalised list of short names ("Ninh
    Bình, Lào Cai, Bộ Y tế") or an organisation's proper name that the gazetteer and the
    head words may lack ("Tổng Liên đoàn Lao động Việt Nam"): see ``_is_name_list``."""
    line = line.strip()
    if any(shape.fullmatch(line) for shape in _column_grammar().shapes.get(meaning, ())):
        return True
    return meaning in AGENCY_COLUMNS and _is_name_list(line)


# Words in one list item: a short name ("Lào Cai", "Các địa phương") needs only its capital;
# a longer one must be a proper name, many of its words capitalised (official names capitalise
# the first syllable of each word: "Liên minh Hợp tác xã Việt Nam"; a sentence capitalises
# only its first word and the names in it), and not run past this.
_SHORT_NAME_WORDS = 5
_LIST_ITEM_WORDS = 8
_PROPER_NAME_WORDS = 14
_ITEM_SEPARATOR = regex.compile(r"[,;]")
_ITEM_BULLET = regex.compile(r"^[-+•]\s*")
_DIGIT = regex.compile(r"\d")


def _is_name_list(line: str) -> bool:
    """A capitalised list of names: "Ninh Bình, Lào Cai, Bộ Y tế", "Hiệp hội Bất động sản
    Việt Nam". Each item starts with a capital; an item longer than a short name must have
    at least two in five of its words capitalised and end on a capitalised word, as a proper
    name does ("… Việt Nam", "… Hồ Chí Minh") and a sentence seldom does."""
    items = [i.strip() for i in _ITEM_SEPARATOR.split(line.strip().rstrip(".;"))]
    items = [_ITEM_BULLET.sub("", i) for i in items]
    if not items or any(not i for i in items) or _DIGIT.search(line):
        return False
    return all(_is_name(item, in_list=len(items) > 1) for item in items)


def _is_name(item: str, *, in_list: bool) -> bool:
    words = item.split()
    if not item[0].isupper():
        return False
    if len(words) <= (_LIST_ITEM_WORDS if in_list else _SHORT_NAME_WORDS):
        return True
    capitalised = sum(1 for word in words if word[0].isupper())
    return (
        len(words) <= _PROPER_NAME_WORDS
        and 5 * capitalised >= 2 * len(words)
        and words[-1][0].isupper()
    )


# --------------------------------------------------------------------------- lines

ROW_LABEL = regex.compile(r"(?P<num>\d{1,3})(?P<sub>(?:\.\d{1,2})*)\s*[.)\-–—:]?")
GROUP_ROW = regex.compile(r"(?P<num>[IVXLC]{1,6})\s*[.)\-–—:]?(?:\s+(?P<title>\S.*))?")


@dataclass(frozen=True)
class StrippedLine:
    """One line's content without its surrounding whitespace, and where that content is."""

    start: int  # of the stripped content, relative to the text being read
    end: int
    text: str

    @property
    def blank(self) -> bool:
        return not self.text


def split_stripped_lines(text: str) -> list[StrippedLine]:
    """Every line of ``text``, stripped, with offsets relative to ``text``."""
    lines: list[StrippedLine] = []
    pos = 0
    for raw in text.splitlines(keepends=True):
        body = raw.rstrip("\r\n")
        stripped = body.strip()
        lead = len(body) - len(body.lstrip())
        lines.append(StrippedLine(pos + lead, pos + lead + len(stripped), stripped))
        pos += len(raw)
    return lines


def is_pipe_row(line: StrippedLine) -> bool:
    """Whether the line is a pipe-form table row: ``| … |``."""
    return len(line.text) >= 2 and line.text.startswith("|") and line.text.endswith("|")


# --------------------------------------------------------------------------- where tables end


class _Headings(BaseModel):
    heading: str
    list_heading: str
    attached: str
    footers: list[str]
    attached_documents: list[str] = []
    appendix_plans: list[str] = []


@dataclass(frozen=True)
class HeadingGrammar:
    """``grammars/appendix/headings.yaml`` compiled: appendix headings and table footers."""

    heading: regex.Pattern[str]
    list_heading: regex.Pattern[str]
    attached: regex.Pattern[str]
    footer: regex.Pattern[str]
    attached_documents: frozenset[str]  # type codes read like a body
    appendix_plans: frozenset[str]  # a "PHỤ LỤC" titled with one of these is read like a body


@functools.cache
def heading_grammar() -> HeadingGrammar:
    """The appendix heading grammar, loaded once."""
    data = load_yaml(HEADINGS_GRAMMAR)
    (entry,) = validate_rows(HEADINGS_GRAMMAR, [data], _Headings)
    if stray := set(entry.appendix_plans) - set(entry.attached_documents):
        raise GrammarError(f"{HEADINGS_GRAMMAR}: appendix_plans not in attached_documents: {stray}")
    try:
        return HeadingGrammar(
            heading=regex.compile(
                rf"(?:{entry.heading})(?:\s*[:.\-–—]\s*(?P<rest>\S.*)|\s*)$", regex.IGNORECASE
            ),
            list_heading=regex.compile(entry.list_heading),
            attached=regex.compile(entry.attached, regex.IGNORECASE),
            footer=regex.compile("|".join(f"(?:{f})" for f in entry.footers), regex.IGNORECASE),
            attached_documents=frozenset(entry.attached_documents),
            appendix_plans=frozenset(entry.appendix_plans),
        )
    except regex.error as exc:
        raise GrammarError(f"{HEADINGS_GRAMMAR}: bad pattern: {exc}") from exc


def heading_match(line: StrippedLine) -> regex.Match[str] | None:
    """The match of an appendix heading line ("PHỤ LỤC II: DANH MỤC …"), or None."""
    match = heading_grammar().heading.match(line.text)
    if match is None:
        return None
    rest = match.group("rest")
    if rest and rest != rest.upper():
        return None  # "Phụ lục kèm theo …" in a sentence is no heading
    return match


def ends_table(line: StrippedLine) -> bool:
    """Whether the line ends any table: a footer ("Nơi nhận:") or an appendix heading."""
    return bool(heading_grammar().footer.match(line.text)) or heading_match(line) is not None
