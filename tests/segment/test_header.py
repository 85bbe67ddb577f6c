"""Header, closing and signature on the seeds, checked against the gold document fields."""

import json
from pathlib import Path

import pytest

from vbparse.normalize import normalize
from vbparse.segment.closing import find_closing
from vbparse.segment.header import find_header

FIXTURES = Path(__file__).parents[1] / "fixtures"
SEEDS = sorted((FIXTURES / "seeds").glob("*.txt"))


def _gold(seed):
    return json.loads((FIXTURES / "gold" / f"{seed.stem}.json").read_text(encoding="utf-8"))["doc"]


def _segment(seed):
    text = normalize(seed.read_text(encoding="utf-8")).text
    header = find_header(text)
    appendix = text.find("\nPHỤ LỤC")
    return (
        text,
        header,
        find_closing(text, header.body_start, appendix if appendix > 0 else len(text)),
    )


@pytest.mark.parametrize("seed", SEEDS, ids=[s.stem[:3] for s in SEEDS])
def test_header_fields_match_gold(seed):
    gold = _gold(seed)
    text, header, _ = _segment(seed)
    assert header.number == gold["number"]
    assert header.place == gold["place"]
    assert (header.date.isoformat() if header.date else None) == gold["date"]
    assert header.subject == gold["subject"]
    assert header.recipients == gold["recipients"]
    if header.number_span:
        assert text[header.number_span.start : header.number_span.end] == header.number


@pytest.mark.parametrize("seed", SEEDS, ids=[s.stem[:3] for s in SEEDS])
def test_closing_fields_match_gold(seed):
    gold = _gold(seed)
    _, _, closing = _segment(seed)
    assert closing.cc == gold["cc"]
    assert closing.signer == gold["signer"]
    assert closing.signer_title == gold["signer_title"]
    assert closing.signing_authority == gold["signing_authority"]


def test_header_lines_without_header_leave_fields_empty():
    header = find_header("1. Bộ Tài chính khẩn trương rà soát.\n2. Bộ Y tế báo cáo.")
    assert header.number is None and header.date is None and header.subject is None
    assert header.body_start == 0


def test_closing_authority_without_name_before_site_text():
    """A web copy keeps "KT. BỘ TRƯỞNG, CHỦ NHIỆM" as the last row of its signature table and
    drops the name; the site's own text follows (real VPCP công văn of b02/b09)."""
    text = (
        "Văn phòng Chính phủ thông báo để Bộ Tài chính biết, thực hiện./.\n\n"
        "KT. BỘ TRƯỞNG, CHỦ NHIỆM\nÝ kiến bạn đọc\nNhấp vào nút tại mỗi ô tìm kiếm.\n"
    )
    closing = find_closing(text, 0, len(text))
    assert closing.signing_authority == "KT. Bộ trưởng, Chủ nhiệm"
    assert closing.signer is None and closing.signer_title is None


def test_number_alone_on_a_portal_copys_first_line():
    """cinet.vn copies of Bộ VHTTDL công văn (real, b20) open with the number alone and put
    the kind before the V/v: "Công văn V/v tổ chức Festival …"."""
    text = normalize(
        "3215/BVHTTDL-VHCS\n\nKTBT, TT Huỳnh Vĩnh Ái Theo BỘ VĂN HÓA, THỂ THAO VÀ DU LỊCH -\n\n"
        "Công văn V/v tổ chức Festival Đờn ca tài tử Quốc gia lần thứ II - Bình Dương 2017\n\n"
        "Kính gửi: Sở Văn hoá, Thể thao và Du lịch tỉnh Bình Dương\n\n"
        "Bộ Văn hoá, Thể thao và Du lịch chấp thuận việc đăng cai tổ chức Festival.\n"
    ).text
    header = find_header(text)
    assert header.number == "3215/BVHTTDL-VHCS"
    assert text[header.number_span.start : header.number_span.end] == header.number
    assert header.subject.startswith("tổ chức Festival Đờn ca tài tử")
    assert header.issuer_lines == []


def test_number_under_a_bare_so_label():
    """A flattened header table puts "Số:" and the number on two lines (quyết định
    36/2010/QĐ-UBND Đồng Tháp, real web copy, b07)."""
    text = normalize(
        "ỦY\nBAN NHÂN DÂN\nTỈNH ĐỒNG THÁP\n-------\n|\nCỘNG\nHÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "Độc lập – Tự do – Hạnh phúc\n---------\n|\nSố:\n36/2010/QĐ-UBND\n|\n"
        "Cao Lãnh, ngày 10 tháng 12 năm 2010\n"
    ).text
    header = find_header(text)
    assert header.number == "36/2010/QĐ-UBND"
    assert text[header.number_span.start : header.number_span.end] == header.number
    assert all("36/2010" not in line.text for line in header.issuer_lines)


