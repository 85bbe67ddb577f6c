"""The clause tree gives every item the id the gold annotations use."""

import json
from pathlib import Path

import pytest

from vbparse.normalize import normalize
from vbparse.segment.clause_tree import build_clause_tree
from vbparse.segment.closing import find_closing
from vbparse.segment.header import find_header

FIXTURES = Path(__file__).parents[1] / "fixtures"
SEEDS = sorted((FIXTURES / "seeds").glob("*.txt"))


@pytest.mark.parametrize("seed", SEEDS, ids=[s.stem[:3] for s in SEEDS])
def test_clause_tree_has_every_gold_body_id(seed):
    gold = json.loads((FIXTURES / "gold" / f"{seed.stem}.json").read_text(encoding="utf-8"))
    text = normalize(seed.read_text(encoding="utf-8")).text
    header = find_header(text)
    appendix = text.find("\nPHỤ LỤC")
    closing = find_closing(text, header.body_start, appendix if appendix > 0 else len(text))
    tree = build_clause_tree(text, header.body_start, closing.body_end)
    ids = {clause.id: clause for clause in tree.walk()}
    for task in gold["tasks"]:
        if task["id"].startswith("PL"):
            continue
        assert task["id"] in ids
        clause = ids[task["id"]]
        # The task's words are the item's own words (a heading line may come first).
        assert task["text_start"] in " ".join(text[clause.text_start : clause.own_end].split())


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "I. Mục tiêu\n1. Một\na) A\nb) B\n2. Hai\nII. Nhiệm vụ\n1. Ba",
            ["I", "I.1", "I.1.a", "I.1.b", "I.2", "II", "II.1"],
        ),
        (
            "Chương I\nQUY ĐỊNH CHUNG\nĐiều 1. Phạm vi\nChương II\nTRÁCH NHIỆM\n"
            "Mục 1\nCÁC SỞ\nĐiều 2. Sở Tài chính\n1. Bố trí kinh phí\nĐiều 3. Sở Y tế",
            ["Chương I", "Điều 1", "Chương II", "Chương II.Mục 1", "Điều 2", "Điều 2.1", "Điều 3"],
        ),
        (
            "Điều 1. Ban hành\nĐiều 2. Giao\n1. Sở Tài chính\n2. Sở Y tế",
            ["Điều 1", "Điều 2", "Điều 2.1", "Điều 2.2"],
        ),
        # OCR may lose the grave of "Điều" (quyết định 1462/QĐ-UBND Bắc Giang, real scan b51)
        (
            "Điêu 1. Bồ sung ông Nguyễn Cường\nĐiêu 2. Thủ trưởng các cơ quan thi hành",
            ["Điều 1", "Điều 2"],
        ),
        (
            "1. Một\n1.1. Con\n1.2. Con\n2. Hai\n2.1. Con\n2.1.1. Cháu",
            ["1", "1.1", "1.2", "2", "2.1", "2.1.1"],
        ),
        ("1. Một\n- gạch\n+ cộng\n+ cộng\n- gạch", ["1", "1[1]", "1[1][1]", "1[1][2]", "1[2]"]),
        ("2. Hai\n(1) Trước ngày 31/7:\na) A\n(2) B", ["2", "2.(1)", "2.(1).a", "2.(2)"]),
        # bullets before the first Roman section (kế hoạch 174/KH-UBND TP. Hồ Chí Minh, real
        # Markdown): the sections open above them, not under the last bullet
        (
            "- Căn cứ Luật;\n- Căn cứ Nghị định;\nI. MỤC ĐÍCH\n1. Mục đích\n- Một\n- Hai\n"
            "II. NHIỆM VỤ\n1. Sở Y tế\n- Ba",
            ["[1]", "[2]", "I", "I.1", "I.1[1]", "I.1[2]", "II", "II.1", "II.1[1]"],
        ),
        # the second year of a range a converter wrapped is no bullet
        ("1. Thực hiện Chiến lược giai đoạn 2021\n- 2030”;\n2. Hai", ["1", "2"]),
        # an enumeration held inline and wrapped is no item; a list a colon announces nests
        # under its item even when its kind was used higher up (công điện 220/CĐ-TTg, real)
        (
            "Kết quả như sau: (1) Cắt giảm 3.000 TTHC;\n(2) Cắt giảm 2.269 ĐKKD.\n"
            "I. VỀ CẮT GIẢM\n1. Bộ trưởng các Bộ\n(1) Rà soát;\n(2) Báo cáo.\n"
            "2. Các Bộ: Tài chính, Y tế hoàn thành trong tháng 11, cụ thể:\n"
            "(1) Bộ Tài chính giải quyết;\n(2) Bộ Y tế nâng cấp.\n3. Ba",
            ["I", "I.1", "I.1.(1)", "I.1.(2)", "I.2", "I.2.(1)", "I.2.(2)", "I.3"],
        ),
        (
            "(1) Phần một\n1. Mục\na) Các Bộ hoàn thành, cụ thể:\n(1) Con một\n(2) Con hai",
            ["(1)", "(1).1", "(1).1.a", "(1).1.a.(1)", "(1).1.a.(2)"],
        ),
    ],
    ids=[
        "roman",
        "chapters",
        "articles",
        "articles-ocr",
        "decimals",
        "bullets",
        "paren-numbers",
        "sections-above-bullets",
        "wrapped-year-range",
        "inline-enumeration-and-announced-list",
        "announced-list-of-a-kind-used-above",
    ],
)
def test_clause_tree_nesting(body, expected):
    tree = build_clause_tree(body, 0, len(body))
    assert [c.id for c in tree.walk()] == expected


