"""Calendar dates as directives write them: "ngày 22 tháng 12 năm 2024", "ngày 08/06/2025".

Only the date itself; whether a date is a deadline is the deadline grammar's business.
"""

from __future__ import annotations

import datetime as dt

import regex

# Day-first always: Vietnamese writes 11/8/2025 for 11 August.
DATE_PATTERN = (
    r"(?:(?P<d1>\d{1,2})\s+tháng\s+(?P<m1>\d{1,2})\s+năm\s+(?P<y1>\d{4})"
    r"|(?P<d2>\d{1,2})\s*(?P<sep>[/.-])\s*(?P<m2>\d{1,2})\s*(?P=sep)\s*(?P<y2>\d{4}))"
)
DATE_RE = regex.compile(DATE_PATTERN, regex.IGNORECASE)


def date_from_match(match: regex.Match[str]) -> dt.date | None:
    """The date of a ``DATE_RE`` match, or None when it is not a real calendar date."""
    day = match.group("d1") or match.group("d2")
    month = match.group("m1") or match.group("m2")
    year = match.group("y1") or match.group("y2")
    try:
        return dt.date(int(year), int(month), int(day))
    except (TypeError, ValueError):
        return None


def parse_date(text: str) -> dt.date | None:
    """The first calendar date in ``text``: ``parse_date("ngày 15 tháng 9 năm 2025")``."""
    match = DATE_RE.search(text)
    return date_from_match(match) if match else None
