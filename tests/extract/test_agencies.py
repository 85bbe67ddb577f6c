"""Agency mentions: surface forms to canonical gazetteer ids, lists expanded, spans exact."""

from __future__ import annotations

import pytest
from casefiles import case_ids, load_cases

from vbparse.extract.agencies.matcher import find_agencies, format_gazetteer, load_gazetteer

CASES = load_cases("extract/agencies")


@pytest.mark.parametrize("case", CASES, ids=case_ids(CASES))
def test_agencies_find_agencies(case):
    found = list(
        find_agencies(
            case["text"],
            bare_provinces=case.get("bare_provinces", False),
            province=case.get("province"),
            issuer=case.get("issuer"),
        )
    )
    assert [a.id for a in found] == case["expected"]
    if "names" in case:
        assert [a.name for a in found] == case["names"]
    if "kinds" in case:
        assert [a.kind for a in found] == case["kinds"]


@pytest.mark.parametrize("case", CASES, ids=case_ids(CASES))
def test_agencies_spans_are_exact(case):
    offset = 37
    for agency in find_agencies(
        case["text"], offset=offset, bare_provinces=case.get("bare_provinces", False)
    ):
        assert case["text"][agency.span.start - offset : agency.span.end - offset] == agency.text


def test_agencies_group_name_keeps_its_words():
    (group,) = find_agencies("phối hợp với các Bộ, cơ quan, địa phương liên quan")
    assert group.name == "Các bộ, cơ quan, địa phương liên quan"
    assert group.kind == "group"


def test_agencies_party_committee_links_to_its_ministry():
    gazetteer = load_gazetteer()
    committee = gazetteer.get("dang-uy-bo-khoa-hoc-cong-nghe")
    assert committee is not None and committee.link == "bo-khoa-hoc-cong-nghe"
    assert committee.kind == "party_body"


def test_agencies_every_province_and_ministry_of_the_seeds_resolves():
    gazetteer = load_gazetteer()
    provinces = [
        e for e in gazetteer.entries if e.kind in ("province", "city") and "-cap-" not in e.id
    ]
    assert len([e for e in provinces if e.valid_until is None]) == 34
    assert len(provinces) == 63
    ministries = [e for e in gazetteer.entries if e.kind == "ministry" and e.valid_until is None]
    assert len(ministries) == 17  # 14 ministries + 3 ministerial-level agencies (2025)


def test_agencies_format_gazetteer_lists_every_entry():
    lines = list(format_gazetteer(kind="ministry"))
    assert any(
        line.startswith("bo-khoa-hoc-cong-nghe\tministry\tBộ Khoa học và Công nghệ")
        for line in lines
    )
    assert any("→ bo-khoa-hoc-cong-nghe" in line for line in lines)


def test_agencies_org_ner_is_optional(monkeypatch):
    from vbparse.extract.agencies import org_ner

    monkeypatch.setattr(org_ner, "_load_ner", lambda: None)
    assert list(org_ner.find_proposed_organisations("Hội Nông dân tỉnh phối hợp.")) == []


def test_agencies_org_ner_proposals_are_other_and_skip_gazetteer(monkeypatch):
    from vbparse.extract.agencies import org_ner

    def fake_ner(line: str):
        words = ["Bộ Y tế", "và", "Hội Làm vườn", "Việt Nam", "phối hợp", "."]
        tags = ["B-ORG", "O", "B-ORG", "I-ORG", "O", "O"]
        return [(w, "N", "B-NP", t) for w, t in zip(words, tags, strict=True)]

    monkeypatch.setattr(org_ner, "_load_ner", lambda: fake_ner)
    text = "Bộ Y tế và Hội Làm vườn Việt Nam phối hợp."
    (proposal,) = org_ner.find_proposed_organisations(text, offset=10)
    assert (proposal.name, proposal.kind, proposal.id) == ("Hội Làm vườn Việt Nam", "other", None)
    assert text[proposal.span.start - 10 : proposal.span.end - 10] == proposal.text


