"""Header and signature layouts flattened to one field a line, as the segmenter reads them.

A directive's header and signature are two side-by-side columns. Converters and portals
keep them in ways the clean layout does not:
- Markdown conversions and web copies make them pipe-table rows, one cell per column
  (``layout_rows``): ``| VĂN PHÒNG CHÍNH PHỦ ------- | CỘNG HÒA … Độc lập - Tự do - Hạnh
  phúc --- |``, ``| Số: 467/TB-VPCP | *Hà Nội, ngày 14 tháng 10 năm 2024* |``;
- ``pdftotext -layout`` and copies from PDF viewers put both columns on one line with a run
  of spaces between (``layout_columns``: ``Số: 115/NQ-CP              Hà Nội, ngày 29 tháng 4
  năm 2026``), or with one space (``Số: 7432/UBND-XD Quảng Ninh, ngày 21 tháng 7 năm 2026``,
  split as one cell by ``layout_cells``).
This module walks the lines and sends each to its step; it also repairs what crawled pages
run together (a rule glued to the issuer, a caption after its title, a bullet or an item
label at the end of the line before).

Only rows and lines that carry a layout field (``header.yaml``, compiled in
``layout_fields``: quốc hiệu, Số, V/v, place and date, Kính gửi, Nơi nhận, an authority
prefix) are touched, so task tables and body text stay as they are. Every edit here replaces
characters one for one (a bar or a space becomes a line break, a rule of dashes or an
emphasis star becomes spaces): offsets into the source stay exact.
"""

from __future__ import annotations

import regex

from vbparse.normalize.layout_cells import flatten_cell
from vbparse.normalize.layout_columns import COLUMN_LINE, flatten_column_line
from vbparse.normalize.layout_fields import body_run_on, field_patterns, opens_with_field
from vbparse.normalize.layout_lines import (
    MOTTO_INSIDE,
    SIGNED_WORDS,
    lines_hit,
    motto_inside,
    opens_with_marker,
    untouched,
)
from vbparse.normalize.layout_rows import (
    add_signature_rows,
    flatten_row,
    holds_two_fields,
    is_layout_row,
)
from vbparse.normalize.offsets import NormalizedText

# Asked by unwrap_lines and the recipients segmenter, defined with the fields and rows.
__all__ = ["body_run_on", "flatten_layout", "holds_two_fields", "opens_with_field"]

_SEPARATOR_ROW = regex.compile(r"^[\s|:\-]*$")
# A crawled page's header lines: the rule under the issuer glued to its line ("ỦY BAN NHÂN DÂN
# TỈNH KON TUM -------"), and the issuer in capitals after the page's own title sentence
# ("… do Bộ Y tế ban hành. BỘ Y TẾ"), quyết định 435/QĐ-UBND, công văn 384/BYT-KCB.
_GLUED_RULE = regex.compile(r"(?<=\p{Lu})[ \t]+[-_=]{3,}[ \t]*$")
_CAPITALS_TAIL = regex.compile(r"(?<=\p{Ll}\.)[ \t]+(?=\p{Lu}{2,}(?:[ \t]+\p{Lu}+){1,8}[ \t]*$)")
# A bullet run into the line before it ("… triển khai Kế hoạch này. - Chủ động thu thập …",
# kế hoạch of Chi cục Hải quan khu vực VIII, signed PDF): after a sentence's end, a dash and a
# capital open the next bullet, in a text whose other bullets open their lines.
_INLINE_BULLET = regex.compile(r"(?<=[.;:!?])[ \t]+(?=[-–•+][ \t]+\p{Lu})")
_LINE_BULLET = regex.compile(r"(?m)^[ \t]*[-–•+][ \t]+\p{Lu}")
# A lone bar at the end of a line of text: a flattened table's cell end.
_CELL_END = regex.compile(r"(?<=\S)[ \t]+\|[ \t]*$(?<=^[^|]*\|[ \t]*)")
# A decimal item label ending a line: "… quan hệ lao động 2.1."
_TRAILING_LABEL = regex.compile(r"(?<=\p{L})[ \t]\d{1,2}\.\d{1,2}\.$")
_SIGNED = regex.compile(rf"^[ \t]*[(\[]?\s*(?:{'|'.join(SIGNED_WORDS)})\s*[)\]]?[ \t]*$")


