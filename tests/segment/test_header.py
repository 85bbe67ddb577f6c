"""Header, closing and signature on the seeds, checked against the gold document fields."""

import datetime as dt
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


def _numbered(text: str, number: str):
    """The header of ``text``, checked to hold ``number`` at the span it reports."""
    header = find_header(text)
    assert header.number == number
    assert text[header.number_span.start : header.number_span.end] == number
    return header


def test_number_alone_on_a_portal_copys_first_line():
    """cinet.vn copies of Bộ VHTTDL công văn (real, b20) open with the number alone and put
    the kind before the V/v: "Công văn V/v tổ chức Festival …"."""
    text = normalize(
        "3215/BVHTTDL-VHCS\n\nKTBT, TT Huỳnh Vĩnh Ái Theo BỘ VĂN HÓA, THỂ THAO VÀ DU LỊCH -\n\n"
        "Công văn V/v tổ chức Festival Đờn ca tài tử Quốc gia lần thứ II - Bình Dương 2017\n\n"
        "Kính gửi: Sở Văn hoá, Thể thao và Du lịch tỉnh Bình Dương\n\n"
        "Bộ Văn hoá, Thể thao và Du lịch chấp thuận việc đăng cai tổ chức Festival.\n"
    ).text
    header = _numbered(text, "3215/BVHTTDL-VHCS")
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
    header = _numbered(text, "36/2010/QĐ-UBND")
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


def test_closing_nơi_nhận_without_its_label():
    """A web copy of công văn 327/SGDĐT-KHTC (real, b12) lost the "Nơi nhận:" label: the list
    opens at its "Như trên" entry and ends at "Lưu"; the signer below is still read."""
    text = (
        "Nhận được công văn này, yêu cầu các đơn vị thực hiện nghiêm túc.\n"
        "Trân trọng đề nghị./\n- Như trên;\n- Website Sở GD&ĐT;\n- Lưu VT, KHTC.\n"
        "GIÁM ĐỐC\n(đã ký)\nNguyễn Thanh Giang\n"
    )
    text = normalize(text).text
    closing = find_closing(text, 0, len(text))
    assert closing.cc == ["Như trên", "Website Sở GD&ĐT", "Lưu VT, KHTC"]
    assert closing.signer == "Nguyễn Thanh Giang"
    assert text[: closing.body_end].rstrip().endswith("Trân trọng đề nghị./")


def test_closing_nơi_nhận_lost_under_the_seal_opens_at_its_first_marked_entry():
    """Quyết định 3588/QĐ-BGDĐT (real scan, b149) as OCR read it: the "Nơi nhận:" label lost
    under the seal, the list opening with the superiors it reports to ("(để b/c)"), the
    signature's title read between its entries, "Như Điều 3 (để t/h)" near its end."""
    text = "\n".join(
        [
            "Điều 3. Chánh Văn phòng, Vụ trưởng Vụ Giáo dục Phổ thông chịu trách nhiệm thi hành"
            " Quyết định này.",
            "(0 RHỆNG",
            "- Thủ tướng Chính phủ (đề b/c);",
            "- Văn phòng Chính phủ (để b/c);",
            "BỘ TRƯỞNG g.",
            "- Các UBND tỉnh/thành phố;",
            "- Như Điều 3 (để t/h);",
            "- Lưu: VT, Vụ GDPT.",
        ]
    )
    closing = find_closing(text, 0, len(text))
    assert closing.cc[:2] == ["Thủ tướng Chính phủ (đề b/c)", "Văn phòng Chính phủ (để b/c)"]
    assert closing.cc[-2:] == ["Như Điều 3 (để t/h)", "Lưu: VT, Vụ GDPT"]
    assert "Thủ tướng" not in text[: closing.body_end]


def test_như_trên_in_running_text_opens_no_list():
    """ "Như trên" inside the body, with no "Lưu" entry below it, is no Nơi nhận."""
    text = "1. Giao Sở Y tế thực hiện.\n2. Như trên;\n3. Giao Sở Tài chính bố trí kinh phí./.\n"
    closing = find_closing(text, 0, len(text))
    assert closing.cc == []


def test_addressee_listing_places_after_its_colon_below_the_label():
    """ "Kính gửi:" alone, its one addressee on the next line naming ten provinces after its
    colon (công văn 5324/BVHTTDL-DSVH, real web copy): the list is names, not a sentence."""
    text = normalize(
        "Số: 5324/BVHTTDL-DSVH\nHà Nội, ngày 29 tháng 12 năm 2015\n\nKính gửi:\n\n"
        "Ủy ban nhân dân các tỉnh, thành phố: Hồ Chí Minh, Hải Phòng, Thanh Hóa, Đồng Nai, "
        "Bình Định, Vĩnh Phúc, Bắc Giang, Hà Nam, Điện Biên, Bình Phước.\n\n"
        "Ngày 23/12/2015, Thủ tướng Chính phủ có Quyết định số 2367/QĐ-TTg.\n"
    ).text
    header = find_header(text)
    assert header.recipients == [
        "Ủy ban nhân dân các tỉnh, thành phố: Hồ Chí Minh, Hải Phòng, Thanh Hóa, Đồng Nai, "
        "Bình Định, Vĩnh Phúc, Bắc Giang, Hà Nam, Điện Biên, Bình Phước"
    ]
    assert text[header.body_start :].lstrip().startswith("Ngày 23/12/2015")


@pytest.mark.parametrize(
    ("title", "number", "date", "subject"),
    [
        (
            "Công văn số 1448/SNV-CCHC ngày 27/12/2016 V/v xin ý kiến vào dự thảo Kế hoạch.",
            "1448/SNV-CCHC",
            "2016-12-27",
            "xin ý kiến vào dự thảo Kế hoạch",
        ),
        (
            "Số 924/SNV-CCHC Ngày 07-9-2015 V/v báo cáo công tác CCHC quý III năm 2015.",
            "924/SNV-CCHC",
            "2015-09-07",
            "báo cáo công tác CCHC quý III năm 2015",
        ),
    ],
)
def test_portal_title_line_holds_number_day_and_subject(title, number, date, subject):
    """A province portal's title line, then its "Đăng ngày:" line (Sở Nội vụ Sơn La's site,
    real web copies, b29): number, day and trích yếu; the page's line is no part of them."""
    text = normalize(
        f"{title}\n\nĐăng ngày: 28/12/2016 14:38:11\n\nKính gửi:\n\n– Báo Sơn La;\n\n"
        "– Tỉnh đoàn.\n\nThực hiện Quyết định số 3490/QĐ-BNV ngày 10/10/2016 của Bộ Nội vụ.\n"
    ).text
    header = find_header(text)
    assert (header.number, str(header.date), header.subject) == (number, date, subject)
    assert header.recipients == ["Báo Sơn La", "Tỉnh đoàn"]


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


@pytest.mark.parametrize(
    ("wrapped", "end"),
    [("thành phố Cà", "Mau."), ("thành phố", "Cà Mau"), ("thành phố Cà", "Mau")],
)
def test_recipient_place_name_ends_on_the_next_line(wrapped, end):
    """Letters of Phòng GD&ĐT TP Cà Mau as scans (real b113): the addressee on the Kính gửi
    line, the city's name finished on the next line; the body goes on below it."""
    text = normalize(
        "Số: 348/PGDĐT\nTP. Cà Mau, ngày 02 tháng 8 năm 2019\n"
        f"Kính gửi: Hiệu trưởng các trường MN, MG, TH, THCS trực thuộc Phòng Giáo dục và Đào tạo "
        f"{wrapped}\n{end}\nCăn cứ Công văn số 1720/UBND-VX ngày 31/7/2019 của Chủ tịch Ủy ban "
        "nhân dân thành phố Cà Mau về việc thực hiện nhiệm vụ.\n"
    ).text
    header = find_header(text)
    assert header.recipients == [
        "Hiệu trưởng các trường MN, MG, TH, THCS trực thuộc Phòng Giáo dục và Đào tạo thành phố "
        "Cà Mau"
    ]


def test_recipient_place_after_a_name_that_is_no_unit_not_joined():
    """A place alone below an addressee that ends with a school's name, not with "tỉnh" or
    "thành phố", is not part of it."""
    text = normalize(
        "Số: 348/PGDĐT\nTP. Cà Mau, ngày 02 tháng 8 năm 2019\n"
        "Kính gửi: Trường THCS Nguyễn Du\nCà Mau\nThực hiện Công văn số 1720/UBND-VX.\n"
    ).text
    assert find_header(text).recipients == ["Trường THCS Nguyễn Du"]


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
        # … glued to the code with a number, in lower-case brackets, a count after brackets,
        # the draft's file path (real web copies and scans, the fourteenth session)
        ("- Lưu: VT, KGVXn1014.", "Lưu: VT, KGVX"),
        ("- Lưu: VT, KGVX(bnt).", "Lưu: VT, KGVX"),
        ("- Lưu: VT, (THKH/QT).72", "Lưu: VT, (THKH/QT)"),
        ("- Lưu: VT, NCTH.HH d:\\2011\\CV\\STC\\T4\\", "Lưu: VT, NCTH"),
        # kept: a unit "V.I" (Vụ I), a unit in brackets, the copy count
        ("- Lưu: VT, V.I.", "Lưu: VT, V.I"),
        ("- Lưu: VT, CST (PLP).", "Lưu: VT, CST (PLP)"),
        ("- Lưu: VT, TH (2).", "Lưu: VT, TH (2)"),
    ],
)
def test_closing_lưu_entry_without_its_drafter(written, kept):
    text = f"Bộ Y tế thực hiện./.\n\nNơi nhận:\n- Như trên;\n{written}\n"
    assert find_closing(text, 0, len(text)).cc == ["Như trên", kept]


def test_closing_cc_entry_without_a_lone_colon():
    """An entry's colon that no list followed is OCR's reading of its semicolon."""
    text = "Bộ Y tế thực hiện./.\n\nNơi nhận:\n- Ủy ban MTTQVN Tỉnh:\n- Lưu: VT.\n"
    assert find_closing(text, 0, len(text)).cc == ["Ủy ban MTTQVN Tỉnh", "Lưu: VT"]


