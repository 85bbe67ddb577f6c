"""A Kính gửi list whose label a copy lost: the bulleted bodies right under the V/v are the
addressees (``segment.recipients.unlabelled_recipients``)."""

from __future__ import annotations

from pathlib import Path

from vbparse import parse_file, parse_text
from vbparse.normalize import normalize
from vbparse.segment.header import find_header

REAL = Path(__file__).resolve().parents[1] / "fixtures" / "real_new"


def test_unlabelled_list_under_the_subject_is_the_addressees():
    # công văn 427/BTC-CST as a dataset's OCR text: "Kính gửi:" read as nothing (real b144)
    document = parse_file(REAL / "b144_customs_ministries" / "cv_127_btc-cst_2024.txt")
    assert document.recipients == [
        "Các Bộ, cơ quan ngang Bộ; cơ quan thuộc Chính phủ",
        "Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương",
        "Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam",
        "Liên đoàn Thương mại và Công nghiệp Việt Nam",
    ]
    # "Bộ Tài chính đề nghị Quý cơ quan … có ý kiến": the addressees are its leads
    [task] = document.tasks
    assert len(task.lead) == 4


HEADER = """BỘ TÀI CHÍNH
Số: 12/BTC-CST
V/v góp ý dự thảo
{bullets}
Bộ Tài chính đề nghị các đơn vị có ý kiến trước ngày 10/02/2024.
"""


def _recipients(bullets: str) -> list[str]:
    return find_header(normalize(HEADER.format(bullets=bullets)).text).recipients


def test_unlabelled_list_needs_bodies_on_two_short_lines():
    assert _recipients("- Bộ Tư pháp;\n- Văn phòng Chính phủ.") == [
        "Bộ Tư pháp",
        "Văn phòng Chính phủ",
    ]
    # one line may be anything: no list
    assert _recipients("- Bộ Tư pháp.") == []
    # bullets that are no bodies, or sentences, are the body's, not addressees
    assert _recipients("- Căn cứ Luật Ngân sách nhà nước;\n- Căn cứ Nghị định 163/2016.") == []
    long_line = "- Sở Y tế chủ trì, phối hợp với các sở, ngành liên quan rà soát, tổng hợp, " * 2
    assert _recipients(f"{long_line}\n- Sở Tài chính bố trí kinh phí.") == []
    assert _recipients("- Sở Y tế: chủ trì rà soát;\n- Sở Tài chính: bố trí kinh phí.") == []


def test_unlabelled_list_not_read_after_a_kinh_gui():
    text = HEADER.format(bullets="Kính gửi: Bộ Tư pháp\n- Bộ Công an;\n- Bộ Quốc phòng.")
    assert parse_text(text).recipients == ["Bộ Tư pháp", "Bộ Công an", "Bộ Quốc phòng"]
