"""Abbreviations a directive defines in passing, and the bodies named with them."""

from __future__ import annotations

from vbparse.pipeline import parse_text


def test_a_unit_named_with_a_defined_abbreviation_is_written_out():
    """Kế hoạch of Chi cục Hải quan khu vực VIII (real PDF, b14) defines "kiểm soát hải quan
    (KSHQ)" and gives tasks to "Đội KSHQ"; a bracketed code that is no abbreviation of the
    words before it ("(UBND)" after other words) defines nothing."""
    doc = parse_text(
        "CHI CỤC HẢI QUAN KHU VỰC VIII\nSố: 12/KH-HQKV8\nHà Nội, ngày 5 tháng 1 năm 2026\n"
        "KẾ HOẠCH\nvề kiểm soát hải quan\n"
        "Tăng cường công tác kiểm soát hải quan (KSHQ) trên địa bàn (UBND).\n"
        "1. Phòng Quản lý rủi ro chủ trì, phối hợp với Đội KSHQ rà soát doanh nghiệp.\n"
        "2. Đội KSHQ tăng cường tuần tra, kiểm soát địa bàn.\n"
    )
    leads = {task.id: [a.name for a in task.lead] for task in doc.tasks}
    supports = {task.id: [a.name for a in task.support] for task in doc.tasks}
    assert supports["1"] == ["Đội Kiểm soát hải quan"]
    assert leads["2"] == ["Đội Kiểm soát hải quan"]
