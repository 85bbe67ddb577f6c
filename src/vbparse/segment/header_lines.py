"""The header zone's building blocks: the Header record and what a header line is.

Holds the ``Header`` dataclass that ``find_header`` fills, the header's patterns from
``header.yaml``, the tests for the quốc hiệu (whole or a wrapped piece) and for a labelled
item, and the readers of the place and date line (a damaged or a draft one too). The title
and trích yếu reader (``segment.title_subject``) and the Kính gửi reader
(``segment.recipients``) build on these.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
from dataclasses import dataclass, field

import regex

from vbparse.extract.document.number import number_regex
from vbparse.extract.time.dates import DATE_PATTERN, date_from_match
from vbparse.grammars import load_yaml
from vbparse.models import Span
from vbparse.normalize.line_ends import label_start
from vbparse.segment.broken_lines import full_place
from vbparse.segment.byline import Byline
from vbparse.segment.casing import bare
from vbparse.segment.lines import Line


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
    # Where the body's first sentence starts inside the last addressee's line, when a crawled
    # page ran it on there ("- Tổng cục Thủy sản Văn phòng Chính phủ có Công văn số …").
    body_run_on: int | None = None
    # A draft: the number and the day are blanks for the clerk ("Số:      /KH-UBND").
    draft_code: str | None = None
    draft_date: bool = False
    # The day and month as read when OCR's look-alikes of "1" were taken for it ("14 tháng
    # II"): the date is reported with a warning to check it.
    date_read_as: str | None = None
    # A portal's byline standing for the signature block ("KTBT, TT … Theo BỘ …").
    byline: Byline | None = None
    # A legal-text portal's attribute table ("Số hiệu:", "Nơi ban hành:", …): field → value,
    # the fallback for the fields the document's own header lacks (segment.portal_fields).
    portal: dict[str, str] = field(default_factory=dict)
    portal_issuer: str | None = None
    # A công điện's sender, as its address line names it ("THỦ TƯỚNG CHÍNH PHỦ điện:"): the
    # issuer of a copy that lost its header.
    cable_sender: str | None = None


@functools.cache
def header_patterns() -> dict[str, regex.Pattern[str]]:
    g = load_yaml("header.yaml")
    flags = regex.IGNORECASE
    return {
        "motto": regex.compile("|".join(f"(?:{m})" for m in g["motto"]), flags),
        "marks": regex.compile(g["marks"]),
        "number": regex.compile(rf"{g['number_label']}(?P<number>{number_regex().pattern})"),
        "portal_number": regex.compile(
            rf"{g['portal_number_label']}(?P<number>{number_regex().pattern})"
        ),
        "portal_date": regex.compile(rf"{g['portal_date']}{DATE_PATTERN}"),
        "page_metadata": regex.compile(g["page_metadata"]),
        "subject": regex.compile(g["subject_label"]),
        "place_date": regex.compile(rf"{g['place_date']}{DATE_PATTERN}", flags),
        "recipients": regex.compile(g["recipients_label"]),
        "separator": regex.compile(g["separator"]),
        "date_line": regex.compile(rf"Ngày\s+{DATE_PATTERN}", flags),
        "gazette": regex.compile(
            rf"{g['gazette_issuer_label']}(?P<issuer>\S.*?){g['gazette_number_label']}"
            rf"(?P<number>{number_regex().pattern})(?:\s*,?\s+(?=ngày)(?P<date>.*))?\s*$",
            flags,
        ),
        "draft_number": regex.compile(g["draft_number"]),
        "draft_date": regex.compile(g["draft_date"], flags),
        "damaged_date_line": regex.compile(g["damaged_date_line"]),
        "damaged_date_after_code": regex.compile(g["damaged_date_after_code"]),
        "number_start": regex.compile(rf"{g['number_label']}", flags),
        "number_label_alone": regex.compile(rf"{g['number_label']}"),
        "cable_time": regex.compile(rf"{g['cable_time']}{DATE_PATTERN}", flags),
        # A place and date inside a line: the place starts a word ("TTs Hà Nội" is no place).
        "place_in_line": regex.compile(rf"(?<!\S)(?={g['place_in_line']})"),
        "body_opening": regex.compile("|".join(f"(?:{p})" for p in g["body_openings"])),
        "recipient_details": regex.compile("|".join(f"(?:{p})" for p in g["recipient_details"])),
    }


def is_item(line: Line) -> bool:
    # A rule under the issuer ("—-", "-------") opens no item: an item has words.
    return bool(label_start().match(line.text)) and any(c.isalnum() for c in line.text)


# The quốc hiệu's words: a converter or portal may wrap it anywhere ("CỘNG HÒA XÃ HỘI" /
# "CHỦ NGHĨA VIỆT NAM"), and each piece is still the motto, never the issuer.
# Compared without diacritics: OCR reads "CHÚ NGHĨA", "CỌNG HÒA XÃ HỌI".
_MOTTO_WORDS = bare("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM").split()


def is_motto(stripped: str) -> bool:
    """The quốc hiệu or tiêu ngữ (``header.yaml`` motto), whole or a wrapped piece of it."""
    return bool(header_patterns()["motto"].match(stripped)) or _is_motto_piece(stripped)


def _is_motto_piece(stripped: str) -> bool:
    words = bare(stripped).split()
    if not words or (len(words) < 2 and words != _MOTTO_WORDS[:1]):
        return False
    return any(
        _MOTTO_WORDS[k : k + len(words)] == words for k in range(len(_MOTTO_WORDS) - len(words) + 1)
    )


def issuer_text(header: Header) -> str:
    """The issuer's lines read so far, as one line (a broken "Kính gửi" is told from them)."""
    return " ".join(line.text.strip() for line in header.issuer_lines)


