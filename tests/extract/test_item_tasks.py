"""Numbered and bulleted items as tasks: what they inherit from the lines that introduce them."""

from __future__ import annotations

import pytest
from casefiles import case_ids, load_cases, task_value

from vbparse.pipeline import parse_text

CASES = load_cases("extract/item_tasks")


@pytest.mark.parametrize("case", CASES, ids=case_ids(CASES))
def test_item_tasks(case):
    doc = parse_text(case["text"])
    by_id = {task.id: task for task in doc.tasks}
    assert sorted(by_id) == sorted(e["id"] for e in case["expected"])
    for expected in case["expected"]:
        task = by_id[expected["id"]]
        for field, value in expected.items():
            if field != "id":
                assert task_value(task, field) == value, (task.id, field)