# A thuvienphapluat.vn copy breaks header lines after a word or two (công văn 4240/UBND-VX
# and 3257/TNI-QLDN1, công điện 226/CĐ-TTg, quyết định 2862/QĐ-UBND Sơn La: real documents).
BROKEN_HEADER = (
    "ỦY BAN NHÂN DÂN\nTHÀNH PHỐ HỒ CHÍ MINH\n-------\nCỘNG HÒA XÃ HỘI\nCHỦ NGHĨA VIỆT NAM\n"
    "Độc lập - Tự do - Hạnh phúc\n---------------\nSố: 4240/UBND-VX\n"
    "V/v khẩn trương hoàn thành cập nhật, đồng bộ cơ sở dữ liệu cán bộ, công chức, viên chức\n"
    "Thành phố Hồ Chí\nMinh, ngày 28 tháng 11 năm 2025\nKính\ngửi:\n"
    "- Các đơn vị sự nghiệp công lập trực thuộc Ủy ban nhân dân Thành phố;\n"
    "- Ủy ban nhân dân các xã, phường.\n"
    "Thực hiện Công văn số 1/BNV ngày 1 tháng 11 năm 2025 của Bộ Nội vụ;\n"
)


def test_header_place_broken_before_the_date():
    header = find_header(BROKEN_HEADER)
    assert header.place == "Thành phố Hồ Chí Minh"
    assert header.date.isoformat() == "2025-11-28"
    assert header.subject == (
        "khẩn trương hoàn thành cập nhật, đồng bộ cơ sở dữ liệu cán bộ, công chức, viên chức"
    )


def test_header_recipients_label_broken_after_its_first_word():
    header = find_header(BROKEN_HEADER)
    assert header.recipients == [
        "Các đơn vị sự nghiệp công lập trực thuộc Ủy ban nhân dân Thành phố",
        "Ủy ban nhân dân các xã, phường",
    ]


def test_header_one_word_place_and_broken_label_after_a_wrapped_subject():
    text = (
        "CỤC THUẾ\nTHUẾ TỈNH TÂY NINH\n--------\nSố: 3257/TNI-QLDN1\nV/v thuế suất thuế\nGTGT\n"
        "Tây\nNinh, ngày 01 tháng 12 năm 2025\nKính\ngửi:\n\nCông Ty TNHH Khuôn Mẫu Yong Hong;\n"
        "Mã số thuế: 1102044417;\n"
    )
    header = find_header(text)
    assert (header.place, header.subject) == ("Tây Ninh", "thuế suất thuế GTGT")
    assert header.recipients == ["Công Ty TNHH Khuôn Mẫu Yong Hong"]


def test_header_cong_dien_label_broken_ends_the_title():
    text = (
        "THỦ TƯỚNG CHÍNH PHỦ\n-------\nSố: 226/CĐ-TTg\nHà\nNội, ngày 21 tháng 11 năm 2025\n"
        "CÔNG ĐIỆN\nVỀ VIỆC TĂNG CƯỜNG CÔNG TÁC QUẢN LÝ VÀ SỬ DỤNG HÀNG DỰ TRỮ QUỐC GIA\n"
        "THỦ\nTƯỚNG CHÍNH PHỦ điện:\n- Bộ trưởng các Bộ: Quốc phòng, Công an.\n"
    )
    header = find_header(text)
    assert header.place == "Hà Nội"
    assert header.subject == "VỀ VIỆC TĂNG CƯỜNG CÔNG TÁC QUẢN LÝ VÀ SỬ DỤNG HÀNG DỰ TRỮ QUỐC GIA"
    assert header.recipients == ["Bộ trưởng các Bộ: Quốc phòng, Công an"]


def test_header_issuer_above_the_date_line_is_no_part_of_the_place():
    header = find_header("SỞ Y TẾ\nHà Nội, ngày 02 tháng 3 năm 2025\nV/v tiêm chủng\n")
    assert header.place == "Hà Nội"
    assert [line.text for line in header.issuer_lines] == ["SỞ Y TẾ"]


@pytest.mark.parametrize(
    ("line", "place"),
    [
        ("TP. Hồ Chí Minh, ngày 23 tháng 01 năm 2008", "TP. Hồ Chí Minh"),  # 523/UBND-ĐTMT
        ("Hà Nội ngày 25 tháng 6 năm 2020", "Hà Nội"),  # 5126/VPCP-NN, no comma
    ],
)
def test_header_place_as_the_date_line_writes_it(line, place):
    header = find_header(f"VĂN PHÒNG CHÍNH PHỦ\nSố: 5126/VPCP-NN\nV/v phản ánh\n{line}\n")
    assert header.place == place
    assert header.subject == "phản ánh"


def test_header_body_sentence_dated_without_comma_is_no_date_line():
    header = find_header("Số: 12/UBND\nV/v họp\nHội nghị ngày 25 tháng 6 năm 2020 đã thống nhất.\n")
    assert header.date is None


def test_header_addressee_before_a_flattened_tables_cell_bar():
    """công văn 6368/VPCP-CN (web copy): the trích yếu's cell follows the addressee's."""
    text = (
        "Số: 6368/VPCP-CN\nHà Nội, ngày 11 tháng 9 năm 2021\nKính gửi:\n"
        "- Bộ Kế hoạch và Đầu tư; | Về đề nghị của Ủy ban nhân dân thành phố Hải Phòng\n"
    )
    assert find_header(text).recipients == ["Bộ Kế hoạch và Đầu tư"]


def test_header_addressee_list_under_its_colon():
    """công điện 226/CĐ-TTg (thuvienphapluat.vn): the ministries' list on its own line."""
    text = (
        "Số: 226/CĐ-TTg\nTHỦ TƯỚNG CHÍNH PHỦ điện:\n- Bộ trưởng các Bộ:\n"
        "Quốc phòng, Công an, Tài chính, Nông nghiệp và Môi trường, Y tế.\n"
        "- Bí thư Tỉnh ủy, Thành ủy, Chủ tịch Ủy ban nhân dân các tỉnh: Hà Tĩnh, Quảng Trị.\n"
        "Trong tháng 11 năm 2025, do mưa, lũ lớn tại khu vực Trung Bộ đã xảy ra ngập lụt.\n"
    )
    assert find_header(text).recipients == [
        "Bộ trưởng các Bộ: Quốc phòng, Công an, Tài chính, Nông nghiệp và Môi trường, Y tế",
        "Bí thư Tỉnh ủy, Thành ủy, Chủ tịch Ủy ban nhân dân các tỉnh: Hà Tĩnh, Quảng Trị",
    ]


def test_header_addressee_cut_by_a_bullet_after_its_comma():
    """công điện 223/CĐ-TTg: a copy's bullet inside the provinces' list."""
    text = (
        "Số: 223/CĐ-TTg\nTHỦ TƯỚNG CHÍNH PHỦ điện:\n"
        "- Bí thư tỉnh ủy, Chủ tịch Ủy ban nhân dân các tỉnh: Gia Lai,\n"
        "- Đắk Lắk và Khánh Hòa;\n- Các Bộ: Quốc phòng, Công an;\n"
        "Lũ trên các sông ở Khánh Hòa đang ở mức rất cao.\n"
    )
    assert find_header(text).recipients == [
        "Bí thư tỉnh ủy, Chủ tịch Ủy ban nhân dân các tỉnh: Gia Lai, Đắk Lắk và Khánh Hòa",
        "Các Bộ: Quốc phòng, Công an",
    ]


@pytest.mark.parametrize(
    ("first", "second", "signer"),
    [
        ("Vũ", "Chiến Thắng", "Vũ Chiến Thắng"),  # công văn 10989/BNV-TCBC
        ("Lê Tấn", "Cận", "Lê Tấn Cận"),  # công văn 17986/BTC-CT
        ("Phạm", "Mạnh Cường", "Phạm Mạnh Cường"),  # công văn 11583/VPCP-CN
    ],
)
def test_closing_signer_name_broken_over_two_lines(first, second, signer):
    """thuvienphapluat.vn copies break the signer's name after a word or two."""
    text = (
        "Đề nghị bộ, ngành, địa phương quan tâm thực hiện./.\n\nNơi nhận:\n- Như trên;\n"
        f"- Lưu: VT, TCBC.\n\nKT. BỘ TRƯỞNG\nTHỨ TRƯỞNG\n{first}\n{second}\n\n"
        "Công văn 10989/BNV-TCBC năm 2025 đề xuất biên chế\n"
    )
    closing = find_closing(text, 0, len(text))
    assert (closing.signer, closing.signer_title) == (signer, "Thứ trưởng")


def test_header_title_word_above_a_whole_cong_dien_label_stays_in_the_title():
    """công điện 229/CĐ-TTg: "… NHỮNG NĂM TIẾP" / "THEO" / "THỦ TƯỚNG CHÍNH PHỦ điện:"."""
    text = (
        "THỦ TƯỚNG CHÍNH PHỦ\n-------\nSố: 229/CĐ-TTg\nHà Nội, ngày 22 tháng 11 năm 2025\n"
        "CÔNG ĐIỆN\nVỀ TẠO ĐÀ, TẠO LỰC CHO NHỮNG NĂM TIẾP\nTHEO\nTHỦ TƯỚNG CHÍNH PHỦ điện:\n"
        "- Các Bộ, cơ quan ngang Bộ.\n"
    )
    header = find_header(text)
    assert header.subject == "VỀ TẠO ĐÀ, TẠO LỰC CHO NHỮNG NĂM TIẾP THEO"
    assert header.recipients == ["Các Bộ, cơ quan ngang Bộ"]


def test_header_trich_yeu_ending_in_a_place_above_the_date_line():
    """công văn 6651/VPCP-CN: "V/v … tại TP." / "Hồ Chí Minh" / "Hà Nội, ngày …"."""
    text = (
        "VĂN PHÒNG CHÍNH PHỦ\nSố: 6651/VPCP-CN\nV/v xử lý sự cố công trình xây dựng tại TP.\n"
        "Hồ Chí Minh\nHà Nội, ngày 20 tháng 11 năm 2007\nKính gửi: Bộ Xây dựng\n"
    )
    header = find_header(text)
    assert header.place == "Hà Nội"
    assert header.subject == "xử lý sự cố công trình xây dựng tại TP. Hồ Chí Minh"


def test_header_trich_yeu_after_ve_and_its_colon():
    """công văn 2865/GDĐT-KT&KĐCL (Sở GD&ĐT TP. Hồ Chí Minh): "Về:" stands for "V/v"."""
    text = (
        "SỞ GIÁO DỤC VÀ ĐÀO TẠO\nSố: 2865/GDĐT –KT&KĐCL\n"
        "Về: tham gia ý kiến về dự thảo Quy chế thi tốt nghiệp THPT.\n"
        "Tp.Hồ Chí Minh, ngày 07 tháng 12 năm 2007\n"
    )
    assert find_header(text).subject == "tham gia ý kiến về dự thảo Quy chế thi tốt nghiệp THPT"


