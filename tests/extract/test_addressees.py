"""Addressees the gazetteer lacks and the requests that name them (issue 10)."""

from __future__ import annotations

from vbparse.extract.agencies.addressees import addressed_by_head, unlisted_addressees
from vbparse.models import Agency


def _names(agencies: list[Agency]) -> list[str]:
    return [a.name for a in agencies]


def test_an_entry_headed_by_a_kind_of_body_is_an_addressee():
    """ "Kính gửi: Hội nghề Cá Việt Nam" (công văn 944/BNN-TCCB, real): no gazetteer body."""
    found = unlisted_addressees(["- Hội nghề Cá Việt Nam;", "Ông Nguyễn Văn A"], [])
    assert _names(found) == ["Hội nghề Cá Việt Nam"]


def test_a_head_that_stands_alone_names_the_one_addressee_it_heads():
    company = unlisted_addressees(["Công Ty TNHH Khuôn Mẫu Yong Hong"], [])
    said = addressed_by_head("Đề nghị Công ty căn cứ vào tình hình thực tế.", 0, company)
    assert _names(said) == ["Công Ty TNHH Khuôn Mẫu Yong Hong"]


def test_a_department_named_by_its_head_alone_is_the_one_addressed():
    """ "Đề nghị Cục thuế kiểm tra …" under "Kính gửi: Cục Thuế tinh Đồng Nai" (công văn
    4542/TCT-CS as its OCR text reads, real b141): the Cục the letter is addressed to."""
    one = unlisted_addressees(["Kính gửi: Cục Thuế tinh Đồng Nai"[10:]], [])
    said = addressed_by_head("Đề nghị Cục thuế kiểm tra cụ thể tình hình thực tế.", 0, one)
    assert _names(said) == ["Cục Thuế tinh Đồng Nai"]


def test_a_list_head_in_the_kinh_gui_is_no_body():
    """ "- Các Cục: Đường bộ Việt Nam, Đường sắt Việt Nam, …" (công điện 96/CĐ-BXD, real):
    the bodies are the members listed after its colon, not the line."""
    assert unlisted_addressees(["- Các Cục: Đường bộ Việt Nam, Đường sắt Việt Nam;"], []) == []


def test_a_board_is_named_by_its_whole_name_only():
    """ "Ban chấp hành Hội công chứng viên" is another board than the addressee "Ban Chủ nhiệm
    Đoàn Luật sư" (công văn 223/STP-BTTP, real): "Ban" alone names no one."""
    board = unlisted_addressees(["- Ban Chủ nhiệm Đoàn Luật sư;"], [])
    assert addressed_by_head("Đề nghị Ban chấp hành Hội công chứng viên thực hiện.", 0, board) == []
    said = addressed_by_head("Đề nghị Ban Chủ nhiệm Đoàn Luật sư thực hiện.", 0, board)
    assert _names(said) == ["Ban Chủ nhiệm Đoàn Luật sư"]


def test_quý_and_first_words_name_every_addressee_they_begin():
    """ "đề nghị quý Tổng cục nghiên cứu …" under two Tổng cục (công văn 1457/BNN-KHCN, real)."""
    two = [
        Agency(name="Tổng cục Lâm nghiệp", text="Tổng cục Lâm nghiệp"),
        Agency(name="Tổng cục Thủy sản", text="Tổng cục Thủy sản"),
        Agency(name="Bộ Tài chính", text="Bộ Tài chính"),
    ]
    said = addressed_by_head("đề nghị quý Tổng cục nghiên cứu kỹ Báo cáo", 0, two)
    assert _names(said) == ["Tổng cục Lâm nghiệp", "Tổng cục Thủy sản"]


def test_a_ward_named_after_two_places_keeps_its_dash():
    """ "phường Xuân Hương - Đà Lạt" (a ward of Lâm Đồng since 2025, kế hoạch of UBND tỉnh Lâm
    Đồng, real DOCX) is one name; a dash before another body's name ends the ward's."""
    from vbparse.extract.agencies.matcher import find_agencies

    def names(text: str) -> list[str]:
        return [a.name for a in find_agencies(text, province="ubnd-tinh-lam-dong")]

    assert names("giao Ủy ban nhân dân phường Xuân Hương – Đà Lạt chủ trì") == [
        "Ủy ban nhân dân phường Xuân Hương - Đà Lạt"
    ]
    assert names("Ủy ban nhân dân xã Tân Phong - Sở Y tế") == [
        "Ủy ban nhân dân xã Tân Phong",
        "Sở Y tế tỉnh Lâm Đồng",
    ]


