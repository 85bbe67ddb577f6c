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
