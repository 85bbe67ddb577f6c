"""Calendar arithmetic for deadlines: period bounds, working days, a year the text left out.

Language-neutral: periods are given by numbers (month 1-12, quarter 1-4, half 1-2).
Working days are Monday to Friday; public holidays are not counted out (a directive that
means them says so in words the grammar does not read yet).
"""

from __future__ import annotations

import calendar
import datetime as dt
from typing import Literal

PeriodGrain = Literal["day", "week", "month", "quarter", "half-year", "year"]


def month_end(year: int, month: int) -> dt.date:
    """The last day of a month: ``month_end(2025, 2) == date(2025, 2, 28)``."""
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def period_bounds(grain: PeriodGrain, year: int, index: int = 1) -> tuple[dt.date, dt.date]:
    """First and last day of a period: month ``index`` 1-12, quarter 1-4, half-year 1-2,
    or the whole ``year`` (``index`` ignored)."""
    if grain == "month":
        return dt.date(year, index, 1), month_end(year, index)
    if grain == "quarter":
        first = 3 * (index - 1) + 1
        return dt.date(year, first, 1), month_end(year, first + 2)
    if grain == "half-year":
        first = 6 * (index - 1) + 1
        return dt.date(year, first, 1), month_end(year, first + 5)
    if grain == "year":
        return dt.date(year, 1, 1), dt.date(year, 12, 31)
    raise ValueError(f"no bounds for grain {grain!r} by index")


def bounds_around(grain: PeriodGrain, day: dt.date) -> tuple[dt.date, dt.date]:
    """The week (Monday-Sunday), month, quarter, half-year or year that contains ``day``."""
    if grain == "day":
        return day, day
    if grain == "week":
        monday = day - dt.timedelta(days=day.weekday())
        return monday, monday + dt.timedelta(days=6)
    index = {
        "month": day.month,
        "quarter": (day.month - 1) // 3 + 1,
        "half-year": (day.month - 1) // 6 + 1,
        "year": 1,
    }[grain]
    return period_bounds(grain, day.year, index)


def next_period(grain: PeriodGrain, day: dt.date) -> tuple[dt.date, dt.date]:
    """The period of ``grain`` right after the one that contains ``day``."""
    _, end = bounds_around(grain, day)
    return bounds_around(grain, end + dt.timedelta(days=1))


def add_working_days(start: dt.date, count: int) -> dt.date:
    """The ``count``-th working day (Mon-Fri) after ``start``; ``start`` itself is not counted."""
    day = start
    remaining = count
    while remaining > 0:
        day += dt.timedelta(days=1)
        if day.weekday() < 5:
            remaining -= 1
    return day


def add_months(start: dt.date, count: int) -> dt.date:
    """``start`` moved by ``count`` months, clamped to the month's last day (31/1 + 1 = 28/2)."""
    total = start.month - 1 + count
    year, month = start.year + total // 12, total % 12 + 1
    return dt.date(year, month, min(start.day, month_end(year, month).day))


def add_span(start: dt.date, count: int, unit: str) -> dt.date:
    """``start`` plus ``count`` units: working_day, day, week, month or year."""
    if unit == "working_day":
        return add_working_days(start, count)
    if unit == "day":
        return start + dt.timedelta(days=count)
    if unit == "week":
        return start + dt.timedelta(weeks=count)
    if unit == "month":
        return add_months(start, count)
    if unit == "year":
        return add_months(start, 12 * count)
    raise ValueError(f"unknown span unit {unit!r}")


def safe_date(year: int, month: int, day: int) -> dt.date | None:
    """``date(year, month, day)`` or None when that day does not exist (31/6, 90/3)."""
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def infer_year(month: int, day: int, doc_date: dt.date) -> dt.date | None:
    """A day written without its year ("trước ngày 15/9"): the document's year, or the next
    year when that day has already passed on the document's date."""
    candidate = safe_date(doc_date.year, month, day)
    if candidate is None:
        return None
    if candidate < doc_date:
        return safe_date(doc_date.year + 1, month, day)
    return candidate
