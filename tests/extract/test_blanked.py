"""The words besides the named spans (``headings._blanked``): the characters inside the spans
become spaces, whatever part of a span lies inside the text (issue 15: computed span by span)."""

import pytest

from vbparse.extract.tasks.headings import _blanked
from vbparse.models import Span

CASES = [
    # (text, offset of the text, spans, expected)
    ("Giao Bộ Y tế:", 100, [(105, 112)], "Giao        :"),
    ("Giao Bộ Y tế:", 100, [], "Giao Bộ Y tế:"),
    ("Giao Bộ Y tế:", 100, [(90, 99), (113, 120)], "Giao Bộ Y tế:"),  # outside the text
    ("Giao Bộ Y tế:", 100, [(95, 102)], "  ao Bộ Y tế:"),  # across its start
    ("Giao Bộ Y tế:", 100, [(110, 130)], "Giao Bộ Y    "),  # across its end
    ("Giao Bộ Y tế:", 100, [(105, 107), (106, 112)], "Giao        :"),  # overlapping
]


@pytest.mark.parametrize("text, offset, spans, expected", CASES)
def test_blanked_spaces_the_spans_inside_the_text(text, offset, spans, expected):
    blanked = _blanked(text, offset, [Span(start=s, end=e) for s, e in spans])
    assert blanked == expected
    assert len(blanked) == len(text)
