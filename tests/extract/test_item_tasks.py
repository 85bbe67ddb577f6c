"""Numbered and bulleted items as tasks: what they inherit from the lines that introduce them."""

from __future__ import annotations

from pathlib import Path

import pytest
from casefiles import case_ids, check_document_tasks, load_cases

from vbparse import parse_file

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


REAL_NEW = Path(__file__).resolve().parents[1] / "fixtures" / "real_new"


def test_points_to_note_that_tell_to_act_are_tasks():
    """ "… yêu cầu Bộ Xây dựng … tiếp tục rà soát …, trong đó lưu ý các nội dung sau:" over
    items that open by telling their reader to act ("1. Rà soát …", "6. Nghiên cứu …"): the
    items are Bộ Xây dựng's tasks (thông báo 480/TB-VPCP, real PDF b132)."""
    doc = parse_file(REAL_NEW / "b132_tb_cd" / "tb_480_tb-vpcp_2025.pdf")
    items = {t.id.rsplit("/", 1)[-1]: t for t in doc.tasks}
    assert {"1", "2", "3", "4", "6", "8"} <= set(items)
    assert [a.name for a in items["1"].lead] == ["Bộ Xây dựng"]


def test_guidance_by_its_subject_gives_rules_no_tasks():
    """A letter "V/v hướng dẫn công tác phòng chống dịch đối với lao động ngoài tỉnh …" whose
    lead-in asks nothing ("Sở Y tế có ý kiến về … như sau:"): its items are rules for workers,
    no one's tasks; its closing request to the province's committee is (công văn 4665/SYT-NV
    Vĩnh Long, real PDF b133)."""
    doc = parse_file(REAL_NEW / "b133_so_huyen" / "cv_4665_syt-nv_vinhlong_2021.pdf")
    committee = ["Ủy ban nhân dân tỉnh Vĩnh Long"]
    items = [t for t in doc.tasks if t.id.split("/")[-1][:1].isdigit()]
    # (the PDF glues the closing request under the last rule: that item alone asks someone)
    assert len(items) <= 1 and all([a.name for a in t.lead] == committee for t in items)
    assert any(
        "Đối với các trường hợp đặc biệt khác" in t.text and [a.name for a in t.lead] == committee
        for t in doc.tasks
    )


def test_nơi_nhận_without_bullets_and_unmarked_entries():
    """A Nơi nhận written without bullets, one entry without its ";" and one in capitals
    ("VPHĐ-UB: CPVP;"), and the drafter's initials after a bracketed unit code (công văn
    1025/UBND-ĐT Thành phố Hồ Chí Minh as luatminhkhue.vn holds it, real b130)."""
    doc = parse_file(REAL_NEW / "b130_ubnd_tinh" / "cv_1025_ubnd-dt_hcm_2009.txt")
    assert doc.cc == [
        "Như trên",
        "Thường trực Thành ủy (kèm QĐ 236/QĐ-TTg )",
        "TTUB: CT, các PCT",
        "VPHĐ-UB: CPVP",
        "Các Phòng Chuyên viên",
        "Lưu: VT, (ĐT-MT)",
    ]


def test_closing_request_on_the_letters_content_with_a_difficulty_note():
    """ "Yêu cầu các cơ sở giáo dục thực hiện nghiêm túc nội dung Công văn. Quá trình thực hiện
    có khó khăn, vướng mắc, liên hệ …" after the items: the closing formula, no task of its own
    (công văn 2953/SGDĐT-GDTrH-GDTX Vĩnh Long, real PDF b90)."""
    doc = parse_file(
        REAL_NEW / "b90_dongthap_vinhlong" / "cv_2953_sgddt-gdtrh-gdtx_vinhlong_2021.pdf"
    )
    ids = [t.id.split("/")[-1] for t in doc.tasks]
    assert ids == ["1", "2", "3"]
