"""Units that open without directing anyone (``non_directive_openers`` of header.yaml)."""

from __future__ import annotations

import pytest

from vbparse.extract.tasks.headings import is_opener


@pytest.mark.parametrize(
    "text",
    [
        # công văn 403/KCN-VP Bắc Giang (2012, real scan, b25)
        "Ban Quản lý các KCN trân trọng thông báo để Văn phòng UBND tỉnh và Sở Tư pháp được biết.",
        "Văn phòng Chính phủ xin thông báo để các cơ quan biết, thực hiện./.",
        # công văn 614/BVHTTDL-GĐ (2013, real web copy, b24): an event's particulars
        "Thời gian dự kiến từ 7h30 đến 9h30 ngày 16/3/2013 (Thứ 7)",
        "Thành phần gồm có lãnh đạo Đảng, Nhà nước, Chính phủ, Quốc hội.",
    ],
)
def test_openers_that_direct_no_one(text):
    assert is_opener(text)


@pytest.mark.parametrize(
    "text",
    [
        # a công điện's task: telling the boat owners is the work itself
        "Khẩn trương kiểm đếm, thông báo cho chủ các tàu, thuyền đang hoạt động trên biển biết "
        "vị trí, hướng di chuyển của bão để chủ động di chuyển vào nơi tránh trú an toàn.",
        "Thông báo để người dân biết lịch cắt điện và chủ động phương án sản xuất.",
    ],
)
def test_openers_that_direct(text):
    assert not is_opener(text)
