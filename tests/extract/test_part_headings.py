"""Whether an item sits in a part of aims or of a contest, with each ancestor's answer kept
per heading text (issue 15, speed): the same answers as asking every ancestor again, for every
clause of the fixture documents that have parts."""

from __future__ import annotations

from pathlib import Path

import pytest

from vbparse.extract.tasks import headings
from vbparse.pipeline import parse_file_stages
from vbparse.segment.clause_tree import Clause

FIXTURES = Path(__file__).parents[1] / "fixtures"


def _in_part_asking_again(clause: Clause, text: str, sections: str) -> bool:
    """``headings._in_part`` asking each ancestor anew (as it was)."""
    for node in (clause, *clause.ancestors()):
        own = text[node.text_start : node.own_end]
        if node is not clause and headings._announces_items(own):
            return False
        heading = headings._first_line(own)
        if (
            (node is not clause or headings._is_title(heading))
            and headings.header_grammar(sections).match(heading)
            and not headings._ANNOUNCES_WORK.search(heading)
        ):
            return True
    return False


@pytest.mark.parametrize("sections", ["non_directive_sections", "contest_sections"])
def test_in_part_as_asking_every_ancestor_again(sections: str) -> None:
    paths = sorted((FIXTURES / "real").rglob("kh_*.md"))[::2] + sorted(FIXTURES.glob("*/*.txt"))
    answers = {True: 0, False: 0}
    for path in paths:
        parsed = parse_file_stages(path)
        assert parsed.tree is not None
        for clause in parsed.tree.walk():
            expected = _in_part_asking_again(clause, parsed.text, sections)
            assert headings._in_part(clause, parsed.text, sections) == expected
            answers[expected] += 1
    assert answers[True] > 10 and answers[False] > 100


def test_opens_with_as_the_whole_alternation() -> None:
    """``is_opener``'s list matched row by row (issue 15, speed) where the alternation of every
    row matches: on every line and paragraph start of the fixtures and on each row's own
    shape."""
    whole = headings.header_grammar("non_directive_openers")
    texts = [p.read_text(encoding="utf-8") for p in sorted(FIXTURES.rglob("*.txt"))[::3]]
    pieces = [ln.strip() for text in texts for ln in text.splitlines()]
    pieces += ["Kết quả thực hiện", "UBND tỉnh xin thông báo để các đơn vị biết, thực hiện."]
    found = 0
    for piece in pieces:
        expected = whole.match(piece) is not None
        assert headings.opens_with("non_directive_openers", piece) == expected, piece
        found += expected
    assert found > 20
