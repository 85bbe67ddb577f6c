"""Unlabelled directive paragraphs become tasks p1, p2, … (issue 10); others do not."""

from __future__ import annotations

import pytest
from casefiles import case_ids, load_cases, task_value

from vbparse.pipeline import parse_text

CASES = load_cases("extract/paragraph_tasks")


@pytest.mark.parametrize("case", CASES, ids=case_ids(CASES))
def test_paragraph_tasks(case):
    doc = parse_text(case["text"])
    by_id = {task.id: task for task in doc.tasks}
    assert sorted(by_id) == sorted(e["id"] for e in case["expected"])
    for expected in case["expected"]:
        task = by_id[expected["id"]]
        for field, value in expected.items():
            if field != "id":
                assert task_value(task, field) == value, (task.id, field)