def test_header_number_right_after_the_colon():
    """công văn 10988/BNV-CQĐP (thuvienphapluat.vn): "Số:10988/BNV-CQĐP", no space."""
    assert _numbered("BỘ NỘI VỤ\nSố:10988/BNV-CQĐP\n", "10988/BNV-CQĐP")


def test_header_addressees_each_ending_with_a_comma_stay_apart():
    """công văn 10988/BNV-CQĐP: every entry ends with ","."""
    text = (
        "Số: 10988/BNV-CQĐP\nKính gửi:\n- Ban Tuyên giáo và Dân vận Trung ương,\n"
        "- Bộ Văn hóa, Thể thao và Du lịch,\n- Báo Nhân dân.\n"
        "Thời gian gần đây, trên các trang mạng xã hội xuất hiện thông tin sai lệch.\n"
    )
    assert find_header(text).recipients == [
        "Ban Tuyên giáo và Dân vận Trung ương",
        "Bộ Văn hóa, Thể thao và Du lịch",
        "Báo Nhân dân",
    ]


def test_header_title_subject_with_a_one_letter_first_line():
    """thông báo 653/TB-VPCP (thuvienphapluat.vn): "Ý" broken off "KIẾN CHỈ ĐẠO …"."""
    text = (
        "VĂN PHÒNG CHÍNH PHỦ\nSố: 653/TB-VPCP\nHà Nội, ngày 28 tháng 11 năm 2025\nTHÔNG BÁO\nÝ\n"
        "KIẾN CHỈ ĐẠO CỦA PHÓ THỦ TƯỚNG CHÍNH PHỦ BÙI THANH SƠN\n"
        "Ngày 20 tháng 11 năm 2025, Phó Thủ tướng Chính phủ đã đi khảo sát.\n"
    )
    assert find_header(text).subject == "Ý KIẾN CHỈ ĐẠO CỦA PHÓ THỦ TƯỚNG CHÍNH PHỦ BÙI THANH SƠN"


def test_closing_authority_prefix_without_its_dot():
    """công văn 5155/SGDĐT-GDTXNNĐH (thuvienphapluat.vn): "KT GIÁM ĐỐC"."""
    text = (
        "Liên hệ để được hỗ trợ./.\n\nNơi nhận:\n- Như trên;\n- Lưu: VT, GDTXNNĐH (ĐPT).\n\n"
        "KT GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\nTrương Hải Thanh\n"
    )
    closing = find_closing(text, 0, len(text))
    assert (closing.signing_authority, closing.signer_title, closing.signer) == (
        "KT. Giám đốc",
        "Phó Giám đốc",
        "Trương Hải Thanh",
    )


def test_closing_position_alone_before_site_text():
    """công văn 927/TTg-KTTH (web copy): "THỦ TƯỚNG" is all that is left of the signature."""
    text = (
        "hoàn trả ngân sách trung ương số vốn tạm ứng nêu trên./.\nNơi nhận:\nTHỦ TƯỚNG\n"
        "Ý kiến bạn đọc\nNhấp vào nút tại mỗi ô tìm kiếm.\n"
    )
    closing = find_closing(text, 0, len(text))
    assert (closing.signer_title, closing.signer) == ("Thủ tướng", None)


def test_header_addressees_after_a_colon_each_ending_with_a_comma_stay_apart():
    """công văn 563/UBND-CN.XDCB Bắc Ninh: the first entry names the Sở after a colon."""
    text = (
        "Số: 563/UBND –CN.XDCB\nKính gửi:\n\n-Các sở: xây dựng, tài nguyên và môi trường,\n"
        "- UBND huyện từ sơn,\n- UBND xã đồng quang.\n\nThực hiện chỉ đạo của Tỉnh ủy.\n"
    )
    assert find_header(text).recipients == [
        "Các sở: xây dựng, tài nguyên và môi trường",
        "UBND huyện từ sơn",
        "UBND xã đồng quang",
    ]


def test_header_kinh_gui_under_a_portal_v_v_line_is_no_part_of_the_subject():
    """công văn 4340/BVHTTDL-DSVH (cinet.vn): "Công văn" / "V/v …" / "Kính gửi: …" / "Ngày …"."""
    text = (
        "4340/BVHTTDL –DSVH\n\nCông văn\nV/v chủ trương đăng ký Khu di tích Óc Eo - Ba Thê\n\n"
        "Kính gửi: Ủy ban quốc gia UNESCO Việt Nam\n\n"
        "Ngày 26/6/2015, Bộ Văn hóa, Thể thao và Du lịch có Công văn số 48/BVHTTDL-DSVH.\n"
    )
    header = find_header(text)
    assert header.subject == "chủ trương đăng ký Khu di tích Óc Eo - Ba Thê"
    assert header.recipients == ["Ủy ban quốc gia UNESCO Việt Nam"]


def test_closing_authority_wrapped_before_the_signers_title():
    """công văn 554/UBND-KT An Giang: "TL. CHỦ TỊCH ỦY" / "BAN NHÂN DÂN TỈNH" / "CHÁNH VĂN
    PHÒNG"."""
    text = (
        "Ủy ban nhân dân tỉnh An Giang yêu cầu UBND huyện khẩn trương thực hiện./.\n\nNơi nhận:\n"
        "- Lưu VP, P.KT, VHXH.\n\nTL. CHỦ TỊCH ỦY\nBAN NHÂN DÂN TỈNH\nCHÁNH VĂN PHÒNG\n"
        "Thái Hữu Phép\n"
    )
    closing = find_closing(text, 0, len(text))
    assert closing.signing_authority.casefold() == "tl. chủ tịch ủy ban nhân dân tỉnh"
    assert (closing.signer_title, closing.signer) == ("Chánh Văn phòng", "Thái Hữu Phép")


def test_closing_scribble_before_the_signers_name():
    """A .docx of Sở Nội vụ Lâm Đồng keeps the signature's scribble as letters: "Hdfđ"."""
    text = (
        "Kính trình UBND tỉnh xem xét./.\n\nNơi nhận:\n- Như trên;\n- Lưu: VT, TCBC.\n\n"
        "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\nHdfđ Nguyễn Đức Vũ\n"
    )
    assert find_closing(text, 0, len(text)).signer == "Nguyễn Đức Vũ"


def test_closing_signature_under_the_appendix_heading_read_before_it():
    """kế hoạch 362/KH-SGDĐT Đồng Tháp (PDF): "Phụ lục I" read above the signature block."""
    from vbparse.segment.closing import sign_under_heading

    text = (
        "Các trường liên hệ để trao đổi./.\nNơi nhận:\n- Các trường THPT (để thực hiện);\n"
        "- Lưu VT, GDPT. Hiển (3b).\nPhụ lục I\nKT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\nNguyễn Phương Toàn\n"
        "DANH SÁCH CÁC TRƯỜNG THAM GIA LÀM VIỆC\n"
    )
    heading = text.index("Phụ lục I")
    closing = find_closing(text, 0, heading)
    assert closing.signer is None
    sign_under_heading(closing, text, heading)
    assert (closing.signing_authority, closing.signer_title, closing.signer) == (
        "KT. Giám đốc",
        "Phó Giám đốc",
        "Nguyễn Phương Toàn",
    )


def test_closing_appendix_heading_without_a_signature_under_it_signs_nothing():
    from vbparse.segment.closing import Closing, sign_under_heading

    text = "Phụ lục I\nDANH SÁCH CÁC TRƯỜNG\nNguyễn Văn An\n"
    closing = Closing(body_end=0)
    sign_under_heading(closing, text, 0)
    assert closing.signer is None


def test_header_sentence_case_title_over_two_lines_before_the_legal_basis():
    """kế hoạch 58/KH-THPTCL2 Đồng Tháp (PDF): the title's tail opens with a capital."""
    text = (
        "TRƯỜNG THPT CAO LÃNH 2\nSố: 58/KH-THPTCL2\nĐồng Tháp, ngày 15 tháng 4 năm 2026\nKẾ HOẠCH\n"
        "Tổ chức sinh hoạt chuyên môn môn Lịch sử\nCụm 2 năm học 2025 - 2026\n"
        "Căn cứ Kế hoạch 620/KH-SGDĐT ngày 26/12/2025 của Sở Giáo dục và Đào tạo Đồng Tháp;\n"
    )
    header = find_header(text)
    assert header.subject == "Tổ chức sinh hoạt chuyên môn môn Lịch sử Cụm 2 năm học 2025 - 2026"


def test_header_title_then_the_first_legal_basis_stays_in_the_body():
    text = (
        "ỦY BAN NHÂN DÂN\nSố: 5/KH-UBND\nKẾ HOẠCH\nTriển khai chuyển đổi số năm 2025\n"
        "Căn cứ Luật Tổ chức chính quyền địa phương;\nCăn cứ Nghị quyết số 57-NQ/TW;\n"
    )
    assert find_header(text).subject == "Triển khai chuyển đổi số năm 2025"


def test_header_addressee_wrapped_before_a_comma():
    """công văn 1468/STP-BTTP Lâm Đồng (PDF): the wrapped entry ends with ","."""
    text = (
        "SỞ TƯ PHÁP\nSố: 1468 /STP-BTTP\nKính gửi:\n"
        "- Ban Chủ nhiệm các Đoàn Luật sư tỉnh Đắk Nông, tỉnh\n"
        "Bình Thuận và tỉnh Lâm Đồng (cũ),\n- Ban chấp hành lâm thời Hội công chứng viên.\n"
        "Thực hiện Nghị quyết số 202/2025/QH15 ngày 12/6/2025 của Quốc hội.\n"
    )
    assert find_header(text).recipients == [
        "Ban Chủ nhiệm các Đoàn Luật sư tỉnh Đắk Nông, tỉnh Bình Thuận và tỉnh Lâm Đồng (cũ)",
        "Ban chấp hành lâm thời Hội công chứng viên",
    ]


def test_header_addressee_position_with_its_body_on_the_next_line():
    """công văn 11520/VPCP-CN (thuvienphapluat.vn): "Kính gửi: Bộ trưởng" / "Bộ Công Thương"."""
    text = (
        "Số: 11520/VPCP-CN\nHà Nội, ngày 25 tháng 11 năm 2025\n"
        "Kính gửi: Bộ trưởng\nBộ Công Thương\n"
        "Xét đề nghị của Bộ Công Thương tại Tờ trình số 8798/TTr-BCT ngày 07 tháng 11 năm 2025.\n"
    )
    assert find_header(text).recipients == ["Bộ trưởng Bộ Công Thương"]


