"""OCR-damaged document fields repaired against known words, only when one word explains them.

Values as Tesseract read them on real scans of tests/fixtures/real (kế hoạch 70/KH-UBND Cần
Thơ, công văn 299/UBND-TTHC Quảng Ngãi, chỉ thị 05/CT-UBND Quảng Ngãi).
"""

from __future__ import annotations

import pytest

from vbparse.segment.ocr_fields import (
    repair_authority,
    repair_place,
    repair_signer,
    repair_title,
)


@pytest.mark.parametrize(
    ("read", "expected"),
    [
        ("Cân Thơ", "Cần Thơ"),  # kế hoạch 70/KH-UBND: the grave accent of "Cần" lost
        ("Quảng Ngãi", "Quảng Ngãi"),  # already right
        ("Ha Noi", "Hà Nội"),
        ("Lâm Thơ", "Lâm Thơ"),  # no known place: left as read
        ("Lm Đồng", "Lâm Đồng"),  # giấy mời 560/GM-UBND (real scan): a letter lost
        ("Hà Nam", "Hà Nam"),  # a known place is never moved to a near one
        ("Ha Nai", "Ha Nai"),  # too short to be repaired from a letter off
        (None, None),
    ],
)
def test_ocr_fields_place(read, expected):
    assert repair_place(read) == expected


@pytest.mark.parametrize(
    ("read", "expected"),
    [
        ("Äguyến Quốc Việt", "Nguyễn Quốc Việt"),  # 299/UBND-TTHC: "N" read as "Ä"
        ("Trân Ngọc Căng", "Trần Ngọc Căng"),  # 08/CT-UBND: same letters beat "Thân", one off
        ("Lã Văn An", "Lã Văn An"),  # a surname: never touched
        ("Trương Thị Mai", "Trương Thị Mai"),
        # Must NOT repair: "Đoàm" is one letter off both "Đoàn" and "Đàm": ambiguous.
        ("Đoàm Văn Bình", "Đoàm Văn Bình"),
        ("Ngọc", "Ngọc"),  # one word: no name to repair
    ],
)
def test_ocr_fields_signer(read, expected):
    assert repair_signer(read) == expected


@pytest.mark.parametrize(
    ("read", "expected"),
    [
        ("TM. Uy ban nhan dan", "TM. Ủy ban nhân dân"),  # kế hoạch 70/KH-UBND Cần Thơ
        ("TM. Uy ban nhan dan, KT. Chu tich", "TM. Ủy ban nhân dân, KT. Chủ tịch"),
        ("KT. Chủ tịch", "KT. Chủ tịch"),
        ("TL. Cục trưởng, KT. Truong ban giam sát quan ly_ ve hq", None),  # not a known title
    ],
)
def test_ocr_fields_authority(read, expected):
    assert repair_authority(read) == (read if expected is None else expected)


@pytest.mark.parametrize(
    ("read", "expected"),
    [
        ("Chanh van phong", "Chánh Văn phòng"),  # 299/UBND-TTHC: "CHANH VAN PHONG"
        ("Phó Chủ tịch", "Phó Chủ tịch"),
        ("Ánh văn phòng", "Ánh văn phòng"),  # letters lost, not marks: not guessed
        ("Shủ tịch", "Chủ tịch"),  # chỉ thị 08/CT-UBND: "SHỦ TỊCH", one letter off
        ("5:£hủ tịch", "Chủ tịch"),  # kế hoạch 70/KH-UBND: seal specks, then one letter off
        ("Phó Giam đọc", "Phó Giám đốc"),  # công văn 855/CAT-PA05: "PHO GIAM ĐỌC"
        ("Thư ký", "Thư ký"),  # short and unknown: left as read
        (None, None),
    ],
)
def test_ocr_fields_title(read, expected):
    assert repair_title(read) == expected


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("Thiếu tướng Trương Minh Đương", "Trương Minh Đương"),  # tờ trình 493/TTr-CAT-PC04
        ("tướng Nguyễn Văn Long", "Nguyễn Văn Long"),  # 4409/BCA-C04: "Thượng" lost by OCR
        ("Nguyễn Văn Long", "Nguyễn Văn Long"),
        ("tướng", None),  # no name
        # the family name in capitals, a seal's edge over it (Sở Y tế Kiên Giang, real scan)
        ("HÀ Văn Phúc", "Hà Văn Phúc"),
        ("NGUYỄN VĂN LONG", None),  # a line in capitals is a title, not a name
        # a glyph of the last word drawn again under the name, joined to its line
        # (công văn 1068/SGDĐT-VP Vĩnh Long, real PDF b84)
        ("Trương Thanh Nhuận ận", "Trương Thanh Nhuận"),
    ],
)
def test_ocr_fields_signer_rank_dropped(line, name):
    from vbparse.segment.signature_lines import signer_name

    assert signer_name(line) == name


