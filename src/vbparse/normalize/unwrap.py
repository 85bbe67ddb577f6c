"""Join lines that a PDF, an OCR pass or a portal broke in mid-sentence.

A line continues on the next one (blank lines in between included) when it does not end a
sentence and the next line is no item label, and one of these holds:
- the next line starts in lower case, or the line ends with a comma;
- the line ends with a connector word ("của", "với", … from the grammar), or with "số",
  "ngày" … and the next line starts with a digit;
- the line ends with a code and a hyphen ("71/NQ-" + "CP"): joined without a space;
- the line is a "- " list item not yet closed by ";" or "." and the next line closes it;
- the text is wrapped at a fixed width (most lines end near one column) and the line
  reaches that column.
Headings, list items, title lines in capitals and table cells stay on their own lines.
"""

from __future__ import annotations

import functools

import regex

from vbparse.grammars import load_tsv, load_yaml
from vbparse.normalize.layout import holds_two_fields, opens_with_field
from vbparse.normalize.layout_fields import place_date_first
from vbparse.normalize.line_ends import (
    RANGE_END,
    RANGE_START,
    SENTENCE_END,
    URL_REST,
    closes_an_aside,
    ends_with_address,
    label_start,
)
from vbparse.normalize.line_window import (
    ITEM_LINES,
    double_spaced,
    line_at,
    line_before,
    lines_before,
    lines_from,
)
from vbparse.normalize.offsets import NormalizedText
from vbparse.normalize.wrapping import execution_clause_follows, fills_width, wrap_width

# A line break with the spaces around it and any blank lines after it.
# Tried only where a line's text ends, possessive: retried at every newline of a long run of
# blank lines it was quadratic (10,000 blank lines 7 s).
_BREAK = regex.compile(r"(?<=[^ \n])[ ]*+\n(?:[ ]*+\n)*+[ ]*+(?=\S)")
# The same breaks in a text where no space ends a line (normalize removes them just before):
# found from the line break itself, three times faster (the pattern above is tried at every
# position, its look-behind first).
_BREAK_AT_NEWLINE = regex.compile(r"\n(?<=[^ \n]\n)(?:[ ]*+\n)*+[ ]*+(?=\S)")
_CODE_HYPHEN = regex.compile(r"[A-ZĐ0-9]-$")
_LETTER = regex.compile(r"\p{L}")
_LINE_WITH_LETTER = regex.compile(r"[^\n]*\p{L}")


@functools.cache
def _structural_line() -> regex.Pattern[str]:
    """Lines that open a part of the layout (Số, V/v, Kính gửi, Nơi nhận, quốc hiệu):
    never the continuation of the line above."""
    g = load_yaml("header.yaml")
    # Case-sensitive, and "Số" only before a number: "số và Đề án 06" continues a sentence.
    parts = [rf"{g['number_label']}\d", g["subject_label"], g["recipients_label"], g["cc_label"]]
    parts.append(place_date_first(g["place_date"]))
    parts += g["motto"]
    # A signature's authority line ("KT. GIÁM ĐỐC"): OCR ends the Lưu line above with a
    # comma ("- Lưu VT (ĐI, Đ4). NMĐ,", công văn 855/CAT-PA05, real scan).
    prefixes = "|".join(regex.escape(a) for a in g["authority_prefixes"])
    # On its own line: "KT." split off "- Lưu: VT, KT." (a unit code) is joined back.
    parts.append(rf"(?:{prefixes})[ ]*\p{{Lu}}{{2,}}")
    return regex.compile("|".join(f"(?:{p})" for p in parts))


@functools.cache
def _connectors(key: str) -> tuple[frozenset[str], int]:
    words = [w.lower() for w in load_yaml("normalize.yaml")[key]]
    return frozenset(words), max(len(w.split()) for w in words)


def _ends_with(line: str, key: str) -> bool:
    words, longest = _connectors(key)
    tail = line.lower().rsplit(None, longest)  # (``split()[-longest:]``, the last words only)
    return any(" ".join(tail[-n:]) in words for n in range(1, min(longest, len(tail)) + 1))


_ENDS_IN_CAPITALS = regex.compile(r"(?<!\S)\p{Lu}{2,}$")
_ABBREVIATION = regex.compile(r"\p{Lu}{2,}\b")
# A heading line that lists bodies: a ";" or "," between words before the line's last word.
_LISTS_BEFORE_HEAD = regex.compile(r"\p{L}[;,] \p{L}")


@functools.cache
def _name_heads() -> tuple[frozenset[str], int]:
    heads = load_yaml("normalize.yaml")["unwrap_name_heads"]
    return frozenset(heads), max(len(h.split()) for h in heads)