@pytest.mark.parametrize(
    ("month", "date", "read_as"),
    [
        ("|2", "2025-12-03", "03 tháng |2"),  # "|" is OCR's look-alike of 1: the month 12
        ("|?", None, None),  # "?" is no digit: the date is not guessed
    ],
)
def test_header_damaged_date_line_between_kinh_gui_and_its_bullets(month, date, read_as):
    """công văn 40090/CHQ-GSQL (a PDF with a scanner's text layer): the date line's digits
    are damaged; its place is read, the bullets are addressees."""
    text = (
        "BO TAI CHINH\nV/v kiểm tra, giám sát hàng hóa\nKính gửi:\n"
        "CONG HOA XA HOI CHU NGHIA VIET NAM\nĐộc lập - Tự do - Hanh phúc\n"
        f"Hà Nội, ngay03 tháng {month} năm 2025\n- Các Chi cục Hải quan khu vực;\n"
        "- Chi cục Điêu tra chong buôn lậu.\nCục Hải quan nhận được Đơn đề nghị.\n"
    )
    header = find_header(text)
    found = header.date.isoformat() if header.date else None
    assert (header.place, found, header.date_read_as) == ("Hà Nội", date, read_as)
    assert header.recipients == ["Các Chi cục Hải quan khu vực", "Chi cục Điêu tra chong buôn lậu"]


@pytest.mark.parametrize(
    ("line", "date"),
    [
        ("Bắc Giang, ngày 14 tháng II năm 2012", "2012-11-14"),  # 403/KCN-VP, real scan
        ("Bắc Giang, ngày 07 tháng I] năm 2012", "2012-11-07"),  # 1139/BĐH, real scan
        ("Bắc Giang, ngàyAŠ tháng I1 năm 2012", None),  # 405/KCN-LĐ: the day unreadable
        ("Bắc Giang, ngày 14 tháng Il năm 2012", "2012-11-14"),
        ("Bắc Giang, ngày 14 tháng I3 năm 2012", None),  # no month 13
    ],
)
def test_header_scan_date_line_with_handwritten_digits_ends_the_subject(line, date):
    """A scan's date line whose month OCR read as letters ("tháng II") is the date line,
    not a line of the trích yếu above it (it was read into the subject, place and date
    lost); the month is read when its letters are look-alikes of 1 and the date is real."""
    text = (
        "UBND TỈNH BẮC GIANG\nBAN QUẢN LÝ CÁC KCN\nSố: 403/KCN-VP\n"
        "V/v: Đăng ký chương trình xây dựng VBQPPL 2013\n"
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
        f"{line}\nKính gửi:\n- Văn phòng UBND tỉnh Bắc Giang;\n- Sở Tư pháp tỉnh Bắc Giang.\n"
        "Căn cứ Văn bản số 2692/UBND-NC ngày 13/11/2012 của Chủ tịch UBND tỉnh.\n"
    )
    header = find_header(text)
    assert header.subject == "Đăng ký chương trình xây dựng VBQPPL 2013"
    assert header.place == "Bắc Giang"
    assert (header.date.isoformat() if header.date else None) == date
    assert header.recipients == ["Văn phòng UBND tỉnh Bắc Giang", "Sở Tư pháp tỉnh Bắc Giang"]


def test_header_scan_with_its_subject_label_and_motto_misread():
    """công văn 406/KCN-QHMT (scan, real b51): OCR read "V/v:" as "VA:", one dash of the tiêu
    ngữ as two, and a speck of the stamp as a line of capitals before a date line whose month
    is "1]"; the date line is still the header's (its place was lost)."""
    text = (
        "UBND TỈNH BẮC GIANG\nBAN QUẢN LÝ CÁC KCN\nSố: 4/KCN-QHMT\n"
        "VA: Triển khai kế hoạch quan trắc môi trường năm 2012\n"
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nỊA\nĐộc lập —- Tự do - Hạnh phúc\n"
        "Bắc Giang, ngày 6 tháng 1] năm 2012\n2.\n"
        "Thực hiện chương trình quan trắc đánh giá hiện trạng môi trường năm 2012.\n"
    )
    header = find_header(text)
    assert header.subject is not None
    assert header.subject.startswith("Triển khai kế hoạch quan trắc môi trường năm 2012")
    assert (header.place, header.date.isoformat()) == ("Bắc Giang", "2012-11-06")


def test_closing_authority_prefix_read_with_a_comma():
    """quyết định 1462/QĐ-UBND (scan, real b51): OCR read "KT." as "KT,"."""
    text = (
        "Điều 2. Thủ trưởng các cơ quan căn cứ Quyết định thi hành./.\nNơi nhận:\n- Như điều 2;\n"
        "- Lưu VT, NN.\nKT, CHỦ TỊCH\nPHÓ CHỦ TỊCH\nNguyễn Văn Linh\n"
    )
    closing = find_closing(text, 0, len(text))
    assert (closing.signing_authority, closing.signer_title) == ("KT. Chủ tịch", "Phó Chủ tịch")


def test_header_damaged_date_line_with_its_digits_read():
    """công văn 40091/CHQ-GSQL: "Hà Nội, ngày 03 thang 12 năm 2025"" (a mark and a quote)."""
    text = 'BO TAI CHINH\nKính gửi:\nHà Nội, ngày 03 thang 12 năm 2025"\n- Các Chi cục Hải quan;\n'
    header = find_header(text)
    assert (header.place, header.date.isoformat()) == ("Hà Nội", "2025-12-03")


def test_header_blank_addressee_names_nobody():
    """công văn 4416/BNN-TCLN (web copy of a letter sent to many): "Kínhgửi: ………"."""
    text = "Số: 4416/BNN-TCLN\nKính gửi:  ..............................\n\nThực hiện.\n"
    assert find_header(text).recipients == []


def test_header_date_from_look_alikes_is_reported():
    """The date read from "tháng II" is kept with a warning to check it (issue 11 item 6)."""
    from vbparse import parse_text

    text = (
        "UBND TỈNH BẮC GIANG\nBAN QUẢN LÝ CÁC KCN\nSố: 403/KCN-VP\nV/v: Đăng ký chương trình\n"
        "Bắc Giang, ngày 14 tháng II năm 2012\nKính gửi: Sở Tư pháp tỉnh Bắc Giang.\n"
        "Đề nghị Sở Tư pháp tổng hợp.\n"
    )
    doc = parse_text(text)
    assert doc.date.isoformat() == "2012-11-14"
    assert any('"ngày 14 tháng II"' in w.message for w in doc.warnings)


def test_page_lines_above_the_issuer_are_not_the_header():
    """A web copy opens with the page's own lines, a date among them, above the issuer
    (công văn 1551/UBND-VX Thành phố Hồ Chí Minh, real, b09): the header, its Kính gửi list
    included, is read from the issuer down."""
    text = normalize(
        "Thành phố Hồ Chí Minh, ngày 07 tháng 4 năm 2016tải về 10.7 Kb.\n"
        "Chuyển đổi dữ liệu17.08.2016\nKích10.7 Kb.\n\n\nỦY BAN NHÂN DÂN\n\n"
        "THÀNH PHỐ HỒ CHÍ MINH\n\nstraight connector 2Số: 1551 /UBND-VX\n\n"
        "Về việc thực hiện Đề án Kiểm soát\n\n\nmất cân bằng giới tính khi sinh\n"
        "giai đoạn 2016 - 2025\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\n\n"
        "straight connector 1Độc lập - Tự do - Hạnh phúc\n\n"
        "Thành phố Hồ Chí Minh, ngày 07 tháng 4 năm 2016\nKính gửi:\n\n- Sở Y tế;\n\n"
        "- Sở Tài chính;\n\n- Ủy ban nhân dân các quận - huyện.\n\n\n"
        "Thực hiện Quyết định số 468/QĐ-TTg ngày 23 tháng 3 năm 2016 của Thủ tướng Chính phủ;\n"
    ).text
    header = find_header(text)
    assert header.recipients == ["Sở Y tế", "Sở Tài chính", "Ủy ban nhân dân các quận - huyện"]
    assert text[header.body_start :].lstrip().startswith("Thực hiện Quyết định số 468")


def test_issuer_with_an_en_dash_is_the_known_ministry():
    """The issuer "BỘ LAO ĐỘNG – THƯƠNG BINH VÀ XÃ HỘI" with an en dash (công văn 2864/LĐTBXH-NCC as
    crawled, real) is the ministry as the gazetteer names it, not "Bộ lao động – …"."""
    from vbparse.pipeline import parse_text

    doc = parse_text(
        "BỘ LAO ĐỘNG – THƯƠNG BINH VÀ XÃ HỘI\nSố: 2864/LĐTBXH-NCC\n"
        "Hà Nội, ngày 22 tháng 07 năm 2015\nV/v giải quyết chế độ\n\n"
        "Kính gửi: Ủy ban nhân dân tỉnh Long An\n\nĐề nghị Ủy ban nhân dân tỉnh rà soát.\n"
    )
    assert doc.issuer == "Bộ Lao động - Thương binh và Xã hội"


def test_ocr_motto_with_a_wrong_mark_glued_to_the_issuer():
    """OCR of a signed letter (công văn 10943/BYT-MT as a tax dataset holds it, real): the quốc
    hiệu with a wrong mark ("CỘNG HÕA") after the issuer on one line, a letter-spaced number
    and day. The issuer is the ministry alone; number and day are read whole."""
    from vbparse.pipeline import parse_text

    doc = parse_text(
        "BỘ Y TẾ CỘNG HÕA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "Độc lập - Tự do - Hạnh phúc\n"
        "Số: 1 0 9 4 3 /BYT-MT Hà Nội, ngày 2 4 tháng 12 năm 2021\n"
        "V/v Hướng dẫn y tế phòng, chống dịch COVID-19.\n"
        "Kính gửi: Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương.\n"
        "Bộ Y tế đề nghị Ủy ban nhân dân các tỉnh, thành phố chỉ đạo thực hiện.\n"
    )
    assert (doc.issuer, doc.number, str(doc.date)) == ("Bộ Y tế", "10943/BYT-MT", "2021-12-24")


