"""Header and signature layouts flattened to one field a line, as the segmenter reads them.

A directive's header and signature are two side-by-side columns. Converters and portals
keep them in ways the clean layout does not:
- Markdown conversions and web copies make them pipe-table rows, one cell per column:
  ``| VĂN PHÒNG CHÍNH PHỦ ------- | CỘNG HÒA … Độc lập - Tự do - Hạnh phúc --- |``,
  ``| Số: 467/TB-VPCP | *Hà Nội, ngày 14 tháng 10 năm 2024* |``, ``| *Nơi nhận:* - Như
  trên; - Lưu: VT. | KT. BỘ TRƯỞNG, CHỦ NHIỆM PHÓ CHỦ NHIỆM Nguyễn Sỹ Hiệp |``;
- ``pdftotext -layout`` and copies from PDF viewers put both columns on one line with a run
  of spaces between (``Số: 115/NQ-CP              Hà Nội, ngày 29 tháng 4 năm 2026``), or
  with one space (``Số: 7432/UBND-XD Quảng Ninh, ngày 21 tháng 7 năm 2026``).

Only rows and lines that carry a layout field (``header.yaml``: quốc hiệu, Số, V/v, place
and date, Kính gửi, Nơi nhận, an authority prefix) are touched, so task tables and body text
stay as they are. Every edit here replaces characters one for one (a bar or a space becomes a
line break, a rule of dashes or an emphasis star becomes spaces): offsets into the source
stay exact.
"""

from __future__ import annotations

import functools

import regex

from vbparse.grammars import load_yaml
from vbparse.normalize.layout_lines import (
    MOTTO_INSIDE,
    SIGNED_WORDS,
    lines_hit,
    motto_inside,
    opens_with_marker,
    untouched,
)
from vbparse.normalize.offsets import NormalizedText

# A line with a run of 3+ spaces between two words (two columns side by side), and the run.
_COLUMN_LINE = regex.compile(r"\S[ \t]{3,}\S")
_COLUMN_GAP = regex.compile(r"(?<=\S)[ \t]{3,}(?=\S)")
# A right column continues on the next line when it starts within this many characters (a
# Word text box aligns its columns by tab stops, not by characters).
_SAME_COLUMN = 6
_SEPARATOR_ROW = regex.compile(r"^[\s|:\-]*$")
_LINE = regex.compile(r"[^\n]+")
_NON_SPACE_RUN = regex.compile(r"\S+")
_RULE = regex.compile(r"[-_=~]{3,}")
_EMPHASIS = regex.compile(r"(?<![\*\w])\*(?=\S)|(?<=\S)\*(?![\*\w])")
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
# A decimal item label ending a line: "… quan hệ lao động 2.1."
_TRAILING_LABEL = regex.compile(r"(?<=\p{L})[ \t]\d{1,2}\.\d{1,2}\.$")
_SIGNED = regex.compile(rf"^[ \t]*[(\[]?\s*(?:{'|'.join(SIGNED_WORDS)})\s*[)\]]?[ \t]*$")
# A person's name closing a signature cell: two to six capitalised words.
_TRAILING_NAME = regex.compile(
    r"(?<=[\p{Lu}\d.,)])\s+(?=\p{Lu}\p{Ll}+(?:\s+\p{Lu}\p{Ll}*){1,5}\s*$)"
)


def body_run_on() -> regex.Pattern[str]:
    """Where a crawled page ran the body's first sentence onto a header line: the space before
    a capitalised opening ("… trực thuộc Trung ương Trong thời gian qua, …")."""
    return _grammar()["body_opening"]


