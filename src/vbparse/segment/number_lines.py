"""The lines of a header that carry the số ký hiệu: alone, under a bare "Số:", after the
issuer's capitals OCR ran into it, or unread; and what such a line also holds (the place and
the date beside the number)."""

from __future__ import annotations

import regex

from vbparse.extract.document.number import number_regex
from vbparse.models import Span
from vbparse.pattern_time import time_left
from vbparse.segment.header_lines import Header, header_patterns, is_motto, set_date
from vbparse.segment.lines import Line

__all__ = [
    "date_after_number",
    "name_before_number",
    "name_then_speck",
    "number_alone",
    "read_number_after_name",
    "read_number_alone",
    "unread_number",
]


def number_alone(lines: list[Line], i: int, header: Header) -> tuple[int, regex.Match[str]] | None:
    """The số ký hiệu standing alone, with the index of its line: as a page's first line, or
    on the line under a bare "Số:"."""
    stripped = lines[i].text.strip()
    if i == 0 and not header.issuer_lines:
        at = i
    elif i + 1 < len(lines) and header_patterns()["number_label_alone"].fullmatch(stripped):
        at = i + 1
    else:
        return None
    under = lines[at].text.strip()
    if at == i:
        m = number_regex().fullmatch(under)
    else:
        # the number may start a line that goes on with the place and the date ("Số:" /
        # "61/2024/QĐ-UBND Tiền Giang, ngày 23 tháng 10 năm 2024", a flattened table as the
        # thuvienphapluat dump holds it, real b115)
        m = number_regex().match(under)
        if m is not None and m.end() < len(under) and not under[m.end()].isspace():
            m = None
    return (at, m) if m else None


# Capitals (two words or more) and then the number's label in lower case, as OCR reads "Số".
_CAPITALS_THEN_NUMBER = regex.compile(
    r"(?P<name>\p{Lu}[^\p{Ll}\d]*?\p{Lu})\s+s[oóôốồổ]\s*[:.]?\s*\d"
)


# The tail of a document number: its type and issuer codes ("/CT-BGDĐT", "/BGDĐT-GDCTHSSV").
_NUMBER_CODES = regex.compile(r"/\s*\p{Lu}[\p{Lu}&\d]*(?:-\p{Lu}[\p{Lu}&\d]*)+\s*$")


def unread_number(stripped: str) -> bool:
    """A number's line whose digits OCR could not read ("@9§5Ÿ /CT-BGDĐT", "SỐ: Ạ S/Ỷ
    /BGDĐT-GDCTHSSV": handwritten numbers of Bộ GD&ĐT scans, real b92): its label or its
    codes, in capitals as an issuer's line is."""
    return bool(header_patterns()["number_start"].match(stripped) or _NUMBER_CODES.search(stripped))


def name_before_number(line: Line) -> Line | None:
    """The issuer's line OCR ran into the number's, as a line of its own, or None."""
    return _capitals_opening(line, _CAPITALS_THEN_NUMBER)


# Capitals (two words or more), then one short word in lower case and nothing after it.
_CAPITALS_THEN_SPECK = regex.compile(r"(?P<name>\p{Lu}[^\p{Ll}\d]*?\p{Lu})\s+\p{Ll}{1,3}$")


def name_then_speck(line: Line) -> Line | None:
    """The issuer's line with OCR's reading of a speck after it, as the issuer's capitals."""
    return _capitals_opening(line, _CAPITALS_THEN_SPECK)


def _capitals_opening(line: Line, pattern: regex.Pattern[str]) -> Line | None:
    """The capitals ``pattern`` finds as its ``name`` at the start of ``line``, as a line of
    their own: two words or more, and not the motto."""
    m = pattern.match(line.text.strip())
    if m is None or len(m.group("name").split()) < 2 or is_motto(m.group("name")):
        return None
    start = line.start + len(line.text) - len(line.text.lstrip())
    return Line(line.index, start, start + m.end("name"), m.group("name"))


def date_after_number(stripped: str) -> regex.Match[str] | None:
    """The date line read into the number's line by OCR, the number itself unreadable
    ("SỐ: Ô?ˆ JGT-TTs Hà Nội, ngày 30 tháng 01 năm 2026", chỉ thị 02/CT-TTg, real scan)."""
    p = header_patterns()
    if not p["number_start"].match(stripped):
        return None
    start = p["place_in_line"].search(stripped, timeout=time_left())
    return p["place_date"].match(stripped, start.start()) if start else None


def read_number_alone(header: Header, lines: list[Line], at: int, m: regex.Match[str]) -> int:
    """Set the number ``number_alone`` found on line ``at``, and the place and date after it
    on that line, whole or wrapped onto the next ("250/TB-VPCP Hà" / "Nội, ngày 17 tháng 8 năm
    2009", thông báo 250/TB-VPCP as the thuvienphapluat dump holds it, real b112); the index
    of the last line read."""
    p = header_patterns()
    numbered = lines[at]
    header.number = m.group(0)
    offset = numbered.start + (len(numbered.text) - len(numbered.text.lstrip()))
    header.number_span = Span(start=offset, end=offset + m.end())
    rest = numbered.text.strip()[m.end() :].strip()
    if header.date is not None or not rest:
        return at
    wrapped = lines[at + 1].text.strip() if at + 1 < len(lines) else ""
    if dated := p["place_date"].match(rest):
        set_date(header, dated)
    elif dated := p["place_date"].match(f"{rest} {wrapped}"):
        set_date(header, dated)
        return at + 1
    return at


def read_number_after_name(header: Header, stripped: str, name: Line) -> None:
    """The number after the issuer's capitals OCR ran into its line ("THÀNH PHỐ HÀ NỘI số:
    336/UBND-KGVX", công văn 336/UBND-KGVX Hà Nội, real scan b95), the label in lower case as
    OCR read it there."""
    rest = stripped[len(name.text) :].lstrip()
    if m := header_patterns()["number"].match(rest[:1].upper() + rest[1:]):
        header.number = m.group("number")
        at = name.end + len(stripped) - len(name.text) - len(rest)
        header.number_span = Span(start=at + m.start("number"), end=at + m.end())
