"""Reading order of positioned words, shared by the PDF and OCR readers (no library here).

A page is given as words with boxes (from pdfplumber or from Tesseract) plus the tables found
on it (cell boxes). This module turns them into text lines:

- words are grouped into lines by their vertical position;
- a run of lines split by a wide vertical gutter (the two-column header of NĐ 30/2020, the
  Nơi nhận / signature block) is read column by column, left column first;
- a table becomes one line per row, ``| cell | cell |``; a table continued on the next page
  with its header row repeated is joined to the first, the repeated header dropped, and a
  row broken across the page break (its first cell empty) is joined back;
- running headers, footers and page numbers (short lines in the top or bottom margin that
  are numbers or repeat on other pages) are dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

# A gap between words wider than this many times the font size may separate two columns; a
# run of lines is read as two columns when two of its lines are split at a shared gutter, or
# one line by a gap of at least WIDE_GAP_EM.
COLUMN_GAP_EM = 1.2
WIDE_GAP_EM = 2.5
# Top and bottom share of the page where running headers and footers live.
MARGIN_SHARE = 0.06
_PAGE_NUMBER = re.compile(r"^[\W_]*\d{1,4}(?:\s*/\s*\d{1,4})?[\W_]*$")
_DIGITS = re.compile(r"\d+")


@dataclass
class Word:
    text: str
    x0: float
    top: float
    x1: float
    bottom: float

    @property
    def size(self) -> float:
        return max(self.bottom - self.top, 1.0)


@dataclass
class Line:
    words: list[Word]

    @property
    def x0(self) -> float:
        return min(w.x0 for w in self.words)

    @property
    def x1(self) -> float:
        return max(w.x1 for w in self.words)

    @property
    def top(self) -> float:
        return min(w.top for w in self.words)

    @property
    def bottom(self) -> float:
        return max(w.bottom for w in self.words)

    @property
    def text(self) -> str:
        return " ".join(w.text for w in self.words)

    def segments(self) -> list[Line]:
        """The line cut where the gap between two words is wide enough to be a gutter."""
        size = sorted(w.size for w in self.words)[len(self.words) // 2]
        parts: list[list[Word]] = [[self.words[0]]]
        for word in self.words[1:]:
            if word.x0 - parts[-1][-1].x1 > COLUMN_GAP_EM * size:
                parts.append([word])
            else:
                parts[-1].append(word)
        return [Line(p) for p in parts]


@dataclass
class Table:
    """A table found on a page: its box and its rows of cell texts."""

    top: float
    bottom: float
    x0: float
    x1: float
    rows: list[list[str]]


@dataclass
class Block:
    """One item of a page in reading order: a text line or a table."""

    top: float
    text: str | None = None
    rows: list[list[str]] | None = None
    # The page of each row: a table continued over pages is one block after ``join_tables``.
    row_pages: list[int] | None = None
    margin: bool = False  # a short line in the top or bottom margin
    page: int = 0
    region: int | None = None  # two-column run it belongs to (may span a page break)
    column: int = 0


@dataclass
class Page:
    width: float
    height: float
    words: list[Word]
    tables: list[Table] = field(default_factory=list)


def group_lines(words: list[Word]) -> list[Line]:
    """Words -> lines, top to bottom.

    A word joins the line above when their boxes overlap vertically by half the smaller
    one's height (OCR boxes of words with tone marks are taller than the others).
    """
    lines: list[Line] = []
    core: list[tuple[float, float]] = []  # median box of each line
    for word in sorted(words, key=lambda w: (w.top + w.bottom) / 2):
        if lines:
            top, bottom = core[-1]
            overlap = min(bottom, word.bottom) - max(top, word.top)
            if overlap >= 0.5 * min(bottom - top, word.bottom - word.top):
                lines[-1].words.append(word)
                tops = sorted(w.top for w in lines[-1].words)
                bottoms = sorted(w.bottom for w in lines[-1].words)
                core[-1] = (tops[len(tops) // 2], bottoms[len(bottoms) // 2])
                continue
        lines.append(Line([word]))
        core.append((word.top, word.bottom))
    for line in lines:
        line.words.sort(key=lambda w: w.x0)
    return lines


Item = Line | tuple[list[Line], list[Line], bool]


def _wide(line: Line) -> bool:
    segs = line.segments()
    size = sorted(w.size for w in line.words)[len(line.words) // 2]
    return len(segs) == 2 and segs[1].x0 - segs[0].x1 >= WIDE_GAP_EM * size


def _columns(
    lines: list[Line], gutter: tuple[float, float] | None = None
) -> tuple[list[Item], tuple[float, float] | None]:
    """Lines in reading order; a two-column run becomes (left lines, right lines).

    ``gutter`` continues a two-column run from the previous page (a Nơi nhận / signature
    table broken by the page break). Returns the items and the gutter still open at the end.
    """
    out: list[Item] = []
    i = 0
    open_gutter = None
    while i < len(lines):
        segs = lines[i].segments()
        if gutter is not None and i == 0:
            left_edge, right_edge = gutter
            left, right, j = [], [], 0
            splits, wide = 2, True
        elif len(segs) == 2:
            left_edge, right_edge = segs[0].x1, segs[1].x0
            left, right = [segs[0]], [segs[1]]
            splits, wide = 1, _wide(lines[i])
            # Lines just above that sit wholly on one side belong to the run too.
            while out and isinstance(out[-1], Line) and len(out[-1].segments()) == 1:
                above = out[-1]
                if above.x1 < right_edge:
                    left.insert(0, above)
                elif above.x0 > left_edge:
                    right.insert(0, above)
                else:
                    break
                out.pop()
            j = i + 1
        else:
            out.append(lines[i])
            i += 1
            continue
        while j < len(lines):
            line = lines[j]
            parts = line.segments()
            if len(parts) == 2 and parts[0].x1 < right_edge and parts[1].x0 > left_edge:
                left.append(parts[0])
                right.append(parts[1])
                left_edge = max(left_edge, parts[0].x1)
                right_edge = min(right_edge, parts[1].x0)
                splits += 1
                wide = wide or _wide(line)
            elif len(parts) == 1 and line.x1 < right_edge:
                left.append(line)
                left_edge = max(left_edge, line.x1)
            elif len(parts) == 1 and line.x0 > left_edge:
                right.append(line)
                right_edge = min(right_edge, line.x0)
            else:
                break
            j += 1
        if gutter is not None and i == 0 and j == 0:
            gutter = None  # the run did not go on on this page
            continue
        if (splits >= 2 or wide) and (left or right):
            out.append((left, right, gutter is not None and i == 0))
            open_gutter = (left_edge, right_edge) if j == len(lines) else None
        else:
            # Not a column run after all: keep the lines as they were.
            out.extend(sorted(left + right, key=lambda x: x.top) if gutter is None else [])
            if gutter is not None:
                out.extend(lines[:j])
        gutter = None
        i = max(j, i + 1)
    return out, open_gutter


def page_blocks(
    page: Page, number: int, gutter: tuple[float, float] | None = None, region: int = 0
) -> tuple[list[Block], tuple[float, float] | None]:
    """One page's lines and tables in reading order, and the two-column gutter left open.

    Two-column runs get region ids from ``region`` upwards (a run continued from the
    previous page keeps ``region`` itself), so that ``render`` can read a run broken by a
    page break column by column.
    """
    inside = [
        w
        for w in page.words
        if not any(
            t.x0 - 1 <= (w.x0 + w.x1) / 2 <= t.x1 + 1
            and t.top - 1 <= (w.top + w.bottom) / 2 <= t.bottom + 1
            for t in page.tables
        )
    ]
    blocks: list[Block] = []
    top_zone, bottom_zone = MARGIN_SHARE * page.height, (1 - MARGIN_SHARE) * page.height
    body: list[Line] = []
    for line in group_lines(inside):
        if (line.bottom < top_zone or line.top > bottom_zone) and len(line.text) < 60:
            blocks.append(Block(line.top, text=line.text, margin=True, page=number))
        else:
            body.append(line)
    if page.tables and body and page.tables[0].top < body[0].top:
        gutter = None
    items, open_gutter = _columns(body, gutter)
    next_region = region + 1
    for item in items:
        if isinstance(item, Line):
            blocks.append(Block(item.top, text=item.text, page=number))
            continue
        left, right, continued = item
        if continued:
            rid = region
        else:
            rid, next_region = next_region, next_region + 1
        top = min(x.top for x in left + right)
        for column, lines in enumerate((left, right)):
            for line in lines:
                blocks.append(Block(top, text=line.text, page=number, region=rid, column=column))
                top += 0.001
    for table in page.tables:
        blocks.append(Block(table.top, rows=table.rows, page=number))
    blocks.sort(key=lambda b: b.top)
    if page.tables and body and page.tables[-1].bottom > body[-1].bottom:
        open_gutter = None
    return blocks, open_gutter


def read_pages(pages: list[Page | None]) -> list[list[Block]]:
    """Blocks of every page, carrying a two-column run over page breaks."""
    out: list[list[Block]] = []
    gutter = None
    region = 0
    for number, page in enumerate(pages):
        if page is None:
            out.append([])
            gutter = None
            continue
        blocks, gutter = page_blocks(page, number, gutter, region)
        region = max([b.region for b in blocks if b.region is not None] + [region])
        out.append(blocks)
    return out


def _columns_in_order(blocks: list[Block]) -> list[Block]:
    """Each two-column run read column by column, also when a page break cuts it."""
    out: list[Block] = []
    i = 0
    while i < len(blocks):
        rid = blocks[i].region
        if rid is None:
            out.append(blocks[i])
            i += 1
            continue
        j = i
        run: list[Block] = []
        while j < len(blocks) and (blocks[j].region == rid or blocks[j].margin):
            if not blocks[j].margin:
                run.append(blocks[j])
            j += 1
        out.extend(sorted(run, key=lambda b: b.column))  # stable: keeps order in a column
        i = j
    return out


def drop_running_lines(pages: list[list[Block]]) -> None:
    """Remove page numbers and lines repeated in the margins of several pages (in place)."""
    seen: dict[str, set[int]] = {}
    for blocks in pages:
        for block in blocks:
            if block.margin and block.text:
                seen.setdefault(_DIGITS.sub("#", block.text.strip()), set()).add(block.page)
    for blocks in pages:
        blocks[:] = [
            b
            for b in blocks
            if not (
                b.margin
                and b.text is not None
                and (
                    _PAGE_NUMBER.match(b.text.strip())
                    or len(seen.get(_DIGITS.sub("#", b.text.strip()), ())) > 1
                )
            )
        ]


_GLUED_BREAK = re.compile(r"(?<=\S[-/])\s*\n\s*(?=[^\W_])")
# A line of a cell ending in a hyphen or slash glued to its word ("57-NQ/" + "TW"): the
# break fell at the break opportunity after that character, inside the token.
_BREAK_AFTER = re.compile(r"\S[-/]$")
# Slack (in the page's units per font size) when deciding whether a fragment filled a line.
FULL_LINE_SLACK_EM = 0.5


def _char_width(word: Word) -> float:
    return (word.x1 - word.x0) / max(len(word.text), 1)


def cell_text(words: list[Word], inner_width: float, spaces: list[Word] | None = None) -> str:
    """The text of one table cell, its wrapped lines joined with a space or, inside a token, none.

    A line break falls inside a token ("30/6/202" + "5", "03-TB/BCĐT" + "W") when the
    typesetter broke a word too long for the cell: the fragment ending the line, plus the
    first character of the next line, is wider than the cell's ``inner_width`` (width minus
    padding). It also falls inside a token after a hyphen or slash glued to its word
    ("57-NQ/" + "TW"). ``spaces`` are the boxes of the space glyphs of a text layer, when it
    has them: a line whose last word is followed by one was broken at that space.
    """
    lines = group_lines(words)
    out = ""
    for index, line in enumerate(lines):
        if index == 0:
            out = line.text
            continue
        above, last, first = lines[index - 1], lines[index - 1].words[-1], line.words[0]
        spaced = spaces is not None and any(
            abs(s.x0 - last.x1) <= 0.3 * last.size
            and min(s.bottom, last.bottom) - max(s.top, last.top) > 0.5 * last.size
            for s in spaces
        )
        slack = FULL_LINE_SLACK_EM * above.words[-1].size
        too_long = (last.x1 - last.x0) + _char_width(first) > inner_width - slack
        glued = _BREAK_AFTER.search(last.text) is not None and first.text[:1].isalnum()
        out += "" if not spaced and (too_long or glued) else " "
        out += line.text
    return out


Box = tuple[float, float, float, float]  # x0, top, x1, bottom


def _inside(word: Word, box: Box) -> bool:
    x0, top, x1, bottom = box
    return x0 <= (word.x0 + word.x1) / 2 <= x1 and top <= (word.top + word.bottom) / 2 <= bottom


def table_rows(
    cells: list[list[Box | None]], words: list[Word], spaces: list[Word] | None = None
) -> list[list[str]]:
    """Rows of cell texts from a table's cell boxes (``None``: merged away) and the words.

    A word belongs to the cell holding its centre. Wrapped lines of a cell are joined by
    ``cell_text``, so that a date or number broken inside the cell ("30/6/202" / "5") comes
    out whole. The cell padding is the gap between a cell's left edge and its text: per
    column the smallest, then the lower median over the columns (a centred column, or a
    speck by a rule, does not decide).
    """
    contents = [
        [(box, [w for w in words if _inside(w, box)] if box else []) for box in row]
        for row in cells
    ]
    gaps: dict[int, float] = {}
    for row in contents:
        for column, (box, inside) in enumerate(row):
            if box and inside:
                gap = min(w.x0 for w in inside) - box[0]
                gaps[column] = min(gaps.get(column, gap), gap)
    ordered = sorted(gaps.values())
    pad = max(ordered[(len(ordered) - 1) // 2], 0.0) if ordered else 0.0
    return [
        [
            cell_text(inside, box[2] - box[0] - 2 * pad, spaces) if box and inside else ""
            for box, inside in row
        ]
        for row in contents
    ]


def clean_cell(text: str | None) -> str:
    """A cell's lines joined by a space ("57-NQ/\nTW" rejoined), "|" written as "/"."""
    text = _GLUED_BREAK.sub("", text or "")
    return " ".join(text.split()).replace("|", "/")


