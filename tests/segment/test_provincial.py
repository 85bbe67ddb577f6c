"""Documents of provinces and ministry departments, beyond the VPCP seeds."""

import pytest
from casefiles import case_ids, load_cases

from vbparse import parse_text

CASES = load_cases("segment/provincial")


@pytest.mark.parametrize("case", CASES, ids=case_ids(CASES))
def test_provincial_document_fields(case):
    doc = parse_text(case["text"], name=f"{case['id']}.txt")
    for key, expected in case["doc"].items():
        value = getattr(doc, key)
        assert (value.isoformat() if hasattr(value, "isoformat") else value) == expected, key
    tasks = {t.id: t for t in doc.tasks}
    assert set(tasks) == {t["id"] for t in case["tasks"]}  # no extra tasks
    for expected in case["tasks"]:
        task = tasks[expected["id"]]
        assert [a.name for a in task.lead] == expected["lead"]
        assert [a.name for a in task.support] == expected["support"]
        due = task.deadline.date.isoformat() if task.deadline and task.deadline.date else None
        assert due == expected["deadline"]
        if "product" in expected:
            assert task.product == expected["product"]
