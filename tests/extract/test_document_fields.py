"""Document fields read from damaged headers (issue 11)."""

from __future__ import annotations

from vbparse.evaluate import fold
from vbparse.pipeline import parse_text


def test_damaged_issuer_lines_are_named_by_the_numbers_issuer_code():
    """A web copy lost letters of the issuer's name ("BỘ VĂN HÓA, TH THAO" / "VÀ DU LỊCH",
    công văn 5324/BVHTTDL-DSVH, real): no body is named by those lines, and the number's
    issuer code names the ministry."""
    doc = parse_text(
        "BỘ VĂN HÓA, TH THAO\nVÀ DU LỊCH\n-------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "Độc lập - Tự do - Hạnh phúc\nSố: 5324/BVHTTDL-DSVH\nV/v tổ chức Lễ công bố\n"
        "Hà Nội, ngày 29 tháng 12 năm 2015\nKính gửi: Ủy ban nhân dân thành phố Hải Phòng\n"
        "Bộ Văn hóa, Thể thao và Du lịch đề nghị Ủy ban nhân dân thành phố Hải Phòng tổ chức "
        "buổi Lễ trang trọng, tiết kiệm./.\n"
    )
    assert doc.issuer == "Bộ Văn hóa, Thể thao và Du lịch"


def test_issuer_lines_that_name_a_body_keep_it_over_the_code():
    """Issuer lines naming a body the gazetteer knows are the issuer, whatever the code."""
    doc = parse_text(
        "BỘ TÀI CHÍNH\nCỤC THUẾ\nSố: 5253/CT-CS\nV/v chính sách thuế\n"
        "Hà Nội, ngày 10 tháng 11 năm 2025\nKính gửi: Thuế tỉnh Ninh Bình\n"
        "Cục Thuế đề nghị Thuế tỉnh Ninh Bình căn cứ quy định để thực hiện./.\n"
    )
    assert doc.issuer is not None and doc.issuer.casefold() == "cục thuế"


def test_signature_of_the_head_in_his_own_right_without_nơi_nhận():
    """ "THỦ TƯỚNG" above the name that ends the text, no Nơi nhận and no "./." (công điện
    1225/CĐ-TTg as a web copy, real): the signature, not two paragraphs of the body."""
    doc = parse_text(
        "THỦ TƯỚNG CHÍNH PHỦ\nSố: 1225/CĐ-TTg\nHà Nội, ngày 10 tháng 08 năm 2006\nCÔNG ĐIỆN\n"
        "THỦ TƯỚNG CHÍNH PHỦ ĐIỆN:\n- Chủ tịch Ủy ban nhân dân các tỉnh, thành phố trực thuộc "
        "Trung ương\nĐề nghị Chủ tịch Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương "
        "tập trung chỉ đạo phòng chống dịch.\n\nTHỦ TƯỚNG\n\nNguyễn Tấn Dũng\n"
    )
    assert (doc.signer, doc.signer_title) == ("Nguyễn Tấn Dũng", "Thủ tướng")
    assert doc.recipients == ["Chủ tịch Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương"]
    assert len(doc.tasks) == 1


def test_numbered_district_as_the_place():
    """ "Quận 9, ngày 04 tháng 6 năm 2014" (công văn 21/TTVH of Quận 9's culture centre, real
    web copy): a numbered district is a place."""
    doc = parse_text(
        "ỦY BAN NHÂN DÂN QUẬN 9\nTRUNG TÂM VĂN HÓA\nSố: 21/TTVH\nV/v thực hiện chế độ báo cáo\n"
        "Quận 9, ngày 04 tháng 6 năm 2014\nKính gửi: Ban VHTT 13 phường\n"
        "Trung tâm Văn hóa đề nghị Ban VHTT 13 phường thực hiện nghiêm chế độ báo cáo./.\n"
    )
    assert (doc.place, str(doc.date)) == ("Quận 9", "2014-06-04")