def test_cable_copy_without_header_takes_its_sender_as_issuer():
    """A web copy of a công điện that starts at its title (thuvienphapluat Markdown, công điện
    of the Prime Minister on the Central floods, November 2025, real): the address line
    "THỦ TƯỚNG CHÍNH PHỦ điện:" names the issuer."""
    from vbparse.pipeline import parse_text

    doc = parse_text(
        "**CÔNG ĐIỆN**\n\nV/V TẬP TRUNG ỨNG\nPHÓ VÀ KHẮC PHỤC HẬU QUẢ MƯA LŨ\n\n"
        "**THỦ TƯỚNG CHÍNH PHỦ điện:**\n\n"
        "- Bộ trưởng, Thủ trưởng cơ quan ngang bộ, cơ quan thuộc Chính phủ.\n\n"
        "1. Bộ Quốc phòng chỉ đạo lực lượng quân đội hỗ trợ người dân.\n"
    )
    assert (doc.type, doc.issuer) == ("CĐ", "Thủ tướng Chính phủ")
    kinh_gui = parse_text("BỘ Y TẾ\nSố: 12/BYT-MT\nKính gửi: Bộ Tài chính.\nĐề nghị Bộ Tài chính.")
    assert kinh_gui.issuer == "Bộ Y tế"


@pytest.mark.parametrize(
    ("issuer_lines", "issuer"),
    [
        # a name wrapped before its "VÀ" (công văn 79/TTTT-CTGD, real PDF)
        (
            "SỞ GIÁO DỤC VÀ ĐÀO TẠO\nTHÀNH PHỐ HỒ CHÍ MINH\nTRUNG TÂM THÔNG TIN\n"
            "VÀ CHƯƠNG TRÌNH GIÁO DỤC",
            "Trung tâm thông tin và chương trình giáo dục",
        ),
        # ... and an OCR that lost a mark (công văn 1312/LĐTBXH-ATLĐ as a tax dataset holds it)
        ("BỘ LAO ĐỘNG - THUONG BINH\nVA XA HOI", "Bộ Lao động - Thương binh và Xã hội"),
        # a web copy without spaces round the dash (công văn 1040/LĐTBXH-NCC)
        ("BỘ LAO ĐỘNG-THƯƠNG BINH VÀ XÃ HỘI", "Bộ Lao động - Thương binh và Xã hội"),
        # OCR ran two words together and gave a wrong mark (công văn 860/BHXH-BT)
        ("BẢO HIẾM XA HỘI VIETNAM", "Bảo hiểm xã hội Việt Nam"),
        # OCR specks in front (công văn 10315/BTC-TCT as a tax dataset holds it)
        ("6“ BỘ TÀI CHÍNH", "Bộ Tài chính"),
        # the issuer's second line beside the tiêu ngữ, an em dash and "Hanh" (Tổng cục Thuế's
        # letters as OCR text, real batch b37)
        ("BO TAI CHINH\nTONG CUC THUE Độc lập — Tự do - Hanh phúc", "Tổng cục Thuế"),
    ],
)
def test_damaged_issuer_lines_name_the_known_body(issuer_lines, issuer):
    from vbparse.pipeline import parse_text

    doc = parse_text(
        f"{issuer_lines}\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
        "Số: 79/CV\nHà Nội, ngày 19 tháng 11 năm 2025\nKính gửi: Các cơ sở giáo dục.\n"
        "Đề nghị các cơ sở giáo dục thực hiện.\n"
    )
    assert doc.issuer.casefold() == issuer.casefold()


def test_ocr_marks_on_the_list_labels():
    """OCR text of signed letters (real batch b37): "Kỉnh gửì:" opens the Kính gửi list and
    "Noi nhén:" the Nơi nhận list, each with its colon."""
    from vbparse.pipeline import parse_text

    doc = parse_text(
        "BỘ Y TẾ\nSố: 10688/BYT-MT\nHà Nội, ngày 16 tháng 12 năm 2021\n"
        "Kỉnh gửì:\n- Các Bộ, cơ quan ngang Bộ, cơ quan thuộc Chính phủ;\n"
        "- Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương.\n"
        "Bộ Y tế đề nghị các Bộ, ngành thực hiện.\n"
        "Noi nhén:\n- Như trên;\n- Lưu: VT, MT.\n"
    )
    assert len(doc.recipients) == 2
    assert [c for c in doc.cc] == ["Như trên", "Lưu: VT, MT"]


def test_ocr_signature_titles_take_their_known_form():
    """OCR of a signature that lost the marks ("KT. TONG CUC TRUONG", "PHO TONG CUC TRUONG",
    letters of Tổng cục Thuế as OCR text, real batch b37): the known positions, marked."""
    from vbparse.pipeline import parse_text

    doc = parse_text(
        "BỘ TÀI CHÍNH\nTỔNG CỤC THUẾ\nSố: 1770/TCT-TTKT\nHà Nội, ngày 12 tháng 5 năm 2020\n"
        "Kính gửi: Cục Thuế các tỉnh, thành phố trực thuộc Trung ương.\n"
        "Tổng cục Thuế đề nghị Cục Thuế các tỉnh, thành phố thực hiện.\n"
        "Nơi nhận:\n- Như trên;\n- Lưu: VT, TTKT.\nKT. TONG CUC TRUONG\nPHO TONG CUC TRUONG\n"
        "Đặng Ngọc Minh\n"
    )
    assert (doc.signing_authority, doc.signer_title) == (
        "KT. Tổng cục trưởng",
        "Phó Tổng cục trưởng",
    )


def test_ocr_speck_before_the_kinh_gui_label():
    """ "ae” Kính gửi: Cục Thuế …" (công văn 4254/TCT-KK as OCR text, real b38): a speck before
    the label on its line; the addressee is still read."""
    from vbparse.pipeline import parse_text

    doc = parse_text(
        "BỘ TÀI CHÍNH\nTỔNG CỤC THUẾ\nSố: 4254/TCT-KK\nHà Nội, ngày 16 tháng 9 năm 2016\n"
        "ae” Kính gửi: Cục Thuế các tỉnh, thành phố trực thuộc Trung ương\n"
        "Tổng cục Thuế đề nghị Cục Thuế các tỉnh, thành phố thực hiện.\n"
    )
    assert doc.recipients == ["Cục Thuế các tỉnh, thành phố trực thuộc Trung ương"]


@pytest.mark.parametrize(
    "line",
    [
        "Hà Nội. ngày OF tháng 7 năm 2024",  # comma read as a full stop
        "Hà Nội, ngày,4Êtháng 4 năm 2022",  # a mark after "ngày", "tháng" glued
        "Hà Nội, ngày) § tháng 01 năm 2022",
        "Hà Nội, ngày Ì Ï tháng 9{ năm 2023",  # the day's digits read as two letters
        "Hà Nội, ngày âÄ*háng 4 năm 2025",  # the t of "tháng" lost (công điện 29/CĐ-TTg)
    ],
)
def test_ocr_damaged_date_line_still_gives_its_place(line):
    """Date lines of OCR'd letters of Tổng cục Thuế and Tổng cục Hải quan (real b37/b38): the
    day is not a number, the place is still read; the day is not guessed."""
    from vbparse.pipeline import parse_text

    doc = parse_text(
        f"BỘ TÀI CHÍNH\nTỔNG CỤC HẢI QUAN\nSố: 370/TCHQ-TXNK\n{line}\n"
        "Kính gửi: Cục Hải quan các tỉnh, thành phố.\nĐề nghị thực hiện.\n"
    )
    assert (doc.place, doc.date) == ("Hà Nội", None)


@pytest.mark.parametrize(
    ("line", "subject"),
    [
        ("Viv thông báo hiệu lực của Hiệp định MAAC", "thông báo hiệu lực của Hiệp định MAAC"),
        ("VW giải đáp vướng mắc", "giải đáp vướng mắc"),
        ("._ V/v xử lý thuế đối với phế liệu", "xử lý thuế đối với phế liệu"),
        # a web copy without the slash (công văn 3029/BGDĐT-KTKĐCLGD, real b75)
        ("Vv lịch, thời gian biểu thi THPT quốc gia", "lịch, thời gian biểu thi THPT quốc gia"),
    ],
)
def test_ocr_subject_label(line, subject):
    """ "V/v" as OCR reads it in letters of ministries (real batches b33/b37), or a web copy
    writes it."""
    from vbparse.pipeline import parse_text

    doc = parse_text(
        f"BỘ TÀI CHÍNH\nSố: 2862/BTC-HTQT\nHà Nội, ngày 04 tháng 7 năm 2024\n{line}\n"
        "Kính gửi: Cục Thuế các tỉnh, thành phố.\nĐề nghị thực hiện.\n"
    )
    assert doc.subject == subject


def test_ocr_cc_entries_without_specks_and_signature_tails():
    """Nơi nhận of OCR'd letters of ministries (real batches b37/b38): a speck read as an entry,
    the signature column's title after an entry's ";" — none of it an
    addressee; a unit's code ("V24") and a Lưu line's own parts stay."""
    from vbparse.pipeline import parse_text

    doc = parse_text(
        "BỘ TÀI CHÍNH\nSố: 10315/BTC-TCT\nHà Nội, ngày 25 tháng 7 năm 2016\n"
        "Kính gửi: Cục Thuế các tỉnh, thành phố.\nĐề nghị các Cục Thuế thực hiện./.\n"
        "Nơi nhận:\n- /Đ_——\n- Như trên; PHÓ TỔNG GIÁM ĐỐC\n- Lãnh đạo TCT; À\n- V24;\n"
        "- Lưu: VT; Cục DSVH(3); NHN, 320\n"
    )
    assert doc.cc == ["Như trên", "Lãnh đạo TCT", "V24", "Lưu: VT; Cục DSVH(3); NHN, 320"]


def test_authority_line_run_onto_the_subject_is_cut():
    """A quyết định's trích yếu with the committee's line run onto its end (quyết định
    2858/QĐ-UBND Thành phố Hồ Chí Minh, real PDF); a subject in capitals keeps its words."""
    from vbparse.pipeline import parse_text

    doc = parse_text(
        "ỦY BAN NHÂN DÂN\nTHÀNH PHỐ HỒ CHÍ MINH\nSố: 2858/QĐ-UBND\n"
        "Thành phố Hồ Chí Minh, ngày 21 tháng 11 năm 2025\nQUYẾT ĐỊNH\n"
        "Về bổ sung dự toán ngân sách Thành phố năm 2025 của Quốc hội ỦY BAN NHÂN DÂN THÀNH PHỐ"
        " HỒ CHÍ MINH\nCăn cứ Luật Ngân sách nhà nước ngày 25 tháng 6 năm 2015;\nQUYẾT ĐỊNH:\n"
        "Điều 1. Bổ sung dự toán.\nĐiều 2. Sở Tài chính chủ trì thực hiện.\n"
    )
    assert doc.subject == "Về bổ sung dự toán ngân sách Thành phố năm 2025 của Quốc hội"