def test_closing_nơi_nhận_without_bullets():
    """A web copy of công văn 7991/BGDĐT-GDTrH (real, b21) keeps the Nơi nhận without its
    colon and its entries without bullets, one per paragraph, up to the Lưu entry."""
    text = (
        "Đề nghị các Sở GDĐT triển khai thực hiện./.\n\nNơi nhận\n\nNhư trên;\n\n"
        "Bộ trưởng (để báo cáo);\n\nVụ trưởng (để báo cáo);\n\nLưu: VT, GDTrH.\n\n"
        "KT. BỘ TRƯỞNG\nTHỨ TRƯỞNG\n\nPhạm Ngọc Thưởng\n"
    )
    closing = find_closing(text, 0, len(text))
    assert closing.cc == [
        "Như trên",
        "Bộ trưởng (để báo cáo)",
        "Vụ trưởng (để báo cáo)",
        "Lưu: VT, GDTrH",
    ]
    assert closing.signer == "Phạm Ngọc Thưởng"


def test_recipient_ends_where_the_body_runs_on():
    """Crawled copies run the body's first sentence onto the last addressee (công văn
    327/SGDĐT-KHTC and 3397/BKHĐT-QLKTTW, real web copies)."""
    text = normalize(
        "Số: 327/SGDĐT-KHTC\nVũng Tàu, ngày 29 tháng 4 năm 2011\nKính gửi:\n"
        "- Các Phòng Giáo dục và Đào tạo huyện, thị xã, thành phố;\n"
        "- Các đơn vị trực thuộc Thực hiện Công văn số 1369/BGDĐT-CTHSSV ngày 15/3/2011;\n"
        "Sở Giáo dục và Đào tạo đề nghị các đơn vị thực hiện thống kê.\n"
    ).text
    header = find_header(text)
    assert header.recipients == [
        "Các Phòng Giáo dục và Đào tạo huyện, thị xã, thành phố",
        "Các đơn vị trực thuộc",
    ]


def test_recipient_wrapped_over_two_lines():
    """Công văn 11654/VPCP-CN as a Markdown copy (real): "Kính gửi:" alone, the addressee
    wrapped where the page broke the line."""
    text = normalize(
        "Số: 11654/VPCP-CN\nHà Nội, ngày 28 tháng 11 năm 2025\n**Kính gửi:**\n|\n"
        "Chủ tịch Ủy ban nhân dân các tỉnh: Hưng Yên, Ninh\n"
        "Bình, Bắc Ninh, Phú Thọ, Tuyên Quang.\n|\n"
        "Xét báo cáo và đề xuất, kiến nghị của Ủy ban nhân dân tỉnh Hưng Yên, Phó Thủ tướng có "
        "ý kiến như sau:\n"
    ).text
    header = find_header(text)
    assert header.recipients == [
        "Chủ tịch Ủy ban nhân dân các tỉnh: Hưng Yên, Ninh Bình, Bắc Ninh, Phú Thọ, Tuyên Quang"
    ]


def test_recipient_details_are_no_addressees():
    """A tax office's reply lists the company's tax code and address under it (công văn of
    Thuế tỉnh Tây Ninh, real Markdown copy)."""
    text = normalize(
        "Số: 3257/TNI-QLDN1\nTây Ninh, ngày 01 tháng 12 năm 2025\n**Kính gửi:**\n|\n"
        "Công Ty TNHH Khuôn Mẫu Yong Hong;\nMã số thuế: 1102044417;\n"
        "Địa chỉ nhận thông báo: Lô A8-A9 Đường Số 01, tỉnh Tây Ninh.\n|\n"
        "Trả lời văn bản số 01/CV-01 ngày 20/11/2025 của Công ty, Thuế tỉnh Tây Ninh có ý kiến:\n"
    ).text
    assert find_header(text).recipients == ["Công Ty TNHH Khuôn Mẫu Yong Hong"]


@pytest.mark.parametrize(
    ("written", "kept"),
    [
        # real công văn of provinces (b13, b19, b23): the drafter after the last unit code
        ("- Lưu: VT, KGVX.LHT.", "Lưu: VT, KGVX"),
        ("- Lưu: VT, XDCT. Khánh.", "Lưu: VT, XDCT"),
        ("- Lưu VT, GDPT. Hiển (3b).", "Lưu VT, GDPT"),
        ("- Lưu: VT, KGVX (Thập).", "Lưu: VT, KGVX"),
        ("- Lưu: VT, NC chau.", "Lưu: VT, NC"),
        # kept: a unit "V.I" (Vụ I), a unit in brackets, the copy count
        ("- Lưu: VT, V.I.", "Lưu: VT, V.I"),
        ("- Lưu: VT, CST (PLP).", "Lưu: VT, CST (PLP)"),
        ("- Lưu: VT, TH (2).", "Lưu: VT, TH (2)"),
    ],
)
def test_closing_lưu_entry_without_its_drafter(written, kept):
    text = f"Bộ Y tế thực hiện./.\n\nNơi nhận:\n- Như trên;\n{written}\n"
    assert find_closing(text, 0, len(text)).cc == ["Như trên", kept]