def test_unit_lines_in_capitals_under_a_provincial_committee():
    """ "UBND TỈNH BẮC GIANG" above "BAN QUẢN LÝ CÁC KCN" or "VĂN PHÒNG" (công văn 405/KCN-LĐ,
    390/VP-TH, real scans): that province's board, that committee's office."""
    issuers = []
    for unit in ("BAN QUẢN LÝ CÁC KCN", "VĂN PHÒNG"):
        doc = parse_text(
            f"UBND TỈNH BẮC GIANG\n{unit}\nSố: 390/VP-TH\nBắc Giang, ngày 14 tháng 11 năm 2012\n"
            "Kính gửi: Sở Tài chính\nĐề nghị Sở Tài chính báo cáo kết quả./.\n"
        )
        issuers.append(doc.issuer)
    assert issuers == [
        "Ban Quản lý các khu công nghiệp tỉnh Bắc Giang",
        "Văn phòng Ủy ban nhân dân tỉnh Bắc Giang",
    ]


def test_standing_board_or_inspectorate_under_its_bodys_lines():
    """ "BAN THƯỜNG TRỰC" under "ỦY BAN MTTQ VIỆT NAM" / "XÃ LƯƠNG MINH" (kế hoạch of 2026,
    real b145) and "THANH TRA" under "SỞ Y TẾ TỈNH KIÊN GIANG" (kế hoạch 09/KH-TTra, real b66):
    the unit of that body, its short forms written out."""
    issuers = []
    for lines in (
        "ỦY BAN MTTQ VIỆT NAM\nXÃ LƯƠNG MINH\nBAN THƯỜNG TRỰC",
        "SỞ Y TẾ TỈNH KIÊN GIANG\nTHANH TRA",
    ):
        doc = parse_text(
            f"{lines}\nSố: 16/KH-MTTQ\nLương Minh, ngày 12 tháng 01 năm 2026\n"
            "KẾ HOẠCH\nTiếp công dân\nI. NHIỆM VỤ\n"
            "1. Các tổ chức thành viên thực hiện tuyên truyền.\n"
        )
        issuers.append(doc.issuer)
    assert [fold(i) for i in issuers] == [
        fold("Ban Thường trực Ủy ban Mặt trận Tổ quốc Việt Nam xã Lương Minh"),
        fold("Thanh tra Sở Y tế tỉnh Kiên Giang"),
    ]


def test_department_without_its_parent_line_is_the_place_lines_province():
    """The parent line "UBND TỈNH BẮC GIANG" lost by OCR above "SỞ THÔNG TIN VÀ TRUYỀN THÔNG"
    (công văn 298/STTTT-CNTT, real scan, batch b43): the date line's place is its province."""
    doc = parse_text(
        "SỞ THÔNG TIN VÀ TRUYỀN THÔNG\nĐộc lập - Tự do - Hạnh phúc\n"
        "Số: 298/STTTT-CNTT Bắc Giang, ngày 12 tháng 9 năm 2012\n"
        "V/v Tổ chức Hội thi Tin học cho cán bộ CCVC tỉnh Bắc Giang năm 2012\n"
        "Kính gửi: UBND các huyện, thành phố.\n"
        "Sở Thông tin và Truyền thông đề nghị UBND các huyện, thành phố cử thí sinh dự thi./.\n"
    )
    assert doc.issuer == "Sở Thông tin và Truyền thông tỉnh Bắc Giang"


