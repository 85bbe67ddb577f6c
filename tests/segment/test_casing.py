"""Titles and units written in capitals, recased as Vietnamese writes them
(``vbparse.segment.casing.title_case``)."""

from __future__ import annotations

from pathlib import Path

import pytest

from vbparse.pipeline import parse_file
from vbparse.segment.casing import title_case

REAL = Path(__file__).parents[1] / "fixtures/real"


@pytest.mark.parametrize(
    ("written", "cased"),
    [
        # signatures of Bộ Nội vụ, Bộ Tư pháp and Cục Thuế letters (real PDFs, b15/b19)
        ("VỤ TRƯỞNG VỤ CẢI CÁCH HÀNH CHÍNH", "Vụ trưởng Vụ Cải cách hành chính"),
        ("CỤC TRƯỞNG CỤC BỔ TRỢ TƯ PHÁP", "Cục trưởng Cục Bổ trợ tư pháp"),
        ("TRƯỞNG BAN BAN CHÍNH SÁCH, THUẾ QUỐC TẾ", "Trưởng ban Ban Chính sách, Thuế quốc tế"),
        # the unit named without its type word; the abbreviation kept (công văn 40090/CHQ-GSQL)
        ("TRƯỞNG BAN GIÁM SÁT QUẢN LÝ VỀ HQ", "Trưởng ban Giám sát quản lý về HQ"),
        ("PHÓ HIỆU TRƯỞNG", "Phó Hiệu trưởng"),
        ("PHÓ TRƯỞNG BAN THƯỜNG TRỰC", "Phó Trưởng ban Thường trực"),
        ("GIÁM ĐỐC SỞ", "Giám đốc Sở"),
        # a PDF's letter-spaced capitals split after the first letter (letters of Sở GD&ĐT
        # Gia Lai, real PDFs b81/b91)
        ("G IÁM ĐỐC", "Giám đốc"),
        # an issuer no gazetteer names (kế hoạch of Chi cục Hải quan khu vực VIII, real PDF)
        ("CHI CỤC HẢI QUAN KHU VỰC VIII", "Chi cục Hải quan khu vực VIII"),
        ("BAN ĐIỀU HÀNH", "Ban Điều hành"),
        # known titles and agencies keep their own casing; anything else sentence case
        ("PHÓ CHỦ TỊCH", "Phó Chủ tịch"),
        ("ỦY BAN NHÂN DÂN", "Ủy ban nhân dân"),
        ("PHÓ GIÁM ĐỐC PHỤ TRÁCH", "Phó giám đốc phụ trách"),
        # a body the gazetteer does not name, its territory's name capitalised word by word
        # (thông báo kết luận of Đảng ủy xã Công Hải, real b150)
        ("ĐẢNG ỦY XÃ CÔNG HẢI", "Đảng ủy xã Công Hải"),
        ("BAN CHỈ HUY QUÂN SỰ HUYỆN BÌNH TÂN", "Ban Chỉ huy quân sự huyện Bình Tân"),
    ],
)
def test_title_case(written, cased):
    assert title_case(written) == cased


def test_a_pdf_signature_with_the_unit_its_signer_heads():
    doc = parse_file(REAL / "b15_orig/cv_bnv-cchc-chi-so-cchc_2025.pdf")
    assert doc.signer_title == "Vụ trưởng Vụ Cải cách hành chính"
    doc = parse_file(REAL / "b19_orig/kh_58_kh-thptcl2_2026.pdf")
    assert (doc.signing_authority, doc.signer_title) == ("KT. Hiệu trưởng", "Phó Hiệu trưởng")