@pytest.mark.parametrize(
    ("written", "canonical"),
    [
        # real corpus: tb 565/TB-UBND Quảng Ngãi, qd 435/QĐ-UBND Kon Tum, công văn 7991/BGDĐT
        ("Sở Kế hoạch - Đầu tư", "Sở Kế hoạch và Đầu tư"),
        ("Sở Văn hóa - Thể thao và Du lịch", "Sở Văn hóa, Thể thao và Du lịch"),
        ("Sở Khoa học Công nghệ", "Sở Khoa học và Công nghệ"),
        ("Sở Lao động, Thương binh và Xã hội", "Sở Lao động - Thương binh và Xã hội"),
        ("Bộ Kế hoạch - Đầu tư", "Bộ Kế hoạch và Đầu tư"),
        ("Sở GDĐT", "Sở Giáo dục và Đào tạo"),
        ("Sở NNPTNT", "Sở Nông nghiệp và Phát triển nông thôn"),
    ],
)
def test_agencies_other_spellings_of_a_name(written, canonical):
    found = list(find_agencies(f"Giao {written} chủ trì thực hiện."))
    assert [a.name for a in found] == [canonical]
    assert found[0].text == written


def test_agencies_joiner_spellings_never_displace_a_written_name():
    assert not [c for c in load_gazetteer().conflicts if "spelling" in c]
    # "Sở Văn hóa và Thể thao" is a body of its own, not "Sở Văn hóa, Thể thao và Du lịch"
    found = list(find_agencies("Giao Sở Văn hóa và Thể thao chủ trì."))
    assert [a.name for a in found] == ["Sở Văn hóa và Thể thao"]


@pytest.mark.parametrize(
    ("written", "canonical"),
    [
        # real corpus: kế hoạch of UBND tỉnh Lâm Đồng (b22), kế hoạch 1026/KH-UBND Nghệ An,
        # chỉ thị 05/CT-UBND Quảng Ngãi
        ("Ngân hàng Nhà nước khu vực X", "Ngân hàng Nhà nước khu vực X"),
        ("Kho bạc Nhà nước khu vực XI", "Kho bạc Nhà nước khu vực XI"),
        ("Ngân hàng Nhà nước - Chi nhánh Quảng Ngãi", "Ngân hàng Nhà nước - Chi nhánh Quảng Ngãi"),
        # a commune-level tax office since July 2025 (quyết định 492/QĐ-UBND xã Hòa Phú, b145)
        ("Thuế Cơ sở 1 tỉnh Đắk Lắk", "Thuế Cơ sở 1 tỉnh Đắk Lắk"),
    ],
)
def test_agencies_a_known_bodys_regional_unit_is_a_body_of_its_own(written, canonical):
    found = list(find_agencies(f"Giao {written} chủ trì thực hiện."))
    assert [a.name for a in found] == [canonical]
    assert found[0].id is None


def test_agencies_tinh_doan_is_no_territory():
    found = list(
        find_agencies("Hội Cựu chiến binh tỉnh, Tỉnh đoàn tuyên truyền.", province="Quảng Ngãi")
    )
    assert [a.name for a in found] == ["Hội Cựu chiến binh tỉnh Quảng Ngãi", "Tỉnh đoàn Quảng Ngãi"]


def test_agencies_a_board_of_two_kinds_of_zone_is_one_name():
    """kế hoạch 310/KH-UBND Hà Nội and thông báo 660/TB-UBND Quảng Ngãi (real)."""
    text = (
        "Giao Ban Quản lý các khu công nghệ cao và khu công nghiệp thành phố Hà Nội chủ trì, "
        "phối hợp Ban Quản lý Khu kinh tế Dung Quất và các khu công nghiệp Quảng Ngãi."
    )
    assert [a.name for a in find_agencies(text)] == [
        "Ban Quản lý các khu công nghệ cao và khu công nghiệp thành phố Hà Nội",
        "Ban Quản lý Khu kinh tế Dung Quất và các khu công nghiệp Quảng Ngãi",
    ]


