"""Positioned words, lines, tables and blocks of a page: what the PDF and OCR readers hand to
the reading-order code (:mod:`vbparse.ingest.layout`) and the table-cell code
(:mod:`vbparse.ingest.table_cells`)."""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

__all__ = ["Block", "Box", "Line", "Page", "Table", "Word", "group_lines"]


# A gap between words wider than this many times the font size may separate two columns.
COLUMN_GAP_EM = 1.2


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


Box = tuple[float, float, float, float]  # x0, top, x1, bottom


def group_lines(words: list[Word]) -> list[Line]:
    """Words -> lines, top to bottom.

    A word joins the line above when their boxes overlap vertically by half the smaller
    one's height (OCR boxes of words with tone marks are taller than the others).
    """
    lines: list[Line] = []
    core: list[tuple[float, float]] = []  # median box of each line
    # The last line's tops and bottoms, kept sorted as words join (sorting them again for
    # each word was a tenth of a scanned page's Python time).
    tops: list[float] = []
    bottoms: list[float] = []
    for word in sorted(words, key=lambda w: (w.top + w.bottom) / 2):
        if lines:
            top, bottom = core[-1]
            overlap = min(bottom, word.bottom) - max(top, word.top)
            if overlap >= 0.5 * min(bottom - top, word.bottom - word.top):
                lines[-1].words.append(word)
                bisect.insort(tops, word.top)
                bisect.insort(bottoms, word.bottom)
                core[-1] = (tops[len(tops) // 2], bottoms[len(bottoms) // 2])
                continue
        lines.append(Line([word]))
        core.append((word.top, word.bottom))
        tops, bottoms = [word.top], [word.bottom]
    for line in lines:
        line.words.sort(key=lambda w: w.x0)
    return lines
