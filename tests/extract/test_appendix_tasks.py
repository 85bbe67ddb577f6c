"""Appendix rows become tasks: behaviour cases, and seed 004 plus further layouts vs gold."""

from __future__ import annotations

import datetime as dt
import functools
import json
from pathlib import Path

import pytest
from casefiles import case_ids, load_cases, task_value

from vbparse.extract.tasks.appendix import find_appendix_tasks
from vbparse.normalize import normalize

TESTS = Path(__file__).resolve().parents[1]
# flat tables whose cells only their positions place (issue 6): fixtures/extra/cases
CASES = load_cases("extract/appendix_tasks") + load_cases("fixtures/extra/flat_table_tasks")
GOLD_CASES = load_cases("extract/appendix_tasks_gold")
LIST_FIELDS = ("lead", "support", "pending")


@pytest.mark.parametrize("case", CASES, ids=case_ids(CASES))
def test_appendix_tasks_rows(case):
    text = case["text"]
    tasks = list(
        find_appendix_tasks(
            text, doc_number=case["doc_number"], doc_date=None, task_id_prefix="DOC"
        )
    )
    by_id = {task.id: task for task in tasks}
    assert sorted(by_id) == sorted(e["id"] for e in case["expected"])
    for expected in case["expected"]:
        task = by_id[expected["id"]]
        assert task.task_id == f"DOC#{task.id}"
        assert text[task.span.start : task.span.end] == task.text
        for field, value in expected.items():
            if field != "id":
                assert task_value(task, field) == value, (task.id, field)


def _gold_status(status):
    if status and status.startswith("partially completed"):
        return "partly done"
    return status


def _pairs(tasks, field):
    pairs = set()
    for task_id, value in tasks.items():
        values = value[field] if field in LIST_FIELDS else [value[field]]
        pairs |= {(task_id, v) for v in values if v is not None}
    return pairs


def _f1(predicted, gold):
    if not predicted and not gold:
        return 1.0
    hits = len(predicted & gold)
    return 2 * hits / (len(predicted) + len(gold)) if hits else 0.0


@functools.cache
def _scored(case_id):
    case = next(c for c in GOLD_CASES if c["id"] == case_id)
    text = normalize((TESTS / case["text"]).read_text(encoding="utf-8")).text
    gold = json.loads((TESTS / case["gold"]).read_text(encoding="utf-8"))
    gold_rows = {t["id"]: t for t in gold["tasks"] if t["id"].startswith("PL")}
    tasks = list(
        find_appendix_tasks(
            text,
            doc_number=case["doc_number"],
            doc_date=dt.date.fromisoformat(str(case["doc_date"])),
            task_id_prefix=case["doc_number"],
        )
    )
    return case, text, gold_rows, tasks


@pytest.mark.parametrize("case_id", case_ids(GOLD_CASES))
def test_appendix_tasks_gold_rows(case_id):
    case, text, gold_rows, tasks = _scored(case_id)
    assert [t.id for t in tasks] == list(gold_rows)
    assert len(tasks) == case["rows"]
    continued = set(case.get("continued_rows", []))
    for task in tasks:
        assert task.task_id == f"{case['doc_number']}#{task.id}"
        assert task.text.startswith(gold_rows[task.id]["text_start"]), task.id
        if task.id not in continued:
            assert text[task.span.start : task.span.end] == task.text, task.id


FIELD_CASES = [(c["id"], field) for c in GOLD_CASES for field in c["min_f1"]]


@pytest.mark.parametrize(
    ("case_id", "field"), FIELD_CASES, ids=[f"{c}-{f}" for c, f in FIELD_CASES]
)
def test_appendix_tasks_gold_f1(case_id, field):
    case, _, gold_rows, tasks = _scored(case_id)
    predicted = {t.id: {field: task_value(t, field)} for t in tasks}
    gold = {
        i: {field: _gold_status(g.get(field)) if field == "status" else g.get(field)}
        for i, g in gold_rows.items()
    }
    if field not in LIST_FIELDS:
        for values in (predicted, gold):
            for row in values.values():
                row[field] = row[field] if row[field] is not None else "∅"
    f1 = _f1(_pairs(predicted, field), _pairs(gold, field))
    print(f"{case_id} {field}: F1 {f1:.3f}")
    assert f1 >= case["min_f1"][field]


def _role_examples():
    from vbparse.grammars import load_yaml

    return [
        (entry["phrase"], example)
        for entry in load_yaml("appendix/roles.yaml")["support"]
        for example in entry.get("examples", [])
    ]


@pytest.mark.parametrize(("phrase", "example"), _role_examples())
def test_appendix_tasks_support_phrase_examples(phrase, example):
    import regex

    assert regex.search(phrase, example, regex.IGNORECASE)


@pytest.mark.parametrize(
    ("title", "status"),
    [
        ("DANH MỤC NHIỆM VỤ QUÁ HẠN", "overdue"),
        ("DANH MỤC NHIỆM VỤ CHẬM TIẾN ĐỘ", "behind"),
        ("DANH MỤC NHIỆM VỤ ĐÃ HOÀN THÀNH", "done"),
        ("DANH MỤC NHIỆM VỤ CHƯA HOÀN THÀNH", "not done"),
        ("DANH MỤC NHIỆM VỤ TRIỂN KHAI KẾ HOẠCH", None),
    ],
)
def test_appendix_tasks_title_status(title, status):
    text = f"PHỤ LỤC\n{title}\n| TT | Nhiệm vụ | Cơ quan chủ trì |\n| 1 | Rà soát | Bộ Y tế |\n"
    (task,) = find_appendix_tasks(text, doc_number=None, doc_date=None, task_id_prefix="X")
    assert task.status == status


ATTACHED = load_cases("fixtures/extra/attached_documents")


@pytest.mark.parametrize("case", ATTACHED, ids=case_ids(ATTACHED))
def test_appendix_tasks_attached_documents(case):
    """Attached documents and body task tables, end to end (issue 6): ids never collide,
    clauses of an attachment and rows of any table are tasks, table lines are not."""
    from vbparse.pipeline import parse_text

    text = normalize(case["text"]).text
    document = parse_text(case["text"])
    ids = [task.id for task in document.tasks]
    assert len(ids) == len(set(ids)), ids
    by_id = {task.id: task for task in document.tasks}
    for expected in case["expected"]:
        assert expected["id"] in by_id, (expected["id"], ids)
        task = by_id[expected["id"]]
        assert task.text.startswith(expected["text_start"]), task.id
        assert text[task.span.start : task.span.end] == task.text, task.id
        assert task.task_id == f"{document.number}#{task.id}"
        for field in ("lead", "support", "deadline", "product"):
            if field in expected:
                assert task_value(task, field) == expected[field], (task.id, field)
    for words in case["not_tasks"]:
        assert not any(task.text.startswith(words) for task in document.tasks), words