def test_agencies_a_unit_of_the_provincial_party_committee_takes_the_province():
    """kế hoạch 0125/KH-UBND Đắk Lắk (real, b23): "Ban Tuyên giáo và Dân vận Tỉnh ủy"."""
    found = list(
        find_agencies("Ban Tuyên giáo và Dân vận Tỉnh ủy chủ trì tuyên truyền.", province="Đắk Lắk")
    )
    assert [a.name for a in found] == ["Ban Tuyên giáo và Dân vận Tỉnh ủy Đắk Lắk"]


def test_agencies_a_body_named_with_the_issuers_district_word_takes_the_district():
    """công văn 476/UBND of Ủy ban nhân dân huyện Châu Thành, Hậu Giang (real, b23), whose
    header writes the district in capitals."""
    found = find_agencies(
        "Giao Trung tâm Y tế huyện chủ trì, phối hợp Phòng Văn hóa - Thông tin huyện.",
        issuer="Ủy ban nhân dân huyện Châu Thành",
        province="Hậu Giang",
    )
    assert [a.name for a in found] == [
        "Trung tâm Y tế huyện Châu Thành",
        "Phòng Văn hóa - Thông tin huyện Châu Thành",
    ]
    (committee,) = find_agencies("ỦY BAN NHÂN DÂN HUYỆN CHÂU THÀNH")
    assert committee.name == "Ủy ban nhân dân huyện Châu Thành"


def test_agencies_the_issuers_place_read_past_a_comma_in_its_name():
    """An issuer whose name has a comma or a hyphen before its place still has that place
    (công văn of Ban Chỉ đạo phòng, chống dịch Covid-19 quận Hoàng Mai, real scan b96)."""
    found = find_agencies(
        "Giao Trung tâm Y tế Quận chủ trì, phối hợp Công an quận.",
        issuer="Ban Chỉ đạo phòng, chống dịch Covid-19 quận Hoàng Mai",
    )
    assert [a.name for a in found] == ["Trung tâm Y tế Quận Hoàng Mai", "Công an quận Hoàng Mai"]
    (centre,) = find_agencies(
        "Giao Trung tâm Văn hóa tỉnh chủ trì.",
        issuer="Sở Văn hóa, Thể thao và Du lịch tỉnh Lâm Đồng",
    )
    assert centre.name == "Trung tâm Văn hóa tỉnh Lâm Đồng"


def test_agencies_a_board_or_centre_without_its_place_is_the_issuers_localitys():
    """thông báo of UBND tỉnh Lâm Đồng on the Tân Phú – Bảo Lộc expressway (2026, real DOCX,
    b15): the province's project board and land-fund centre are named without the province; a
    board of an association or one named with its level keeps its words."""
    text = (
        "Giao Ban Quản lý dự án đầu tư xây dựng số 1 chủ trì, phối hợp Trung tâm Phát triển "
        "quỹ đất, Ban Chỉ đạo quốc gia về phòng thủ dân sự và Ban Chủ nhiệm Đoàn Luật sư."
    )
    found = find_agencies(text, issuer="Ủy ban nhân dân tỉnh Lâm Đồng", province="Lâm Đồng")
    assert [a.name for a in found] == [
        "Ban Quản lý dự án đầu tư xây dựng số 1 tỉnh Lâm Đồng",
        "Trung tâm Phát triển quỹ đất tỉnh Lâm Đồng",
        "Ban Chỉ đạo Phòng thủ dân sự quốc gia",
        "Ban Chủ nhiệm Đoàn Luật sư",
    ]
    (board,) = find_agencies("Ban Chỉ đạo 389 chỉ đạo", issuer="Ủy ban nhân dân huyện Bình Sơn")
    assert board.name == "Ban Chỉ đạo 389 huyện Bình Sơn"
    (unplaced,) = find_agencies("Ban Chỉ đạo 389 chỉ đạo", issuer="Bộ Công Thương")
    assert unplaced.name == "Ban Chỉ đạo 389"


