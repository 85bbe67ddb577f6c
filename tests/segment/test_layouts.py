"""Document fields read the same whatever arrangement the header and signature arrive in."""

from __future__ import annotations

import pytest
from casefiles import case_ids, load_cases

from vbparse.pipeline import parse_text

CASES = load_cases("segment/layouts")


def _value(doc, field):
    value = getattr(doc, field)
    if field == "date":
        return value.isoformat() if value else None
    if field == "warnings":
        return [w.message for w in value]
    return value


@pytest.mark.parametrize("case", CASES, ids=case_ids(CASES))
def test_layouts_document_fields(case):
    doc = parse_text(case["text"])
    for field, expected in case["expected"].items():
        assert _value(doc, field) == expected, field


def test_layouts_scan_number_and_day_doubted():
    """Issue 11: a scan's number read as "0/CT-TTg" (a handwritten "02") and a missing day
    are reported, not passed on silently."""
    from vbparse.extract.document.header_checks import number_doubts
    from vbparse.extract.document.number import parse_document_number
    from vbparse.segment.header import Header

    header = Header(number="0/CT-TTg", title_type="CT")
    doubts = number_doubts(header, parse_document_number("0/CT-TTg"), ocr=True)
    assert any("handwritten or stamped" in d and "0/CT-TTg" in d for d in doubts)
    assert any("no day read" in d for d in doubts)
    assert number_doubts(header, parse_document_number("0/CT-TTg"), ocr=False) == []
