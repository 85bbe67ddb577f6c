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

The page model is in :mod:`vbparse.ingest.page_model`, table cells in
:mod:`vbparse.ingest.table_cells`.
"""

from __future__ import annotations

import re

from vbparse.ingest.page_model import Block, Line, Page, group_lines
from vbparse.ingest.table_cells import join_tables

__all__ = ["drop_running_lines", "page_blocks", "read_pages", "render"]

# Top and bottom share of the page where running headers and footers live.
MARGIN_SHARE = 0.06
# A run of lines is read as two columns when two of its lines are split at a shared gutter
# (COLUMN_GAP_EM), or one line by a gap of at least WIDE_GAP_EM.
WIDE_GAP_EM = 2.5
_PAGE_NUMBER = re.compile(r"^[\W_]*\d{1,4}(?:\s*/\s*\d{1,4})?[\W_]*$")
_DIGITS = re.compile(r"\d+")


# A reading-order item: a line, or a two-column run (left lines, right lines, closed).
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
        popped: list[Line] = []  # the lines above taken into the run, given back if none
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
                popped.insert(0, out.pop())
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
            # Not a column run after all: keep the lines as they were, each whole (its
            # segments sorted by their tops put "tế huyện, thị xã, thành phố." before "-
            # Trung tâm" when a taller letter rose above the line's left part: the scan of
            # công văn 2014/SYT-NVY Kiên Giang, real b65).
            out.extend(popped + lines[i:j] if gutter is None else lines[:j])
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
    lines = group_lines(inside)
    for k, line in enumerate(lines):
        in_margin = (line.bottom < top_zone or line.top > bottom_zone) and len(line.text) < 60
        if in_margin or _edge_page_number(line, k, len(lines), page.height):
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


# A page number printed lower than the margin band (a top margin of 2.5 cm and more, kế hoạch
# of Chi cục Hải quan khu vực VIII): the page's first or last line, a bare number, within this
# share of the page's height from its edge.
PAGE_NUMBER_SHARE = 0.15


def _edge_page_number(line: Line, k: int, count: int, height: float) -> bool:
    first = k == 0 and line.bottom < PAGE_NUMBER_SHARE * height
    last = k == count - 1 and line.top > (1 - PAGE_NUMBER_SHARE) * height
    return (first or last) and bool(_PAGE_NUMBER.match(line.text.strip()))


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