@functools.cache
def _grammar() -> dict[str, regex.Pattern[str]]:
    g = load_yaml("header.yaml")
    prefixes = "|".join(regex.escape(a) for a in g["authority_prefixes"])
    longest_first = "|".join(
        regex.escape(t) for t in sorted(g["signer_title_starts"], key=len, reverse=True)
    )
    marker_parts = [
        rf"{g['number_label']}\d",
        rf"{g['number_label']}\s*/",  # a draft's number: "Số:      /KH-UBND"
        g["subject_label"],
        g["recipients_label"],
        g["cc_label"],
        g["place_date"],
        *g["motto"],
        rf"(?:{prefixes})\s*\p{{Lu}}",
    ]
    attached = load_yaml("appendix/headings.yaml")["attached"]
    return {
        # An attached document's caption that a crawl left at the end of its title line
        # ("TRIỂN KHAI KẾ HOẠCH SỐ 119-KH/TU … (Ban hành kèm theo Quyết định số 435/QĐ-UBND,
        # …)", quyết định 435/QĐ-UBND Kon Tum): it goes on a line of its own.
        "caption": regex.compile(rf"(?<=\S)[ \t]+(?={attached})", regex.IGNORECASE),
        "marker": regex.compile(r"^\s*(?:" + "|".join(f"(?:{p})" for p in marker_parts) + ")"),
        # Where a cell holds two fields, the second starts here.
        "inner": regex.compile(
            r"\s+(?="
            + "|".join(
                f"(?:{p})"
                for p in (
                    r"Độc lập\s*[-–]\s*Tự do",
                    g["subject_label"].replace(r"\s*[:.]?\s*", r"\b"),
                    r"[Kk]ính\s+gửi\b",
                    rf"(?:{prefixes})\s*\p{{Lu}}{{2}}",
                )
            )
            + ")"
            # The number after the issuer in one cell ("TỈNH BÌNH THUẬN Số: /UBND"): with its
            # colon, so "số 12/…" in a sentence is no field.
            + r"|(?<=\S)\s+(?=(?:Số|Sô)\s*:\s*[\d/])"
        ),
        # "Số: 467/TB-VPCP Hà Nội, ngày …": the first place the date line can start ("TP. Hồ
        # Chí Minh, ngày" starts at "TP.", not at "Hồ").
        "place_date": regex.compile(rf"\s+(?={g['place_in_line']})"),
        "opens_with_place_date": regex.compile(rf"\s*{g['place_date']}"),
        "date_then_title": regex.compile(g["date_then_title"]),
        "list_label": regex.compile(rf"^\s*(?:{g['cc_label']}|{g['recipients_label']})"),
        "recipients_label": regex.compile(rf"^\s*(?:{g['recipients_label']})"),
        # The body's first sentence that a crawled page ran onto the Kính gửi line ("Kính gửi:
        # Đ/c Chủ tịch Ủy ban nhân dân các tỉnh … Trong thời gian qua, …", công văn
        # 384/BYT-KCB): a capitalised opening after a space.
        "body_opening": regex.compile(
            r"(?<=\S)\s+(?=(?:"
            + "|".join(f"(?:{p})" for p in (*g["body_openings"], *g["recipients_run_on"]))
            + "))"
        ),
        # A bullet follows the label or the end of the previous entry ("Kính gửi: - Bộ Tài
        # chính; - Bộ Tư pháp"); a dash inside a name does not ("Bộ Lao động - Thương binh và
        # Xã hội", "Công ty TNHH Cảnh Hưng – Hải Thành").
        "bullet": regex.compile(r"(?<=[:;.,]\s*)\s+(?=[-–•+]\s*\S)"),
        "authority": regex.compile(rf"^\s*(?:{prefixes})\s*"),
        # A title of the list at a word start, the longest first ("CHI CỤC TRƯỞNG").
        "draft_blanks": regex.compile("|".join(f"(?:{b})" for b in g["draft_blanks"])),
        "title_at": regex.compile(rf"(?:{longest_first})\b"),
        "cc_at": regex.compile(rf"^\s*(?:{g['cc_label']})"),
    }