def flatten_layout(text: NormalizedText) -> NormalizedText:
    """Pipe-table rows and side-by-side columns of the header and signature, one field a
    line; "(Đã ký)" stamps, bare bars and the separator rows next to a layout row blanked.
    Every edit keeps the length, so the map back to the source is unchanged."""
    lines = text.text.split("\n")
    layout = ["|" in line and is_layout_row(line) for line in lines]
    add_signature_rows(lines, layout)
    # A line matches these only if the whole text does: one search each instead of one a line.
    columns_in_text = ("   " in text.text or "\t" in text.text) and bool(
        COLUMN_LINE.search(text.text)
    )
    motto_in_text = motto_inside(text.text)
    signed_in_text = any(word in text.text for word in SIGNED_WORDS)
    out = []
    columns: set[int] = set()  # where the right columns of the line above start
    # Inside a Nơi nhận list whose lines carry the signature column beside them (see
    # ``flatten_column_line``).
    in_cc_columns = False
    caption_in_text = "kèm theo" in text.text.casefold()
    bullets_in_text = _LINE_BULLET.search(text.text) is not None
    hit = lines_hit(text.text, lines, layout, motto=motto_in_text, bullets=bullets_in_text)
    marker = field_patterns()["marker"]
    for i, line in enumerate(lines):
        # (``untouched``'s arguments passed by position: it is asked of every line, twice)
        if i not in hit and untouched(
            line, marker, caption_in_text, columns_in_text, signed_in_text
        ):
            # No step below changes this line (most of a text: see ``layout_lines``); a blank
            # one ends a Nơi nhận list as below (a Word text's blank line, then a "-" bullet
            # with a tab stop in a quyết định's appendix, 267/QĐ-UBND Sóc Trăng, real .docx).
            out.append(line)
            columns = set()
            in_cc_columns = in_cc_columns and bool(line.strip())
            continue
        # The bullet, rule and capitals-tail patterns match only in the lines ``lines_hit``
        # found their needs in (the edits before them turn a space into a line break, which
        # makes no match): the searches, each tried at every position of a long line, are
        # skipped elsewhere.
        if bullets_in_text and "|" not in line and i in hit:
            line = _INLINE_BULLET.sub(lambda m: "\n" + m.group(0)[1:], line)
        if caption_in_text:
            line = _caption_apart(line, lines[i - 1] if i else "")
        if i in hit and (rule := _GLUED_RULE.search(line)):
            line = line[: rule.start()] + " " * (rule.end() - rule.start())
        if i in hit and (tail := _CAPITALS_TAIL.search(line)):
            line = line[: tail.start()] + "\n" + line[tail.start() + 1 :]
        label = _TRAILING_LABEL.search(line)
        if label and i + 1 < len(lines) and lines[i + 1][:1].isupper():
            # "2. Nâng cao năng lực … quan hệ lao động 2.1." / "Rà soát, …": a crawl put the
            # next item's label at the end of the heading (quyết định 435/QĐ-UBND).
            line = line[: label.start()] + "\n" + line[label.start() + 1 :]
        if layout[i]:
            line = flatten_row(line)
        elif line.strip() == "|" or (_SEPARATOR_ROW.match(line) and _near_layout(layout, i)):
            line = " " * len(line)
        elif end := _CELL_END.search(line):
            # a web copy's table flattened a cell a line, each ending with its bar ("- Các Bộ:
            # Kế hoạch và Đầu tư, Tư pháp, Tài chính; |" / "Về đề nghị …", công văn 8079/VPCP-CN,
            # real b108): the bar ends the cell's line (a blank line after it, so the next line
            # is not read as its wrap)
            line = line[: end.start()] + "\n" + " " * (end.end() - end.start() - 1)
        elif columns_in_text and COLUMN_LINE.search(line):
            line, columns, in_cc_columns = flatten_column_line(line, columns, in_cc_columns)
            out.append(line)
            continue
        elif opens_with_marker(marker, line):
            # Both columns joined by one space ("Số: 7432/UBND-XD Quảng Ninh, ngày 21 …").
            line = flatten_cell(line)
        elif motto_in_text and MOTTO_INSIDE.search(line):
            # The issuer's column and the quốc hiệu joined by one space ("ỦY BAN NHÂN DÂN CỘNG
            # HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "TỈNH HẬU GIANG Độc lập - Tự do - Hạnh phúc").
            line = MOTTO_INSIDE.sub(lambda m: "\n" + m.group(0)[1:], line, count=1)
        columns = set()
        # the list runs to a blank line; its label may stand alone (an earlier step put the
        # signature's first line under it)
        in_cc_columns = bool(line.strip()) and (
            in_cc_columns or bool(field_patterns()["cc_at"].match(line))
        )
        if signed_in_text:
            line = _SIGNED.sub(lambda m: " " * len(m.group(0)), line)
        out.append(line)
    flat = "\n".join(out)
    if flat == text.text:
        return text
    assert len(flat) == len(text.text)
    return NormalizedText(flat, text.source_index)


# A document's type alone above its title, in capitals ("KẾ HOẠCH", "QUY CHẾ").
_TYPE_TITLE = regex.compile(r"^[\s*_#]*\p{Lu}{2,}(?:[ \t]+\p{Lu}{2,}){0,3}[\s*_]*$")


def _caption_apart(line: str, above: str = "") -> str:
    """A title line in capitals with its "(Ban hành kèm theo … số …)" caption after it, or a
    title in sentence case under its type's line ("KẾ HOẠCH" / "Tổng kết 15 năm thi hành Luật
    Nuôi con nuôi … (Kèm theo Quyết định số: 2301/QĐ-UBND …)", quyết định 2307/QĐ-UBND Sơn La,
    a real scan): the caption on a line of its own."""
    if "(" not in line or "kèm" not in line.casefold():  # what every caption holds
        return line
    found = field_patterns()["caption"].search(line)
    if found is None:
        return line
    head = line[: found.start()]
    if head != head.upper() and not _TYPE_TITLE.match(above):
        return line
    return line[: found.start()] + "\n" + line[found.start() + 1 :]


def _near_layout(layout: list[bool], i: int) -> bool:
    return any(layout[j] for j in (i - 1, i + 1) if 0 <= j < len(layout))
