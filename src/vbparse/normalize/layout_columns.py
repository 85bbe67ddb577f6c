"""Header and signature columns side by side on one line, as ``pdftotext -layout`` and copies
from PDF viewers and Word text boxes keep them: a run of spaces between the columns ("Số:
115/NQ-CP              Hà Nội, ngày 29 tháng 4 năm 2026", "- Như trên;      CHÁNH VĂN PHÒNG").
Each column goes on a line of its own; the first space of the gap becomes the line break.
"""

from __future__ import annotations

import regex

from vbparse.normalize.layout_cells import flatten_cell
from vbparse.normalize.layout_fields import field_patterns, unstarred
from vbparse.normalize.layout_lines import opens_with_marker

__all__ = ["COLUMN_LINE", "flatten_column_line"]

# A line with a run of 3+ spaces between two words (two columns side by side), and the run.
COLUMN_LINE = regex.compile(r"\S[ \t]{3,}\S")
_COLUMN_GAP = regex.compile(r"(?<=\S)[ \t]{3,}(?=\S)")
# A right column continues on the next line when it starts within this many characters (a
# Word text box aligns its columns by tab stops, not by characters).
_SAME_COLUMN = 6
_CC_BULLET = regex.compile(r"^[ \t]*[-–•+]")


def flatten_column_line(line: str, above: set[int], in_cc_list: bool) -> tuple[str, set[int], bool]:
    """A line of side-by-side columns (``COLUMN_LINE`` matches it) split into its columns.
    ``above`` is where the right columns of the line above start; ``in_cc_list`` tells
    whether the line is inside a Nơi nhận list with the signature column beside it. Returns
    the line, where its right columns start, and whether the next line is inside that list.

    Inside such a list every bullet with a column gap is split there, aligned or not (Word's
    tab stops, read as spaces, put the right column at another character on every line: "- CT,
    PCT UBND tỉnh;   (Đã ký)", "- UBND các huyện, thị xã;   Nguyễn Văn Hiệp", chỉ thị
    09/2009/CT-UBND Bình Dương, a real .doc)."""
    if in_cc_list and _CC_BULLET.match(line):
        return _split_first_gap(line), set(), in_cc_list
    line, columns = _flatten_columns(line, above)
    return line, columns, in_cc_list or bool(field_patterns()["cc_at"].match(line))


def _flatten_columns(line: str, above: set[int]) -> tuple[str, set[int]]:
    """A line of side-by-side columns, each column on a line of its own, when one of them
    opens with a field ("Nơi nhận:", "Số:"); else split only where a right column opens with
    a signer's title or continues the split of the line above. Returns the line and where
    its right columns start."""
    blanks = {m.span() for m in field_patterns()["draft_blanks"].finditer(line)}
    gaps = [m for m in _COLUMN_GAP.finditer(line) if m.span() not in blanks]
    edges = [0] + [x for m in gaps for x in m.span()] + [len(line)]
    parts = [line[edges[k] : edges[k + 1]] for k in range(0, len(edges), 2)]
    g = field_patterns()
    if not any(opens_with_marker(g["marker"], unstarred(p)) for p in parts):
        # A right column that opens with a signer's title ("- Như trên;      CHÁNH VĂN
        # PHÒNG") or continues the column split on the line above.
        gaps = [
            gap
            for gap in gaps
            if g["title_at"].match(line, gap.end())
            or any(abs(gap.end() - a) <= _SAME_COLUMN for a in above)
        ]
        if not gaps:
            return line, set()
    out = list(flatten_cell(line))
    for gap in gaps:
        out[gap.start()] = "\n"
    return "".join(out), {g.end() for g in gaps}


def _split_first_gap(line: str) -> str:
    """``line`` broken at its first column gap (the gap's first space becomes a line break)."""
    gap = _COLUMN_GAP.search(line)
    return line if gap is None else line[: gap.start()] + "\n" + line[gap.start() + 1 :]
