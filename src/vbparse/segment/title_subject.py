"""The type title and the trích yếu (subject) under it.

Reads the title line ("THÔNG BÁO", "CHỈ THỊ"; OCR's wrong marks too) into its type code, and
the subject lines below it up to the body: where a separator, a dated opening sentence, an
item, an authority's line or a change of case ends them. Also sets a subject read after
"V/v" for ``find_header``.
"""

from __future__ import annotations

import functools

import regex

from vbparse.extract.document.number import document_type_codes
from vbparse.extract.time.dates import DATE_PATTERN, date_from_match
from vbparse.grammars import load_yaml
from vbparse.models import Span
from vbparse.pattern_time import time_left
from vbparse.segment.broken_lines import broken_recipients_label
from vbparse.segment.casing import bare, fold, title_case
from vbparse.segment.header_lines import Header, header_patterns, is_item, issuer_text
from vbparse.segment.lines import Line


@functools.cache
def _type_titles() -> dict[str, str]:
    """Folded document-type name → code ("thông báo" → "TB")."""
    return {fold(name): code for code, name in document_type_codes().items()}


@functools.cache
def _bare_type_titles() -> dict[str, str]:
    """The same without diacritics, where that leaves one code ("chi thi" → "CT")."""
    codes: dict[str, set[str]] = {}
    for code, name in document_type_codes().items():
        codes.setdefault(bare(name), set()).add(code)
    return {name: found.pop() for name, found in codes.items() if len(found) == 1}


def title_code(stripped: str) -> str | None:
    """The type code of a title line ("THÔNG BÁO" → "TB"); OCR's wrong marks ("THÔNG BẢO",
    "CHÍ THỊ") still name the type when one title has those letters."""
    code = _type_titles().get(fold(stripped)) or _bare_type_titles().get(bare(stripped))
    if code is None and (mark := header_patterns()["marks"].search(stripped)) and mark.start():
        # its urgency on the title's line ("CÔNG ĐIỆN KHẨN", công điện 04/CĐ-UBND Hà Nội as a
        # web copy, real b94)
        return title_code(stripped[: mark.start()].strip())
    return code


def _without_authority_tail(words: str) -> str:
    """A trích yếu without the authority's line that a copy ran onto its end ("… của Quốc hội
    ỦY BAN NHÂN DÂN THÀNH PHỐ HỒ CHÍ MINH", quyết định 2858/QĐ-UBND, real PDF)."""
    pattern, _ = _authority_patterns()
    run = _CAPITALS_RUN.search(words)
    return words[: run.start()].rstrip() if run and pattern.fullmatch(run.group("run")) else words


# A run of words in capitals that ends the text, after a word with a lower-case letter.
_CAPITALS_RUN = regex.compile(r"(?<=\p{Ll}\S*)\s+(?P<run>\p{Lu}[^\p{Ll}]*)$")


def set_subject(header: Header, line: Line, start_in_line: int, more: list[Line]) -> None:
    # Punctuation never opens a trích yếu: a speck OCR read before it (",Về việc …").
    first = line.text.strip()[start_in_line:]
    start_in_line += len(first) - len(first.lstrip(",.;:'\"` "))
    start = line.start + (len(line.text) - len(line.text.lstrip())) + start_in_line
    end = (more[-1] if more else line).end
    words = " ".join([line.text.strip()[start_in_line:]] + [m.text.strip() for m in more])
    subject = _without_authority_tail(words).rstrip(" .;")
    header.subject_cut = words[len(subject) :]
    header.subject = _opening_put_right(subject)
    header.subject_span = Span(start=start, end=end)


def _opening_put_right(subject: str) -> str:
    """The trích yếu with a first word OCR misread put right ("và đẩy mạnh …" → "Về …")."""
    first, _, rest = subject.partition(" ")
    right = load_yaml("header.yaml")["subject_opening_misreads"].get(first)
    return f"{right} {rest}" if right and rest else subject


# A công điện's "Điện:" alone on its line, under its sender's (công điện 672/CĐ-BGDĐT, real
# scan b132).
_CABLE_LABEL_ALONE = regex.compile(r"Điện\s*:")


