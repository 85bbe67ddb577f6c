"""A pipe row's cells (``segment.pipe_table._pipe_cells``), its bars found with ``str.find``:
the cells the scan of every character gave, on every pipe row of the fixtures' texts."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from vbparse.ingest import read_document
from vbparse.segment.pipe_table import _pipe_cells
from vbparse.segment.tables import StrippedLine, split_stripped_lines

ROOT = Path(__file__).resolve().parents[2]
TEXTS = sorted(
    p
    for folder in (ROOT / "tests" / "fixtures", ROOT / "corpus")
    for p in folder.rglob("*")
    if p.suffix in (".txt", ".md", ".docx") and p.name != "SOURCES.md"
)


def _cells_char_by_char(line: StrippedLine) -> list[tuple[int, int, str]]:
    bars = [k for k, ch in enumerate(line.text) if ch == "|"]
    cells = []
    for left, right in itertools.pairwise(bars):
        raw = line.text[left + 1 : right]
        start = line.start + left + 1 + len(raw) - len(raw.lstrip())
        cells.append((start, start + len(raw.strip()), raw.strip()))
    return cells


@pytest.mark.parametrize(
    "text", ["| a | b |", "|a|", "||", "no bar", "| x", " | tt |  nội dung | |", "|" * 7]
)
def test_pipe_cells_rows(text):
    line = StrippedLine(start=3, end=3 + len(text), text=text)
    assert _pipe_cells(line) == _cells_char_by_char(line)


def test_pipe_cells_every_fixture_row():
    rows = 0
    for path in TEXTS:
        for line in split_stripped_lines(read_document(path).text):
            if "|" in line.text:
                rows += 1
                assert _pipe_cells(line) == _cells_char_by_char(line), path.name
    assert rows > 100
