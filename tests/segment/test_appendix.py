"""Appendices and task tables: headings, header phrasings, rows and cells in both forms."""

from __future__ import annotations

from pathlib import Path

import pytest
from casefiles import case_ids, load_cases

from vbparse.grammars import load_yaml
from vbparse.normalize import normalize
from vbparse.segment.appendix import find_appendices
from vbparse.segment.tables import cell_fits, header_meaning
from vbparse.segment.task_tables import find_task_tables, segment_region

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
SEED_004 = FIXTURES / "seeds" / "004_a135c2dc3c7e6627.txt"
PIPE_004 = FIXTURES / "extra" / "004_pipe_rows.txt"

HEADERS = load_cases("segment/appendix_headers")
# flat tables whose cells only their positions place (issue 6): fixtures/extra/cases
TABLES = load_cases("segment/appendix_tables") + load_cases("fixtures/extra/flat_tables")
HEADINGS = load_cases("segment/appendix_headings")


@pytest.mark.parametrize("case", HEADERS, ids=case_ids(HEADERS))
def test_appendix_header_meaning(case):
    assert header_meaning(case["text"]) == case["expected"]


def _shape_examples():
    out = []
    for entry in load_yaml("appendix/columns.yaml")["columns"]:
        for example in entry.get("examples", []):
            out.append((entry["meaning"], example))
    return out


@pytest.mark.parametrize(("meaning", "example"), _shape_examples())
def test_appendix_cell_shape_examples_fit(meaning, example):
    assert cell_fits(meaning, example)


@pytest.mark.parametrize(
    ("meaning", "line"),
    [
        ("deadline", "Bộ Công an"),
        ("deadline", "Xây dựng Nghị định trước ngày 30/6/2025 để trình Chính phủ"),
        ("source_ref", "Bộ Công an"),
        ("lead", "30/6/2025"),
        ("lead", "[HOÀN THÀNH"),
        # sentences and products are no organisation names (issue 6)
        ("lead", "Xây dựng cơ sở dữ liệu về nhu cầu nhà ở xã hội của công nhân, người lao động"),
        ("lead", "Quyết định ban hành thiết kế mẫu"),
        ("support", "Tham mưu Chính phủ thành lập Ủy ban dữ liệu quốc gia"),
        ("pending", "Cơ sở dữ liệu được cập nhật"),
        ("support", "Quyết định của Thủ tướng Chính phủ phê duyệt Đề án"),
    ],
)
def test_appendix_cell_shape_rejects(meaning, line):
    assert not cell_fits(meaning, line)


def _check_spans(text, table):
    for row in table.rows:
        assert row.label in text[row.span.start : row.span.end]
        for cell in row.cells:
            if not cell.parts or len(cell.parts) == 1:
                assert text[cell.span.start : cell.span.end] == cell.text


@pytest.mark.parametrize("case", TABLES, ids=case_ids(TABLES))
def test_appendix_task_tables(case):
    text = case["text"]
    tables = find_task_tables(text)
    if case["columns"] is None:
        assert tables == []
        return
    assert len(tables) == 1
    (table,) = tables
    assert list(table.columns) == case["columns"]
    assert len(table.rows) == len(case["rows"])
    for row, expected in zip(table.rows, case["rows"], strict=True):
        assert row.label == expected["label"]
        assert row.group == expected.get("group")
        for meaning, value in expected.items():
            if meaning in ("label", "group"):
                continue
            assert table.cell(row, meaning).text == value, meaning
    _check_spans(text, table)


def test_appendix_task_tables_offset():
    case = TABLES[0]
    prefix = "Văn bản.\n\n"
    text = prefix + case["text"]
    (table,) = find_task_tables(text[len(prefix) :], offset=len(prefix))
    _check_spans(text, table)


@pytest.mark.parametrize("case", HEADINGS, ids=case_ids(HEADINGS))
def test_appendix_headings(case):
    text = case["text"]
    found = find_appendices(text)
    assert len(found) == len(case["expected"])
    for appendix, expected in zip(found, case["expected"], strict=True):
        assert appendix.label == expected["label"]
        assert appendix.title == expected["title"]
        assert appendix.attached_to == expected["attached_to"]
        assert text[appendix.span.start : appendix.span.end].startswith(expected["starts_with"])


