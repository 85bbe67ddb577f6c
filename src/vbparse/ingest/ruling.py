"""Ruled tables on a page image (a greyscale array): the grid of rules, erased before OCR.

A scanned table is found from its rules, not from the text: vertical rules are columns of
ink at least ``MIN_VERTICAL_SHARE`` of the page high, horizontal rules are rows of ink that
run across the columns between them. The grid gives each OCR word its cell (by the word's
centre); the rules are then painted white before Tesseract reads the page, so that it does
not read them as "|", "/" or "l" nor let them disturb its line finding.

Rules are looked for on the ink mask thickened by one pixel each way, and a run counts when
``FILL`` of its pixels are ink: a scan at 200 dpi, deskewed and re-rendered, breaks a thin
rule into pieces that are one pixel apart.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

FILL = 0.9
MIN_VERTICAL_SHARE = 1 / 12  # of the page height
MIN_HORIZONTAL_SHARE = 1 / 4  # of the page width, to be a candidate rule
ACROSS_SHARE = 0.6  # share of the table's width a row rule must cover
NEAR_PX = 8  # rules closer than this are one rule
# A vertical line this many times longer than the table's next longest rule is a scanner's
# streak across the page, not a rule of the table (công văn 27/STTTT-VP and 1185/SNV-VP of
# Bắc Giang, 2012: a line from the top of the page to its foot made the whole page one
# table, its header a row of cells).
STREAK_RATIO = 1.5
# Lines this close to the image's top or bottom edge (share of its height) are the edges of
# a photographed page, or of the desk around it, not a table's rules: a phone photo of
# quyết định 7845/QĐ-HV (real) made its whole page one "row" between them. A printed table
# keeps to the page's margins (2 cm at least, Nghị định 30/2020/NĐ-CP Phụ lục I).
EDGE_SHARE = 0.02


@dataclass
class Rule:
    """One rule: its position across (middle), its thickness span and its extent along."""

    at: int
    first: int  # first pixel row/column of its thickness
    last: int
    start: int  # extent along the rule
    end: int


@dataclass
class Grid:
    """A ruled table: its row rules (top to bottom) and column rules (left to right)."""

    rows: list[Rule]
    columns: list[Rule]

    def cells(self) -> list[list[tuple[float, float, float, float]]]:
        """Cell boxes (x0, top, x1, bottom), row by row."""
        return [
            [
                (float(left.at), float(top.at), float(right.at), float(bottom.at))
                for left, right in zip(self.columns, self.columns[1:], strict=False)
            ]
            for top, bottom in zip(self.rows, self.rows[1:], strict=False)
        ]


def _ink(image: Any) -> Any:
    from vbparse.ingest.deskew import grey_pixels

    return grey_pixels(image) < 128


def _thicken(mask: Any, axis: int) -> Any:
    """The mask with each ink pixel spread one pixel both ways along ``axis`` (0: rows)."""
    out = mask.copy()
    if axis == 0:
        out[1:] |= mask[:-1]
        out[:-1] |= mask[1:]
    else:
        out[:, 1:] |= mask[:, :-1]
        out[:, :-1] |= mask[:, 1:]
    return out


def _long_runs(mask: Any, length: int) -> Any:
    """Boolean (rows, windows): the window of ``length`` pixels from here on is mostly ink."""
    import numpy as np

    sums = np.concatenate(
        [np.zeros((mask.shape[0], 1), dtype=np.int32), np.cumsum(mask, axis=1, dtype=np.int32)],
        axis=1,
    )
    return (sums[:, length:] - sums[:, :-length]) >= FILL * length


def _candidate_rows(mask: Any, length: int) -> Any:
    """Boolean per row: whether it may hold a window of ``length`` that is mostly ink.

    Only these rows are scanned window by window (a page of text has thousands of rows and a
    few dozen candidates). Two necessary conditions, cheap to test: the row holds a window's
    worth of ink in all; and, as every window contains a whole block of half its length
    (blocks aligned from the row's start), one such block misses at most the pixels the
    window may miss."""
    import numpy as np

    need = FILL * length
    rows = _row_counts(mask) >= need
    block = length // 2
    blocks = mask.shape[1] // block
    picked = np.flatnonzero(rows)
    if block == 0 or blocks == 0 or not len(picked):
        return rows
    sums = mask[picked, : blocks * block].reshape(len(picked), blocks, block).sum(axis=2)
    rows[picked] = sums.max(axis=1) >= block - (length - need)
    return rows


def _row_counts(mask: Any) -> Any:
    """The count of ink pixels in each row of a boolean mask (the page's, or its transpose:
    the page's columns): OpenCV's sum over the bytes, 0.5-3 ms a 300-dpi page where numpy's
    ``sum``, which makes each pixel an integer first, took 6 ms."""
    from vbparse.ingest.opencv import cv2_single

    cv2 = cv2_single()
    if mask.flags.c_contiguous:
        return cv2.reduce(mask.view("uint8"), 1, cv2.REDUCE_SUM, dtype=cv2.CV_32S).ravel()
    if mask.T.flags.c_contiguous:  # a transposed page: its rows are the page's columns
        return cv2.reduce(mask.T.view("uint8"), 0, cv2.REDUCE_SUM, dtype=cv2.CV_32S).ravel()
    return mask.sum(axis=1)


def _rules(mask: Any, length: int) -> list[Rule]:
    """Rules along axis 1 of ``mask`` (rows of it) with a run at least ``length`` long."""
    import numpy as np

    if mask.shape[1] <= length:
        return []
    candidates = np.flatnonzero(_candidate_rows(mask, length))
    windows = _long_runs(mask[candidates], length)
    rules: list[Rule] = []
    for hit in np.flatnonzero(windows.any(axis=1)):
        index = candidates[hit]
        row = np.flatnonzero(windows[hit])
        start, end = int(row[0]), int(row[-1]) + length
        if rules and index - rules[-1].last <= NEAR_PX:
            rule = rules[-1]
            rule.last = int(index)
            rule.start, rule.end = min(rule.start, start), max(rule.end, end)
        else:
            rules.append(Rule(int(index), int(index), int(index), start, end))
    for rule in rules:
        rule.at = (rule.first + rule.last) // 2
        # A window counts when most of it is ink: trim it to the rule's own ink.
        ink = np.flatnonzero(mask[rule.first : rule.last + 1, rule.start : rule.end].any(axis=0))
        rule.start, rule.end = rule.start + int(ink[0]), rule.start + int(ink[-1]) + 1
    return rules


def _vertical_rules(mask: Any) -> list[Rule]:
    return _rules(_thicken(mask, 1).T, max(int(mask.shape[0] * MIN_VERTICAL_SHARE), 30))


def _without_streaks(columns: list[Rule]) -> list[Rule]:
    """The column rules less the longest while it is far longer than the next longest (a
    scanner's streak stands alone; a table's outer rules, longer than the inner ones under a
    merged header cell, come in pairs)."""
    kept = sorted(columns, key=lambda c: c.end - c.start)
    while len(kept) >= 2 and (
        kept[-1].end - kept[-1].start > STREAK_RATIO * (kept[-2].end - kept[-2].start)
    ):
        kept.pop()
    return sorted(kept, key=lambda c: c.at)


def find_grid(image: Any) -> Grid | None:
    """The ruled table on a page image, or ``None`` when the page has none.

    Column rules are the long vertical rules that overlap the longest one; row rules are the
    horizontal rules between their top and bottom that run across most of the table.
    """
    mask = _ink(image)
    width = mask.shape[1]
    columns = _without_streaks(_vertical_rules(mask))
    if len(columns) < 3:
        return None
    longest = max(columns, key=lambda r: r.end - r.start)
    columns = [c for c in columns if c.start < longest.end and c.end > longest.start]
    if len(columns) < 3:
        return None
    top = min(c.start for c in columns)
    bottom = max(c.end for c in columns)
    left, right = columns[0].at, columns[-1].at
    across = ACROSS_SHARE * (right - left)
    height = mask.shape[0]
    edge = EDGE_SHARE * height
    rows = [
        r
        for r in _rules(_thicken(mask, 0), max(int(width * MIN_HORIZONTAL_SHARE), 50))
        if top - NEAR_PX <= r.at <= bottom + NEAR_PX
        and min(r.end, right) - max(r.start, left) >= across
        and edge <= r.at <= height - edge
    ]
    # Vertical lines with no rule across them are no table: a scan's dark page edges and a
    # scanner's streak (công văn 1185/SNV-VP, Bắc Giang 2012) made the whole page one row.
    if not rows:
        return None
    # A table cut by the page edge or with a rule too faint: close it at the columns' ends.
    if rows[0].at - top > NEAR_PX:
        rows.insert(0, Rule(top, top, top, left, right))
    if rows[-1].at < bottom - NEAR_PX:
        rows.append(Rule(bottom, bottom, bottom, left, right))
    if len(rows) < 2:
        return None
    return Grid(rows, columns)


def erase_rules(image: Any, grid: Grid, margin: int = 2) -> Any:
    """A copy of the page (a greyscale array; or of a Pillow image) with the grid's rules
    painted white."""
    from vbparse.ingest.deskew import grey_pixels

    pixels = grey_pixels(image).copy()
    height, width = pixels.shape
    for rule in grid.rows:
        y0, y1 = max(rule.first - margin, 0), min(rule.last + margin + 1, height)
        pixels[y0:y1, max(rule.start - margin, 0) : min(rule.end + margin, width)] = 255
    for rule in grid.columns:
        x0, x1 = max(rule.first - margin, 0), min(rule.last + margin + 1, width)
        pixels[max(rule.start - margin, 0) : min(rule.end + margin, height), x0:x1] = 255
    return pixels
