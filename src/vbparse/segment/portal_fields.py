"""A legal-text portal's table of the document's attributes, read as header fields.

thuvienphapluat.vn prints, above the document, "Số hiệu: | 17809/BTC-CTK | Loại văn bản: |
Công văn | Nơi ban hành: | Bộ Tài chính | Người ký: | … | Ngày ban hành: | 17/11/2025"; a page
saved as Markdown keeps it as a label and its value a line each. When the document's own
header is there too, the header's lines win; when the capture starts at Kính gửi, the table is
all there is: number, type, issuer, signer and date come from it. Its lines are never an
issuer line, a title or a task. The labels are ``header.yaml``'s ``portal_fields``.
"""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass

import regex

from vbparse.extract.document.number import number_regex
from vbparse.grammars import load_yaml
from vbparse.segment.lines import Line

__all__ = ["PortalField", "read_portal_field"]

_DATE = regex.compile(r"(?P<day>\d{1,2})\s*/\s*(?P<month>\d{1,2})\s*/\s*(?P<year>\d{4})")


@dataclass(frozen=True)
class PortalField:
    name: str  # number, type, issuer, signer, date, skip
    value: str
    last: int  # index of the line that ends it


@functools.cache
def _labels() -> tuple[tuple[str, regex.Pattern[str]], ...]:
    fields = load_yaml("header.yaml")["portal_fields"]
    return tuple(
        (name, regex.compile(rf"(?:{pattern})\s*:\s*(?P<value>.*)$", regex.IGNORECASE))
        for name, pattern in fields.items()
    )


def _label(text: str) -> tuple[str, str] | None:
    for name, pattern in _labels():
        if m := pattern.fullmatch(text):
            return name, m.group("value").strip(" |")
    return None


def read_portal_field(lines: list[Line], i: int) -> PortalField | None:
    """The attribute labelled on line ``i`` with its value (after the colon, or the next line
    that is no label itself), or None when the line is no such label."""
    found = _label(lines[i].text.strip().strip("|#* ").replace("**", ""))
    if found is None:
        return None
    name, value = found
    last = i
    if not value and i + 1 < len(lines):
        following = lines[i + 1].text.strip().strip("|* ")
        if following and _label(following) is None:
            value, last = following, i + 1
    return PortalField(name, value, last)


def portal_number(value: str) -> str | None:
    """The số ký hiệu the table gives, when it is one."""
    m = number_regex().fullmatch(value.strip())
    return m.group(0) if m else None


def portal_date(value: str) -> dt.date | None:
    """The day the table gives ("17/11/2025")."""
    m = _DATE.fullmatch(value.strip())
    if m is None:
        return None
    try:
        return dt.date(int(m["year"]), int(m["month"]), int(m["day"]))
    except ValueError:
        return None
