"""A portal's title line: the number, the day and the trích yếu on one line ("Số 924/SNV-CCHC
Ngày 07-9-2015 V/v báo cáo công tác CCHC quý III năm 2015.", "Công văn Số: 2118/BVHTTDL-DSVH
ngày 07 tháng 6 năm 2013 Về việc lập hồ sơ …")."""

from __future__ import annotations

import regex

from vbparse.extract.time.dates import date_from_match
from vbparse.segment.header_lines import Header, header_patterns
from vbparse.segment.lines import Line
from vbparse.segment.title_subject import set_subject

__all__ = ["portal_title_again", "read_portal_title"]


def read_portal_title(header: Header, line: Line, stripped: str, at: int) -> None:
    """The day and the trích yếu after the number on a portal's title line ("Số 924/SNV-CCHC
    Ngày 07-9-2015 V/v báo cáo công tác CCHC quý III năm 2015.")."""
    p = header_patterns()
    m = p["portal_date"].match(stripped, at)
    if m is None or header.date is not None:
        return
    header.date = date_from_match(m)
    rest = stripped[m.end() :]
    at = m.end() + len(rest) - len(rest.lstrip())
    if v := p["subject"].match(stripped, at):
        set_subject(header, line, v.end(), [])
        header.subject_is_vv = True
    elif not stripped.startswith("Công") and stripped[at : at + 1].isupper():
        # a thông báo's or a quyết định's trích yếu has no "Về việc" ("Thông báo Số:
        # 104/TB-VPCP ngày 11 tháng 3 năm 2013 Kết luận của Thủ tướng …", cinet.vn, real b120)
        set_subject(header, line, at, [])


def portal_title_again(header: Header, stripped: str) -> regex.Match[str] | None:
    """A portal's title line ("Công văn Số: 2118/BVHTTDL-DSVH ngày …") that repeats the number
    already read, its match; None for any other line."""
    if header.number is None:
        return None
    m = header_patterns()["portal_number"].match(stripped)
    if m is None or m.group("number").replace(" ", "") != header.number.replace(" ", ""):
        return None
    return m