def test_clause_tree_continuation_paragraph_belongs_to_item():
    body = "1. Bộ Tài chính rà soát.\nChịu trách nhiệm toàn diện.\n2. Bộ Y tế"
    tree = build_clause_tree(body, 0, len(body))
    first = tree.roots[0]
    assert (
        body[first.text_start : first.own_end]
        == "Bộ Tài chính rà soát.\nChịu trách nhiệm toàn diện."
    )


def test_clause_tree_numbers_and_formulas_open_no_item():
    """A flat copy of a price table (a Bộ Công Thương letter on fuel prices, as crawled):
    "-37", "+1,77" are signed numbers and "(3)=(2)-(1)" a formula, no items; a row's name
    ("1. Xăng E5RON92") still opens one."""
    body = "Công bố giá cơ sở như sau:\n(3)=(2)-(1)\n1. Xăng E5RON92\n19.844\n-37\n+1,77\n"
    tree = build_clause_tree(body, 0, len(body))
    ids = [c.id for root in tree.roots for c in root.walk()]
    assert ids == ["1"]


def test_clause_tree_bullet_is_one_paragraph():
    """A paragraph after a blank line below the last bullet is no part of it (công văn
    5115/LĐTBXH-KHTC as crawled, real): it goes with the paragraphs after the items, so its
    year is not the bullet's deadline; a numbered item keeps its paragraphs."""
    body = (
        "Giám đốc Sở có trách nhiệm:\n\n- Phối hợp hoàn thiện Đề án.\n\n"
        "- Kịp thời giải đáp vướng mắc.\n\nCăn cứ kết quả, trong năm 2019 Bộ sẽ tổng kết.\n"
    )
    tree = build_clause_tree(body, 0, len(body))
    last = tree.roots[-1]
    assert body[last.text_start : last.own_end].strip() == "Kịp thời giải đáp vướng mắc."
    assert [body[p.text_start : p.own_end].strip()[:7] for p in tree.closing_paragraphs] == [
        "Căn cứ "
    ]
    numbered = "1. Sở Y tế rà soát.\n\nBáo cáo trước ngày 30/6.\n"
    tree = build_clause_tree(numbered, 0, len(numbered))
    assert "Báo cáo" in numbered[tree.roots[0].text_start : tree.roots[0].own_end]


def test_clause_tree_wrapped_roman_numeral_opens_no_item():
    """ "… Quốc hội khóa" / "XV. Vì vậy, …" (công văn 1312/LĐTBXH-ATLĐ as OCR text, real): the
    numeral ends the sentence above; a roman list that starts at "I." still opens items."""
    body = (
        "1. Chủ trì phổ biến Nghị quyết; lưu ý:\nd) Nghị quyết căn cứ Nghị quyết số 30/2021/QH15"
        " của Quốc hội khóa\nXV. Vì vậy, các quy định được thực hiện đến hết năm 2022.\n"
        "2. Tăng cường thanh tra.\n"
    )
    tree = build_clause_tree(body, 0, len(body))
    assert [c.id for root in tree.roots for c in root.walk()] == ["1", "1.d", "2"]
    romans = "Như sau:\nI. MỤC ĐÍCH\n1. Rà soát.\nII. TỔ CHỨC THỰC HIỆN\n1. Báo cáo.\n"
    tree = build_clause_tree(romans, 0, len(romans))
    assert [c.id for c in tree.roots] == ["I", "II"]


def test_clause_tree_numbers_written_with_a_slash():
    """Items "1/ Tổ chức …" / "2/ Trên cơ sở …" (letters of Tổng cục Thuế as OCR text, real batch
    b37): a numbered list; "1/2025" in running text opens nothing."""
    body = (
        "Yêu cầu Cục Thuế:\n1/ Tổ chức quán triệt.\n2/ Trên cơ sở danh sách, rà soát.\n"
        "1/2025 là kỳ.\n"
    )
    tree = build_clause_tree(body, 0, len(body))
    assert [c.id for c in tree.roots] == ["1", "2"]


def test_clause_tree_quote_opened_inside_a_line_ending_in_a_colon():
    """ "… cụ thể: “Người lao động … trong các trường hợp sau:" / "a) …" / "b) … Lao động.”"
    (công văn 1064/LĐTBXH-BHXH as OCR text, real b33): the quoted rule's items are no items of
    the letter; a title's quote that never closes ("… và “cắt giảm ngành, nghề …") opens none."""
    body = (
        "Nghị định có quy định các trường hợp loại trừ, cụ thể: “Người lao động không thuộc"
        " đối tượng khi thuộc một trong các trường hợp sau:\n"
        "a) Di chuyển trong nội bộ doanh nghiệp;\n"
        "b) Đã đủ tuổi nghỉ hưu theo quy định của Bộ luật Lao động.”\n"
        "1. Về 02 Nghị quyết cắt giảm và “cắt giảm ngành, nghề kinh doanh\n"
        "a) Các Bộ nghiên cứu, đề xuất.\n"
    )
    tree = build_clause_tree(body, 0, len(body))
    assert [c.id for root in tree.roots for c in root.walk()] == ["1", "1.a"]
