"""A hypothesis strategy for texts made of directive-shaped lines (issue 14): the lines the
layout and unwrap steps of normalize decide on — quốc hiệu and tiêu ngữ (whole, cut, wrapped),
issuer lines in capitals, "Số:" (drafts too), the place and date line, V/v, Kính gửi with its
bullets, item labels, body lines that do or do not end a sentence, lines opening with a digit,
signer blocks (authority, titles, names), Nơi nhận, pipe-table rows and rules — alone, two
on one line (one space, a column gap of spaces, emphasis stars), or indented, sometimes
repeated so that the text looks wrapped at a fixed width.
"""

from __future__ import annotations

from hypothesis import strategies as st

MOTTO = [
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT",
    "CỘNG",
    "HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "Độc lập - Tự do - Hạnh phúc",
    "ĐẢNG CỘNG SẢN VIỆT NAM",
]
ISSUER = [
    "VĂN PHÒNG CHÍNH PHỦ",
    "ỦY BAN NHÂN DÂN",
    "TỈNH HẬU GIANG",
    "BỘ Y TẾ",
    "THỦ TƯỚNG CHÍNH PHỦ",
]
NUMBER = ["Số: 10467/VPCP-KGVX", "Số:      /KH-UBND", "Số: 115/NQ-CP", "Sô: 7432/UBND-XD"]
DATE = [
    "Hà Nội, ngày 31 tháng 12 năm 2025",
    "Lào Cai, ngày     tháng     năm 2026",
    "TP. Hồ Chí Minh, ngày 5 tháng 3 năm 2026",
]
SUBJECT = ["V/v triển khai nhiệm vụ", "V/v", "Về việc tăng cường công tác"]
RECIPIENTS = ["Kính gửi:", "Kính gửi: Bộ Y tế", "Kính gửi: - Bộ Tài chính; - Bộ Tư pháp"]
BULLET = [
    "- Bộ Tài chính;",
    "- Bộ Tư pháp.",
    "- Như trên;",
    "- Lưu: VT.",
    "- Các Bộ",
    "+ Sở Y tế",
    "• Ủy ban",
]
LABEL = ["1.", "2.1.", "a)", "III.", "1.1", "(1)", "Điều 2."]
BODY = [
    "Bộ Y tế chủ trì, phối hợp với",
    "các bộ, ngành liên quan triển khai",
    "báo cáo Thủ tướng Chính phủ trước ngày 15/01/2026.",
    "trong tháng 3 năm 2026,",
    "Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương",
    "Thông báo kết luận của Phó Thủ tướng",
    "hoàn thành trước ngày",
    "căn cứ Nghị quyết số",
    "71/NQ-",
    "CP",
    "của",
    "theo đề nghị của Bộ Kế hoạch và Đầu tư (nay là Bộ Tài chính)",
]
DIGITS = ["1", "2026", "15/01/2026", "301),", "02 bệnh viện", "10 ngày", "30/6"]
SIGNER = [
    "KT. BỘ TRƯỞNG",
    "TM. ỦY BAN NHÂN DÂN",
    "KT. BỘ TRƯỞNG, CHỦ NHIỆM",
    "THỨ TRƯỞNG",
    "PHÓ CHỦ NHIỆM",
    "CHỦ TỊCH",
    "CHÁNH VĂN PHÒNG",
    "Nguyễn Sỹ Hiệp",
    "Trần Hồng Hà",
    "(Đã ký)",
]
CC = ["Nơi nhận:", "*Nơi nhận:*", "Nơi nhận: - Như trên; - Lưu: VT."]
TABLE = [
    "| Nhiệm vụ | Chủ trì | Thời hạn |",
    "|---|---|---|",
    "| 1 | Bộ Y tế | Quý I/2026 |",
    "| VĂN PHÒNG CHÍNH PHỦ ------- | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    " Độc lập - Tự do - Hạnh phúc --- |",
    "| Số: 467/TB-VPCP | *Hà Nội, ngày 14 tháng 10 năm 2024* |",
    "| *Nơi nhận:* - Như trên; - Lưu: VT. | KT. BỘ TRƯỞNG PHÓ CHỦ NHIỆM Nguyễn Sỹ Hiệp |",
    "|",
    "-------",
    "---",
]
FAMILIES = [
    MOTTO,
    ISSUER,
    NUMBER,
    DATE,
    SUBJECT,
    RECIPIENTS,
    BULLET,
    BODY,
    DIGITS,
    SIGNER,
    CC,
    TABLE,
]

_field = st.one_of(*(st.sampled_from(f) for f in FAMILIES))
_gap = st.sampled_from([" ", "  ", "      ", "\t", " | "])


@st.composite
def _line(draw) -> str:
    """One line: a field, a labelled field, or two fields side by side."""
    first = draw(_field)
    shape = draw(
        st.sampled_from(["one", "one", "one", "label", "digit", "two", "starred", "indent"])
    )
    if shape == "label":
        return draw(st.sampled_from(LABEL)) + " " + first
    if shape == "digit":
        return draw(st.sampled_from(DIGITS)) + " " + first
    if shape == "two":
        return first + draw(_gap) + draw(_field)
    if shape == "starred":
        return f"*{first}*" if draw(st.booleans()) else f"**{first}**"
    if shape == "indent":
        return draw(st.sampled_from(["  ", "      ", "\t"])) + first
    return first


@st.composite
def directive_lines(draw) -> str:
    """Lines of a directive's shapes, joined by line breaks (blank lines sometimes), the
    whole sometimes repeated (many lines of one length look like a fixed-width wrap)."""
    lines = draw(st.lists(_line(), min_size=1, max_size=30))
    breaks = draw(st.lists(st.sampled_from(["\n", "\n", "\n", "\n\n", " \n"]), min_size=len(lines)))
    text = "".join(line + brk for line, brk in zip(lines, breaks, strict=False))
    return text * draw(st.sampled_from([1, 1, 1, 3, 20]))