def test_an_agency_cell_names_kinds_of_body_without_các():
    """The PHỐI HỢP column of kế hoạch 552/KH-UBND Đồng Tháp (real): "Sở, ban, ngành có liên
    quan" is a group as written; a cell item that makes no group names no one."""
    from vbparse.extract.tasks.cell_agencies import cell_agencies
    from vbparse.models import Span
    from vbparse.segment.tables import Cell

    def names(text: str) -> list[str]:
        cell = Cell(text=text, span=Span(start=100, end=100 + len(text)))
        return [a.name for a in cell_agencies(cell, province="ubnd-tinh-dong-thap")]

    assert names("Sở, ban, ngành có liên quan") == ["Sở, ban, ngành có liên quan"]
    assert names("Sở Công Thương; Sở, ban, ngành có liên quan") == [
        "Sở Công Thương tỉnh Đồng Tháp",
        "Sở, ban, ngành có liên quan",
    ]
    assert names("Thường xuyên") == []


def test_an_agency_cell_names_a_body_with_its_second_word_in_lower_case():
    """The "Đơn vị chủ trì" cell of Phụ lục 1 of kế hoạch 1914/KH-UBND Hải Dương (real PDF,
    b71): "Ban quản lý dự án đầu tư xây dựng tỉnh" is the province's board; words that make
    no body stay no one's."""
    from vbparse.extract.tasks.cell_agencies import cell_agencies
    from vbparse.models import Span
    from vbparse.segment.tables import Cell

    def names(text: str) -> list[str]:
        cell = Cell(text=text, span=Span(start=100, end=100 + len(text)))
        return [a.name for a in cell_agencies(cell, province="ubnd-tinh-hai-duong")]

    assert names("Ban quản lý dự án đầu tư xây dựng tỉnh") == [
        "Ban Quản lý dự án đầu tư xây dựng tỉnh Hải Dương"
    ]
    assert names("Năm 2023") == []
    assert names("Thường xuyên theo kế hoạch") == []


def test_a_second_person_with_a_verb_after_it_names_every_addressee():
    """ "Văn phòng Chính phủ đề nghị các đồng chí quan tâm chỉ đạo …" under three Kính gửi
    lines of people (công văn 2617/VPCP-TCCV, real); "đề nghị đồng chí Giám đốc Công an …"
    names a body of its own (công văn 1989/V11-TTTTBC, real)."""
    addressed = [
        Agency(name="Các bộ, cơ quan ngang bộ", text="Bộ trưởng, Thủ trưởng cơ quan ngang bộ"),
        Agency(name="Ngân hàng Phát triển Việt Nam", text="Ngân hàng Phát triển Việt Nam"),
    ]
    text = "Căn cứ nội dung Báo cáo, Văn phòng Chính phủ đề nghị các đồng chí quan tâm chỉ đạo"
    said = addressed_by_head(text, 10, addressed)
    assert _names(said) == ["Các bộ, cơ quan ngang bộ", "Ngân hàng Phát triển Việt Nam"]
    assert said[0].span is not None and said[0].span.start == 10 + text.index("các đồng chí")
    own = "Văn phòng Bộ đề nghị đồng chí Giám đốc Công an thành phố Hà Nội chỉ đạo"
    assert addressed_by_head(own, 0, addressed) == []
    assert addressed_by_head(text, 0, []) == []


def test_schools_are_a_group_after_a_joiner_not_cases_or_fields():
    """ "Viện, Trường; Sở, ban, ngành có liên quan" (PHỐI HỢP column of kế hoạch 552/KH-UBND
    Đồng Tháp, real)."""
    from vbparse.extract.agencies.matcher import find_agencies

    def names(text: str) -> list[str]:
        return [a.name for a in find_agencies(text)]

    assert names("phối hợp với các Viện, Trường") == ["Các viện, trường"]
    assert names("xử lý các trường hợp vi phạm") == []
    assert names("điền các trường thông tin bắt buộc") == []


def test_a_department_before_a_list_of_provinces_is_each_provinces_own():
    """ "Sở Xây dựng các tỉnh, thành phố: Gia Lai, Đắk Lắk, Khánh Hòa, Lâm Đồng" (the
    addressees of công điện 96/CĐ-BXD, real): four departments, not "Sở Xây dựng" and four
    provincial committees; a list after another body and a comma stays the committees."""
    from vbparse.extract.agencies.matcher import find_agencies

    def names(text: str) -> list[str]:
        return [a.name for a in find_agencies(text)]

    assert names("- Sở Xây dựng các tỉnh, thành phố: Gia Lai, Đắk Lắk, Lâm Đồng.") == [
        "Sở Xây dựng tỉnh Gia Lai",
        "Sở Xây dựng tỉnh Đắk Lắk",
        "Sở Xây dựng tỉnh Lâm Đồng",
    ]
    assert names("Bộ Y tế, các tỉnh: Cao Bằng, Lạng Sơn") == [
        "Bộ Y tế",
        "Ủy ban nhân dân tỉnh Cao Bằng",
        "Ủy ban nhân dân tỉnh Lạng Sơn",
    ]
