"""The header of a directive: issuer, số ký hiệu, place and date, trích yếu, Kính gửi.

Fills: number (+ span), issuer, place, date, type title, subject, recipients, and where the
body begins. A part the text lost stays None; the caller records a warning. ``find_header``
walks the header zone line by line; the title and trích yếu are read by
``segment.title_subject``, the Kính gửi list by ``segment.recipients``, and the Header record
and the line tests they share live in ``segment.header_lines``.
"""

from __future__ import annotations

from vbparse.extract.time.dates import date_from_match
from vbparse.models import Span
from vbparse.normalize.unwrap import is_capitals
from vbparse.pattern_time import time_left
from vbparse.segment.broken_lines import (
    bare_place_date,
    broken_place_date,
    broken_recipients_label,
)
from vbparse.segment.byline import Byline, read_byline_under
from vbparse.segment.header_lines import (
    Header,
    cable_sender,
    header_patterns,
    is_item,
    is_motto,
    issuer_text,
    read_damaged_date_after_code,
    read_damaged_date_line,
    sender_above_cable_verb,
    set_date,
    set_place,
)
from vbparse.segment.lines import Line, split_lines
from vbparse.segment.number_lines import (
    date_after_number,
    name_before_number,
    name_then_speck,
    number_alone,
    read_number_after_name,
    read_number_alone,
    unread_number,
)
from vbparse.segment.portal_fields import portal_date, portal_number, read_portal_field
from vbparse.segment.portal_title import portal_title_again, read_portal_title
from vbparse.segment.recipients import read_recipients, unlabelled_recipients
from vbparse.segment.title_subject import read_title_subject, set_subject, title_code

# How far down the header may reach: the body starts long before this in any real document.
_HEADER_LINES = 40
# A page copied whole puts the site's banner and a metadata table before the document: the
# header starts at most this many lines above the quốc hiệu (the issuer's name, its rule).
_ABOVE_MOTTO = 4


def _after_page_lines(lines: list[Line], motto: int) -> int:
    """Where the issuer's lines start when a few lines of the page come before them ("Thành
    phố Hồ Chí Minh, ngày 07 tháng 4 năm 2016tải về 10.7 Kb." / "Chuyển đổi dữ liệu…" above
    "ỦY BAN NHÂN DÂN", công văn 1551/UBND-VX, a web copy): the first line in capitals above
    the quốc hiệu, when nothing before it is the document's number, title or quốc hiệu."""
    p = header_patterns()
    first = next(
        (i for i in range(motto) if lines[i].is_upper and not unread_number(lines[i].text.strip())),
        None,
    )
    if not first:
        return 0
    for line in lines[:first]:
        text = line.text.strip()
        if p["number_start"].match(text) or p["separator"].match(text) or title_code(text):
            return 0
    return first


