"""Unlabelled directive paragraphs become tasks p1, p2, … (issue 10); others do not."""

from __future__ import annotations

import pytest
from casefiles import case_ids, check_document_tasks, load_cases

CASES = load_cases("extract/paragraph_tasks")


@pytest.mark.parametrize("case", CASES, ids=case_ids(CASES))
def test_paragraph_tasks(case):
    check_document_tasks(case)


def test_bodies_a_guiding_lead_in_names_point_at_their_words():
    """The leads a hướng dẫn's lead-in gives its items are spans of the document itself
    (hướng dẫn 90/HD-SGDĐT Đồng Tháp, real b143: its lead-in is no Kính gửi, and was read as a
    text of its own)."""
    from vbparse.pipeline import parse_text

    (case,) = [c for c in CASES if c["id"] == "a-guidance-lead-in-names-whom-items-speak-to"]
    text = case["text"]
    leads = [a for task in parse_text(text).tasks for a in task.lead]
    assert leads
    for agency in leads:
        assert agency.span is not None
        assert text[agency.span.start : agency.span.end] == agency.text
