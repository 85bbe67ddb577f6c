"""Reading order helpers shared by the PDF and OCR readers (no PDF library needed)."""

from __future__ import annotations

import pytest
from casefiles import case_ids, load_cases

from vbparse.ingest.page_model import Word
from vbparse.ingest.table_cells import cell_text

CELL_CASES = load_cases("ingest/cell_lines")
CHAR, SPACE, SIZE, LEADING = 5.0, 2.5, 10.0, 11.5


def _positioned(case: dict) -> tuple[list[Word], list[Word]]:
    """Words and space glyphs of a case's lines (fixed-width characters)."""
    words: list[Word] = []
    spaces: list[Word] = []
    for number, (x0, text) in enumerate(case["lines"]):
        top, x = number * LEADING, float(x0)
        tokens = text.split(" ")
        for index, token in enumerate(tokens):
            if token:
                words.append(Word(token, x, top, x + CHAR * len(token), top + SIZE))
                x += CHAR * len(token)
            if index < len(tokens) - 1:
                spaces.append(Word(" ", x, top, x + SPACE, top + SIZE))
                x += SPACE
    return words, spaces


@pytest.mark.parametrize("case", CELL_CASES, ids=case_ids(CELL_CASES))
def test_layout_cell_lines_joined(case):
    words, spaces = _positioned(case)
    glyphs = spaces if case.get("spaces", True) else None
    assert cell_text(words, case["inner_width"], glyphs) == case["expected"]