@pytest.mark.parametrize(
    ("read", "expected"),
    [
        ("TINH QUANG NGÀI", "TỈNH QUẢNG NGÃI"),  # chỉ thị 11/CT-UBND Quảng Ngãi
        ("CÔNG AN TĨNH LÂM ĐÒNG", "CÔNG AN TỈNH LÂM ĐỒNG"),  # tờ trình 493/TTr-CAT-PC04
        ("CÔNG AN TĨNH LÂM ĐỒNG", "CÔNG AN TỈNH LÂM ĐỒNG"),  # the place right, the unit not
        ("TỈNH HÀ TĨNH", "TỈNH HÀ TĨNH"),
        ("THÀNH PHÓ CÀN THƠ", "THÀNH PHỐ CẦN THƠ"),  # kế hoạch 70/KH-UBND Cần Thơ
        ("CỤC THUE", "CỤC THUẾ"),  # công văn 2191/CT-CS
        ("HỘI CÔNG CHỨNG VIÊN", "HỘI CÔNG CHỨNG VIÊN"),  # right as read
        ("Tinh quang ngài", "Tinh quang ngài"),  # not an issuer line in capitals
        # a district the table does not know keeps its name: "DUNG" is no "DỰNG" of "Xây
        # dựng" (công văn 1174/UBND-VP Cù Lao Dung, real scan b110)
        ("HUYỆN CÙ LAO DUNG", "HUYỆN CÙ LAO DUNG"),
        ("TỈNH BÀ RỊA - VỮNG TÀU", "TỈNH BÀ RỊA - VŨNG TÀU"),  # a province of five words
    ],
)
def test_ocr_fields_issuer_line(read, expected):
    from vbparse.segment.ocr_fields import repair_issuer_line

    assert repair_issuer_line(read) == expected


@pytest.mark.parametrize(
    ("tail", "signer"),
    [
        # thông báo 660/TB-UBND (real scan): the name under the Nơi nhận list, apart from the
        # titles read beside the list.
        (
            "Nơi nhận:\n- CT, PCT UBND tỉnh;\nTL. CHỦ TỊCH\nCHÁNH VĂN PHÒNG\n"
            "- Tỉnh đoàn;\n- Lưu: VT, KGVXn1014\nNguyễn Quốc Việt\n",
            "Nguyễn Quốc Việt",
        ),
        # tờ trình 493/TTr-CAT-PC04: titles hidden by the seal, the name after a rank.
        (
            "Nơi nhận:\n- Như trên:\nLưu VT, PC04,\n-\nThiếu tướng Trương Minh Đương\n",
            "Trương Minh Đương",
        ),
        # công văn 61/SKH-TH (real scan): the seal's rim read as words under the name.
        (
            "Nơi nhận:\n- Như trên;\n- Lưu: VT, TH.\nTrịnh Hữu Thắng\nlễ tư r ` `\n",
            "Trịnh Hữu Thắng",
        ),
        # chỉ thị 07/CT-UBND Quảng Ngãi (real scan): the signature column read into the list.
        (
            "CHỦ\nNơi nhận:\n- Phó Thủ tướng TT Trương Hòa Bình (báo cáo);\n"
            "- CT, các PCT UBND tỉnh;\nĐoàn TỊCH\nPhạm Trường Thọ\n- ĐBQH tỉnh;\n"
            "- Cục THADS tỉnh;\n- Lưu: VT, NCbdv205.\n",
            "Phạm Trường Thọ",
        ),
        # công văn 464/TTg-CĐS: only the end of the name read: not taken.
        ("Nơi nhận:\n- Như trên;\n- Lưu: VT, CĐĐS (2).LHQ\n2\nThanh Trà\n", None),
    ],
)
def test_ocr_fields_signer_name_last_line(tail, signer):
    from vbparse.segment.closing import find_closing

    text = "1. Giao Sở Tài chính thực hiện./.\n" + tail
    assert find_closing(text, 0, len(text), scan=True).signer == signer


