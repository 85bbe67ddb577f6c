"""The deadline scan's speed-ups find what the plain patterns find (issue 15): the gate as a
trie of words, and the scan tried only where its gate matches."""

from __future__ import annotations

from pathlib import Path

import pytest
import regex

from vbparse.extract.time import deadlines
from vbparse.extract.time.grammar import deadline_grammar
from vbparse.extract.time.patterns import alternation, gate, word_trie

FIXTURES = Path(__file__).parents[1] / "fixtures"
WORDS = ["tháng", "thứ", "th", "trong", "trước", "ngày", "ngay", "năm", "a.b", "quý"]


@pytest.mark.parametrize(
    "text",
    ["tháng", "Tháng", "thứ", "th", "thá", "trong", "trongx", "NGÀY", "ngay", "a.b", "axb", "q"],
)
def test_word_trie_matches_the_words_as_the_alternation_does(text: str) -> None:
    flags = regex.IGNORECASE | regex.VERSION0
    trie = regex.compile(rf"(?:{word_trie(WORDS)})(?!\w)", flags)
    plain = regex.compile(rf"{alternation(WORDS)}(?!\w)", flags)
    assert bool(trie.match(text)) == bool(plain.match(text))


def test_word_trie_factors_common_beginnings() -> None:
    assert word_trie(["tháng", "thứ", "th"]) == "th(?:áng|ứ)?"


def test_word_trie_reads_a_space_as_any_whitespace() -> None:
    trie = regex.compile(rf"(?:{word_trie(['các năm', 'cấp'])})(?!\w)")
    assert trie.match("các\nnăm") and trie.match("các  năm") and not trie.match("các nămx")


def test_gate_needs_the_second_word_only_where_no_phrase_is_the_first_alone() -> None:
    passes = regex.compile(gate(["các năm", "năm", "thứ hai", "thứ"]), regex.IGNORECASE)
    assert passes.match("Các năm 2025") and passes.match("thứ ba") and passes.match("7")
    assert not passes.match("các tỉnh")


def _texts() -> list[str]:
    paths = sorted((FIXTURES / "real").rglob("*.txt"))[::4]
    paths += sorted((FIXTURES / "seeds").glob("*.txt"))
    return [p.read_text(encoding="utf-8") for p in paths]


def test_scan_tried_at_its_gate_finds_what_search_finds() -> None:
    grammar = deadline_grammar()
    texts = _texts()
    assert len(texts) > 20
    for text in texts:
        starts, pos, jump = grammar.starts.finditer(text), 0, 0
        while True:
            expected = grammar.scan.search(text, pos)
            found = deadlines._next_match(grammar, text, starts, pos)
            assert (found and found.span()) == (expected and expected.span())
            if expected is None:
                break
            jump = (jump + 7) % 40  # the scan resumes at a match's end or after it
            pos = expected.end() + jump


CELLS = ["30/6/2025", "Tháng 6/2025", "Quý III/2025", "Thường xuyên", "Năm 2026", "Ngay", "—"]


@pytest.mark.parametrize("cell", CELLS)
def test_a_cell_read_again_gives_what_its_first_read_gave(cell: str) -> None:
    """A cell read before is answered from what its first read gave (the last cells read are
    kept), as a copy: the same deadline as the scan's, never the object another read got."""
    import datetime as dt

    doc_date = dt.date(2025, 5, 20)
    deadlines._CELLS_READ.clear()
    scanned = next(deadlines._scan(cell, 0, doc_date, cell=True), None)
    first = deadlines.parse_deadline(cell, doc_date=doc_date)
    again = deadlines.parse_deadline(cell, doc_date=doc_date)
    assert first == again == scanned
    assert first is None or (
        first is not again and again is not deadlines._CELLS_READ[(cell, doc_date)][1]
    )
    # another document's date is another answer
    other = deadlines.parse_deadline(cell, doc_date=dt.date(2026, 9, 1))
    assert other == next(deadlines._scan(cell, 0, dt.date(2026, 9, 1), cell=True), None)


def test_cells_kept_are_bounded() -> None:
    deadlines._CELLS_READ.clear()
    for day in range(1, 29):
        for month in range(1, 13):
            deadlines.parse_deadline(f"{day}/{month}/2025")
    deadlines.parse_deadline("x" * (deadlines._CELL_LONGEST + 1))
    assert len(deadlines._CELLS_READ) == deadlines._CELLS_KEPT
    assert all(len(text) <= deadlines._CELL_LONGEST for text, _ in deadlines._CELLS_READ)