@pytest.mark.parametrize("path", [SEED_004, PIPE_004], ids=["flat", "pipe"])
@pytest.mark.parametrize("normalized", [False, True], ids=["raw", "normalized"])
def test_appendix_seed004_rows(path, normalized):
    """Seed 004's appendix: 33 rows, TT in sequence, each with its five cells."""
    text = path.read_text(encoding="utf-8")
    if normalized:
        text = normalize(text).text
    (appendix,) = find_appendices(text)
    assert appendix.title == "DANH MỤC NHIỆM VỤ QUÁ HẠN"
    assert appendix.attached_to == "365/TB-VPCP"
    (table,) = appendix.tables
    assert list(table.columns) == ["seq", "task", "source_ref", "lead", "deadline", "pending"]
    assert [row.number for row in table.rows] == list(range(1, 34))
    for row in table.rows:
        assert table.cell(row, "source_ref").text.startswith(("Nghị quyết", "Thông báo"))
        assert cell_fits("deadline", table.cell(row, "deadline").text)
        assert cell_fits("lead", table.cell(row, "lead").text)
    last = table.rows[-1]
    assert table.cell(last, "pending").empty
    assert "Nguồn tra cứu" not in text[table.span.start : table.span.end]
    row12 = table.rows[11]
    assert table.cell(row12, "pending").text.startswith("[HOÀN THÀNH")
    assert table.cell(row12, "lead").text == "Bộ Nội vụ"
    row22 = table.rows[21]
    assert table.cell(row22, "pending").text.rstrip().endswith("Tuyên Quang")
    _check_spans(text, table)


ATTACHMENTS = load_cases("fixtures/extra/attachments")
REGIONS = load_cases("fixtures/extra/region_tables")


@pytest.mark.parametrize("case", ATTACHMENTS, ids=case_ids(ATTACHMENTS))
def test_appendix_attachments(case):
    """Attached documents (issue 6): heading, caption, body, clause tree and tables."""
    text = case["text"]
    found = find_appendices(text)
    assert len(found) == len(case["expected"])
    for appendix, expected in zip(found, case["expected"], strict=True):
        assert appendix.kind == expected["kind"]
        assert appendix.doc_type == expected["doc_type"]
        assert appendix.title == expected["title"]
        assert appendix.attached_to == expected["attached_to"]
        assert sum(len(table.rows) for table in appendix.tables) == expected["rows"]
        if expected["body_starts_with"] is None:
            assert appendix.body is None and appendix.tree is None
            continue
        assert text[appendix.body.start : appendix.body.end].startswith(
            expected["body_starts_with"]
        )
        assert [clause.id for clause in appendix.tree.walk()] == expected["clauses"]
        for table in appendix.tables:
            _check_spans(text, table)


def test_appendix_attachments_offset():
    case = ATTACHMENTS[0]
    prefix = "Văn bản.\n\n"
    text = prefix + case["text"]
    (appendix,) = find_appendices(text[len(prefix) :], offset=len(prefix))
    assert text[appendix.span.start :].startswith("KẾ HOẠCH")
    assert text[appendix.body.start :].startswith("I. MỤC ĐÍCH")
    clause = next(c for c in appendix.tree.walk() if c.id == "II.1.a")
    assert text[clause.text_start : clause.own_end].startswith("Chủ trì theo dõi")
    for table in appendix.tables:
        _check_spans(text, table)


@pytest.mark.parametrize("case", REGIONS, ids=case_ids(REGIONS))
def test_appendix_region_tables(case):
    """Task tables in a body region: their lines are no clauses (issue 6)."""
    text = case["text"]
    region = segment_region(text, 0, len(text))
    own = {c.id: text[c.text_start : c.own_end] for c in region.tree.walk()}
    assert list(own) == list(case["clauses"])
    for clause_id, words in case["clauses"].items():
        assert own[clause_id].startswith(words), clause_id
        assert "|" not in own[clause_id] and "Tháng 11/2025" not in own[clause_id]
    assert sum(len(table.rows) for table in region.tables) == case["rows"]
    for table in region.tables:
        _check_spans(text, table)


def test_appendix_report_form_of_figures_is_no_task_table():
    """Phụ lục I of kế hoạch 2155/KH-SYT Kiên Giang (real scan, b70): a form whose rows are
    what to count ("Giường bệnh kế hoạch", "Số bác sĩ trực tiếp điều trị"), its figures blank;
    a table that also names who leads is a task table whatever else it counts."""
    form = (
        "| STT | NỘI DUNG | SỐ LƯỢNG | GHI CHÚ |\n"
        "| 1 | Giường bệnh kế hoạch |  |  |\n"
        "| 2 | Giường bệnh thực kê |  |  |\n"
        "| 3 | Số bác sĩ trực tiếp điều trị |  |  |\n"
    )
    assert find_task_tables(form) == []
    tasks = (
        "| STT | NỘI DUNG | SỐ LƯỢNG | ĐƠN VỊ CHỦ TRÌ |\n"
        "| 1 | Tổ chức lớp tập huấn | 2 | Sở Y tế |\n"
    )
    assert len(find_task_tables(tasks)) == 1


