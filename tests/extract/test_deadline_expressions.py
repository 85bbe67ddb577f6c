"""Time expressions (issue 12): each phrase of ``cases/deadlines_expressions.yaml`` read
against its anchor date, as an interval with its grain and as a table cell's deadline."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from casefiles import case_ids, load_cases

from vbparse.extract.time.deadlines import parse_deadline
from vbparse.extract.time.expressions import parse_time_expression

CASES = load_cases("extract/deadlines_expressions")
MIN_ROWS = 80


def test_deadline_expressions_table_size() -> None:
    assert len(CASES) >= MIN_ROWS
    assert len({case["class"] for case in CASES}) >= 8


@pytest.mark.parametrize("case", CASES, ids=case_ids(CASES))
def test_deadline_expressions_interval(case: dict[str, Any]) -> None:
    found = parse_time_expression(case["text"], anchor=case["anchor"])
    assert found is not None, case["text"]
    assert {"start": found.start, "end": found.end, "grain": found.grain} == case["expected"]
    assert found.text == case["text"]
    assert (found.warning is not None) == case.get("warning", False), found.warning


@pytest.mark.parametrize("case", CASES, ids=case_ids(CASES))
def test_deadline_expressions_as_cell(case: dict[str, Any]) -> None:
    """Read as a deadline cell, the due date is the interval's last day, the text the
    whole phrase, and the warning passes through."""
    found = parse_deadline(case["text"], doc_date=case["anchor"])
    assert found is not None, case["text"]
    assert (found.date, found.grain, found.text) == (
        case["expected"]["end"],
        case["expected"]["grain"],
        case["text"],
    )
    assert (found.warning is not None) == case.get("warning", False)


@pytest.mark.parametrize(
    "text", ["ngày mai", "thứ Sáu tuần này", "quý tới", "3 ngày tới", "ngày cuối cùng của quý"]
)
def test_deadline_expressions_need_the_anchor_not_the_clock(text: str) -> None:
    """Without the document's date a relative expression has no date (never today's)."""
    found = parse_time_expression(text, anchor=None)
    assert found is not None
    assert (found.start, found.end) == (None, None)


@pytest.mark.parametrize(
    "text", ["kết quả năm 2024", "báo cáo tình hình thực hiện tháng 6", "thứ hai", "lần thứ hai"]
)
def test_deadline_expressions_not_one_phrase(text: str) -> None:
    """Running text is not read as one time expression ("thứ hai" alone is only read
    after a prefix or in a cell; see deadlines.yaml)."""
    if text == "thứ hai":
        found = parse_time_expression(text, anchor=dt.date(2025, 7, 16))
        assert found is not None and found.end == dt.date(2025, 7, 21)
        return
    assert parse_time_expression(text, anchor=dt.date(2025, 7, 16)) is None


def test_deadline_expressions_working_days_rule_names_the_holidays() -> None:
    found = parse_time_expression("7 ngày làm việc kể từ ngày 25/4/2025", anchor=None)
    assert found is not None and found.end == dt.date(2025, 5, 9)
    assert found.rule is not None
    assert "2025-04-30" in found.rule and "2025-05-01" in found.rule


def test_deadline_expressions_a_count_of_days_named_after_it_is_no_span() -> None:
    """ "Trong hai ngày 07 và 08 tháng 8 năm 2013, chương trình Thời sự … đưa tin …" (công văn
    6792/VPCP-KGVX, real b54): the two days are named, no span from the document's date; the
    request's own "trước ngày 20 tháng 8 năm 2013" is the deadline."""
    from vbparse.pipeline import parse_text

    doc = parse_text(
        "VĂN PHÒNG CHÍNH PHỦ\nSố: 6792/VPCP-KGVX\nV/v xử lý thông tin báo chí\n"
        "Hà Nội, ngày 15 tháng 8 năm 2013\nKính gửi: Bộ Y tế\n\n"
        "Trong hai ngày 07 và 08 tháng 8 năm 2013, báo Tuổi trẻ đưa tin về vụ việc. Về vấn đề "
        "này, Phó Thủ tướng Nguyễn Thiện Nhân yêu cầu Bộ Y tế báo cáo Thủ tướng Chính phủ về "
        "vụ việc nêu trên, trước ngày 20 tháng 8 năm 2013.\n"
    )
    assert [str(t.deadline.date) for t in doc.tasks if t.deadline] == ["2013-08-20"]
    found = parse_time_expression("2 ngày", anchor=dt.date(2013, 8, 15))
    assert found is not None and found.end == dt.date(2013, 8, 17)