def test_header_lost_provincial_letter_takes_the_province_its_text_names():
    """A crawl that starts at "Kính gửi:" (công văn of UBND Thành phố Hà Nội on air pollution,
    a legal-text dump, real b44): the one province the text names, three times, places its
    departments, and the committee signing "TM. ỦY BAN NHÂN DÂN" is the issuer."""
    doc = parse_text(
        "Kính gửi:\n- Các sở: Nông nghiệp và Môi trường, Xây dựng;\n- UBND các phường, xã.\n"
        "Thực hiện chỉ đạo về ứng phó với đợt ô nhiễm không khí tại khu vực Hà Nội, UBND Thành "
        "phố yêu cầu các Sở thực hiện một số nhiệm vụ trọng tâm như sau:\n"
        "1. Sở Nông nghiệp và Môi trường: theo dõi chỉ số chất lượng không khí tại Hà Nội.\n"
        "2. Sở Xây dựng: kiểm tra các công trình trên địa bàn Hà Nội.\n"
        "Nơi nhận:\n- Như trên;\n- Lưu: VT.\n"
        "TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nNguyễn Mạnh Quyền\n"
    )
    assert doc.issuer is not None and doc.issuer.casefold() == "ủy ban nhân dân thành phố hà nội"
    leads = {task.id: [a.name for a in task.lead] for task in doc.tasks}
    assert leads["1"] == ["Sở Nông nghiệp và Môi trường thành phố Hà Nội"]


def test_header_lost_letter_naming_two_provinces_is_not_placed():
    """Two provinces named: neither is the letter's own."""
    doc = parse_text(
        "Kính gửi: Các sở: Xây dựng, Y tế.\n"
        "UBND Thành phố yêu cầu Sở Xây dựng phối hợp với tỉnh Bắc Ninh, tỉnh Bắc Ninh và tỉnh "
        "Bắc Ninh, Hà Nội, Hà Nội, Hà Nội kiểm tra công trình./.\n"
        "Nơi nhận:\n- Như trên;\n- Lưu: VT.\nTM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n"
        "Nguyễn Văn A\n"
    )
    assert doc.issuer is None


def test_letter_whose_number_and_subject_are_unread_is_a_công_văn():
    """An OCR'd letter whose "Số:" and V/v lines were misread (công văn 3272/LĐTBXH-BHXH,
    real b37): no number, no trích yếu, but a Kính gửi under no title — a công văn. A công
    điện's "… điện:" line names addressees too and is no công văn."""
    letter = parse_text(
        "BỘ LAO ĐỘNG- THUONG BINH CONG HÒA XA HOI CHU NGHĨA VIỆT NAM\n\n"
        "VÀ XÃ HỘI - Độc lập- Tự do- Hạnh phúc\n"
        "Số: 3942 LĐTBXH-BHXH Hà Nội, ngày) tháng 8 năm 2017\n\n"
        "YW giải quyết chế độ ốm dau, thai sản\ntrong thời gian truy đóng bảo hiém xã hội\n\n"
        "Kính gửi: Bảo hiểm xã hội Việt Nam\n\n"
        "Đề nghị Bảo hiểm xã hội Việt Nam hướng dẫn giải quyết chế độ ốm đau, thai sản.\n"
    )
    assert (letter.number, letter.type) == (None, "CV")
    cable = parse_text(
        "THỦ TƯỚNG CHÍNH PHỦ ĐIỆN:\n- Chủ tịch Ủy ban nhân dân các tỉnh, thành phố trực thuộc "
        "Trung ương\nĐề nghị Chủ tịch Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương "
        "tập trung chỉ đạo phòng chống dịch.\n\nTHỦ TƯỚNG\n\nNguyễn Tấn Dũng\n"
    )
    assert cable.type != "CV"


def test_damaged_date_line_run_onto_a_damaged_number_line_gives_its_place():
    """OCR ran the date line onto the number's, both damaged (letters of Tổng cục Hải quan
    and Bộ Y tế as OCR text, real b37/b38): the place is read after the number's code, the
    date only where its day and month are digits."""
    places = []
    for line in (
        ": 300 /TCHQ-GSQL Hà Nội, ngày Ì Ï tháng 9{ năm 2023",
        "sốl 0688/BYT-MT Hà Nội, ngàyló thảngU năm 2021",
    ):
        doc = parse_text(
            f"BỘ TÀI CHÍNH\nTỔNG CỤC HẢI QUAN\n{line}\nV/v thủ tục hải quan\n\n"
            "Kính gửi: Cục Hải quan các tỉnh, thành phố\n\n"
            "Tổng cục Hải quan đề nghị Cục Hải quan các tỉnh, thành phố thực hiện./.\n"
        )
        places.append((doc.place, doc.date))
    assert places == [("Hà Nội", None), ("Hà Nội", None)]