def read_title_subject(header: Header, lines: list[Line], i: int) -> int:
    """Subject lines after a type title ("THÔNG BÁO" / "Kết luận của …"): up to a separator,
    a dated opening sentence, an item, or a change from capitals to sentence case."""
    p = header_patterns()
    taken: list[Line] = []
    i = _read_gazette_lines(header, lines, i)
    if i + 1 < len(lines) and _ISSUER_OF_TITLE.fullmatch(lines[i + 1].text.strip()):
        # the title's issuer under it, in capitals ("CHỈ THỊ" / "CỦA BAN THƯỜNG VỤ TỈNH ỦY" /
        # "về việc tổ chức Tết năm 2018", chỉ thị 23 and 24-CT/TU of Tỉnh ủy Hà Tĩnh, real
        # scans b106): part of the title, the trích yếu follows it
        i += 1
    for k, line in enumerate(lines[i + 1 :], start=i + 1):
        stripped = line.text.strip()
        if taken and _is_authority_line(stripped, taken[-1], lines[k + 1 : k + 2]):
            break
        if k + 1 < len(lines) and _CABLE_LABEL_ALONE.fullmatch(lines[k + 1].text.strip()):
            break  # a công điện's sender above its "Điện:" ("BỘ TRƯỞNG BỘ GIÁO DỤC VÀ ĐÀO TẠO")
        if (
            p["separator"].match(stripped)
            or p["date_line"].match(stripped)
            or p["recipients"].match(stripped)
            or (header.number is None and p["number"].match(stripped))
            or broken_recipients_label(lines, k, issuer_text(header)) is not None
            or is_item(line)
            or stripped.startswith("Căn cứ")
            or (taken and _has_letters(line) and _in_capitals(line) != _in_capitals(taken[0]))
            or (taken and taken[-1].text.rstrip().endswith((".", ":", ";")))
            # Normalize has re-joined a wrapped sentence-case title: one line is the whole
            # title and the next is the body. Titles in capitals are not re-joined.
            or (taken and not _in_capitals(taken[0]))
        ):
            break
        taken.append(line)
    if len(taken) == 1 and not _in_capitals(taken[0]):
        taken += _title_lines_cut_by_case(taken[0], lines[i + 2 : i + 3 + _TITLE_TAIL_LINES_MAX])
    if taken and not _is_body_sentence(taken):
        # "Công văn" / "V/v …" (a portal's copy): a công văn's trích yếu follows its V/v label
        # (NĐ 30/2020); under other titles ("CÔNG ĐIỆN" / "V/V …") the line is kept whole.
        label = p["subject"].match(taken[0].text.strip()) if header.title_type == "CV" else None
        set_subject(header, taken[0], label.end() if label else 0, taken[1:])
        _cut_at_dated_opening(header)
        _cut_title_issuer(header)
        return i + len(taken)
    return i


# "CỦA BAN THƯỜNG VỤ TỈNH ỦY", "CỦA BỘ CHÍNH TRỊ": a line of capitals naming whose the titled
# document is, with no number (a gazette's "… SỐ 07/2008/CT-BTTTT" is read by
# ``_read_gazette_lines``)
_ISSUER_OF_TITLE = regex.compile(r"CỦA\s+[\p{Lu}\s,-]{2,80}\p{Lu}\s*")


def _read_gazette_lines(header: Header, lines: list[Line], i: int) -> int:
    """The gazette's line under the title ("CỦA BỘ THÔNG TIN VÀ TRUYỀN THÔNG SỐ 07/2008/CT-BTTTT",
    then "NGÀY 30 THÁNG 12 NĂM 2008"), read into issuer, number and date; the index of the
    last line read (``i`` when there is none)."""
    p = header_patterns()
    if i + 1 >= len(lines) or header.number is not None:
        return i
    line = lines[i + 1]
    m = p["gazette"].match(line.text.strip())
    if m is None:
        return i
    header.number = m.group("number")
    start = line.start + (len(line.text) - len(line.text.lstrip()))
    header.number_span = Span(start=start + m.start("number"), end=start + m.end("number"))
    if not header.issuer_lines:
        header.portal_issuer = title_case(m.group("issuer"))
    dated = p["date_line"].match(m.group("date") or "")
    last = i + 1
    if dated is None and last + 1 < len(lines):
        dated = p["date_line"].match(lines[last + 1].text.strip())
        last += dated is not None
    if dated is not None and header.date is None:
        header.date = date_from_match(dated)
    return last


