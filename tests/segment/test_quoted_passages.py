"""Passages quoted from another document (their items are not this one's), on real lines."""

from __future__ import annotations

from vbparse.segment.lines import quoted_lines

# công văn 5347/CT-CS (2025, real Markdown, emphasis removed): a "”" opens the quoted
# amendment after "quy định:", a typed '"' opens Điều 60 and a typed '"' closes it.
AMENDMENT = [
    "Nghị định số 291/2025/NĐ-CP ngày 06/11/2025 (có hiệu lực ngày 06/11/2025) quy định:",
    "”5. Sửa đổi, bổ sung một số khoản của Điều 17 như sau:",
    "a) Sửa đổi, bổ sung khoản 1 như sau:",
    "1. Hộ gia đình, cá nhân thuộc đối tượng được miễn … theo quy định của pháp luật về đất đai. ”",
    "- Tại khoản 1 Điều 60 Thông tư 80/2021/TT-BTC ngày 29/9/2021 của Bộ Tài chính hướng dẫn:",
    '"Điều 60. Thủ tục hồ sơ miễn, giảm tiền sử dụng đất',
    "a) Văn bản đề nghị theo mẫu số 01/MGTH ban hành kèm theo phụ lục I Thông tư này;",
    'c) Quyết định … của cơ quan được Ủy ban nhân dân cấp tỉnh ủy quyền, phân cấp."',
    "Căn cứ các quy định nêu trên, người có công với cách mạng được miễn …",
]


def test_quotes_opened_by_a_closing_mark_after_a_colon_and_typed_quotes():
    assert quoted_lines(AMENDMENT) == [False, True, True, True, False, True, True, True, False]


# công văn 2191/CT-CS (2026, a scan's text layer): OCR read one closing "”" as "`" and lost
# another; a quote whose close is lost ends nowhere, and the next quote's mark is no close.
OCR_QUOTES = [
    "- Điều 39 Luật KHCN và đổi mới sáng tạo số 93/2025/QH15 quy định:",
    '"Điều 39. Doanh nghiệp khoa học và công nghệ',
    "4. Chính phủ quy định chỉ tiết Điểu này; quy định điều kiện, trình tự, thủ",
    "tục, thâm quyên chứng nhận doanh nghiệp khoa học và công nghệ `.",
    "- Điều 53 Nghị định số 268/2025/NĐ-CP quy định:",
    '"Điều 53. Thhu hôi, húy bỏ hiệu lực Giấy chứng nhận doanh nghiệp khoa',
    "1. Định kỳ 03 năm kế từ ngày cáp Giáy chứng nhán doanh nghiệp khoa học",
    '"Điều 23. Điều kiện áp dụng ưu đãi thuế thu nhập doanh nghiệp',
]


def test_ocr_close_mark_and_a_lost_close():
    assert quoted_lines(OCR_QUOTES) == [False, True, True, True, False, False, False, False]


def test_a_curly_quote_needs_its_curly_close():
    lines = ["“1. Theo quy định …", '2. Việc gọi là "sáp nhập" …', "… Mặt trận Tổ quốc Việt Nam”."]
    assert quoted_lines(lines) == [True, True, True]


def test_a_line_quoting_its_own_words_closes_no_passage():
    """kế hoạch 353/KH-BĐH Bắc Giang (scan, real b51): a speck read as '"' opens a line; a
    bullet below quotes a column's name ('"Hỗ trợ pháp lý cho doanh nghiệp"') in its own
    pair: no passage, the plan's items between them stay items."""
    lines = [
        '"gó:hiệu quả Nghị định số 66/2008/NĐ- CP ngày phủ về hỗ trợ pháp lý cho doanh nghiệp',
        "I. MỤC ĐÍCH YÊU CẦU",
        "1. Mục đích",
        "II. NỘI DUNG THỰC HIỆN",
        '- Xây dựng Chuyên mục "Hỗ trợ pháp lý cho doanh nghiệp" trên Trang thông tin điện tử',
        "Đơn vị thực hiện: Sở Tư pháp.",
    ]
    assert quoted_lines(lines) == [False] * 6
