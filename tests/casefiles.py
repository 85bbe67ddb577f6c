"""Table-driven test cases kept as YAML data beside the tests that read them.

``load_cases("extract/deadlines")`` reads ``tests/extract/cases/deadlines.yaml``: a list of
mappings, each with an ``id`` (the pytest id), the input and its ``expected`` value, and an
optional ``issue``. Use it as ``@pytest.mark.parametrize("case", cases, ids=case_ids(cases))``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

TESTS = Path(__file__).resolve().parent


def load_cases(name: str) -> list[dict[str, Any]]:
    folder, _, stem = name.rpartition("/")
    path = TESTS / folder / "cases" / f"{stem}.yaml"
    cases = yaml.safe_load(path.read_text(encoding="utf-8"))
    if not isinstance(cases, list):
        raise ValueError(f"{path}: expected a list of cases")
    seen: set[str] = set()
    for case in cases:
        if case["id"] in seen:
            raise ValueError(f"{path}: duplicate case id {case['id']!r}")
        seen.add(case["id"])
    return cases


def case_ids(cases: list[dict[str, Any]]) -> list[str]:
    return [str(case["id"]) for case in cases]


# Task fields that hold agencies: compared by canonical name.
AGENCY_FIELDS = ("lead", "support", "pending", "report_to")


def task_value(task: Any, field: str) -> Any:
    """A task's field as case files write it: agencies by canonical name, a deadline as its
    ISO date, anything else as it is."""
    value = getattr(task, field)
    if field in AGENCY_FIELDS:
        return [agency.name for agency in value]
    if field == "deadline":
        return value.date.isoformat() if value is not None and value.date else None
    return value


def check_document_tasks(case: dict[str, Any]) -> None:
    """Parse a case's whole document; its tasks are exactly the expected ids, each with the
    expected field values."""
    from vbparse.pipeline import parse_text

    doc = parse_text(case["text"])
    by_id = {task.id: task for task in doc.tasks}
    assert sorted(by_id) == sorted(e["id"] for e in case["expected"])
    for expected in case["expected"]:
        task = by_id[expected["id"]]
        for field, value in expected.items():
            if field != "id":
                assert task_value(task, field) == value, (task.id, field)