def test_header_without_issuer_lines_is_placed_by_its_date_line():
    """An OCR'd Markdown copy that lost the issuer's lines (kế hoạch 70/KH-UBND Cần Thơ, real):
    the number's code names a committee, the date line its city; the committee is that
    city's, and a bare "Sở Nội vụ" in the body is that city's department."""
    doc = parse_text(
        "Số 70/KH-UBND\n\nCần Thơ, ngày 15 tháng 9 năm 2025\n\n"
        "# KẾ HOẠCH Thực hiện công tác dân vận\n\n# II. NỘI DUNG\n\n"
        "3. Sở Nội vụ theo dõi, giám sát, tổng hợp kết quả thực hiện.\n"
    )
    assert doc.issuer == "Ủy ban nhân dân thành phố Cần Thơ"
    assert [a.name for t in doc.tasks for a in t.lead] == ["Sở Nội vụ thành phố Cần Thơ"]


# The opening and closing of công văn 369/PGD&ĐT of Phòng GD&ĐT Hiệp Hòa (2020) as its PDF's
# text layer reads it (real b79), with one item of each kind from its body.
_DISTRICT_DIVISION_LETTER = (
    "UBND HUYỆN HIỆP HÒA\nPHÒNG GIÁO DỤC & ĐÀO TẠO\nSố 369 / PGD&ĐT\n"
    "V/v đẩy mạnh các biện pháp phòng,\nchống dịch Covid-19\nKính gửi:\n"
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập- Tự do- Hạnh phúc\n"
    "Hiệp Hòa, ngày 07 tháng 08 năm 2020\n"
    "- Các trường Mầm non, Tiểu học, THSS trong huyện;\n"
    "- Các trường TH&THCS: Đồng Tân, Đại Thành,Mai Đình.\n"
    "Thực hiện công văn số 155/UBND-YT, ngày 6/8/2020 của UBND huyện về\n"
    "việc đẩy mạnh thực hiện các biện pháp phòng, chống dịch Covid-19; trước tình hình\n"
    "dịch Covid-19 đang có diễn biến phức tạp tại một số tình trong cả nước, trong đó có\n"
    "tỉnh Bắc Giang, Phòng GD&ĐT yêu cầu các nhà trường thực hiện nghiêm túc một số\n"
    "nội dung sau:\n"
    "1. Bằng các phương tiện thông tin, truyền thông tiếp tục tuyên truyền, phổ biến\n"
    "đến cán bộ, giáo viên, nhân viên, học sinh, phụ huynh học sinh.\n"
    "2. Phối hợp với Phòng Y tế trong việc điều tra, rà soát, lập danh sách và theo dõi\n"
    "những đối tượng đi/về từ vùng có dịch.\n"
    "Phòng GD&ĐT yêu cầu các trường nghiêm túc triển khai thực hiện/.\n"
    "Nơi nhận:\n-Lưu VT;\nBản điện tử:\n- Như kính gửi;\n-Lãnh đạo, CV phòng GD&ĐT.\n"
    "TRƯỞNG PHÒNG\nPhạm Văn Hà\n"
)


def test_a_districts_division_is_named_with_its_district():
    """ "UBND HUYỆN HIỆP HÒA" / "PHÒNG GIÁO DỤC & ĐÀO TẠO": the division of that district,
    its name written out; a division its text names alone ("Phòng Y tế") is the district's
    own too, and "các nhà trường" of the lead-in leads the items."""
    doc = parse_text(_DISTRICT_DIVISION_LETTER)
    assert doc.issuer == "Phòng Giáo dục và Đào tạo huyện Hiệp Hòa"
    assert [[a.name for a in t.lead] for t in doc.tasks] == [["Các nhà trường"]] * 2
    assert [a.name for a in doc.tasks[1].support] == ["Phòng Y tế huyện Hiệp Hòa"]