def flatten_layout(text: NormalizedText) -> NormalizedText:
    """Pipe-table rows and side-by-side columns of the header and signature, one field a
    line; "(Đã ký)" stamps, bare bars and the separator rows next to a layout row blanked.
    Every edit keeps the length, so the map back to the source is unchanged."""
    lines = text.text.split("\n")
    layout = ["|" in line and _is_layout_row(line) for line in lines]
    _add_signature_rows(lines, layout)
    # A line matches these only if the whole text does: one search each instead of one a line.
    columns_in_text = ("   " in text.text or "\t" in text.text) and bool(
        _COLUMN_LINE.search(text.text)
    )
    motto_in_text = motto_inside(text.text)
    signed_in_text = any(word in text.text for word in SIGNED_WORDS)
    out = []
    columns: set[int] = set()  # where the right columns of the line above start
    # Inside a Nơi nhận list whose lines carry the signature column beside them: every bullet
    # with a column gap is split there, aligned or not (Word's tab stops, read as spaces, put
    # the right column at another character on every line: "- CT, PCT UBND tỉnh;   (Đã ký)",
    # "- UBND các huyện, thị xã;   Nguyễn Văn Hiệp", chỉ thị 09/2009/CT-UBND Bình Dương, a
    # real .doc).
    in_cc_columns = False
    caption_in_text = "kèm theo" in text.text.casefold()
    bullets_in_text = _LINE_BULLET.search(text.text) is not None
    hit = lines_hit(text.text, lines, layout, motto=motto_in_text, bullets=bullets_in_text)
    marker = _grammar()["marker"]
    quiet = functools.partial(
        untouched,
        marker=marker,
        caption=caption_in_text,
        columns=columns_in_text,
        signed=signed_in_text,
    )
    for i, line in enumerate(lines):
        if i not in hit and quiet(line):
            # No step below changes this line (most of a text: see ``layout_lines``).
            out.append(line)
            columns = set()
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
            line = _flatten_row(line)
        elif line.strip() == "|" or (_SEPARATOR_ROW.match(line) and _near_layout(layout, i)):
            line = " " * len(line)
        elif columns_in_text and _COLUMN_LINE.search(line):
            if in_cc_columns and _CC_BULLET.match(line):
                line, columns = _split_first_gap(line), set()
            else:
                line, columns = _flatten_columns(line, columns)
                in_cc_columns = in_cc_columns or bool(_grammar()["cc_at"].match(line))
            out.append(line)
            continue
        elif opens_with_marker(_grammar()["marker"], line):
            # Both columns joined by one space ("Số: 7432/UBND-XD Quảng Ninh, ngày 21 …").
            line = _flatten_cell(line)
        elif motto_in_text and MOTTO_INSIDE.search(line):
            # The issuer's column and the quốc hiệu joined by one space ("ỦY BAN NHÂN DÂN CỘNG
            # HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "TỈNH HẬU GIANG Độc lập - Tự do - Hạnh phúc").
            line = MOTTO_INSIDE.sub(lambda m: "\n" + m.group(0)[1:], line, count=1)
        columns = set()
        # the list runs to a blank line; its label may stand alone (an earlier step put the
        # signature's first line under it)
        in_cc_columns = bool(line.strip()) and (
            in_cc_columns or bool(_grammar()["cc_at"].match(line))
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
    found = _grammar()["caption"].search(line)
    if found is None:
        return line
    head = line[: found.start()]
    if head != head.upper() and not _TYPE_TITLE.match(above):
        return line
    return line[: found.start()] + "\n" + line[found.start() + 1 :]


def opens_with_field(line: str) -> bool:
    """Whether ``line`` opens with a layout field (quốc hiệu, Số, V/v, place and date, …):
    the only lines that joining another line onto can make ``flatten_layout`` split."""
    return bool(_grammar()["marker"].match(line))


def holds_two_fields(line: str) -> bool:
    """Whether ``line`` is a header table row or holds a second field after its first (the
    motto, V/v, Kính gửi, an authority): ``flatten_layout`` splits such a line there. So
    ``unwrap_lines`` joins no line onto a field line where the joined line would (the motto
    continued by a body line would be split at its next field on a second pass: normalize
    must be idempotent)."""
    if _is_layout_row(line):
        return "\n" in _flatten_row(line)
    g = _grammar()
    text = _unstarred(line)
    if g["recipients_label"].match(text) and g["body_opening"].search(text):
        return True
    return bool(g["inner"].search(text))


def _flatten_row(line: str) -> str:
    """Each cell on lines of its own; the bars that open and close the row become spaces."""
    cells = [_flatten_cell(cell) for cell in line.split("|")]
    inner = "\n".join(cells[1:-1])
    if len(cells) == 2:
        return (
            cells[0] + "\n" + cells[1]
            if cells[0].strip() and cells[1].strip()
            else (cells[0] + " " + cells[1])
        )
    first = cells[0] + (" " if not cells[0].strip() else "\n")
    last = (" " if not cells[-1].strip() else "\n") + cells[-1]
    return first + inner + last


def _is_layout_row(line: str) -> bool:
    marker = _grammar()["marker"]
    return "|" in line and any(opens_with_marker(marker, _unstarred(c)) for c in line.split("|"))


def _add_signature_rows(lines: list[str], layout: list[bool]) -> None:
    """The row under a "Nơi nhận:" row of the closing table is layout too: the list in one
    cell, the signer's title and name in the other ("| - Như trên; - … - Lưu: VT, NC.Châu |
    PHÓ CHỦ TỊCH Nguyễn Ngọc Phúc |" under "Nơi nhận: | KT. CHỦ TỊCH |", a .docx of UBND
    tỉnh Lâm Đồng)."""
    g = _grammar()
    for i in range(1, len(lines)):
        if not layout[i - 1] or layout[i] or "|" not in lines[i]:
            continue
        first = next((c for c in lines[i - 1].split("|") if c.strip()), "")
        first = _unstarred(first).strip()
        if g["list_label"].match(first) and not g["recipients_label"].match(first):
            layout[i] = True


def _near_layout(layout: list[bool], i: int) -> bool:
    return any(layout[j] for j in (i - 1, i + 1) if 0 <= j < len(layout))


def _flatten_columns(line: str, above: set[int]) -> tuple[str, set[int]]:
    """A line of side-by-side columns, each column on a line of its own, when one of them
    opens with a field ("Nơi nhận:", "Số:"); else split only where a right column opens with
    a signer's title or continues the split of the line above. Returns the line and where
    its right columns start."""
    blanks = {m.span() for m in _grammar()["draft_blanks"].finditer(line)}
    gaps = [m for m in _COLUMN_GAP.finditer(line) if m.span() not in blanks]
    edges = [0] + [x for m in gaps for x in m.span()] + [len(line)]
    parts = [line[edges[k] : edges[k + 1]] for k in range(0, len(edges), 2)]
    g = _grammar()
    if not any(opens_with_marker(g["marker"], _unstarred(p)) for p in parts):
        # A right column that opens with a signer's title ("- Như trên;      CHÁNH VĂN
        # PHÒNG") or continues the column split on the line above.
        gaps = [
            gap
            for gap in gaps
            if g["title_at"].match(line, gap.end())
            or any(abs(gap.end() - a) <= _SAME_COLUMN for a in above)
        ]
        if not gaps:
            return line, set()
    out = list(_flatten_cell(line))
    for gap in gaps:
        out[gap.start()] = "\n"
    return "".join(out), {g.end() for g in gaps}


_CC_BULLET = regex.compile(r"^[ \t]*[-–•+]")


def _split_first_gap(line: str) -> str:
    """``line`` broken at its first column gap (the gap's first space becomes a line break)."""
    gap = _COLUMN_GAP.search(line)
    return line if gap is None else line[: gap.start()] + "\n" + line[gap.start() + 1 :]


def _unstarred(cell: str) -> str:
    return _EMPHASIS.sub(" ", cell) if "*" in cell else cell  # most cells have no star


# Pure in ``cell``: normalize's repeated line steps meet the same field lines again.
@functools.lru_cache(maxsize=4096)
def _flatten_cell(cell: str) -> str:
    """One cell's fields on lines of their own, same length as the cell."""
    g = _grammar()
    out = list(_unstarred(cell))
    for rule in _RULE.finditer(cell):
        out[rule.start() : rule.end()] = "\n" + " " * (rule.end() - rule.start() - 1)
    text = "".join(out)
    breaks = [b.start() for b in g["inner"].finditer(text)]
    if not g["opens_with_place_date"].match(text) and (place := g["place_date"].search(text)):
        breaks.append(place.start())
    if title := g["date_then_title"].search(text):
        breaks.append(title.start())
    if g["list_label"].match(text):
        breaks += [b.start() for b in g["bullet"].finditer(text)]
    if g["recipients_label"].match(text) and (opening := g["body_opening"].search(text)):
        breaks.append(opening.start())
    _break_at(out, breaks)
    _break_at(out, _signature_breaks("".join(out)))
    return "".join(out)


def _break_at(chars: list[str], positions: list[int]) -> None:
    for at in positions:
        if chars[at] in " \t":
            chars[at] = "\n"


def _signature_breaks(cell: str) -> list[int]:
    """Line breaks inside a signature cell: before the signer's own title after the office
    signed for ("KT. BỘ TRƯỞNG, CHỦ NHIỆM | PHÓ CHỦ NHIỆM") and before the name."""
    g = _grammar()
    # A Kính gửi line holds no signer: the capitalised words ending it are the addressee's
    # ("Kính gửi: Ủy ban quốc gia UNESCO Việt Nam", công văn 4340/BVHTTDL-DSVH).
    names = [] if g["recipients_label"].match(cell) else _TRAILING_NAME.finditer(cell)
    breaks = [m.start() for m in names]
    for segment in _LINE.finditer(cell):
        authority = g["authority"].match(segment.group(0))
        if not authority:
            continue
        # The office takes at least one word: "KT. GIÁM ĐỐC PHÓ GIÁM ĐỐC" breaks before PHÓ.
        first_word = _NON_SPACE_RUN.search(segment.group(0), authority.end())
        if first_word is None:
            continue
        start = _title_break(segment.group(0), first_word.start(), first_word.end())
        if start is not None:
            breaks.append(segment.start() + start)
    return breaks


_WORD_RUN = regex.compile(r"\S+")


def _title_break(line: str, office_start: int, search_from: int) -> int | None:
    """Where the signer's own title starts in ``line`` (the first title word from
    ``search_from``); a title word inside a longer title that starts earlier ("CỤC TRƯỞNG"
    in "KT. CHI CỤC TRƯỞNG" or "TỔNG CỤC TRƯỞNG") starts nothing."""
    title = _grammar()["title_at"]
    covered = office_start
    for word in _WORD_RUN.finditer(line, pos=office_start):
        if (
            word.start() >= search_from
            and word.start() >= covered
            and title.match(line, word.start())
        ):
            return word.start() - 1
        if (m := title.match(line, word.start())) is not None:
            covered = max(covered, m.end())
    return None
