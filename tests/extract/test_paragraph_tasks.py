"""Unlabelled directive paragraphs become tasks p1, p2, … (issue 10); others do not."""

from __future__ import annotations

import pytest
from casefiles import case_ids, check_document_tasks, load_cases

CASES = load_cases("extract/paragraph_tasks")


@pytest.mark.parametrize("case", CASES, ids=case_ids(CASES))
def test_paragraph_tasks(case):
    check_document_tasks(case)