# Two renderings of a row are the same row (a header repeated on the next page, read again
# by OCR with a few letters different) when their texts are this similar.
SAME_ROW_RATIO = 0.85


def same_row(a: list[str], b: list[str]) -> bool:
    """True when two rows have the same cells, up to a few characters (OCR)."""
    from difflib import SequenceMatcher

    if len(a) != len(b):
        return False
    if a == b:
        return True
    left, right = " | ".join(a), " | ".join(b)
    return SequenceMatcher(None, left, right, autojunk=False).ratio() >= SAME_ROW_RATIO


def join_tables(blocks: list[Block]) -> list[Block]:
    """Join a table continued on the next block (page) to the one before it."""
    out: list[Block] = []
    header: list[str] | None = None
    for block in blocks:
        if block.rows is None:
            if block.text is not None and block.text.strip():
                header = None
            out.append(block)
            continue
        rows = [[clean_cell(c) for c in row] for row in block.rows]
        rows = [r for r in rows if any(r)]
        previous = out[-1] if out and out[-1].rows is not None and header is not None else None
        if previous is not None and rows and previous.rows:
            width = len(previous.rows[0])
            if same_row(rows[0], header):
                rows = rows[1:]
            if rows and len(rows[0]) == width:
                if not rows[0][0] and previous.rows:
                    last = previous.rows[-1]
                    previous.rows[-1] = [
                        " ".join(x for x in (a, b) if x)
                        for a, b in zip(last, rows[0], strict=False)
                    ]
                    rows = rows[1:]
                previous.rows.extend(rows)
                if previous.row_pages is not None:
                    previous.row_pages.extend([block.page] * len(rows))
                continue
        if rows:
            header = rows[0]
            out.append(
                Block(block.top, rows=rows, page=block.page, row_pages=[block.page] * len(rows))
            )
    return out


def render(pages: list[list[Block]]) -> tuple[str, list[int]]:
    """Text of all pages and the offset where each page starts."""
    drop_running_lines(pages)
    flat = join_tables(_columns_in_order([b for blocks in pages for b in blocks]))
    parts: list[str] = []
    starts: dict[int, int] = {}
    offset = 0
    for block in flat:
        starts.setdefault(block.page, offset)
        if block.rows is not None:
            lines = ["| " + " | ".join(row) + " |" for row in block.rows]
            pages_of = block.row_pages or [block.page] * len(lines)
        else:
            lines = [block.text or ""]
            pages_of = [block.page]
        for line, page in zip(lines, pages_of, strict=True):
            starts.setdefault(page, offset)
            parts.append(line)
            offset += len(line) + 1
    page_starts = []
    last = 0
    for number in range(len(pages)):
        last = starts.get(number, last)
        page_starts.append(last)
    return "\n".join(parts) + "\n", page_starts
