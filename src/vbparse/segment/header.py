"""The header of a directive: issuer, số ký hiệu, place and date, trích yếu, Kính gửi.

Fills: number (+ span), issuer, place, date, type title, subject, recipients, and where the
body begins. A part the text lost stays None; the caller records a warning.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
from dataclasses import dataclass, field

import regex

from vbparse.extract.document.number import document_type_codes, number_regex
from vbparse.extract.time.dates import DATE_PATTERN, date_from_match
from vbparse.grammars import load_yaml
from vbparse.models import Span
from vbparse.normalize.layout import body_run_on
from vbparse.normalize.unwrap import label_start
from vbparse.pattern_time import time_left
from vbparse.segment.broken_lines import (
    bare_place_date,
    broken_place_date,
    broken_recipients_label,
    full_place,
)
from vbparse.segment.byline import Byline, read_byline
from vbparse.segment.casing import bare, fold, known_title
from vbparse.segment.lines import Line, split_lines

# How far down the header may reach: the body starts long before this in any real document.
_HEADER_LINES = 40
# Addressees written below "Kính gửi:" without bullets: at most this many lines of this many
# words ("Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương;").
_RECIPIENT_LINES = 8
_INLINE_BULLET = regex.compile(r"(?<=;)\s*(?=[-–•+]\s)")
_RECIPIENT_WORDS = 16
_CELL_BAR = regex.compile(r"\s\|(?:\s|$)")


@dataclass
class Header:
    issuer_lines: list[Line] = field(default_factory=list)
    number: str | None = None
    number_span: Span | None = None
    place: str | None = None
    date: dt.date | None = None
    title_type: str | None = None
    subject: str | None = None
    subject_span: Span | None = None
    # The trích yếu came after "V/v": Nghị định 30/2020 gives that form to công văn only.
    subject_is_vv: bool = False
    # What the trích yếu's last line ended with and the subject left off (" ." of "tại TP."):
    # put back when a wrapped line continues it ("… tại TP." / "Hồ Chí Minh").
    subject_cut: str = ""
    recipients: list[str] = field(default_factory=list)
    body_start: int = 0
    # A draft: the number and the day are blanks for the clerk ("Số:      /KH-UBND").
    draft_code: str | None = None
    draft_date: bool = False
    # A portal's byline standing for the signature block ("KTBT, TT … Theo BỘ …").
    byline: Byline | None = None


@functools.cache
def _patterns() -> dict[str, regex.Pattern[str]]:
    g = load_yaml("header.yaml")
    flags = regex.IGNORECASE
    return {
        "motto": regex.compile("|".join(f"(?:{m})" for m in g["motto"]), flags),
        "marks": regex.compile(g["marks"]),
        "number": regex.compile(rf"{g['number_label']}(?P<number>{number_regex().pattern})"),
        "subject": regex.compile(g["subject_label"]),
        "place_date": regex.compile(rf"{g['place_date']}{DATE_PATTERN}", flags),
        "recipients": regex.compile(g["recipients_label"]),
        "separator": regex.compile(g["separator"]),
        "date_line": regex.compile(rf"Ngày\s+{DATE_PATTERN}", flags),
        "draft_number": regex.compile(g["draft_number"]),
        "draft_date": regex.compile(g["draft_date"], flags),
        "damaged_date_line": regex.compile(g["damaged_date_line"]),
        "number_start": regex.compile(rf"{g['number_label']}", flags),
        "number_label_alone": regex.compile(rf"{g['number_label']}"),
        # A place and date inside a line: the place starts a word ("TTs Hà Nội" is no place).
        "place_in_line": regex.compile(rf"(?<!\S)(?={g['place_in_line']})"),
        "body_opening": regex.compile("|".join(f"(?:{p})" for p in g["body_openings"])),
        "recipient_details": regex.compile("|".join(f"(?:{p})" for p in g["recipient_details"])),
    }


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


def _title_code(stripped: str) -> str | None:
    """The type code of a title line ("THÔNG BÁO" → "TB"); OCR's wrong marks ("THÔNG BẢO",
    "CHÍ THỊ") still name the type when one title has those letters."""
    return _type_titles().get(fold(stripped)) or _bare_type_titles().get(bare(stripped))


def _is_item(line: Line) -> bool:
    # A rule under the issuer ("—-", "-------") opens no item: an item has words.
    return bool(label_start().match(line.text)) and any(c.isalnum() for c in line.text)


# The quốc hiệu's words: a converter or portal may wrap it anywhere ("CỘNG HÒA XÃ HỘI" /
# "CHỦ NGHĨA VIỆT NAM"), and each piece is still the motto, never the issuer.
# Compared without diacritics: OCR reads "CHÚ NGHĨA", "CỌNG HÒA XÃ HỌI".
_MOTTO_WORDS = bare("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM").split()
# A page copied whole puts the site's banner and a metadata table before the document: the
# header starts at most this many lines above the quốc hiệu (the issuer's name, its rule).
_ABOVE_MOTTO = 4


def _is_motto(stripped: str) -> bool:
    """The quốc hiệu or tiêu ngữ (``header.yaml`` motto), whole or a wrapped piece of it."""
    return bool(_patterns()["motto"].match(stripped)) or _is_motto_piece(stripped)


def _is_motto_piece(stripped: str) -> bool:
    words = bare(stripped).split()
    if not words or (len(words) < 2 and words != _MOTTO_WORDS[:1]):
        return False
    return any(
        _MOTTO_WORDS[k : k + len(words)] == words for k in range(len(_MOTTO_WORDS) - len(words) + 1)
    )


def _document_start(lines: list[Line]) -> int:
    """Index of the first line of the document itself: 0, unless the quốc hiệu stands far
    down (a page copied with its site's banner), then the issuer lines just above it."""
    p = _patterns()
    motto = next(
        (i for i, line in enumerate(lines) if _is_motto(line.text.strip())),
        None,
    )
    if motto is None or motto <= 2 * _ABOVE_MOTTO:
        return 0
    start = motto
    while start > 0 and motto - start < _ABOVE_MOTTO:
        above = lines[start - 1]
        text = above.text.strip()
        if not (above.is_upper or p["separator"].match(text) or set(text) <= set("|#*")):
            break
        start -= 1
    return start


def find_header(text: str) -> Header:
    """Read the header zone at the top of ``text``."""
    p = _patterns()
    every = [line for line in split_lines(text) if not line.is_blank]
    lines = every[_document_start(every) :][:_HEADER_LINES]
    header = Header()
    last = -1  # index in ``lines`` of the last header element found
    for i, line in enumerate(lines):
        if i <= last:  # already read as part of a title or a Kính gửi list
            continue
        stripped = line.text.strip()
        if _is_item(line) and not stripped.startswith("-"):
            break
        if header.date is None and (m := broken_place_date(lines, i)):
            _set_date(header, m)
            last = i + 1
        elif (label_end := broken_recipients_label(lines, i, _issuer_text(header))) is not None:
            last = _read_recipients(header, lines, i + 1, label_end)
        elif header.number is None and (m := p["number"].match(stripped)):
            header.number = m.group("number")
            offset = line.start + (len(line.text) - len(line.text.lstrip()))
            header.number_span = Span(start=offset + m.start("number"), end=offset + m.end())
            last = i
        elif header.number is None and (alone := _number_alone(lines, i, header)):
            # A portal copy titled by its number alone ("3215/BVHTTDL-VHCS" above the text),
            # or "Số:" on a line of its own with the number under it (a flattened table).
            last, m = alone
            numbered = lines[last]
            header.number = m.group(0)
            offset = numbered.start + (len(numbered.text) - len(numbered.text.lstrip()))
            header.number_span = Span(start=offset, end=offset + m.end())
        elif header.date is None and (
            m := p["place_date"].match(stripped)
            or _date_after_number(stripped)
            or bare_place_date(stripped)
        ):
            _set_date(header, m)
            last = i
        elif header.number is None and (m := p["draft_number"].match(stripped)):
            header.draft_code = m.group("code")
            last = i
        elif header.place is None and (m := p["draft_date"].match(stripped)):
            header.place = m.group("place").strip()
            header.draft_date = True
            last = i
        elif header.subject is None and (m := p["subject"].match(stripped)):
            _set_subject(header, line, m.end(), [])
            header.subject_is_vv = True
            last = i
        elif header.byline is None and (byline := read_byline(stripped)):
            header.byline = byline
            last = i
        elif header.title_type is None and (code := _title_code(stripped)):
            header.title_type = code
            last = _read_title_subject(header, lines, i)
        elif p["recipients"].match(stripped):
            last = _read_recipients(header, lines, i, p["recipients"].match(stripped).end())
        elif p["marks"].match(stripped):
            last = i  # a stamp of urgency or secrecy: part of the header
        elif _is_motto(stripped) or p["separator"].match(stripped):
            last = max(last, i) if header.number or header.issuer_lines else last
        elif line.is_upper and header.number is None and header.title_type is None:
            if not p["motto"].search(stripped, timeout=time_left()):
                header.issuer_lines.append(line)
                last = i
        elif _header_anchored(header):
            if not header.recipients and _header_field_ahead(lines, i):
                # A line of the header the layout broke: the trích yếu wrapped ("V/v … tại TP."
                # / "Hồ Chí Minh"), or written "Về …" without "V/v", before Kính gửi.
                _extend_subject(header, line, last == i - 1)
                last = i
                continue
            break
    header.body_start = lines[last].end + 1 if last >= 0 else 0
    return header


def _issuer_text(header: Header) -> str:
    return " ".join(line.text.strip() for line in header.issuer_lines)


def _number_alone(lines: list[Line], i: int, header: Header) -> tuple[int, regex.Match[str]] | None:
    """The số ký hiệu standing alone, with the index of its line: as a page's first line, or
    on the line under a bare "Số:"."""
    stripped = lines[i].text.strip()
    if i == 0 and not header.issuer_lines:
        at = i
    elif i + 1 < len(lines) and _patterns()["number_label_alone"].fullmatch(stripped):
        at = i + 1
    else:
        return None
    m = number_regex().fullmatch(lines[at].text.strip())
    return (at, m) if m else None


def _header_anchored(header: Header) -> bool:
    """Whether a field that only a header holds has been read, so that an unknown line may
    end the header. A draft's or a scan's blank number ("Số:      /BCA-C04") and the Kính
    gửi count: without them an OCR'd page whose number and title were unreadable ran on to
    its signature (công văn 4409/BCA-C04, real scan)."""
    return bool(
        header.number
        or header.date
        or header.title_type
        or header.subject
        or header.draft_code
        or header.recipients
    )


def _date_after_number(stripped: str) -> regex.Match[str] | None:
    """The date line read into the number's line by OCR, the number itself unreadable
    ("SỐ: Ô?ˆ JGT-TTs Hà Nội, ngày 30 tháng 01 năm 2026", chỉ thị 02/CT-TTg, real scan)."""
    p = _patterns()
    if not p["number_start"].match(stripped):
        return None
    start = p["place_in_line"].search(stripped, timeout=time_left())
    return p["place_date"].match(stripped, start.start()) if start else None


# How far below an unknown line a header field may still come ("Kính gửi:", the date line).
_FIELD_AHEAD = 3


def _header_field_ahead(lines: list[Line], i: int) -> bool:
    p = _patterns()
    return any(
        p["recipients"].match(line.text.strip()) or p["place_date"].match(line.text.strip())
        for line in lines[i + 1 : i + 1 + _FIELD_AHEAD]
    )


def _extend_subject(header: Header, line: Line, follows_header_line: bool) -> None:
    """An unknown header line continues the trích yếu it follows, or is the trích yếu when the
    header has none and it starts like one ("Về thực hiện …")."""
    text = line.text.strip()
    if header.subject is not None and header.subject_span and follows_header_line:
        if header.subject_span.end <= line.start:
            joined = f"{header.subject}{header.subject_cut.rstrip()} {text}"
            header.subject = joined.rstrip(" .;")
            header.subject_cut = joined[len(header.subject) :]
            header.subject_span = Span(start=header.subject_span.start, end=line.end)
    elif header.subject is None and not line.is_upper and text.startswith("Về "):
        # "Về" stands where "V/v" would: the trích yếu is what follows it.
        _set_subject(header, line, len("Về "), [])
        header.subject_is_vv = True


def _set_subject(header: Header, line: Line, start_in_line: int, more: list[Line]) -> None:
    # Punctuation never opens a trích yếu: a speck OCR read before it (",Về việc …").
    first = line.text.strip()[start_in_line:]
    start_in_line += len(first) - len(first.lstrip(",.;:'\"` "))
    start = line.start + (len(line.text) - len(line.text.lstrip())) + start_in_line
    end = (more[-1] if more else line).end
    words = " ".join([line.text.strip()[start_in_line:]] + [m.text.strip() for m in more])
    header.subject = words.rstrip(" .;")
    header.subject_cut = words[len(header.subject) :]
    header.subject_span = Span(start=start, end=end)


def _read_title_subject(header: Header, lines: list[Line], i: int) -> int:
    """Subject lines after a type title ("THÔNG BÁO" / "Kết luận của …"): up to a separator,
    a dated opening sentence, an item, or a change from capitals to sentence case."""
    p = _patterns()
    taken: list[Line] = []
    for k, line in enumerate(lines[i + 1 :], start=i + 1):
        stripped = line.text.strip()
        if taken and _is_authority_line(stripped, taken[-1], lines[k + 1 : k + 2]):
            break
        if (
            p["separator"].match(stripped)
            or p["date_line"].match(stripped)
            or p["recipients"].match(stripped)
            or broken_recipients_label(lines, k, _issuer_text(header)) is not None
            or _is_item(line)
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
        taken += _title_line_cut_by_case(taken[0], lines[i + 2 : i + 4])
    if taken and not _is_body_sentence(taken):
        # "Công văn" / "V/v …" (a portal's copy): a công văn's trích yếu follows its V/v label
        # (NĐ 30/2020); under other titles ("CÔNG ĐIỆN" / "V/V …") the line is kept whole.
        label = p["subject"].match(taken[0].text.strip()) if header.title_type == "CV" else None
        _set_subject(header, taken[0], label.end() if label else 0, taken[1:])
        _cut_at_dated_opening(header)
        return i + len(taken)
    return i


def _in_capitals(line: Line) -> bool:
    """A title line in capitals, one letter long too: a copy broke "Ý" off "KIẾN CHỈ ĐẠO …"
    (thông báo 653/TB-VPCP on thuvienphapluat.vn)."""
    letters = [c for c in line.text if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


def _is_body_sentence(lines: list[Line]) -> bool:
    """Whether the lines under a title are the body's first sentence, not a trích yếu."""
    first, last = lines[0].text.strip(), lines[-1].text.rstrip()
    return bool(_patterns()["body_opening"].match(first)) and last.endswith(".") and "," in first


# The second line of a sentence-case title is short: the title's tail, not a paragraph.
_TITLE_TAIL_WORDS = 12


def _title_line_cut_by_case(title: Line, after: list[Line]) -> list[Line]:
    """The second line of a sentence-case title that normalize left apart because it opens
    with a capital ("… triển khai thực hiện 02" / "Chương trình MTQG: …", thông báo
    565/TB-UBND Quảng Ngãi): taken when the title does not end a sentence and the line after
    it opens the body with its date ("Ngày 12/11/2024, …")."""
    p = _patterns()
    if len(after) < 2 or title.text.rstrip().endswith((".", ":", ";")):
        return []
    second, body = after
    opening = second.text.strip()
    if second.is_upper or _is_item(second) or p["date_line"].match(opening):
        return []
    if p["recipients"].match(opening):  # "Kính gửi: …" under the V/v line (4340/BVHTTDL)
        return []
    if p["separator"].match(opening) or not any(c.isalpha() for c in opening):
        return []
    if _DATED_OPENING.match(body.text.strip()):
        return [second]
    # Or the body opens with its legal basis ("Tổ chức sinh hoạt chuyên môn môn Lịch sử" /
    # "Cụm 2 năm học 2025 - 2026" / "Căn cứ Kế hoạch 620/KH-SGDĐT …", kế hoạch 58/KH-THPTCL2):
    # the second line is short, ends no sentence and opens no body itself.
    if not p["body_opening"].match(body.text.strip()) or p["body_opening"].match(opening):
        return []
    short = len(opening.split()) <= _TITLE_TAIL_WORDS
    return [second] if short and not opening.endswith((".", ";", ":")) else []


# The body of a thông báo kết luận opens with the meeting's date, capitalised: "Ngày
# 03/01/2025, Phó Chủ tịch … chủ trì …". Inside a line it starts a new sentence.
_DATED_OPENING = regex.compile(rf"Ngày\s+{DATE_PATTERN}")
_DATED_OPENING_INSIDE = regex.compile(rf"\s+(?=Ngày\s+{DATE_PATTERN}\s*,)")


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


def _read_column_line(header: Header, stripped: str) -> bool:
    """Whether a line is the quốc hiệu, a rule or the date line; the date line is read."""
    p = _patterns()
    if _is_motto(stripped) or p["separator"].match(stripped):
        return True
    if (m := p["place_date"].match(stripped)) is None:
        # a draft's date line, its day left blank ("Lâm Đồng, ngày      tháng 12 năm 2025")
        if (m := p["draft_date"].match(stripped)) is None:
            return _read_damaged_date_line(header, stripped)
        if header.place is None:
            header.place = m.group("place").strip()
            header.draft_date = header.date is None
        return True
    if header.date is None:
        _set_date(header, m)
    return True


def _read_damaged_date_line(header: Header, stripped: str) -> bool:
    """Whether a line is a date line whose digits are damaged; its place is read."""
    if (m := _patterns()["damaged_date_line"].match(stripped)) is None:
        return False
    if header.place is None:
        header.place = full_place(m.group("place"))
    if header.date is None and m.group("day").isdigit() and m.group("month").isdigit():
        with contextlib.suppress(ValueError):
            header.date = dt.date(int(m.group("year")), int(m.group("month")), int(m.group("day")))
    return True


def _set_date(header: Header, m: regex.Match[str]) -> None:
    """Place and date from a matched date line ("Hà Nội, ngày 20 tháng 11 năm 2025")."""
    header.place = full_place(m.group("place"))
    header.date = date_from_match(m)


def _has_letters(line: Line) -> bool:
    return any(c.isalpha() for c in line.text)


def _add_recipients(header: Header, line: str, bullets: str) -> None:
    """The addressees of one line, without their bullets and closing punctuation; a table cell
    keeps several bullets on one line ("Kính gửi: | - Bộ Tài chính; - Bộ Tư pháp")."""
    for entry in _INLINE_BULLET.split(line):
        # A crawled page may run the body's first sentence onto the last addressee ("- Các đơn
        # vị trực thuộc Thực hiện Công văn số 1369/BGDĐT …", công văn 327/SGDĐT-KHTC): the
        # addressee ends where a body opening starts.
        entry = body_run_on().split(entry, maxsplit=1)[0]
        # A flattened table row runs the next cell on after a bar ("- Bộ Kế hoạch và Đầu tư; |
        # Về đề nghị của …", công văn 6368/VPCP-CN): the addressee is the cell before it.
        cell = _CELL_BAR.split(entry, maxsplit=1)[0]
        if any(c.isalpha() for c in cell):
            entry = cell
        entry = entry.lstrip(bullets).rstrip(" ;.,…_")
        if entry:  # a draft's blank for the addressee ("Kính gửi: ………") names nobody
            header.recipients.append(entry)


def _read_recipients(header: Header, lines: list[Line], i: int, label_end: int) -> int:
    """Kính gửi: inline ("Kính gửi: Bộ X") or one "- X;" line each."""
    inline = lines[i].text.strip()[label_end:].strip()
    if inline:
        _add_recipients(header, inline, "-–• ")
    last = i
    for j in range(i + 1, len(lines)):
        stripped = lines[j].text.strip()
        if not header.recipients and (not stripped or _read_column_line(header, stripped)):
            # Side-by-side columns read one after the other (a PDF, an OCR): the quốc hiệu and
            # the date line stand between "Kính gửi:" and its bullets.
            continue
        previous = lines[last].text.strip()
        if not stripped.startswith(("-", "–", "•", "+")):
            if last > i and (_wraps_onto(previous, stripped) or _list_follows(previous, stripped)):
                # the addressee goes on under its bullet ("- Ban Chủ nhiệm các Đoàn Luật sư tỉnh
                # Đắk Nông, tỉnh" / "Bình Thuận và tỉnh Lâm Đồng (cũ);", công văn of Sở Tư pháp)
                _continue_recipient(header, stripped)
                last = j
                continue
            if last == i and _position_alone(header, stripped):
                # "Kính gửi: Bộ trưởng" / "Bộ Công Thương" (công văn 11520/VPCP-CN): a position
                # alone is no addressee; its body is on the next line.
                _continue_recipient(header, stripped)
                last = j
                continue
            break
        if (
            last > i
            and previous.endswith(",")
            and ":" in previous
            and stripped.endswith((";", "."))
            and header.recipients
        ):
            # A copy put a bullet inside the list an addressee names after its colon ("- … các
            # tỉnh: Gia Lai," / "- Đắk Lắk và Khánh Hòa;", công điện 223/CĐ-TTg): the next entry
            # ends the list with ";" or ".". Entries that end with "," (công văn 10988/BNV-CQĐP,
            # 563/UBND-CN.XDCB: "- Các sở: xây dựng, …," / "- UBND huyện từ sơn,") stay apart.
            header.recipients[-1] += ", " + stripped.lstrip("-–•+ ").rstrip(" ;.,")
        else:
            _add_recipients(header, stripped, "-–•+ ")
        last = j
    if inline or last > i:
        return last
    # "Kính gửi:" alone, its addressees on the lines below without bullets ("Bộ Tài chính",
    # "Bộ Y tế;" / "Bộ Tài chính."): short lines, one after another while each ends in ";".
    for j in range(i + 1, min(i + 1 + _RECIPIENT_LINES, len(lines))):
        stripped = lines[j].text.strip()
        if len(stripped.split()) > _RECIPIENT_WORDS or _is_item(lines[j]):
            break
        # An OCR of side-by-side columns puts the quốc hiệu or the date line right under
        # "Kính gửi:": those are no addressees.
        if (
            _is_motto(stripped)
            or _patterns()["place_date"].match(stripped)
            or _patterns()["recipient_details"].match(stripped)
        ):
            break
        if last > i and _wraps_onto(lines[last].text.strip(), stripped):
            # "Chủ tịch Ủy ban nhân dân các tỉnh: Hưng Yên, Ninh" / "Bình, Bắc Ninh, Phú Thọ."
            _continue_recipient(header, stripped)
        else:
            header.recipients.append(stripped.rstrip(" ;.,"))
        last = j
        if not stripped.endswith((";", ",")) and not (
            j + 1 < len(lines) and _wraps_onto(stripped, lines[j + 1].text.strip())
        ):
            break
    return last


# The list a "…: " addressee names goes on the next line at most this long ("- Bộ trưởng các
# Bộ:" / "Quốc phòng, Công an, Tài chính, Nông nghiệp và Môi trường, Y tế.", công điện 226).
_LISTED_WORDS = 60


def _list_follows(line: str, following: str) -> bool:
    """Whether ``following`` is the list an addressee's line opens with its colon."""
    return (
        line.endswith(":")
        and following.endswith((";", "."))
        and len(following.split()) <= _LISTED_WORDS
    )


def _position_alone(header: Header, following: str) -> bool:
    """Whether the one addressee read is a position without its body ("Bộ trưởng") and
    ``following`` a short line that can be that body."""
    return (
        len(header.recipients) == 1
        and known_title(header.recipients[0]) is not None
        and bool(following)
        and following[0].isupper()
        and len(following.split()) <= _RECIPIENT_WORDS
        and not _patterns()["body_opening"].match(following)
        and not _is_motto(following)
        and not _patterns()["place_date"].match(following)
    )


def _continue_recipient(header: Header, line: str) -> None:
    """The last addressee goes on in ``line`` (its page broke it)."""
    header.recipients[-1] = f"{header.recipients[-1]} {line.rstrip(' ;.,')}"


def _wraps_onto(line: str, following: str) -> bool:
    """Whether an addressee's line goes on in ``following``: it ends with no punctuation and
    the following short line ends the entry with ";", "." or "," (a copy that kept the
    page's line breaks; "… tỉnh" / "Bình Thuận và tỉnh Lâm Đồng (cũ),", công văn 1468/STP-BTTP)."""
    return (
        bool(line)
        and line[-1].isalnum()
        and bool(following)
        and following[0].isalnum()
        and following.endswith((";", ".", ","))
        and len(following.split()) <= _RECIPIENT_WORDS
    )