def test_appendix_header_repeated_in_other_columns():
    """Phụ lục 1 of kế hoạch 1914/KH-UBND Hải Dương (real PDF, b71): after a page break the
    header comes again with an empty cell after "Đơn vị phối hợp" (the cell spans two columns
    in the PDF); the rows below it are read by its columns, the co-operating body from
    either."""
    text = (
        "| STT | Tên dự án/nhiệm vụ | Đơn vị chủ trì | Đơn vị phối hợp | Thời gian thực hiện |\n"
        "| 1 | Thuê phần mềm họp không giấy tờ | Sở Thông tin và Truyền thông |  | Năm 2023 |\n"
        "| STT | Tên dự án/nhiệm vụ | Đơn vị chủ trì | Đơn vị phối hợp |  | Thời gian thực hiện |\n"
        "| 2 | Triển khai nền tảng thanh toán điện tử | Doanh nghiệp |  | Sở Tài chính |"
        " Thường xuyên |\n"
    )
    (table,) = find_task_tables(text)
    by_meaning = [
        dict(zip(table.columns, (c.text for c in row.cells), strict=True)) for row in table.rows
    ]
    assert by_meaning[0]["lead"] == "Sở Thông tin và Truyền thông"
    assert by_meaning[0]["deadline"] == "Năm 2023"
    assert by_meaning[1]["lead"] == "Doanh nghiệp"
    assert by_meaning[1]["support"] == "Sở Tài chính"
    assert by_meaning[1]["deadline"] == "Thường xuyên"


# A letter that forwards a city's notice with a copy of it printed below its signature
# (công văn 120/BCĐ-YT quận Hoàng Mai, real scan b96): the copy, from its issuer's lines
# above its damaged quốc hiệu and its own number, is no part of the letter.
FORWARDED_COPY = "\n".join(
    [
        "ỦY BAN NHÂN DÂN QUẬN HOÀNG MAI",
        "Số: 120/BCĐ-YT",
        "V/v triển khai Thông báo số 10/TB-BCĐ",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Hoàng Mai, ngày 11 tháng 8 năm 2020",
        "Kính gửi: Các phòng, ban, ngành, đoàn thể Quận.",
        *["Ban Chỉ đạo Quận đề nghị các đơn vị thực hiện nội dung thông báo."] * 10,
        "Nơi nhận:",
        "- Như kính gửi;",
        "- Lưu VT.",
        "TM. BAN CHỈ ĐẠO",
        "Trần Quý Thái",
        "ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘ .NGHĨA,VIỆT NAM",
        "THÀNH PHỐ HÀ NỘI",
        "BAN CHỈ ĐẠO CÔNG TÁC",
        "Số: 10/TB-BCĐ",
        "THÔNG BÁO",
        "1. Sở Y tế chủ trì tổ chức xét nghiệm.",
    ]
)


def test_appendix_forwarded_copy_is_no_part_of_the_letter():
    found = find_appendices(FORWARDED_COPY)
    assert len(found) == 1 and found[0].tables == ()
    start = found[0].span.start
    assert FORWARDED_COPY[start:].startswith("ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘ")
    # the letter's own header (its quốc hiệu under its number) opens no copy
    assert start > FORWARDED_COPY.index("Trần Quý Thái")


# A letter forwarding the Sở's letter and the Thông tư it forwards (công văn 07/PGDĐT TP Cà
# Mau, real scan b133, as its OCR text reads): the copy's number stands above its quốc hiệu
# (the issuer's column read first), and the Thông tư's own "QUY ĐỊNH (Ban hành kèm theo …)"
# is part of the copies, not an attached document of the letter.
FORWARDED_WITH_NUMBER_ABOVE = "\n".join(
    [
        "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO",
        "Số: 07/PGDĐT",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "TP. Cà Mau, ngày 03 tháng 01 năm 2020",
        "Kính gửi: Hiệu trưởng các trường trực thuộc.",
        *["Trưởng Phòng đề nghị Hiệu trưởng các trường thực hiện tốt nội dung Công văn."] * 10,
        "Nơi nhận:",
        "- Như trên;",
        "- Lưu: VT.",
        "Thái Mỹ Phượng",
        "UBND TỈNH CÀ MAU",
        "SỞ GIÁO DỤC VÀ ĐÀO TẠO",
        "Số: 03/SGDĐT-GDPT",
        "V/v triển khai thực hiện Thông tư số 22/2019/TT-BGDĐT",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Giám đốc Sở Giáo dục và Đào tạo đề nghị Thủ trưởng các đơn vị tổ chức triển khai.",
        "QUY ĐỊNH",
        "(Ban hành kèm theo Thông tư số 22/2019/TT-BGDĐT ngày 20 tháng 12 năm 2019)",
        "Điều 1. Phạm vi điều chỉnh",
        "1. Quy định này quy định về Hội thi giáo viên dạy giỏi.",
    ]
)


