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