def _document_start(lines: list[Line]) -> int:
    """Index of the first line of the document itself: 0, unless the quốc hiệu stands far
    down (a page copied with its site's banner), then the issuer lines just above it."""
    p = header_patterns()
    motto = next(
        (i for i, line in enumerate(lines) if is_motto(line.text.strip())),
        None,
    )
    if motto is None:
        return 0
    if motto <= 2 * _ABOVE_MOTTO:
        return _after_page_lines(lines, motto)
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
    p = header_patterns()
    every = [line for line in split_lines(text) if not line.is_blank]
    lines = every[_document_start(every) :][:_HEADER_LINES]
    header = Header()
    last = -1  # index in ``lines`` of the last header element found
    for i, line in enumerate(lines):
        if i <= last:  # already read as part of a title or a Kính gửi list
            continue
        stripped = line.text.strip()
        if is_item(line) and not stripped.startswith("-"):
            break
        if portal := read_portal_field(lines, i):
            header.portal.setdefault(portal.name, portal.value)
            if header.number is None and header.title_type is None:
                # capitals above the table are the page's ("CÁC NỘI DUNG ĐƯỢC SỬA ĐỔI, HƯỚNG
                # DẪN"), not the issuer's name, which comes below it
                header.issuer_lines.clear()
            last = portal.last
        elif header.date is None and (m := broken_place_date(lines, i)):
            set_date(header, m)
            last = i + 1
        elif sender_above_cable_verb(lines, i):
            # (before a label broken over two lines: "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH" / "Điện:",
            # công điện 04/CĐ-UBND Hà Tĩnh, real scan b105, is the sender and its verb)
            header.cable_sender = stripped
            last = read_recipients(header, lines, i + 1, len(lines[i + 1].text.strip()))
        elif (label_end := broken_recipients_label(lines, i, issuer_text(header))) is not None:
            last = read_recipients(header, lines, i + 1, label_end)
        elif header.number is None and (
            m := p["number"].match(stripped) or (i == 0 and p["portal_number"].match(stripped))
        ):
            # (a portal's title line opens the page: "Công văn số 1448/SNV-CCHC ngày …"; below
            # the header's first line "Công văn số …" is a document the trích yếu cites)
            header.number = m.group("number")
            offset = line.start + (len(line.text) - len(line.text.lstrip()))
            header.number_span = Span(start=offset + m.start("number"), end=offset + m.end())
            read_portal_title(header, line, stripped, m.end())
            if header.date is None and (sent := p["cable_time"].match(stripped, m.end())):
                header.date = date_from_match(sent)
            last = i
        elif header.date is None and (m := portal_title_again(header, stripped)):
            # the page titled by the number alone, then its title line with the day and the
            # trích yếu ("1601/BVHTTDL-DSVH" / "Công văn Số: 2118/BVHTTDL-DSVH ngày 07 tháng 6
            # năm 2013 Về việc lập hồ sơ …", cinet.vn, real b119)
            read_portal_title(header, line, stripped, m.end())
            last = i
        elif p["page_metadata"].match(stripped):
            last = i  # a portal's line about the page ("Đăng ngày: …"), no field
        elif header.number is None and (alone := number_alone(lines, i, header)):
            # A portal copy titled by its number alone ("3215/BVHTTDL-VHCS" above the text),
            # or "Số:" on a line of its own with the number under it (a flattened table).
            last = read_number_alone(header, lines, *alone)
        elif header.date is None and (
            m := p["place_date"].match(stripped)
            or date_after_number(stripped)
            or bare_place_date(stripped)
        ):
            set_date(header, m)
            last = i
        elif (
            header.date is None
            and header.place is None
            and (
                read_damaged_date_line(header, stripped)
                or read_damaged_date_after_code(header, stripped)
            )
        ):
            # A scan's date line with a handwritten day or month ("Bắc Giang, ngày 14 tháng
            # II năm 2012"): not a line of the trích yếu above it.
            last = i
        elif header.number is None and (m := p["draft_number"].match(stripped)):
            header.draft_code = m.group("code")
            last = i
        elif header.place is None and (m := p["draft_date"].match(stripped)):
            set_place(header, m.group("place"))
            header.draft_date = True
            last = i
        elif (m := p["subject"].match(stripped)) and (
            header.subject is None or header.subject_is_vv
        ):
            # a second "V/v" line is the header's own, a page's title having given the first
            # ("# V/v trợ cấp …" above the header, then "V/v: trợ cấp …" under the number:
            # công văn 8424/VPCP-KTTH as thuvienphapluat.vn gives it): it replaces, not extends
            set_subject(header, line, m.end(), [])
            header.subject_is_vv = True
            last = i
        elif header.byline is None and (
            byline := read_byline_under(lines[i - 1].text.strip() if i else "", stripped)
        ):
            header.byline = byline
            last = i
        elif header.title_type is None and (code := title_code(stripped)):
            header.title_type = code
            last = read_title_subject(header, lines, i)
        elif label := p["recipients"].match(stripped):
            header.cable_sender = cable_sender(label.group(0))
            last = read_recipients(header, lines, i, label.end())
        elif p["marks"].match(stripped):
            last = i  # a stamp of urgency or secrecy: part of the header
        elif is_motto(stripped) or p["separator"].match(stripped):
            last = max(last, i) if header.number or header.issuer_lines else last
        elif header.number is None and header.issuer_lines and (name := name_before_number(line)):
            # OCR ran the issuer's second line into the number ("CỤC HAI QUAN so 4 009 (91 /
            # cho.GSQL", công văn 40091/CHQ-GSQL, real scan): the capitals are the issuer's.
            header.issuer_lines.append(name)
            read_number_after_name(header, stripped, name)
            last = i
        elif header.number is None and unread_number(stripped):
            last = i  # the number's line, its digits unread: no issuer's line
        elif (line.is_upper or _capitals_after_its_head(stripped, header)) and (
            header.number is None and header.title_type is None
        ):
            if not p["motto"].search(stripped, timeout=time_left()):
                header.issuer_lines.append(line)
                last = i
        elif (
            header.number is None and header.title_type is None and (name := name_then_speck(line))
        ):
            # OCR read the emblem or a seal's edge beside the issuer as a short word in lower
            # case ("THỦ TƯỚNG CHÍNH PHỦ man", chỉ thị 02/CT-TTg, real scan)
            header.issuer_lines.append(name)
            last = i
        elif _header_anchored(header):
            if (
                not header.recipients
                and (end := unlabelled_recipients(header, lines, i)) is not None
            ):
                last = end
                continue
            if not header.recipients and _header_field_ahead(lines, i):
                # A line of the header the layout broke: the trích yếu wrapped ("V/v … tại TP."
                # / "Hồ Chí Minh"), or written "Về …" without "V/v", before Kính gửi.
                _extend_subject(header, line, last == i - 1)
                last = i
                continue
            break
    _fill_from_portal(header)
    # an entry's colon that no list followed: OCR's reading of its semicolon ("- Các trung
    # tâm GDNN-GDTX:" / "- Các đơn vị trực thuộc Sở", công văn 2250/SGDĐT Gia Lai, real b87)
    header.recipients = [entry.rstrip(": ") for entry in header.recipients]
    header.body_start = lines[last].end + 1 if last >= 0 else 0
    if header.body_run_on is not None and lines[last].start <= header.body_run_on:
        header.body_start = header.body_run_on
    return header


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