def test_appendix_copy_with_its_number_above_its_quoc_hieu():
    found = find_appendices(FORWARDED_WITH_NUMBER_ABOVE)
    assert [a.kind for a in found] == ["copy"]
    start = found[0].span.start
    assert FORWARDED_WITH_NUMBER_ABOVE[start:].startswith("UBND TỈNH CÀ MAU")


def test_appendix_no_copy_without_a_closing_before_it():
    # the same lines with no Nơi nhận before them: the number above is the letter's own
    text = FORWARDED_WITH_NUMBER_ABOVE.replace("Nơi nhận:", "Trân trọng.")
    assert all(a.kind != "copy" for a in find_appendices(text))


# Phụ lục 2 of kế hoạch 212/KH-BGDĐT (real scan, b92, as its OCR text reads, items cut short):
# the phụ lục is itself a plan, its items assign work as a body's do.
PLAN_UNDER_PHU_LUC = "\n".join(
    [
        "Nơi nhận:",
        "- Lưu: VT, RGEP, ETEP.",
        "BỘ GIÁO DỤC VÀ ĐÀO TẠO",
        "Phụ lục 2",
        "KẾ HOẠCH TỔ CHỨC BỒI DƯỠNG GIÁO VIÊN PHỔ THÔNG CÁC CẤP",
        "THỰC HIỆN CHƯƠNG TRÌNH GIÁO DỤC PHỔ THÔNG MỚI NĂM 2019",
        "(Kèm theo Kế hoạch số<242 /KH-BGDĐT ngàm¿0 tháng 3 năm 2019)",
        "I. NỘI DUNG BỒI DƯỠNG",
        "1. Những nội dung cần bồi dưỡng cho giáo viên phổ thông các cấp gồm:",
        "V. TỔ CHỨC THỰC HIỆN",
        "1. Các Vụ, Cục liên quan chỉ đạo, lựa chọn đơn vị (nhóm đơn vị) triển khai.",
        "2. Ban Quản lí Dự án RGEP là đầu mối tổ chức bồi dưỡng: Lập kế hoạch;",
    ]
)

# Phụ lục II of quyết định 324/QĐ-UBND Sóc Trăng (real .doc, b57): the outline of a plan a
# district is to write, quoted from a Quyết định of the Thủ tướng, is no plan of its own.
OUTLINE_UNDER_PHU_LUC = "\n".join(
    [
        "Phụ lục II",
        "ĐỀ CƯƠNG BỐ CỤC, NỘI DUNG CỦA",
        "KẾ HOẠCH ỨNG PHÓ SỰ CỐ TRÀN DẦU CẤP HUYỆN VÀ CẤP CƠ SỞ",
        "(Ban hành kèm theo Quyết định số 12/QĐ-TTg ngày 24/3/2021 của Thủ tướng Chính phủ)",
        "KẾ HOẠCH",
        "Ứng phó sự cố tràn dầu của …",
        "I. MỤC ĐÍCH, YÊU CẦU",
    ]
)


def test_appendix_titled_as_a_plan_is_read_like_a_body():
    (plan,) = find_appendices(PLAN_UNDER_PHU_LUC)
    assert (plan.kind, plan.doc_type) == ("attachment", "KH")
    assert [c.id for c in plan.tree.walk()] == ["I", "I.1", "V", "V.1", "V.2"]
    body = PLAN_UNDER_PHU_LUC[plan.body.start : plan.body.end]
    assert body.startswith("I. NỘI DUNG BỒI DƯỠNG")


def test_appendix_outline_of_a_plan_stays_an_appendix():
    (outline,) = find_appendices(OUTLINE_UNDER_PHU_LUC)
    assert (outline.kind, outline.doc_type, outline.tree) == ("appendix", None, None)