def test_nơi_nhận_goes_on_past_a_sub_heading_after_its_lưu_entry():
    """ "- Lưu VT;" / "Bản điện tử:" / "- Như kính gửi;": the paper copies, then the
    electronic ones, all of the list."""
    doc = parse_text(_DISTRICT_DIVISION_LETTER)
    assert doc.cc == ["Lưu VT", "Như kính gửi", "Lãnh đạo, CV phòng GD&ĐT"]


def test_date_line_with_a_word_split_by_the_text_layer():
    """ "Cà Mau, ngày 13 thá ng 02 năm 2025": a PDF's text layer split "tháng" where its
    letters were kerned apart (quyết định 04/2025/QĐ-UBND Cà Mau, real b78); the date and
    place are still read, and the title under them is the subject."""
    doc = parse_text(
        "ỦY BAN NHÂN DÂN\nTỈNH CÀ MAU\nSố: 04 /2025/ QĐ-UBND\n"
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
        "Cà Mau, ngày 13 thá ng 02 năm 2025\nQUYẾT ĐỊNH\n"
        "Quy định diện tích đất được sử dụng để xây dựng công trình\n"
        "phục vụ trực tiếp sản xuất nông nghiệp trên địa bàn tỉnh Cà Mau\n"
        "ỦY BAN NHÂN DÂN TỈNH CÀ MAU\nCăn cứ Luật Đất đai ngày 18 tháng 01 năm 2024;\n"
    )
    assert (str(doc.date), doc.place) == ("2025-02-13", "Cà Mau")
    assert doc.subject is not None and doc.subject.startswith("Quy định diện tích đất")


def test_number_of_two_units_joined_by_a_comma():
    """ "Số: 998 /SGDĐT-GDTrH, GDTX" (Sở GD&ĐT Bắc Giang, real b80): both units' codes are the
    number's; a cited number followed by ", UBND tỉnh" in running text keeps its own."""
    doc = parse_text(
        "UBND TỈNH BẮC GIANG\nSỞ GIÁO DỤC VÀ ĐÀO TẠO\nSố: 998 /SGDĐT-GDTrH, GDTX\n"
        "V/v Ban hành Khung phân phối chương trình\nBắc Giang, ngày 08 tháng 4 năm 2020\n"
        "Kính gửi: Phòng Giáo dục và Đào tạo các huyện, thành phố.\n"
        "Thực hiện Công văn số 12/UBND-VX, UBND tỉnh yêu cầu các đơn vị thực hiện.\n"
    )
    assert doc.number == "998/SGDĐT-GDTrH,GDTX"
    assert [r.number for r in doc.references] == ["12/UBND-VX"]


def test_a_division_named_with_its_district_without_the_unit_word_is_not_placed_twice():
    """ "Phòng Giáo dục và Đào tạo Hiệp Hòa" in a text of huyện Hiệp Hòa (kế hoạch
    21/KH-PGD&ĐT, real b80) already names its place."""
    from vbparse.extract.agencies.matcher import find_agencies

    issuer = "Ủy ban nhân dân huyện Hiệp Hòa"
    found = find_agencies("Phòng Giáo dục và Đào tạo Hiệp Hòa", issuer=issuer)
    assert [a.name for a in found] == ["Phòng Giáo dục và Đào tạo Hiệp Hòa"]