def _capitals_after_its_head(stripped: str, header: Header) -> bool:
    """The issuer's first line with its head word read in title case by OCR ("Bộ GIÁO DỤC VÀ
    ĐÀO TẠO", công văn 1617/BGDĐT-GDCTHSSV, real scan b92): the other words in capitals."""
    words = stripped.split()
    return (
        not header.issuer_lines
        and len(words) >= _CAPITAL_WORDS_AFTER_HEAD + 1
        and words[0][:1].isupper()
        and all(is_capitals(w) for w in words[1:] if any(c.isalpha() for c in w))
    )


# how many words in capitals must follow the head for the line to be an issuer's
_CAPITAL_WORDS_AFTER_HEAD = 3


# How far below an unknown line a header field may still come ("Kính gửi:", the date line).
_FIELD_AHEAD = 5


def _header_field_ahead(lines: list[Line], i: int) -> bool:
    p = header_patterns()
    # (a scan's date line with a handwritten day or month counts: "Bắc Giang, ngày 6 tháng 1]
    # năm 2012" under a stray speck of the stamp, công văn 406/KCN-QHMT, real b51)
    return any(
        p["recipients"].match(stripped)
        or p["place_date"].match(stripped)
        or p["damaged_date_line"].match(stripped)
        for stripped in (line.text.strip() for line in lines[i + 1 : i + 1 + _FIELD_AHEAD])
    )


def _extend_subject(header: Header, line: Line, follows_header_line: bool) -> None:
    """An unknown header line continues the trích yếu it follows, or is the trích yếu when the
    header has none and it starts like one ("Về thực hiện …")."""
    text = line.text.strip()
    if is_item(line):
        # a bulleted line is an entry of a list (the Kính gửi list OCR read above its label:
        # "- Các Sở, cơ quan thuộc UBND tỉnh;" / "Kính gửi:", công văn 390/VP-TH, real scan);
        # the other items ended the header before this is asked
        return
    if header.subject is not None and header.subject_span and follows_header_line:
        if header.subject_span.end <= line.start:
            joined = f"{header.subject}{header.subject_cut.rstrip()} {text}"
            header.subject = joined.rstrip(" .;")
            header.subject_cut = joined[len(header.subject) :]
            header.subject_span = Span(start=header.subject_span.start, end=line.end)
    elif header.subject is None and not line.is_upper and text.startswith("Về "):
        # "Về" stands where "V/v" would: the trích yếu is what follows it.
        set_subject(header, line, len("Về "), [])
        header.subject_is_vv = True


def _fill_from_portal(header: Header) -> None:
    """The fields the document's own header lacks, from a portal's attribute table."""
    table = header.portal
    if not table:
        return
    if header.number is None and (number := portal_number(table.get("number", ""))):
        header.number = number
    if header.date is None and header.place is None:
        header.date = portal_date(table.get("date", ""))
    if header.title_type is None and table.get("type"):
        header.title_type = title_code(table["type"])
    if not header.issuer_lines and table.get("issuer"):
        header.portal_issuer = table["issuer"]
    if header.byline is None and table.get("signer"):
        header.byline = Byline(table["signer"], None, None)