def read_column_line(header: Header, stripped: str) -> bool:
    """Whether a line is the quốc hiệu, a rule or the date line; the date line is read."""
    p = header_patterns()
    if is_motto(stripped) or p["separator"].match(stripped):
        return True
    if (m := p["place_date"].match(stripped)) is None:
        # a draft's date line, its day left blank ("Lâm Đồng, ngày      tháng 12 năm 2025")
        if (m := p["draft_date"].match(stripped)) is None:
            return read_damaged_date_line(header, stripped)
        if header.place is None:
            header.place = m.group("place").strip()
            header.draft_date = header.date is None
        return True
    if header.date is None:
        set_date(header, m)
    return True


def read_damaged_date_line(header: Header, stripped: str) -> bool:
    """Whether a line is a date line whose digits are damaged; its place is read, its date
    when the day and the month are digits or OCR's look-alikes of them."""
    if (m := header_patterns()["damaged_date_line"].match(stripped)) is None:
        return False
    if header.place is None:
        header.place = full_place(m.group("place"))
    day, month = ocr_digits(m.group("day")), ocr_digits(m.group("month"))
    if header.date is None and day.isdigit() and month.isdigit():
        with contextlib.suppress(ValueError):
            header.date = dt.date(int(m.group("year")), int(month), int(day))
            if (day, month) != (m.group("day"), m.group("month")):
                header.date_read_as = f"{m.group('day')} tháng {m.group('month')}"
    return True


def read_damaged_date_after_code(header: Header, stripped: str) -> bool:
    """Whether a line ends with a damaged date line after the number's code, the number's
    label unreadable (``damaged_date_after_code``); its place and date are read as
    ``read_damaged_date_line`` reads them."""
    return any(
        read_damaged_date_line(header, stripped[m.end() :])
        for m in header_patterns()["damaged_date_after_code"].finditer(stripped)
    )


@functools.cache
def _digit_table() -> dict[int, str]:
    return str.maketrans(load_yaml("header.yaml")["digit_lookalikes"])


def ocr_digits(token: str) -> str:
    """A day or month as OCR read it, its look-alikes of "1" made digits ("II" → "11",
    "|2" → "12"); a token with anything else is returned as it was."""
    mapped = token.translate(_digit_table())
    return mapped if mapped.isdigit() else token


def set_date(header: Header, m: regex.Match[str]) -> None:
    """Place and date from a matched date line ("Hà Nội, ngày 20 tháng 11 năm 2025")."""
    set_place(header, m.group("place"))
    header.date = date_from_match(m)


def set_place(header: Header, written: str) -> None:
    """The place of a date line; words in lower case before its capitalised words are the
    V/v's last line, read into the date line with the two columns side by side ("ATGT cho
    HSSV trong dịp nghỉ lễ Hà Nội, ngày …", công văn 1617/BGDĐT-GDCTHSSV, real scan b92)."""
    place = full_place(written)
    tail = _PLACE_AFTER_WORDS.search(place)
    before = place[: tail.start("place")].strip() if tail else ""
    if tail and header.subject_is_vv and header.subject and not _UNIT_AT_END.search(before):
        header.subject = f"{header.subject} {before}"
        place = tail.group("place")
    header.place = place


# A place's capitalised words after words in lower case: another field's words before it,
# unless they end with the place's own unit word ("Thành phố Hồ Chí Minh").
_PLACE_AFTER_WORDS = regex.compile(
    r"\s\p{Ll}\S*\s+(?P<place>\p{Lu}\p{Ll}*(?:\s+\p{Lu}\p{Ll}*){0,3})$"
)
_UNIT_AT_END = regex.compile(r"(?i)\b(?:thành phố|thị xã|thị trấn|quận|huyện|tỉnh|xã|phường)$")


_CABLE_VERB = regex.compile(r"\s+(?:điện|ĐIỆN)\s*:?\s*$")


# "ĐIỆN" alone on its line below the sender's ("CHỦ TỊCH ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI" /
# "ĐIỆN", công điện 04/CĐ-UBND Hà Nội as a web copy, real b94; "Điện:", công điện of Chủ tịch
# UBND tỉnh Hà Tĩnh as a scan, real b104)
_LONE_CABLE_VERB = regex.compile(r"(?:ĐIỆN|[Đđ]iện)\s*:?")


def sender_above_cable_verb(lines: list[Line], i: int) -> bool:
    """Whether line ``i`` is a công điện's sender in capitals with "ĐIỆN" alone below it."""
    below = i + 1 < len(lines) and _LONE_CABLE_VERB.fullmatch(lines[i + 1].text.strip())
    return bool(below) and lines[i].is_upper


def cable_sender(label: str) -> str | None:
    """The body before "điện:" in a công điện's address line, or None for "Kính gửi:"."""
    verb = _CABLE_VERB.search(label)
    return label[: verb.start()].strip() or None if verb else None