def test_cable_sender_names_the_issuer_over_the_codes_kind():
    """ "CHỦ TỊCH ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI" / "ĐIỆN" under "Số: 04/CĐ-UBND", no
    issuer lines (công điện of Hà Nội as a web copy, real b94): the sender names the
    committee, which the code "UBND" names only as a kind of body."""
    doc = parse_text(
        "CÔNG ĐIỆN KHẨN\n\nSố: 04/CĐ-UBND hồi 17 giờ 00 ngày 02/4/2020\n\n"
        "CHỦ TỊCH ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI\n\nĐIỆN\n\n- Giám đốc Sở Y tế.\n\n"
        "Chủ tịch UBND Thành phố yêu cầu Giám đốc Sở Y tế tổ chức lấy mẫu xét nghiệm./.\n"
    )
    assert doc.issuer == "Ủy ban nhân dân thành phố Hà Nội"
    assert (doc.type, doc.number) == ("CĐ", "04/CĐ-UBND")


def test_a_provincial_citys_division_is_named_with_its_city():
    """ "UBND THÀNH PHỐ CÀ MAU" / "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO" (công văn 126/PGDĐT, real scan
    b101): a province's own city is a district, not the province (Cà Mau is a tỉnh too); its
    division is the city's, and so are the bodies its text names with the city's unit word."""
    doc = parse_text(
        "UBND THÀNH PHỐ CÀ MAU CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO Độc lập Tự do Hạnh phúc\nSố: 126/PGDĐT\n"
        "V/v tăng cường kỷ luật, kỷ cương hành chính\nTP. Cà Mau, ngày 26 tháng 02 năm 2021\n"
        "Kính gửi: Hiệu trưởng các trường MN, MG, TH, THCS trực thuộc\n"
        "Trưởng phòng đề nghị Hiệu trưởng các trường thực hiện tốt các nội dung sau:\n"
        "1. Công an thành phố phối hợp Phòng Y tế kiểm tra.\n"
    )
    assert doc.issuer == "Phòng Giáo dục và Đào tạo thành phố Cà Mau"
    assert [a.name for a in doc.tasks[0].lead] == ["Công an thành phố Cà Mau"]
    assert [a.name for a in doc.tasks[0].support] == ["Phòng Y tế thành phố Cà Mau"]


def test_a_committee_of_a_city_or_town_written_short():
    """ "UBND TP. Cà Mau", "UBND TX Bình Minh": the city's and the town's committees; a
    centrally run city's own entry wins ("UBND TP. Đà Nẵng")."""
    from vbparse.extract.agencies.matcher import find_agencies

    names = [
        a.name
        for t in ("UBND TP. Cà Mau", "UBND TX Bình Minh", "UBND TP. Đà Nẵng")
        for a in find_agencies(t)
    ]
    assert names == [
        "Ủy ban nhân dân thành phố Cà Mau",
        "Ủy ban nhân dân thị xã Bình Minh",
        "Ủy ban nhân dân thành phố Đà Nẵng",
    ]


def test_units_listed_by_their_first_syllables_and_a_spaced_number_dash():
    """ "Phòng giáo dục và đào tạo huyện, thành, thị" (letters of Sở GD&ĐT Phú Thọ, real
    b102) is one group; "BGDĐT" in "Chỉ thị số 3031/CT - BGDĐT" (chỉ thị 15/CT-UBND Phú
    Thọ) is the cited number's code, not the ministry as a lead."""
    from vbparse.extract.agencies.matcher import find_agencies
    from vbparse.extract.tasks.roles import find_roles

    found = find_agencies("Đề nghị Phòng giáo dục và đào tạo huyện, thành, thị; các trường")
    assert next(a.name for a in found) == "Phòng Giáo dục và Đào tạo huyện, thành, thị"
    roles = find_roles(
        "Thực hiện Chỉ thị số 3031/CT - BGDĐT ngày 26/8/2016 của Bộ trưởng, Chủ tịch Ủy ban"
        " nhân dân tỉnh Phú Thọ yêu cầu Sở Giáo dục và Đào tạo thực hiện các nhiệm vụ sau:",
        province="Phú Thọ",
        issuer="Ủy ban nhân dân tỉnh Phú Thọ",
    )
    assert [a.name for a in roles.lead] == ["Sở Giáo dục và Đào tạo tỉnh Phú Thọ"]