@pytest.mark.parametrize(
    "line",
    [
        "CỘNG HÒA XÃ HỘI CHỦ 'NGHĨA VIỆT NAM",  # kế hoạch 353/KH-BĐH (scan, real b51)
        "Độc lập - Tự do - Hạnh phác",  # the same scan
        "Độc lập —- Tự do - Hạnh phúc",  # công văn 406/KCN-QHMT (scan, real b51)
        "Doc lap - Tw do - Hanh phic",  # công văn 5533/TCHQ-TXNK (OCR text, real b38)
        "Độc ộc lân lập - - Tư Tự do do - - Hạnh phúc",  # công văn 1139/BĐH (scan, real b25)
    ],
)
def test_motto_as_ocr_reads_it_is_no_issuer(line):
    """The quốc hiệu and tiêu ngữ with OCR's specks and a lost mark are the motto, not a line
    of the issuer's name."""
    from vbparse.segment.header_lines import is_motto

    assert is_motto(line)


def test_closing_cc_entries_run_together_with_their_purposes():
    """công văn 1040/LĐTBXH-NCC as Markdown (real b33): a copy ran the Nơi nhận onto one line,
    the purpose a brace set beside each entry after its ";"; the purpose is the entry's."""
    text = (
        "Đề nghị thực hiện./.\nNơi nhận: - Như trên; - UB các vấn đề XH của QH; (để báo cáo) - "
        "Ban Dân nguyện của QH; (để báo cáo) - Bộ Y tế; (để phối hợp) - TW Hội CCB; - Lưu: VT, "
        "Cục NCC.\nKT. BỘ TRƯỞNG\nTHỨ TRƯỞNG\nBùi Hồng Lĩnh\n"
    )
    assert find_closing(text, 0, len(text)).cc == [
        "Như trên",
        "UB các vấn đề XH của QH (để báo cáo)",
        "Ban Dân nguyện của QH (để báo cáo)",
        "Bộ Y tế (để phối hợp)",
        "TW Hội CCB",
        "Lưu: VT, Cục NCC",
    ]


def test_scan_header_with_specks_beside_the_issuer_and_the_subject():
    """The header of chỉ thị 02/CT-TTg and công điện 29/CĐ-TTg as OCR read their scans (real
    b04/b05): the emblem read as "man" after the issuer's capitals, the number handwritten
    and unread, "Về" read "và" under the title; the issuer and the trích yếu are still read,
    and a date line whole is still a date."""
    from vbparse.pipeline import parse_text

    doc = parse_text(
        "THỦ TƯỚNG CHÍNH PHỦ man\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "Độc lập - Tự do - Hạnh phúc\nSỐ: Ô?ˆ JGT-TTs Hà Nội, ngày 30 tháng 01 năm 2026\n"
        "CÔNG ĐIỆN\nvà đẩy mạnh công tác phòng ngừa tội phạm công nghệ cao\n"
        "THỦ TƯỚNG CHÍNH PHỦ điện:\n- Bộ trưởng Bộ Công an.\n"
        "Bộ Công an chủ trì thực hiện.\n"
    )
    assert (doc.issuer, doc.date.isoformat()) == ("Thủ tướng Chính phủ", "2026-01-30")
    assert doc.subject == "Về đẩy mạnh công tác phòng ngừa tội phạm công nghệ cao"


def test_scan_speck_before_the_authoritys_body():
    """ "TM. 'ỦY BAN NHÂN DÂN" (kế hoạch 70/KH-UBND Cần Thơ, real scan): the speck OCR read
    is no part of on whose behalf the plan is signed."""
    from vbparse.pipeline import parse_text

    doc = parse_text(
        "ỦY BAN NHÂN DÂN\nTHÀNH PHỐ CẦN THƠ\nSố: 70/KH-UBND\n"
        "Cần Thơ, ngày 20 tháng 3 năm 2025\nKẾ HOẠCH\nThực hiện công tác dân vận\n"
        "1. Sở Nội vụ chủ trì thực hiện.\nNơi nhận:\n- Bộ Nội vụ;\n- Lưu: VT.\n"
        "TM. 'ỦY BAN NHÂN DÂN\nCHỦ TỊCH\nTrần Văn Lâu\n"
    )
    assert (doc.signing_authority, doc.signer) == ("TM. Ủy ban nhân dân", "Trần Văn Lâu")


def test_ocr_cc_list_beside_the_signature():
    """Nơi nhận of letters of ministries as OCR text (real b33/b37/b38): the authority's line
    read onto the label's line ("Noi nhận: KT, Bo TRUONG") is the signature, not an entry; a
    speck in lower case after an entry's ";" goes; "Luu:" is the archive's "Lưu:"."""
    from vbparse.pipeline import parse_text

    doc = parse_text(
        "BỘ TÀI CHÍNH\nTỔNG CỤC THUẾ\nSố: 2862/TCT-HTQT\nHà Nội, ngày 04 tháng 7 năm 2024\n"
        "Kính gửi: Cục Thuế các tỉnh, thành phố.\nĐề nghị các Cục Thuế thực hiện./.\n"
        "Noi nhận: KT, Bo TRUONG\n~ Như trên; a\n- Bộ trưởng (để báo cáo);\n"
        "- Luu: VT, BHXH (2).\n"
    )
    assert doc.cc == ["Như trên", "Bộ trưởng (để báo cáo)", "Lưu: VT, BHXH (2)"]


def test_ocr_issuer_line_with_the_tieu_ngu_unmarked_beside_it():
    """ "TONG CỤC HAI QUAN Doc lap - Tw do - Hanh phic" (công văn 5533/TCHQ-TXNK as OCR text,
    real b38): the two columns on one line; the issuer is the line's capitals."""
    from vbparse.pipeline import parse_text

    doc = parse_text(
        "_ BỘ TÀI CHÍNH\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "TONG CỤC HAI QUAN Doc lap - Tw do - Hanh phic\nSố: 5533/TCHQ-TXNK\n"
        "Hà Nội, ngày 20 tháng 8 năm 2020\nV/v thuế nhập khẩu các dự án điện mặt trời\n"
        "Kính gửi: Các Cục Hải quan tỉnh, thành phố.\nĐề nghị các Cục Hải quan thực hiện.\n"
    )
    assert doc.issuer == "Tổng cục Hải quan"


@pytest.mark.parametrize(
    ("written", "title"),
    [
        ("Pho tong-cục trưởng", "Phó Tổng cục trưởng"),  # công văn 1988/TCT-DNL (OCR, b37)
        ("PHÓ TỔNG CỤC TRƯỞNG", "Phó Tổng cục trưởng"),
    ],
)
def test_ocr_title_with_a_hyphen_for_a_space_is_the_known_title(written, title):
    from vbparse.segment.casing import known_title

    assert known_title(written) == title


def test_ocr_title_beside_the_cc_list_without_its_specks():
    """ "- Như trên; ~- PHÓ CHỦ NHIỆM" (công văn 450/VPCP-QHQT as OCR text, real b33): the
    signer's title OCR read beside the first entry, without the specks before it."""
    from vbparse.segment.cc_list import signature_title_beside
    from vbparse.segment.lines import Line

    line = Line(0, 0, 32, "- Như trên; ~- PHÓ CHỦ NHIỆM")
    assert signature_title_beside(line) == "PHÓ CHỦ NHIỆM"


def test_joint_plan_signature_names_its_body_above_the_position():
    """Kế hoạch liên tịch 90/KHLT-SGDĐT-TCGD (real PDF): "SỞ GIÁO DỤC VÀ ĐÀO TẠO" / "GIÁM ĐỐC
    „" / the name; the body's line says who signs, the position is the signer's title."""
    from vbparse.pipeline import parse_text

    doc = parse_text(
        "SỞ GIÁO DỤC VÀ ĐÀO TẠO\nTHÀNH PHỐ HỒ CHÍ MINH\nSố: 90/KHLT-SGDĐT-TCGD\n"
        "Thành phố Hồ Chí Minh, ngày 03 tháng 10 năm 2025\nKẾ HOẠCH\nTổ chức Chương trình\n"
        "1. Các trường THPT tổ chức cho học sinh tham dự.\n"
        "Trên đây là Kế hoạch, đề nghị Thủ trưởng các đơn vị triển khai thực hiện./.\n"
        "SỞ GIÁO DỤC VÀ ĐÀO TẠO\nGIÁM ĐỐC „\nNguyễn Văn Hiếu\nNơi nhận:\n- Ban Tuyên giáo;\n"
        "- Lưu: VT.\n"
    )
    assert (doc.signer_title, doc.signer) == ("Giám đốc", "Nguyễn Văn Hiếu")


def test_scan_kinh_gui_entry_above_its_label_is_no_part_of_the_subject():
    """Công văn 390/VP-TH Bắc Giang (real scan): OCR read the Kính gửi list's first entry above
    its label, after the date line; a bulleted line does not continue the trích yếu."""
    from vbparse.pipeline import parse_text

    doc = parse_text(
        "UBND TỈNH BẮC GIANG\nVĂN PHÒNG\nSố: 390/VP-TH\n"
        "V/v Thông báo kết quả nhận chương trình, báo cáo tháng 10/2012.\n"
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
        "Bắc Giang, ngày 06 tháng 11 năm 2012\n- Các Sở, cơ quan thuộc UBND tỉnh;\nKính gửi:\n"
        "- UBND các huyện, thành phố.\nĐề nghị các cơ quan gửi báo cáo đúng hạn.\n"
    )
    assert doc.subject == "Thông báo kết quả nhận chương trình, báo cáo tháng 10/2012"


def test_closing_authority_spaced_out_by_a_pdf():
    """A PDF's text layer spaces out the prefix's letters ("K T . BỘ TRƯỞNG", quyết định
    120/QĐ-BGTVT, real PDF, b60)."""
    text = (
        "Điều 3. Chánh Văn phòng Bộ chịu trách nhiệm thi hành Quyết định này./.\n"
        "Nơi nhận:\n- Như Điều 3;\n- Lưu: VT, KSTTHC (03).\n"
        "K T . BỘ TRƯỞNG\nTHỨ TRƯỞNG\nNguyễn Xuân Sang\n"
    )
    closing = find_closing(text, 0, len(text))
    assert closing.signing_authority == "KT. Bộ trưởng"
    assert closing.signer_title == "Thứ trưởng"
    assert closing.signer == "Nguyễn Xuân Sang"


