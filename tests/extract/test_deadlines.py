"""Deadlines (issue 4): the phrasings table, span provenance, and accuracy on the seeds."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from casefiles import case_ids, load_cases
from seed_deadlines import effective_due, seed_tasks

from vbparse.extract.time.deadlines import clause_deadline, find_deadlines, parse_deadline
from vbparse.models.deadline import Deadline

CASES = load_cases("extract/deadlines")
DEFAULT_DOC_DATE = dt.date(2025, 7, 16)
MIN_ACCURACY = 0.97


def _doc_date(case: dict[str, Any]) -> dt.date | None:
    return case.get("doc_date", DEFAULT_DOC_DATE)


def _fields(deadline: Deadline | None, expected: dict[str, Any]) -> dict[str, Any] | None:
    if deadline is None:
        return None
    return {key: getattr(deadline, key) for key in expected}


def _run(case: dict[str, Any], offset: int = 0) -> Deadline | list[Deadline] | None:
    text, doc_date = case["text"], _doc_date(case)
    call = case.get("call", "clause")
    if call == "parse":
        return parse_deadline(text, doc_date=doc_date)
    if call == "all":
        return list(find_deadlines(text, offset=offset, doc_date=doc_date))
    return clause_deadline(text, offset=offset, doc_date=doc_date)


@pytest.mark.parametrize("case", CASES, ids=case_ids(CASES))
def test_deadlines_phrasing(case: dict[str, Any]) -> None:
    got = _run(case)
    expected = case["expected"]
    if expected is None:
        assert got is None
    elif isinstance(expected, list):
        assert isinstance(got, list)
        assert [_fields(d, e) for d, e in zip(got, expected, strict=False)] == expected
        assert len(got) == len(expected), [d.text for d in got]
    else:
        assert isinstance(got, Deadline), f"no deadline in {case['text']!r}"
        assert _fields(got, expected) == expected


@pytest.mark.parametrize("case", CASES, ids=case_ids(CASES))
def test_deadlines_span_points_at_text(case: dict[str, Any]) -> None:
    """With an offset, every span still cuts the deadline's own text out of the document."""
    if case.get("call") == "parse":
        found = parse_deadline(case["text"], doc_date=_doc_date(case))
        deadlines = [found] if found else []
        offset, document = 0, case["text"]
    else:
        offset = 37
        document = "x" * offset + case["text"]
        deadlines = list(find_deadlines(case["text"], offset=offset, doc_date=_doc_date(case)))
    for deadline in deadlines:
        assert deadline.span is not None
        assert document[deadline.span.start : deadline.span.end] == deadline.text


def test_deadlines_seed_accuracy() -> None:
    """Every gold task of the seeds: body clauses through clause_deadline (a heading's
    deadline passing to items without their own), appendix rows through parse_deadline on
    the "Thời hạn hoàn thành" cell. The due date must match the gold exactly."""

    def body(text: str, doc_date: dt.date | None) -> dt.date | None:
        found = clause_deadline(text, doc_date=doc_date)
        return found.date if found else None

    def cell(text: str, doc_date: dt.date | None) -> dt.date | None:
        found = parse_deadline(text, doc_date=doc_date)
        return found.date if found else None

    tasks = list(seed_tasks())
    misses = [
        (t.doc, t.id, got, t.gold)
        for t in tasks
        if (got := effective_due(t, cell if t.appendix else body)) != t.gold
    ]
    body_tasks = [t for t in tasks if not t.appendix]
    assert len(body_tasks) >= 40 and len(tasks) - len(body_tasks) >= 30
    accuracy = 1 - len(misses) / len(tasks)
    assert accuracy >= MIN_ACCURACY, misses
    body_misses = [m for m in misses if not m[1].startswith("PL.")]
    assert 1 - len(body_misses) / len(body_tasks) >= MIN_ACCURACY, body_misses


def test_deadlines_a_past_date_is_no_deadline_unless_written_as_one() -> None:
    """A date before the document's is a past event or a citation (công văn 7991/BGDĐT-GDTrH
    of 17/12/2024, real), but a plan's "Thời gian hoàn thành: Trước ngày 15/11/2025" signed on
    21/11/2025 still states what was due (quyết định 1627/QĐ-UBND Quảng Ngãi, real)."""
    past_event = (
        "các Sở GDĐT căn cứ nội dung đã được tập huấn cho giáo viên cốt cán vào tháng 11/2024, "
        "tổ chức tập huấn cho cán bộ quản lí"
    )
    assert clause_deadline(past_event, doc_date=dt.date(2024, 12, 17)) is None
    citation = "thực hiện theo Kết luận 174 KL/TW ngày 4/7/2025"
    assert clause_deadline(citation, doc_date=dt.date(2025, 10, 6)) is None
    limit = "Thành lập Ban Chỉ đạo.\n\nThời gian hoàn thành: Trước ngày 15/11/2025."
    due = clause_deadline(limit, doc_date=dt.date(2025, 11, 21))
    assert due is not None and due.date == dt.date(2025, 11, 15)


def test_deadlines_the_period_a_rule_applied_to_is_no_due_date():
    """ "Đối với giai đoạn trước ngày 01/7/2025, Luật Thuế GTGT số 31/2013/QH13 … quy định"
    (công văn 5706/CT-CS, real Markdown): the time a rule held, not when work is due."""
    text = "Đối với giai đoạn trước ngày 01/7/2025, Luật Thuế GTGT số 31/2013/QH13 quy định."
    assert list(find_deadlines(text)) == []
    assert clause_deadline("Báo cáo trước ngày 01/7/2025.").date == dt.date(2025, 7, 1)