def test_a_citys_own_committee_and_police_named_by_their_unit_word_alone():
    """ "1. Văn phòng HĐND và UBND thành phố" / "Phối hợp Văn phòng Thành ủy …" and "10. Công
    an thành phố" in a plan of UBND thành phố Cà Mau (kế hoạch 77/KH-UBND, real scan b101):
    the city's office (one body of its council and committee, as the gold reads it) and
    police, not the province's; the heading ends at its line, so
    the next line's "Phối hợp" is no place's name. A centrally run city's stay its entries."""
    doc = parse_text(
        "ỦY BAN NHÂN DÂN\nTHÀNH PHỐ CÀ MAU\nSố: 77/KH-UBND\n"
        "Cà Mau, ngày 10 tháng 12 năm 2019\nKẾ HOẠCH\nTổ chức các hoạt động mừng Xuân\n"
        "III. TỔ CHỨC THỰC HIỆN\n1. Văn phòng HĐND và UBND thành phố\n"
        "Phối hợp Văn phòng Thành ủy tham mưu xây dựng chương trình hoạt động.\n"
        "2. Công an thành phố\nXây dựng kế hoạch bảo đảm an ninh trật tự.\n"
    )
    assert [[a.name for a in t.lead] for t in doc.tasks] == [
        ["Văn phòng Hội đồng nhân dân và Ủy ban nhân dân thành phố Cà Mau"],
        ["Công an thành phố Cà Mau"],
    ]
    from vbparse.extract.agencies.matcher import find_agencies

    found = find_agencies(
        "Công an thành phố phối hợp", province="Hà Nội", issuer="Ủy ban nhân dân thành phố Hà Nội"
    )
    assert [(a.name, a.id) for a in found] == [("Công an thành phố Hà Nội", "cong-an-ha-noi")]


def test_the_issuer_named_without_its_unit_word_is_the_issuer():
    """ "Phòng Giáo dục và Đào tạo Bình Tân" is the issuer "… huyện Bình Tân" (hướng dẫn
    754/HD-PGDĐT, real b86); a unit word that differs names another body."""
    from vbparse.extract.agencies.keys import same_body

    issuer = "Phòng Giáo dục và Đào tạo huyện Bình Tân"
    assert same_body("Phòng Giáo dục và Đào tạo Bình Tân", issuer)
    assert same_body("Sở Y tế Hà Nội", "Sở Y tế thành phố Hà Nội")
    assert not same_body("Ủy ban nhân dân tỉnh Hà Giang", "Ủy ban nhân dân thành phố Hà Giang")
    assert not same_body("Phòng Y tế Bình Tân", issuer)


def test_a_party_directives_title_names_its_issuer_above_the_subject():
    """ "CHỈ THỊ" / "CỦA BAN THƯỜNG VỤ TỈNH ỦY" / "về việc tổ chức Tết năm 2018" (chỉ thị 23 and
    24-CT/TU of Tỉnh ủy Hà Tĩnh, real scans b106): the line under the title says whose it is;
    the trích yếu follows it, on its own line or joined to it."""
    header = (
        "TỈNH UỶ HÀ TĨNH\nSố: 24-CT/TU\nĐẢNG CỘNG SẢN VIỆT NAM\n"
        "Hà Tĩnh, ngày 05 tháng 01 năm 2018\nCHỈ THỊ\nCỦA BAN THƯỜNG VỤ TỈNH UỶ\n"
    )
    body = (
        "Để chuẩn bị cho nhân dân đón Xuân, Ban Thường vụ Tỉnh uỷ yêu cầu các cấp ủy thực hiện.\n"
    )
    for subject in ("về việc tổ chức Tết năm 2018", "Về tăng cường lãnh đạo sản xuất năm 2018"):
        doc = parse_text(header + subject + "\n" + body)
        assert (doc.type, doc.subject) == ("CT", subject)
