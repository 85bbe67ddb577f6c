"""Numbered and bulleted items as tasks: what they inherit from the lines that introduce them."""

from __future__ import annotations

import pytest
from casefiles import case_ids, check_document_tasks, load_cases

CASES = load_cases("extract/item_tasks")


@pytest.mark.parametrize("case", CASES, ids=case_ids(CASES))
def test_item_tasks(case):
    check_document_tasks(case)


def test_a_body_named_short_for_the_one_addressee_is_that_addressee():
    """ "Cục Hải quan" in a letter to "Cục Hải quan tỉnh Đồng Nai" is the addressee; the
    department signs by the abbreviation its header prints ("CỤC GSQL VỀ HẢI QUAN", công văn
    51/GSQL-TH as luatminhkhue.vn holds it, real b129)."""
    from vbparse.pipeline import parse_text

    doc = parse_text(
        "TỔNG CỤC HẢI QUAN\nCỤC GSQL VỀ HẢI QUAN\nSố: 51/GSQL-TH\nV/v vướng mắc C/O\n"
        "Hà Nội, ngày 22 tháng 01 năm 2013\nKính gửi: Cục Hải quan tỉnh Đồng Nai\n\n"
        "Đề nghị Cục Hải quan tiến hành kiểm tra lô hàng có liên quan và xử lý theo quy định.\n"
    )
    assert doc.issuer == "Cục Giám sát quản lý về Hải quan"
    assert [a.name for a in doc.tasks[0].lead] == ["Cục Hải quan tỉnh Đồng Nai"]