def _ends_with_name_head(line: str) -> bool:
    """The line ends with a name's head as written ("… phối hợp thực hiện: Sở")."""
    heads, longest = _name_heads()
    tail = line.rsplit(None, longest)  # (``split()[-longest:]`` as in ``_ends_with``)
    return any(" ".join(tail[-n:]) in heads for n in range(1, min(longest, len(tail)) + 1))


def _join_with(
    source: str,
    start: int,
    at: int,
    width: int | None,
    flat_table: bool = False,
    paragraph_break: bool = False,
) -> str | None:
    """What replaces the break ``source[start:at]``: " ", "" or None (keep the break).
    ``flat_table``: the text holds a table flattened one cell a line, whose row numbers stand
    alone. ``paragraph_break``: a blank line stands between the lines in a text that does not
    put one after every line. (The patterns are matched at ``at``, not on a copy of the rest
    of the text; the lines above the break's own are split off only for the rules that read
    them: most breaks are decided on its line. Asked by position at every break.)"""
    line = line_before(source, start).rstrip()
    first = source[at]
    if (
        _is_bare_label(line, not flat_table)
        and _LINE_WITH_LETTER.match(source, at)
        and not label_start().match(source, at)
    ):
        # A label a web copy left alone on its line ("-" / "Phân công …", "1.1." / "Trưởng
        # Ban Chỉ đạo", quyết định 1627/QĐ-UBND Quảng Ngãi): it opens the line after it.
        return " "
    if line[-1:] == ";" and _wrapped_after_semicolon(line, source, at, width):
        return " "  # (its first test made here: at every break, most lines end otherwise)
    if not line or line.endswith(SENTENCE_END) or not _LETTER.search(line):
        return None
    if not _LINE_WITH_LETTER.match(source, at) or first == "|":
        # (nor onto a table's row: "| Nhiệm vụ | Chủ trì | Thời hạn |" is no wrapped line)
        return None
    if ends_with_address(line):
        # a web address ends its line: its wrapped rest follows without a space, a sentence
        # after it starts a line of its own (công văn 638/TTCS-TTTH, real PDF)
        return "" if URL_REST.match(source, at) else None
    if RANGE_END.match(source, at) and RANGE_START.search(line):
        # a number range a wrap cut before its dash ("… giai đoạn 2021" / "- 2025. Căn cứ …",
        # công văn 638/TTCS-TTTH, real PDF): no bullet
        return " "
    if label_start().match(source, at) and (
        # a dash after a paragraph's break opens an item ("5. Các chủ rừng là tổ chức (các" /
        # "Ban quản lý rừng …)" / "" / "- Thực hiện …", chỉ thị 06/CT-UBND Quảng Trị, real)
        paragraph_break or not _dash_in_flow(lines_before(source, start), source, at, width)
    ):
        return None
    if _structural_line().match(source, at):
        return None
    if _CODE_HYPHEN.search(line) and first.isupper():
        return ""
    if _is_type_title(line):
        # A document-type title stands alone, whatever follows it: OCR's "và đẩy mạnh …" for
        # "Về đẩy mạnh …" under "CÔNG ĐIỆN" (29/CĐ-TTg, real scan). A longer title in capitals
        # runs on in lower case ("KẾT LUẬN CỦA BAN BÍ THƯ" / "về tiếp tục thực hiện …").
        return None
    if line.endswith(",") or first.islower():
        return " "
    if line.isupper():
        return None
    if _body_opener().match(source, at) and _under_type_title(source, start):
        # the trích yếu under the title, then the body's first sentence ("GIẤY MỜI" / "Họp
        # thống nhất xây dựng kho dữ liệu ngành Y tế tỉnh Hải Dương" / "Để đảm bảo triển khai
        # …", giấy mời 1599/GM-SYT Hải Dương, real PDF b71)
        return None
    if line.endswith(")") and closes_an_aside(lines_before(source, start)):
        return None
    if _ENDS_IN_CAPITALS.search(line) and is_capitals(line_at(source, at)):
        # a line that ends in a word of capitals before a line of capitals ("- Bộ Tư pháp
        # CỘNG" / "VĂN PHÒNG CHÍNH PHỦ") stays apart, as the capitals line alone did before a
        # join made it ("CỘNG" / "VĂN …"): normalize gives the same text on its own output
        return None
    after_blank = source.count("\n", start, at) > 1
    if _continues_bullet(lines_before(source, start), source, at, after_blank):
        return " "
    if _ends_with(line, "unwrap_connectors") and not _ends_with(
        line, "unwrap_connector_exceptions"
    ):
        return " "
    if first.isdigit() and _ends_with(line, "unwrap_connectors_before_digit"):
        return " "
    if (
        first.isupper()
        and _ends_with_name_head(line)
        # not after a heading that is the name ("3. Văn phòng Sở" / "Phối hợp …") unless an
        # abbreviation goes on with it ("Điều 4. Chánh Văn phòng" / "UBND tỉnh; …") or the
        # line lists bodies before it ("Điều 4. Chánh Văn phòng Ủy ban nhân dân thành phố;
        # Giám đốc Sở" / "Giáo dục và Đào tạo; …", quyết định 441/QĐ-UBND Huế, real PDF)
        and (
            not label_start().match(line.lstrip())
            or _ABBREVIATION.match(source, at)
            or _LISTS_BEFORE_HEAD.search(line)
        )
    ):
        return " "
    if is_capitals(line_at(source, at)) and not is_capitals(line):
        # a full line in sentence case does not wrap into a line of capitals: the trích yếu,
        # then the công điện's sender ("… cây trồng, vật: nuôi" / "CHỦ TỊCH UỶ BAN NHÂN DÂN
        # TỈNH" / "Điện:", công điện 04/CĐ-UBND Hà Tĩnh, real scan b105)
        return None
    if fills_width(line, width):
        return " "
    return None