def test_closing_nơi_nhận_past_stamped_notes():
    """Short lines without a bullet stamped between the entries ("Qua Email", quyết định
    345/QĐ-UBND Sóc Trăng, real .doc, b60) do not end the list; after its "Lưu" entry the
    list ends, a name and a bulleted footer below are none of it."""
    text = (
        "Điều 3. Chánh Văn phòng Ủy ban nhân dân tỉnh chịu trách nhiệm thi hành./.\n"
        "Nơi nhận:\n- Như Điều 3;\n- Cục Kiểm soát TTHC (VPCP);\nQua Email\nQua Email\n"
        "- Cổng TTĐT tỉnh;\n- Lưu: VT.\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nLâm Hoàng Nghiệp\n"
    )
    closing = find_closing(text, 0, len(text))
    assert closing.cc == ["Như Điều 3", "Cục Kiểm soát TTHC (VPCP)", "Cổng TTĐT tỉnh", "Lưu: VT"]
    text = "Đề nghị các đơn vị thực hiện./.\nNơi nhận:\n- Như trên;\n- Luu: VT, GSQL (3b).\n"
    text += "Vũ Ngọc Anh\n+84-8-3930 3279 * www.example.vn\n"
    assert find_closing(text, 0, len(text)).cc == ["Như trên", "Lưu: VT, GSQL (3b)"]


def test_closing_keeps_an_informing_line_that_asks_more():
    """ "Tổng cục Thuế thông báo để Cục Thuế tổ chức tuyên truyền …./." (công văn 965/TCT-CNTT as
    OCR text, real b37) asks its receivers to act: it stays in the body; "… thông báo để Cục
    Thuế biết, thực hiện./." is the closing formula."""
    for asks, kept in (
        ("tổ chức tuyên truyền và hỗ trợ doanh nghiệp", True),
        ("biết, thực hiện", False),
    ):
        line = f"Tổng cục Thuế thông báo để Cục Thuế {asks}./.\n"
        text = (
            "Đề nghị Cục Thuế các tỉnh tuyên truyền.\n"
            + line
            + "Nơi nhận:\n- Như trên;\n- Lưu: VT.\n"
        )
        closing = find_closing(text, 0, len(text))
        assert (closing.body_end >= text.index(line) + len(line) - 1) is kept


def test_closing_nơi_nhận_entries_run_together_after_a_purpose():
    """A Nơi nhận cell holds its entries on one line, one closing with its purpose and no ";"
    ("-UBND tỉnh (để b/c) - Lãnh đạo Sở; - …", kế hoạch 395/KH-STTTT Hải Dương, real .docx);
    a dash inside the purpose is no new entry."""
    text = (
        "Đề nghị các đơn vị thực hiện./.\nNơi nhận: -UBND tỉnh (để b/c) - Lãnh đạo Sở; - Đài "
        "Truyền thanh cấp xã (để t/h theo hướng dẫn - của Đài PT cấp huyện); - Lưu: VT.\n"
    )
    assert find_closing(text, 0, len(text)).cc == [
        "UBND tỉnh (để b/c)",
        "Lãnh đạo Sở",
        "Đài Truyền thanh cấp xã (để t/h theo hướng dẫn - của Đài PT cấp huyện)",
        "Lưu: VT",
    ]


def test_closing_lưu_drops_a_drafter_in_lower_case():
    """The drafter's name after its own comma ("Lưu: VT, TCCB, qtram", "Lưu: VT,csthuan":
    scans of Sở Y tế Kiên Giang letters, real b65) is no unit: the gold drops it."""
    for luu, kept in (("Lưu: VT, TCCB, qtram.", "Lưu: VT, TCCB"), ("Lưu: VT,csthuan.", "Lưu: VT")):
        text = f"Đề nghị các đơn vị thực hiện./.\nNơi nhận:\n- Như trên;\n- {luu}\n"
        assert find_closing(text, 0, len(text)).cc == ["Như trên", kept]


def test_kính_gửi_list_ends_with_its_short_name():
    """ "(sau đây gọi chung là thủ trưởng các đơn vị)" under the Kính gửi list (scans of Sở Y
    tế Kiên Giang letters, real b65) is the list's line, not the body's first words."""
    text = normalize(
        "SỞ Y TẾ\nSố: 05/SYT-NVY\nV/v nhắc báo cáo\nKiên Giang, ngày 2 tháng 01 năm 2018\n"
        "Kính gửi:\n- Giám đốc các bệnh viện trong tỉnh;\n"
        "- Giám đốc trung tâm y tế có giường bệnh.\n"
        "(sau đây gọi chung là thủ trưởng các đơn vị)\n"
        "Ngày 11/12/2017 Sở Y tế ban hành Công văn số 2243/SYT-NVY về việc báo cáo.\n"
    ).text
    header = find_header(text)
    assert header.recipients == [
        "Giám đốc các bệnh viện trong tỉnh",
        "Giám đốc trung tâm y tế có giường bệnh",
    ]
    assert text[header.body_start :].lstrip().startswith("Ngày 11/12/2017")


@pytest.mark.parametrize(
    "label",
    [
        "Nơi nhận:",
        "Nơi nhân:",  # a mark misread (40/HCCV, real scan)
        "Noi nhén:",  # công văn 2546/TCT-DNNCN as OCR text, real b37
        "Nưi nhận:",  # quyết định 46/QĐ-BCĐCCHC, real scan b74
        "Nøi nhận:",  # công văn 2734/SYT-TCCB Đắk Nông, real scan b59
    ],
)
def test_ocr_cc_label_ends_the_last_article(label):
    """The Nơi nhận label as OCR reads it ends the body: its list is no item of the last
    article (quyết định 46/QĐ-BCĐCCHC: 'Như Diêu 3', 'Lưu: VT' were read as Điều 2's items)."""
    from vbparse.pipeline import parse_text

    doc = parse_text(
        "BAN CHỈ ĐẠO CẢI CÁCH HÀNH CHÍNH\nSố: 46/QĐ-BCĐCCHC\nHà Nội, ngày 16 tháng 4 năm 2021\n"
        "QUYẾT ĐỊNH\nBan hành Kế hoạch kiểm tra\nQUYẾT ĐỊNH:\n"
        "Điều 1. Ban hành kèm theo Quyết định này Kế hoạch kiểm tra.\n"
        "Điều 2. Các thành viên Ban Chỉ đạo cải cách hành chính của Chính phủ chịu trách nhiệm "
        f"thi hành Quyết định này.\n{label}\n- Như Diêu 3\n"
        "- Thủ tướng, các Phó Thủ tướng Chính phủ:\n- Lưu: VT, BCĐCCHC (2). 53\nO CAI CÁCH\n"
        "su CHÍNH PHÙ\nTrương Hòa Bình\n"
    )
    assert [t.id for t in doc.tasks] == ["Điều 2"]
    assert doc.cc[0] == "Như Diêu 3" and doc.cc[-1] == "Lưu: VT, BCĐCCHC (2)"


def test_ocr_issuer_under_its_parent_keeps_the_parents_province():
    """ "UBND TỈNH KIÊN GIANG" / "SƠ Y TẾ" (OCR lost the hook of "SỞ", real scans of Sở Y tế
    Kiên Giang, b65-b72): the body known by its letters is the Sở of the parent's province."""
    from vbparse.pipeline import parse_text

    doc = parse_text(
        "UBND TỈNH KIÊN GIANG\nSƠ Y TẾ\nSố: 29/SYT-KHTC\nV/v cung cấp thông tin\n"
        "Kiên Giang, ngày 5 tháng 1 năm 2017\nKính gửi: Các bệnh viện.\n"
        "Đề nghị các bệnh viện báo cáo.\n"
    )
    assert doc.issuer == "Sở Y tế tỉnh Kiên Giang"


def test_header_cable_sender_above_dien_alone():
    """công điện 04/CĐ-UBND Hà Nội (a web copy, real b94): the title with its urgency, the
    sending time after the number as its date, the sender's line above "ĐIỆN" alone."""
    text = (
        "CÔNG ĐIỆN KHẨN\n\nSố: 04/CĐ-UBND hồi 17 giờ 00 ngày 02/4/2020\n\n"
        "CHỦ TỊCH ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI\n\nĐIỆN\n\n \n\n"
        "- Giám đốc Sở Y tế;\n- Chủ tịch UBND các quận, huyện, thị xã.\n\n"
        "Để ngăn chặn sự lây lan của dịch bệnh, Chủ tịch UBND Thành phố yêu cầu …\n"
    )
    header = find_header(text)
    assert header.title_type == "CĐ"
    assert header.number == "04/CĐ-UBND"
    assert header.date == dt.date(2020, 4, 2)
    assert header.cable_sender == "CHỦ TỊCH ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI"
    assert header.recipients == ["Giám đốc Sở Y tế", "Chủ tịch UBND các quận, huyện, thị xã"]
    assert header.subject is None


def test_header_unread_number_is_no_issuer_line():
    """A scan's number line whose handwritten digits OCR could not read ("@9§5Ÿ /CT-BGDĐT",
    chỉ thị 993/CT-BGDĐT, real b92) is no line of the issuer's name."""
    text = (
        "BỘ GIÁO DỤC VÀ ĐÀO TẠO\n@9§5Ÿ /CT-BGDĐT\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "Độc lập - Tự do - Hạnh phúc\nHà Nội, ngày 15 tháng 4 năm 2019\nCHỈ THỊ\n"
        "về việc tăng cường giải pháp phòng, chống bạo lực học đường\n"
    )
    header = find_header(text)
    assert [line.text for line in header.issuer_lines] == ["BỘ GIÁO DỤC VÀ ĐÀO TẠO"]


def test_header_issuer_head_in_title_case_and_subject_beside_the_date():
    """OCR read the issuer's head "Bộ" in title case, lost the number's digits ("SỐ: Ạ S/Ỷ
    /BGDĐT-GDCTHSSV") and read the V/v's last line into the date line beside it (công văn
    1617/BGDĐT-GDCTHSSV, real scan b92)."""
    text = (
        "Bộ GIÁO DỤC VÀ ĐÀO TẠO\nSỐ: Ạ S/Ỷ /BGDĐT-GDCTHSSV\n"
        "V/v tăng cường tuyên truyền, giáo dục\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "Độc lập - Tự do - Hạnh phúc\n"
        "ATGT cho HSSV trong dịp nghỉ lễ Hà Nội, ngày 15 tháng 04 năm 2019\n"
        "Kính gửi:\n- Các sở giáo dục và đào tạo.\n"
    )
    header = find_header(text)
    assert [line.text for line in header.issuer_lines] == ["Bộ GIÁO DỤC VÀ ĐÀO TẠO"]
    assert header.place == "Hà Nội"
    assert header.subject == "tăng cường tuyên truyền, giáo dục ATGT cho HSSV trong dịp nghỉ lễ"


