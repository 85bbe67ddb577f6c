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