def _wrapped_after_semicolon(line: str, source: str, at: int, width: int | None) -> bool:
    """A ";" inside a paragraph that a fixed-width wrap put at a line's end: the line fills
    the width and the next one goes on in lower case, no item label ("… các biện pháp
    nghiệp vụ KSHQ;" / "tăng cường công tác thu thập thông tin …", kế hoạch of Chi cục Hải
    quan khu vực VIII, PDF; 8 such breaks in thông báo 565/TB-UBND)."""
    return (
        line.endswith(";")
        and fills_width(line, width)
        and (source[at].islower() or execution_clause_follows(source, at))
        and not label_start().match(source, at)
    )


_BULLET = regex.compile(r"[-–•+]\s")
_DASH_WORD = regex.compile(r"[-–—]\s\p{L}")


@functools.cache
def _type_titles() -> frozenset[str]:
    """Document-type names in capitals ("CÔNG ĐIỆN", "THÔNG BÁO"), from document_types.tsv."""
    return frozenset(row["name"].upper() for row in load_tsv("document_types.tsv"))


@functools.cache
def _titles_in_capitals() -> bool:
    return all(title.isupper() for title in _type_titles())


@functools.cache
def _body_opener() -> regex.Pattern[str]:
    """Words a body's first sentence opens with (``unwrap_body_openers``)."""
    words = load_yaml("normalize.yaml")["unwrap_body_openers"]
    return regex.compile("(?:" + "|".join(map(regex.escape, words)) + r")\b")


def _under_type_title(source: str, start: int) -> bool:
    """Whether the line that ends at ``start`` stands right under a document-type title."""
    before = lines_before(source, start)
    return len(before) >= 2 and _is_type_title(before[-2].strip())


def _is_type_title(line: str) -> bool:
    # A title in capitals is a line in capitals (``isupper`` reads no spaces): most lines
    # before a break are not, and are answered without a copy (issue 15, speed).
    if _titles_in_capitals() and not line.isupper():
        return False
    return " ".join(line.split()) in _type_titles()


_BARE_BULLET = regex.compile(r"[-–—•+]")
# "1." alone is left alone where the text holds a flattened table: its TT cell stands on its
# line that way, its task on the next (seed 004's appendix). Elsewhere it is a heading's label
# a web copy broke off ("**2.**" / "Các sở, ban, ngành, địa phương: …", chỉ thị 010/CT-UBND
# Đắk Lắk).
_BARE_NUMBER = regex.compile(r"\d{1,3}\.?")
# The TT header cell of a table flattened one cell a line (grammars/appendix/columns.yaml).
_FLAT_TABLE_SEQ = regex.compile(r"(?m)^[ \t]*(?:S?TT|Số TT|Số thứ tự|Stt)[ \t]*$")


# Pure in its arguments: the line before a break is asked again on normalize's next pass
# (``numbers`` passed by position: a keyword makes the cache build a longer key).
@functools.lru_cache(maxsize=4096)
def _is_bare_label(line: str, numbers: bool = True) -> bool:
    """Whether ``line`` is an item label and nothing else ("-", "1.1.", "a)"); a bare number
    ("1.") only where ``numbers``."""
    text = line.strip()
    if not text or (not numbers and _BARE_NUMBER.fullmatch(text)):
        return False
    if _BARE_BULLET.fullmatch(text):
        return True
    match = label_start().match(text + " ")
    return match is not None and match.end() >= len(text)