def test_header_recipient_entries_without_specks_bars_or_a_lone_colon():
    """Scans' addressees (letters of Sở GD&ĐT Hà Nội and Gia Lai, real b87/b95): a speck
    before the bullet, an entry's semicolon read as a colon, a table's bar alone."""
    text = (
        "Số: 457/SGDĐT-CTTT\nHà Nội, ngày 16 tháng 02 năm 2021\nKính gửi:\n"
        "_- Trưởng phòng Giáo dục và Đào tạo các quận, huyện, thị xã;\n"
        "- Các trung tâm GDNN-GDTX:\n- Các đơn vị trực thuộc Sở.\n|\n"
        "Sở Giáo dục và Đào tạo đề nghị các đơn vị thực hiện.\n"
    )
    assert find_header(text).recipients == [
        "Trưởng phòng Giáo dục và Đào tạo các quận, huyện, thị xã",
        "Các trung tâm GDNN-GDTX",
        "Các đơn vị trực thuộc Sở",
    ]


def test_a_portal_title_line_after_the_number_gives_the_day_and_the_subject():
    """cinet.vn titles a page by the number, then "Công văn Số: 2118/BVHTTDL-DSVH ngày 07
    tháng 6 năm 2013 Về việc …" or "Thông báo Số: 104/TB-VPCP ngày 11 tháng 3 năm 2013 Kết luận
    của …" (real b119, b120): the day and the trích yếu are the document's."""
    import datetime as dt
    from pathlib import Path

    from vbparse.pipeline import parse_file

    real_new = Path(__file__).parents[1] / "fixtures/real_new"
    doc = parse_file(real_new / "b119_pages/cv_2118_bvhttdl-dsvh_2013.txt")
    assert doc.date == dt.date(2013, 6, 7)
    assert doc.subject.startswith("lập hồ sơ DSVHPVT Xòe Thái")
    doc = parse_file(real_new / "b120_cinet/tb_104_tb-vpcp_2013.txt")
    assert doc.date == dt.date(2013, 3, 11)
    assert doc.subject.startswith("Kết luận của Thủ tướng Chính phủ Nguyễn Tấn Dũng")
    assert (doc.signer_title, doc.signing_authority) == (
        "Phó Chủ nhiệm",
        "KT. Bộ trưởng, Chủ nhiệm",
    )


@pytest.mark.parametrize(
    ("text", "number", "place", "date"),
    [
        # a flattened table as the thuvienphapluat dump holds it (quyết định 61/2024/QĐ-UBND
        # Tiền Giang, thông báo 250/TB-VPCP, real b112/b115): "Số:" alone, then the number
        # with the place and the date, whole or wrapped
        (
            "ỦY BAN NHÂN DÂN TỈNH TIỀN GIANG\nSố:\n61/2024/QĐ-UBND Tiền Giang, ngày 23 tháng 10"
            " năm 2024\nQUYẾT ĐỊNH\n",
            "61/2024/QĐ-UBND",
            "Tiền Giang",
            "2024-10-23",
        ),
        (
            "VĂN PHÒNG CHÍNH PHỦ\nSố:\n250/TB-VPCP Hà\nNội, ngày 17 tháng 8 năm 2009\nTHÔNG BÁO\n",
            "250/TB-VPCP",
            "Hà Nội",
            "2009-08-17",
        ),
        # OCR ran the issuer's line into the number's, "Số" read in lower case, the digits
        # letter-spaced (công văn 336/UBND-KGVX Hà Nội, real scan b95)
        (
            "ỦY BAN NHÂN DÂN\nTHÀNH PHỐ HÀ NỘI số: 33 6 /UBND-KGVX\nV/v cho học sinh nghỉ học\n"
            "Hà Nội, ngày 31 tháng 3 năm 2021\n",
            "336/UBND-KGVX",
            "Hà Nội",
            "2021-03-31",
        ),
    ],
)
def test_number_in_flattened_and_ocr_lines(text, number, place, date):
    from vbparse.pipeline import parse_text

    doc = parse_text(text + "Kính gửi: Sở Y tế\n\nĐề nghị Sở Y tế báo cáo.\n")
    assert (doc.number, doc.place, doc.date.isoformat()) == (number, place, date)


def test_cc_entries_wrapped_after_a_colon_or_a_lone_bullet():
    """Web copies of VPCP letters wrap a Nơi nhận entry after its colon, its comma or its ";",
    or leave the bullet alone on its line (công văn 3410/VPCP-KTN, 3579 and 2284/VPCP-KTN as
    luatminhkhue.vn holds them, real b123/b124): each entry is whole, the list runs on."""
    text = (
        "Nơi nhận:\n- Như trên;\n- Thủ tướng, các PTT:\nNguyễn Sinh Hùng, Nguyễn Thiện Nhân;\n"
        "-\nCác Bộ: Kế hoạch và Đầu tư, Tài chính;\n"
        "- VPCP: BTCN, các PCN: Văn Trọng Lý,\nPhạm Văn Phượng;\nCổng TTĐT, các Vụ: KTTH, TH;\n"
        "- Lưu: VT, KTN (4).\n\nKT. BỘ TRƯỞNG, CHỦ NHIỆM\nPHÓ CHỦ NHIỆM\nVăn Trọng Lý\n"
    )
    assert find_closing(text, 0, len(text)).cc == [
        "Như trên",
        "Thủ tướng, các PTT: Nguyễn Sinh Hùng, Nguyễn Thiện Nhân",
        "Các Bộ: Kế hoạch và Đầu tư, Tài chính",
        "VPCP: BTCN, các PCN: Văn Trọng Lý, Phạm Văn Phượng; Cổng TTĐT, các Vụ: KTTH, TH",
        "Lưu: VT, KTN (4)",
    ]


def test_addressees_one_a_line_without_punctuation_until_the_last():
    """ "Kính gửi:" / "Bộ Kế hoạch và Đầu tư" / "Bộ Tài chính" / "Bộ Ngoại giao" / "Bộ Giáo
    dục và Đào tạo." (công văn 336/CP-QHQT as luatminhkhue.vn holds it, real b126); two
    addressees a copy ran together at their ";" (2518/VPCP-V.I, b126); a number run into the
    V/v after it (11893/VPCP-NN, b126)."""
    from vbparse.pipeline import parse_text

    doc = parse_text(
        "CHÍNH PHỦ\nSố: 336/CP-QHQT\nV/v hợp tác giáo dục\nHà Nội, ngày 1 tháng 4 năm 2003\n"
        "Kính gửi:\n\nBộ Kế hoạch và Đầu tư\nBộ Tài chính\nBộ Ngoại giao\n"
        "Bộ Giáo dục và Đào tạo.\n\nXét đề nghị của Bộ Kế hoạch và Đầu tư, Thủ tướng Chính phủ"
        " có ý kiến như sau: giao Bộ Giáo dục và Đào tạo thực hiện.\n"
    )
    assert doc.recipients == [
        "Bộ Kế hoạch và Đầu tư",
        "Bộ Tài chính",
        "Bộ Ngoại giao",
        "Bộ Giáo dục và Đào tạo",
    ]
    doc = parse_text(
        "VĂN PHÒNG CHÍNH PHỦ\nSố: 2518/VPCP-V.IV/v ngăn chặn đường dây ma túy\n"
        "Hà Nội, ngày 20 tháng 3 năm 2017\nKính gửi:\n\n- Bộ Công an;Phòng PC47, Công an tỉnh"
        " Thanh Hóa.\n\nPhó Thủ tướng yêu cầu Bộ Công an chỉ đạo điều tra.\n"
    )
    assert doc.number == "2518/VPCP-V.I"
    assert doc.subject == "ngăn chặn đường dây ma túy"
    assert doc.recipients == ["Bộ Công an", "Phòng PC47, Công an tỉnh Thanh Hóa"]


_B138 = Path(__file__).resolve().parents[1] / "fixtures" / "real_new" / "b138_vpcp_more"


def test_wrapped_authority_line_that_opens_a_position():
    """ "KT. BỘ TRƯỞNG" / "CHỦ NHIỆM VP CHÍNH PHỦ" / "PHÓ CHỦ NHIỆM": the second line is one
    more title of the authority (công văn 2172/VPCP-KTTH 2004 as luatminhkhue.vn holds it,
    real b138)."""
    from vbparse import parse_file

    doc = parse_file(_B138 / "cv_2172_vpcp-ktth_2004.txt")
    assert doc.signing_authority is not None
    assert doc.signing_authority.casefold() == "kt. bộ trưởng, chủ nhiệm vp chính phủ"
    assert doc.signer_title == "Phó Chủ nhiệm"


def test_number_after_a_glued_dash():
    """ "-Số: 5579/VPCP-KTN" under a page marker glued to the issuer ("Trang 1VĂN PHÒNG CHÍNH
    PHỦ", công văn 5579/VPCP-KTN as 123docz holds it, real b138)."""
    from vbparse import parse_file

    doc = parse_file(_B138 / "cv_5579_vpcp-ktn_2013.txt")
    assert doc.number == "5579/VPCP-KTN"
    assert doc.issuer == "Văn phòng Chính phủ"


def test_cable_sender_above_its_label_and_addressees_under_it(monkeypatch):
    """A công điện whose sender, its "Điện:" and its addressees stand on three lines (công
    điện 672/CĐ-BGDĐT, real scan b132, read through the recorded Tesseract readings): the
    sender is no trích yếu, the line under "Điện:" is the addressees."""
    from vbparse import parse_file
    from vbparse.ingest.ocr_cache import ENV

    fixtures = Path(__file__).resolve().parents[1] / "fixtures"
    monkeypatch.setenv(ENV, str(fixtures / "ocr_cache"))
    doc = parse_file(fixtures / "real_new" / "b132_tb_cd" / "cd_672_cd-bgddt_2017.pdf")
    assert doc.subject is None
    assert len(doc.recipients) == 1
    assert doc.recipients[0].startswith("Các sở giáo dục và đào tạo, các đại học")
    assert doc.recipients[0].endswith("Hà Nam và Hà Nội")