def _in_capitals(line: Line) -> bool:
    """A title line in capitals, one letter long too: a copy broke "Ý" off "KIẾN CHỈ ĐẠO …"
    (thông báo 653/TB-VPCP on thuvienphapluat.vn)."""
    letters = [c for c in line.text if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


def _is_body_sentence(lines: list[Line]) -> bool:
    """Whether the lines under a title are the body's first sentence, not a trích yếu."""
    first, last = lines[0].text.strip(), lines[-1].text.rstrip()
    return (
        bool(header_patterns()["body_opening"].match(first)) and last.endswith(".") and "," in first
    )


# The further lines of a sentence-case title are short: the title's tail, not a paragraph;
# two at most (a three-line title).
_TITLE_TAIL_WORDS = 16
_TITLE_TAIL_LINES = 2
# … and up to four above the issuing authority's line in capitals.
_TITLE_TAIL_LINES_MAX = 4


def _title_lines_cut_by_case(title: Line, after: list[Line]) -> list[Line]:
    """The further lines of a sentence-case title that normalize left apart because they open
    with a capital ("… triển khai thực hiện 02" / "Chương trình MTQG: …", thông báo
    565/TB-UBND Quảng Ngãi; "… đón Tết Nguyên đán" / "Nhâm Dần-năm 2022 …" / "trên địa bàn
    tỉnh", an OCR'd chỉ thị): taken when the title does not end a sentence and the line after
    them opens the body; or, up to the issuing authority's line in capitals, whatever their
    length or ";" (a title that lists the bodies concerned: "… của Sở Giao thông vận tải;" /
    "Sở Xây dựng; Ủy ban nhân dân cấp huyện;" / … / "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH", quyết
    định 209/QĐ-UBND Bạc Liêu, real scan; a 17-word line, 298/QĐ-UBND Sơn La, real .doc)."""
    ends_sentence = title.text.rstrip().endswith((".", ":", ";"))
    for n in range(1, len(after)):
        tail, body = after[:n], after[n]
        if not _is_title_tail(tail[-1]):
            return []
        if _above_authority(tail, body, after[n + 1 : n + 2]):
            return tail
        if ends_sentence or n > _TITLE_TAIL_LINES:
            continue
        if _DATED_OPENING.match(body.text.strip()) and (n == 1 or _all_short(tail)):
            return tail
        if _opens_body_after(body, tail[-1]) and _all_short(tail):
            return tail
    return []


def _above_authority(tail: list[Line], body: Line, after: list[Line]) -> bool:
    """Title lines right above the issuing authority's line: none ends with a stop."""
    if not _is_authority_line(body.text.strip(), tail[-1], after):
        return False
    return all(
        len(t.text.split()) <= 2 * _TITLE_TAIL_WORDS and not t.text.rstrip().endswith((".", ":"))
        for t in tail
    )


def _is_title_tail(line: Line) -> bool:
    """A line that can end a wrapped title: no item, date, label or separator."""
    p = header_patterns()
    opening = line.text.strip()
    if line.is_upper or is_item(line) or p["date_line"].match(opening):
        return False
    if p["recipients"].match(opening):  # "Kính gửi: …" under the V/v line (4340/BVHTTDL)
        return False
    return not p["separator"].match(opening) and any(c.isalpha() for c in opening)


def _all_short(tail: list[Line]) -> bool:
    """Tail lines that are short and end no sentence: a title's, not a paragraph's."""
    return all(
        len(t.text.split()) <= _TITLE_TAIL_WORDS and not t.text.rstrip().endswith((".", ";", ":"))
        for t in tail
    )


def _opens_body_after(body: Line, tail: Line) -> bool:
    """The body opening with its legal basis ("Căn cứ Kế hoạch 620/KH-SGDĐT …", kế hoạch
    58/KH-THPTCL2) under a tail that opens no body itself."""
    p = header_patterns()
    return bool(p["body_opening"].match(body.text.strip())) and not p["body_opening"].match(
        tail.text.strip()
    )


# The body of a thông báo kết luận opens with the meeting's date, capitalised: "Ngày
# 03/01/2025, Phó Chủ tịch … chủ trì …". Inside a line it starts a new sentence.
_DATED_OPENING = regex.compile(rf"Ngày\s+{DATE_PATTERN}")
_DATED_OPENING_INSIDE = regex.compile(rf"\s+(?=Ngày\s+{DATE_PATTERN}\s*,)")


def _cut_title_issuer(header: Header) -> None:
    """The title's issuer that normalize joined with the trích yếu in lower case after it
    ("CỦA BAN THƯỜNG VỤ TỈNH ỦY về việc tổ chức Tết năm 2018", chỉ thị 24-CT/TU Hà Tĩnh, real
    scan b106) is no part of the trích yếu."""
    if header.subject is None or header.subject_span is None:
        return
    m = _ISSUER_OF_TITLE.match(header.subject)
    if m is None:
        return
    rest = header.subject[m.end() :]
    if not rest[:1].islower():
        return
    start = header.subject_span.start + m.end()
    header.subject = rest
    header.subject_span = Span(start=start, end=header.subject_span.end)


def _cut_at_dated_opening(header: Header) -> None:
    """A title that normalize joined with the body's dated opening sentence (thông báo
    11/TB-UBND Quảng Ngãi: "… trong thời gian đến Ngày 03/01/2025, Phó Chủ tịch …") ends
    where that sentence starts."""
    if header.subject is None or header.subject_span is None:
        return
    m = _DATED_OPENING_INSIDE.search(header.subject, timeout=time_left())
    if m is None or m.start() == 0:
        return
    header.subject = header.subject[: m.start()].rstrip(" .;")
    header.subject_span = Span(
        start=header.subject_span.start, end=header.subject_span.start + m.start()
    )


@functools.cache
def _authority_patterns() -> tuple[regex.Pattern[str], frozenset[str]]:
    g = load_yaml("header.yaml")
    pattern = regex.compile("|".join(f"(?:{p})" for p in g["authority_line"]))
    return pattern, frozenset(c.upper() for c in g["title_line_connectors"])


def _is_authority_line(stripped: str, before: Line, after: list[Line]) -> bool:
    """The authority's line under a quyết định's title ("THỦ TƯỚNG CHÍNH PHỦ" above "Căn cứ
    …"), not a line of a title that wraps after "CỦA"."""
    pattern, connectors = _authority_patterns()
    if not pattern.fullmatch(stripped):
        return False
    last_words = before.text.upper().split()
    if any(" ".join(last_words[-n:]) in connectors for n in (1, 2)):
        return False
    return not after or not after[0].is_upper


def _has_letters(line: Line) -> bool:
    return any(c.isalpha() for c in line.text)