def test_agencies_a_department_written_with_its_unit_word_before_territories_is_one_group():
    """công văn 4024/BHXH-CSYT (2008, real web copy, b24): "Bảo hiểm xã hội các tỉnh, thành
    phố" is the social insurance office of every province, not the provinces."""
    (group,) = find_agencies("đề nghị Bảo hiểm xã hội các tỉnh, thành phố thực hiện nghiêm túc")
    assert (group.name, group.kind) == ("Bảo hiểm xã hội các tỉnh, thành phố", "group")


def test_agencies_a_board_of_zones_written_with_the_abbreviation():
    """công văn 403/KCN-VP of Ban Quản lý các KCN tỉnh Bắc Giang (2012, real scan, b25)."""
    (board,) = find_agencies(
        "Ban Quản lý các KCN trân trọng thông báo để Văn phòng biết.",
        issuer="Ủy ban nhân dân tỉnh Bắc Giang",
    )
    assert board.name == "Ban Quản lý các KCN tỉnh Bắc Giang"


def test_agencies_a_dash_in_a_bodys_name_is_a_hyphen():
    """chỉ thị 16/CT-UBND Quảng Ngãi (real PDF, an OCR text layer): "Đài Phát thanh —
    Truyền hình tỉnh"; the canonical name has the hyphen the other copies write."""
    found = list(find_agencies("Đài Phát thanh — Truyền hình tỉnh Quảng Ngãi phối hợp."))
    assert [a.name for a in found] == ["Đài Phát thanh - Truyền hình tỉnh Quảng Ngãi"]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # công điện of the Thủ tướng on the floods of Trung Bộ, 2025 (real Markdown, b34)
        ("2. Các Bộ Quốc phòng, Công an: Chỉ đạo lực lượng", ["Bộ Quốc phòng", "Bộ Công an"]),
        (
            "4. Các Bộ Xây dựng và Công an: Phối hợp với Công an các địa phương",
            ["Bộ Xây dựng", "Bộ Công an", "Công an các địa phương"],
        ),
        (
            "giao các Bộ Tài chính, Kế hoạch và Đầu tư, Tư pháp nghiên cứu",
            ["Bộ Tài chính", "Bộ Kế hoạch và Đầu tư", "Bộ Tư pháp"],
        ),
        # công điện of the Thủ tướng (real Markdown, b34): provinces after "các tỉnh"
        (
            "Chủ tịch Ủy ban nhân dân các tỉnh Khánh Hòa, Đắk Lắk, Gia Lai, Lâm Đồng tiếp tục",
            [
                "Ủy ban nhân dân tỉnh Khánh Hòa",
                "Ủy ban nhân dân tỉnh Đắk Lắk",
                "Ủy ban nhân dân tỉnh Gia Lai",
                "Ủy ban nhân dân tỉnh Lâm Đồng",
            ],
        ),
        # one province after the group: no list
        ("Ủy ban nhân dân các tỉnh Tây Nguyên chỉ đạo", ["Ủy ban nhân dân các tỉnh"]),
        # no "các": one ministry, then words of the sentence
        ("giao Bộ Quốc phòng, Công an các tỉnh phối hợp", ["Bộ Quốc phòng", "Công an các tỉnh"]),
        # "các" and one ministry, then another body: no list
        (
            "phối hợp với các Bộ Tài chính và Ủy ban nhân dân tỉnh Hà Giang",
            ["Bộ Tài chính", "Ủy ban nhân dân tỉnh Hà Giang"],
        ),
    ],
)
def test_agencies_members_listed_after_cac_without_a_colon(text, names):
    """ "các Bộ Quốc phòng, Công an", "Ủy ban nhân dân các tỉnh Khánh Hòa, Đắk Lắk": the head
    noun is shared by the short names after it, as in "các Bộ: Quốc phòng, Công an"."""
    assert [a.name for a in find_agencies(text)] == names