def test_ocr_fields_signer_name_under_list_only_in_scans():
    from vbparse.segment.closing import find_closing

    # Typed text reads the name under the titles only (a .txt transcription and its .doc
    # must agree, tests/ingest/test_legacy_files.py).
    text = "1. Giao Sở Tài chính thực hiện./.\nNơi nhận:\n- Như trên:\nLưu VT, PC04,\n-\n"
    text += "Thiếu tướng Trương Minh Đương\n"
    assert find_closing(text, 0, len(text)).signer is None
    assert find_closing(text, 0, len(text), scan=True).signer == "Trương Minh Đương"


def test_ocr_fields_signer_name_after_unread_rank():
    from vbparse.segment.signature_lines import signer_name

    # công văn 855/CAT-PA05 (real scan): "Đại tá" read as "Đại 14".
    assert signer_name("Đại 14 Huỳnh Ngọc Liêm") == "Huỳnh Ngọc Liêm"


def test_ocr_fields_title_and_name_on_one_line():
    from vbparse.segment.closing import find_closing

    # công văn 4409/BCA-C04 (real scan): normalize joined the title and the name.
    text = (
        "1. Đề nghị các tỉnh gửi ý kiến./.\nNơi nhận:\n- Như trên,\n- Lưu: VT, C04\n"
        "KT. BỘ TRƯỞNG\nTHƯ TRƯỞNG tướng Nguyễn Văn Long\n"
    )
    closing = find_closing(text, 0, len(text))
    # (OCR's "THƯ TRƯỞNG" is the known position by its letters)
    assert (closing.signer, closing.signer_title) == ("Nguyễn Văn Long", "Thứ trưởng")


def test_ocr_fields_signer_name_under_list_in_a_text_file_of_ocr_output():
    """A .txt that holds an OCR's output (công văn 1705/BKHCN-PC as a dataset keeps it, real
    b33: "Noi nhận", "dé b/c") has its signature broken apart as a scan's: the name left
    alone under the Nơi nhận list is the signer's. A typed text's is not (test above)."""
    from pathlib import Path

    from vbparse.pipeline import parse_file

    real = Path(__file__).parents[1] / "fixtures/real_new/b33_text_cv_short"
    assert parse_file(real / "cv_1705_bkhcn-pc_2024.txt").signer == "Bùi Thế Duy"


@pytest.mark.parametrize(
    ("tail", "authority", "title"),
    [
        # OCR read the deputy's line under the seal as the head's (Sở Y tế Kiên Giang scans)
        ("KT. GIÁM ĐỐC\nGIÁM ĐỐC\nNguyễn Trúc Giang\n", "KT. Giám đốc", "Phó Giám đốc"),
        # ... or as no title at all ("Fa trưởng", công văn 3432/LĐTBXH-BHXH as OCR text)
        ("KT. BỘ TRƯỞNG\nFA TRƯỞNG\nNguyễn Văn A\n", "KT. Bộ trưởng", "Thứ trưởng"),
        # a copy that dropped the line says nothing of it
        ("KT. TỔNG CỤC TRƯỞNG\nNguyễn Văn A\n", "KT. Tổng cục trưởng", None),
        # a deputy's title as written stays
        (
            "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH THƯỜNG TRỰC\nNguyễn Văn A\n",
            "KT. Chủ tịch",
            "Phó Chủ tịch Thường trực",
        ),
        # the head signs on behalf of the committee: no deputy
        ("TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\nNguyễn Văn A\n", "TM. Ủy ban nhân dân", "Chủ tịch"),
    ],
)
def test_ocr_fields_deputy_signs_for_the_head(tail, authority, title):
    from vbparse.segment.closing import find_closing

    text = "1. Giao Sở Tài chính thực hiện./.\nNơi nhận:\n- Như trên;\n- Lưu: VT.\n" + tail
    closing = find_closing(text, 0, len(text), scan=True)
    assert (closing.signing_authority, closing.signer_title) == (authority, title)
