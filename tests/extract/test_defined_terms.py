"""Short names a directive defines for bodies it has just named (defined_terms.yaml)."""

from __future__ import annotations

from vbparse.extract.agencies.defined_terms import find_defined_terms


def _names(terms, words: str) -> list[str]:
    from vbparse.extract.agencies.defined_terms import _key

    term = terms.get(_key(words))
    return [b.name for b in term.bodies] if term else []


def test_defined_with_goi_tat_viet_tat_and_goi_chung():
    """The three ways real directives write it (công văn of Bộ Nội vụ, 2025; thông báo
    660/TB-UBND Quảng Ngãi, 2024; công văn 627/BYT-BH, 2021)."""
    text = (
        "Bộ Nội vụ hướng dẫn các bộ, cơ quan ngang bộ (gọi tắt là bộ) và Ủy ban nhân dân các "
        "tỉnh, thành phố trực thuộc Trung ương (gọi tắt là tỉnh) thực hiện. Chủ tịch Ủy ban "
        "nhân dân tỉnh chủ trì cuộc họp với Ban Chỉ đạo 389 tỉnh (sau đây viết tắt là Ban Chỉ "
        "đạo) tại trụ sở."
    )
    terms = find_defined_terms(text, body_start=0, addressees=[], province="Quảng Ngãi")
    assert _names(terms, "bộ") == ["Các bộ, cơ quan ngang bộ"]
    assert _names(terms, "tỉnh") == ["Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương"]
    assert _names(terms, "Ban Chỉ đạo") == ["Ban Chỉ đạo 389 tỉnh Quảng Ngãi"]


def test_a_definition_of_no_body_defines_nothing():
    text = "Quyết định số 1187/QĐ-BNV phê duyệt Đề án (gọi tắt là Quyết định số 1187/QĐ-BNV)."
    assert find_defined_terms(text, body_start=0, addressees=[]) == {}


def test_a_group_said_above_is_the_addressees_of_its_kind():
    """ "4. Các Sở Xây dựng nêu trên" in a công điện to four provinces' Sở Xây dựng (công điện
    96/CĐ-BXD, real): those four, not a group of every Sở Xây dựng."""
    from vbparse.extract.agencies.defined_terms import name_as_addressed
    from vbparse.models import Agency, Span, Task

    addressees = [
        Agency(name="Sở Xây dựng tỉnh Gia Lai", kind="local_body", text="Gia Lai"),
        Agency(name="Sở Xây dựng tỉnh Đắk Lắk", kind="local_body", text="Đắk Lắk"),
        Agency(name="Ban Quản lý Dự án 85", kind="board", text="Ban Quản lý Dự án 85"),
    ]

    def led_by(group: str) -> list[str]:
        said = Agency(name=group, kind="group", text=group)
        task = Task(id="4", task_id="96/CĐ-BXD#4", text="…", span=Span(start=0, end=1), lead=[said])
        return [a.name for a in name_as_addressed([task], addressees)[0].lead]

    assert led_by("Các Sở Xây dựng nêu trên") == [
        "Sở Xây dựng tỉnh Gia Lai",
        "Sở Xây dựng tỉnh Đắk Lắk",
    ]
    assert led_by("Các Sở Y tế nêu trên") == ["Các Sở Y tế nêu trên"]


def test_defined_terms_the_units_of_a_letter_are_its_addressees():
    """ "Tổng cục Hải quan đề nghị các đơn vị thực hiện" under one Kính gửi entry (công văn
    19046/BTC-TCHQ, real web copy): the units told to act are the addressee; under several,
    they are all of them (the Sở GD&ĐT letters of Vĩnh Long, real b84). As the bodies
    co-ordinated with, "các đơn vị liên quan" keeps its words."""
    from vbparse.pipeline import parse_text

    head = (
        "BỘ TÀI CHÍNH\nTỔNG CỤC HẢI QUAN\nSố: 19046/BTC-TCHQ\nV/v thực hiện Luật Hải quan\n"
        "Hà Nội, ngày 26 tháng 12 năm 2014\n"
    )
    body = (
        "Để thực hiện thống nhất quy định của Luật Hải quan năm 2014, Bộ Tài chính đề nghị "
        "các đơn vị thực hiện kiểm tra, giám sát hải quan, phối hợp với các đơn vị liên quan "
        "báo cáo kết quả./.\n"
    )

    def roles(recipients: str) -> tuple[list[str], list[str]]:
        (task,) = parse_text(f"{head}Kính gửi: {recipients}\n\n{body}").tasks
        return [a.name for a in task.lead], [a.name for a in task.support]

    assert roles("Cục Hải quan các tỉnh, thành phố") == (
        ["Cục Hải quan các tỉnh, thành phố"],
        ["Các đơn vị liên quan"],
    )
    assert roles("\n- Cục Hải quan các tỉnh, thành phố;\n- Cục Kiểm tra sau thông quan.") == (
        ["Cục Hải quan các tỉnh, thành phố", "Cục Kiểm tra sau thông quan"],
        ["Các đơn vị liên quan"],
    )