def test_agencies_a_group_before_bodies_in_full_is_no_colonless_list():
    """ "Các Chi cục Hải quan khu vực va Chi cục Điều tra chống buôn lậu" (công văn
    40090/CHQ-GSQL, a scanner's OCR layer, real): the body after the group is not one of its
    members; both stay. A body in each province keeps its name: no province's committee."""
    names = [
        a.name
        for a in find_agencies("Các Chi cục Hải quan khu vực va Chi cục Điều tra chống buôn lậu.")
    ]
    assert names[1] == "Chi cục Điều tra chống buôn lậu"
    found = find_agencies("giao Ban Chủ nhiệm Đoàn Luật sư các tỉnh Đắk Nông, Bình Thuận thực hiện")
    assert not any(a.name.startswith("Ủy ban nhân dân") for a in found)


def test_committees_of_provinces_spoken_of_one_by_one_are_the_group():
    """ "Ủy ban nhân dân tỉnh, thành phố chỉ đạo …" (công văn 3917/BTP-BTTP, real PDF): every
    province's committee, the group "… các tỉnh, thành phố"; the communes' committees in a
    province's text keep their words ("Ủy ban nhân dân xã, phường", real golds)."""
    from vbparse.extract.agencies.matcher import find_agencies

    def names(text: str) -> list[str]:
        return [a.name for a in find_agencies(text)]

    assert names("đề nghị Ủy ban nhân dân tỉnh, thành phố chỉ đạo tổ chức đại hội") == [
        "Ủy ban nhân dân các tỉnh, thành phố"
    ]
    assert names("đề nghị UBND tỉnh, thành phố trực thuộc Trung ương chỉ đạo") == [
        "Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương"
    ]
    assert names("giao Ủy ban nhân dân xã, phường rà soát") == ["Ủy ban nhân dân xã, phường"]
    assert names("phối hợp với Công an tỉnh, thành phố") == ["Công an tỉnh, thành phố"]


def test_territories_whose_comma_the_print_lost_are_named_as_listed():
    """ "Ủy ban nhân dân các phường xã, đặc khu" (kế hoạch 4644/KH-SGDĐT, real PDF): the
    committees of the phường, the xã and the đặc khu, named with the list's commas."""
    from vbparse.extract.agencies.matcher import find_agencies

    names = [a.name for a in find_agencies("phối hợp với Ủy ban nhân dân các phường xã, đặc khu")]
    assert names == ["Ủy ban nhân dân các phường, xã, đặc khu"]


def test_provincial_police_written_with_the_citys_name_alone():
    """ "… Ủy ban nhân dân thành phố Hà Nội và Công an Hà Nội báo cáo" (công văn
    6792/VPCP-KGVX, real b54): the city's police, named as "Công an thành phố Hà Nội"."""
    from vbparse.extract.agencies.matcher import find_agencies

    names = [a.name for a in find_agencies("yêu cầu Bộ Y tế và Công an Hà Nội báo cáo")]
    assert names == ["Bộ Y tế", "Công an thành phố Hà Nội"]


def test_provincial_power_company_written_short():
    """The province's power company, named "Công ty Điện lực Quảng Ngãi" by the real golds,
    is written "Điện lực tỉnh" too ("Cty Điện lực tỉnh; Các DN viễn thông", a Nơi nhận of kế
    hoạch 0129/KH-UBND Đắk Lắk, real); "Điện lực" alone names the sector, no body."""
    from vbparse.extract.agencies.matcher import find_agencies

    def names(text: str) -> list[str]:
        return [a.name for a in find_agencies(text, province="Đắk Lắk")]

    assert names("phối hợp với Cty Điện lực tỉnh bảo đảm cấp điện") == [
        "Công ty Điện lực tỉnh Đắk Lắk"
    ]
    assert names("phối hợp với Điện lực Đắk Lắk") == ["Công ty Điện lực Đắk Lắk"]
    assert names("theo quy định của Luật Điện lực và ngành điện lực") == []


