"""A portal's byline standing for the signature block (cinet.vn copies of công văn of the Bộ
Văn hóa, Thể thao và Du lịch, real documents of b20/b23)."""

import pytest

from vbparse.segment.byline import read_byline, sign_from_byline
from vbparse.segment.closing import Closing
from vbparse.segment.header import find_header

ISSUER = "Theo BỘ VĂN HÓA, THỂ THAO VÀ DU LỊCH -"


@pytest.mark.parametrize(
    ("signature", "signer", "title", "authority"),
    [
        ("KTBT, TT Đặng Thị Bích Liên", "Đặng Thị Bích Liên", "Thứ trưởng", "KT. Bộ trưởng"),
        ("KT BỘ TRƯỞNG THỨ TRƯỞNG Huỳnh Vĩnh Ái", "Huỳnh Vĩnh Ái", "Thứ trưởng", "KT. Bộ trưởng"),
        # "Vụ TVVHDT": a unit's abbreviation the byline does not spell out.
        ("TLBT, Vụ TVVHDT Hoàng Đức Hậu", "Hoàng Đức Hậu", None, "TL. Bộ trưởng"),
        # a dash glued to the name or to the title (công văn 100/BVHTTDL-VP, 3767/BVHTTDL-DSVH,
        # real b119/b120)
        ("KT BỘ TRƯỞNG THỨ TRƯỞNG -Lê Tiến Thọ", "Lê Tiến Thọ", "Thứ trưởng", "KT. Bộ trưởng"),
        ("KT. BỘ TRƯỞNG THỨ TRƯỞNG- Lê Khánh Hải", "Lê Khánh Hải", "Thứ trưởng", "KT. Bộ trưởng"),
        # the head of Văn phòng Chính phủ, abbreviated (2321/VPCP-QHQT, 104/TB-VPCP, real b120)
        ("BT, Chủ nhiệm Nguyễn Xuân Phúc", "Nguyễn Xuân Phúc", "Bộ trưởng, Chủ nhiệm", None),
        (
            "KTBT, CN, Phó CN Nguyễn Khắc Định",
            "Nguyễn Khắc Định",
            "Phó Chủ nhiệm",
            "KT. Bộ trưởng, Chủ nhiệm",
        ),
    ],
)
def test_byline_reads_signer_title_and_authority(signature, signer, title, authority):
    byline = read_byline(f"{signature} {ISSUER}")
    assert (byline.signer, byline.signer_title, byline.signing_authority) == (
        signer,
        title,
        authority,
    )


@pytest.mark.parametrize(
    "line",
    ["Theo BỘ Y TẾ", "Thực hiện chỉ đạo Theo BỘ Y TẾ", "Công văn V/v tổ chức Festival"],
)
def test_byline_needs_a_name_before_theo(line):
    assert read_byline(line) is None


def test_byline_in_the_header_signs_a_closing_without_signature():
    text = (
        "4132/BVHTTDL-DSVH\n\nKTBT, TT Đặng Thị Bích Liên " + ISSUER + "\n\n"
        "Công văn V/v xếp hạng di tích quốc gia đặc biệt\n\n"
        "Kính gửi: Ủy ban nhân dân tỉnh Cao Bằng\n"
    )
    header = find_header(text)
    assert header.subject == "xếp hạng di tích quốc gia đặc biệt"
    closing = Closing(body_end=len(text))
    sign_from_byline(closing, header.byline)
    assert closing.signer == "Đặng Thị Bích Liên"


def test_byline_never_replaces_a_signature_block():
    closing = Closing(body_end=0, signer="Nguyễn Văn A", signing_authority="KT. Bộ trưởng")
    sign_from_byline(closing, read_byline("KTBT, TT Lê Khánh Hải " + ISSUER))
    assert closing.signer == "Nguyễn Văn A"


def test_byline_under_its_authority_line():
    """normalize set "KT. BỘ TRƯỞNG" on a line of its own above the byline (công văn
    3767/BVHTTDL-DSVH as cinet.vn holds it, real b119): the authority is still read."""
    from vbparse.segment.byline import read_byline_under

    byline = read_byline_under("KT. BỘ TRƯỞNG", f"THỨ TRƯỞNG- Lê Khánh Hải {ISSUER}")
    assert (byline.signer_title, byline.signing_authority) == ("Thứ trưởng", "KT. Bộ trưởng")
    assert (
        read_byline_under("Công văn", f"THỨ TRƯỞNG Lê Khánh Hải {ISSUER}").signing_authority is None
    )
