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
        # công văn 2923/UBND-NCTH Hậu Giang (2010, real web copy, b49): shares of a sum
        "Kinh phí thưởng của Sở Giáo dục và Đào tạo: 379.600.000 đồng.",
        "Kinh phí khen thưởng của tỉnh: 60.155.000 đồng.\n",
        # quyết định 1194/QĐ-TTg (2016, real web copy, b148): goods allotted to each province
        "Tỉnh Quảng Trị: 35 tấn hóa chất Chlorine 65% min.",
        "Tỉnh Thừa Thiên Huế: 20 tấn hóa chất Chlorine 65% min.\nỦy ban nhân dân các tỉnh: Quảng"
        " Trị, Thừa Thiên Huế tiếp nhận, quản lý và sử dụng số hóa chất nêu trên.",
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
        # a sum with the work it pays for
        "Sở Tài chính: bố trí 500 triệu đồng để tổ chức hội thi.",
        "Sở Y tế: 50 người, hoàn thành trước ngày 30/6/2025.",
    ],
)
def test_openers_that_direct(text):
    assert not is_opener(text)


def test_the_shares_of_a_sum_are_no_tasks_of_their_own():
    """The approved plan's prize money split into four bullets under "trong đó:" (công văn
    2923/UBND-NCTH Hậu Giang, real b49): the one task is item 2's."""
    from pathlib import Path

    from vbparse.pipeline import parse_file

    root = Path(__file__).parents[1] / "fixtures/real_new/b49_web_cv_local"
    doc = parse_file(root / "cv_2923_ubnd-ncth_2010.txt")
    assert not [t for t in doc.tasks if "Kinh phí" in t.text]
    item = next(t for t in doc.tasks if t.text.startswith("Giao Giám đốc Sở Giáo dục"))
    assert [a.name for a in item.lead] == ["Sở Giáo dục và Đào tạo tỉnh Hậu Giang"]


def test_an_approval_that_names_no_one_is_no_task():
    """ "1. Thống nhất nội dung Kế hoạch …" right under "Chủ tịch UBND tỉnh có ý kiến như sau:"
    approves; "2. Giao Giám đốc Sở …" is the one task (công văn 2923/UBND-NCTH and 458/UBND-NCTH
    Hậu Giang, real web copies)."""
    from pathlib import Path

    from vbparse.pipeline import parse_file

    real_new = Path(__file__).parents[1] / "fixtures/real_new"
    for path in (
        real_new / "b49_web_cv_local/cv_2923_ubnd-ncth_2010.txt",
        real_new / "b94_web_local/cv_458_ubnd-ncth_2011.txt",
    ):
        doc = parse_file(path)
        assert [t.text.split()[0] for t in doc.tasks] == ["Giao"], path.name


def test_an_approval_under_a_heading_that_gives_the_lead_stays_a_task():
    """ "Giao Bộ Y tế chủ trì …: 1. Thống nhất quy mô tiếp nhận …" (công văn 910/VPCP-KGVX,
    real web copy): the heading's body does what the item says."""
    from pathlib import Path

    from vbparse.pipeline import parse_file

    real = Path(__file__).parents[1] / "fixtures/real"
    doc = parse_file(real / "b01_vpcp_cv_a/cv_910_vpcp-kgvx_2010.txt")
    item = next(t for t in doc.tasks if t.text.startswith("Thống nhất quy mô"))
    assert [a.name for a in item.lead] == ["Bộ Y tế"]