def test_provincial_branches_of_the_post_and_telecom_groups():
    """ "VNPT Quảng Ngãi chủ động phối hợp …" (chỉ thị 05/CT-UBND Quảng Ngãi, real scan),
    "Viettel Lâm Đồng", "Mobifone Lâm Đồng" (công văn 855/CAT-PA05, real): the province's
    branch, as every real gold names it; the brand alone is still the group."""
    from vbparse.extract.agencies.matcher import find_agencies

    def names(text: str) -> list[str]:
        return [a.name for a in find_agencies(text, province="Quảng Ngãi")]

    assert names("VNPT Quảng Ngãi chủ động phối hợp với Bưu điện tỉnh") == [
        "VNPT Quảng Ngãi",
        "Bưu điện tỉnh Quảng Ngãi",
    ]
    assert names("Viettel Lâm Đồng, Mobifone Lâm Đồng") == ["Viettel Lâm Đồng", "MobiFone Lâm Đồng"]
    assert names("Tập đoàn VNPT") == ["Tập đoàn Bưu chính Viễn thông Việt Nam"]


def test_division_named_after_its_heads_title_in_lower_case():
    """ "đề nghị Trưởng phòng Tài chính - Kế hoạch các huyện chỉ đạo" (the usual address of a
    Sở's letter to the districts' divisions): the division, "Phòng Tài chính - Kế hoạch các
    huyện", not "Các huyện"; "Trưởng ban …" stays as it was (heads_in_titles is "phòng" only)."""
    from vbparse.extract.agencies.matcher import find_agencies
    from vbparse.pipeline import parse_text

    names = [a.name for a in find_agencies("đề nghị Trưởng phòng Tài chính - Kế hoạch các huyện")]
    assert names == ["Phòng Tài chính - Kế hoạch các huyện"]
    doc = parse_text(
        "SỞ GIÁO DỤC VÀ ĐÀO TẠO\nSố: 12/SGDĐT-KHTC\nV/v báo cáo\nĐồng Nai, ngày 1 tháng 3 năm "
        "2025\nKính gửi: Phòng Giáo dục và Đào tạo các huyện, thành phố\n\nSở Giáo dục và Đào "
        "tạo đề nghị Trưởng phòng Giáo dục và Đào tạo các huyện, thành phố chỉ đạo các trường "
        "báo cáo trước ngày 15/3/2025./.\n"
    )
    assert [a.name for t in doc.tasks for a in t.lead] == [
        "Phòng Giáo dục và Đào tạo các huyện, thành phố"
    ]


def test_agencies_a_communes_own_bodies_named_by_its_unit_word():
    """Since July 2025 a commune is the level below the province, with divisions of its own:
    in quyết định 492/QĐ-UBND of Ủy ban nhân dân xã Hòa Phú (real b145) "Phòng Kinh tế" and
    "Ủy ban nhân dân xã" are that commune's; the Front's short forms are written out."""
    found = find_agencies(
        "Giao Phòng Kinh tế, Ủy ban nhân dân xã và Ban Thường trực UBMTTQ xã thực hiện.",
        issuer="Ủy ban nhân dân xã Hòa Phú",
    )
    assert [a.name for a in found] == [
        "Phòng Kinh tế xã Hòa Phú",
        "Ủy ban nhân dân xã Hòa Phú",
        "Ban Thường trực Ủy ban Mặt trận Tổ quốc xã Hòa Phú",
    ]
    # in a province's text "Ủy ban nhân dân xã" stays the group of every commune
    (group,) = find_agencies("Giao Ủy ban nhân dân xã thực hiện.", issuer="Sở Y tế tỉnh Lâm Đồng")
    assert group.kind == "group"
