import pytest
from casefiles import case_ids, load_cases

from vbparse.extract.document.number import document_type, parse_document_number
from vbparse.extract.document.references import find_references

NUMBERS = load_cases("extract/document_numbers")
REFERENCES = load_cases("extract/references")


@pytest.mark.parametrize("case", NUMBERS, ids=case_ids(NUMBERS))
def test_document_number_parts(case):
    parts = parse_document_number(case["text"])
    if case["number"] is None:
        assert parts is None
        return
    assert parts is not None
    for key in ("type", "issuer_code", "unit", "year"):
        assert getattr(parts, key) == case.get(key), key
    assert document_type(parts) == case["doc_type"]


@pytest.mark.parametrize("case", REFERENCES, ids=case_ids(REFERENCES))
def test_references_found_with_spans(case):
    offset = 100
    refs = list(find_references(case["text"], offset=offset, own_number=case.get("own_number")))
    assert [r.number for r in refs] == [e["number"] for e in case["expected"]]
    for ref, expected in zip(refs, case["expected"], strict=True):
        assert case["text"][ref.span.start - offset : ref.span.end - offset] == ref.text
        if "date" in expected:
            assert ref.date is not None and ref.date.isoformat() == expected["date"]
