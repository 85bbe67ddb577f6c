"""Numbered and bulleted items as tasks: what they inherit from the lines that introduce them."""

from __future__ import annotations

import pytest
from casefiles import case_ids, check_document_tasks, load_cases

CASES = load_cases("extract/item_tasks")


@pytest.mark.parametrize("case", CASES, ids=case_ids(CASES))
def test_item_tasks(case):
    check_document_tasks(case)
