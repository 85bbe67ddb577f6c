"""Table cells from positioned words: a cell's wrapped lines joined (a date or number broken
inside the cell comes out whole), rows of cell texts from cell boxes, and a table continued on
the next page joined to the first (its repeated header dropped)."""

from __future__ import annotations

import re

from vbparse.ingest.page_model import Block, Box, Word, group_lines

__all__ = ["cell_text", "clean_cell", "join_tables", "row_contents", "same_row", "table_rows"]


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


def _inside(word: Word, box: Box) -> bool:
    x0, top, x1, bottom = box
    return x0 <= (word.x0 + word.x1) / 2 <= x1 and top <= (word.top + word.bottom) / 2 <= bottom


def row_contents(row: list[Box | None], words: list[Word]) -> list[tuple[Box | None, list[Word]]]:
    """Each cell box of a row with the words whose centre it holds, in the words' order; the
    words are first narrowed to the row's height (a scanned table page has a thousand words
    and a hundred cells)."""
    boxes = [box for box in row if box]
    if not boxes:
        return [(box, []) for box in row]
    top, bottom = min(b[1] for b in boxes), max(b[3] for b in boxes)
    near = [w for w in words if top <= (w.top + w.bottom) / 2 <= bottom]
    return [(box, [w for w in near if _inside(w, box)] if box else []) for box in row]


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
    contents = [row_contents(row, words) for row in cells]
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