def _dash_in_flow(before: list[str], source: str, at: int, width: int | None) -> bool:
    """A dash that a fixed-width wrap put at the start of a line inside a sentence ("… lãnh
    đạo Ban Văn hóa" / "– Xã hội, Ban Dân tộc HĐND tỉnh", thông báo 565/TB-UBND): the line
    before fills the width and neither it nor the one above ends a sentence or opens an item."""
    if width is None or not _DASH_WORD.match(source, at) or len(before) < 2:
        return False
    line, above = before[-1].rstrip(), before[-2].rstrip()
    return (
        len(line) >= 0.9 * width
        and bool(above)
        and not above.endswith(SENTENCE_END)
        and not label_start().match(line.lstrip())
    )


def _continues_bullet(lines_before: list[str], source: str, at: int, after_blank: bool) -> bool:
    """A "- " list item (Nơi nhận, Kính gửi) cut before its closing ";" or ".": the lines
    after it, up to the next item, close it ("- VPCP: BTCN, PCN" / "Phạm Mạnh Cường, …;").
    ``after_blank``: a blank line stands between."""
    for line in reversed(lines_before[-ITEM_LINES:]):
        if not line.strip() or is_capitals(line):
            return False
        if _BULLET.match(line.lstrip()):
            break
        if label_start().match(line.lstrip()):
            return False  # a numbered item of its own, not the bullet's continuation
        if line.rstrip().endswith(SENTENCE_END):
            return False
    else:
        return False
    for line in lines_from(source, at, ITEM_LINES):
        stripped = line.strip()
        if not stripped or _BULLET.match(stripped) or label_start().match(stripped):
            return False
        if after_blank and len(stripped.split()) > _WRAPPED_WORDS:
            # after a blank line, a paragraph of its own, as a web copy keeps one a line ("-
            # Ngân hàng Nhà nước Việt Nam" / "" / "Tổng Công ty VINACONEX có kiến nghị …",
            # công văn 2562/VPCP-CN as luatminhkhue.vn holds it, real b125), not the item's
            # wrapped rest
            return False
        if stripped.endswith((";", ".")):
            return True
    return False


# The most words a page's line holds: a longer one is a paragraph a copy kept on one line.
_WRAPPED_WORDS = 20


# Pure in ``line``; the lines before each break are asked again at the next breaks.
@functools.lru_cache(maxsize=4096)
def is_capitals(line: str) -> bool:
    """A line in capitals, a signature or title ("KT. BỘ TRƯỞNG", "PHỤ LỤC"): at least two
    letters, none in lower case. Never inside a list item."""
    # (``filter`` and ``map`` over str's own methods: no Python frame per character; the
    # segmenters ask it of every line, and most are not in the cache)
    letters = list(filter(str.isalpha, line))
    return len(letters) >= 2 and all(map(str.isupper, letters))


# A line that opens with a layout field takes joined lines up to this length (a header field
# is far shorter); each join onto it checks the whole joined line, so this bounds the cost.
_FIELD_LINE_CHARS = 2000


# ``field_line`` after a kept break, until a join onto the next line is proposed.
_AFTER_KEPT: list[str] = []


def unwrap_lines(text: NormalizedText) -> NormalizedText:
    source = text.text
    width = wrap_width(source)
    # The output line that a join would extend, while it opens with a layout field: its text
    # up to the last break seen, and where that break ended in ``source``.
    field_line: list[str] | None = [] if opens_with_field(source) else None
    flat_table = _FLAT_TABLE_SEQ.search(source) is not None
    spaced = double_spaced(source)
    last_end = 0

    def join(match: regex.Match[str]) -> str:
        nonlocal field_line, last_end
        start, end = match.span()
        joined = _join_with(
            source,
            start,
            end,
            width,
            flat_table,
            not spaced and source.count("\n", start, end) > 1,
        )
        if joined is not None and field_line is _AFTER_KEPT:
            # Decided now, not at every kept break: most breaks are kept and never asked.
            field_line = [] if opens_with_field(line_at(source, last_end)) else None
        if joined is not None and field_line is not None:
            so_far = "".join(field_line) + source[last_end:start]
            candidate = so_far + joined + line_at(source, end)
            if len(candidate) > _FIELD_LINE_CHARS or holds_two_fields(candidate):
                joined = None
            else:
                field_line = [so_far, joined]
        if joined is None:
            # The line after a kept break opens a new output line: whether it opens with a
            # field is read from it when a join onto it is proposed.
            field_line = _AFTER_KEPT
        last_end = end
        return match.group(0) if joined is None else joined

    return text.sub(_BREAK if " \n" in source else _BREAK_AT_NEWLINE, join)
