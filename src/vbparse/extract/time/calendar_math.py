"""Calendar arithmetic for deadlines: period bounds, working days, a year the text left out.

Language-neutral: periods are given by numbers (month 1-12, quarter 1-4, half 1-2),
weekdays by their ISO number (1 Monday ... 7 Sunday). Working days are Monday to Friday
here; ``vbparse.extract.time.working_days`` adds a country's public holidays.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Callable
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


def add_working_days(
    start: dt.date, count: int, closed: Callable[[dt.date], bool] | None = None
) -> dt.date:
    """The ``count``-th working day after ``start`` (``start`` itself is not counted): Monday
    to Friday, or every day for which ``closed`` is false when it is given."""
    is_closed = closed or (lambda day: day.weekday() >= 5)
    day = start
    remaining = count
    while remaining > 0:
        day += dt.timedelta(days=1)
        if not is_closed(day):
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


def previous_period(grain: PeriodGrain, day: dt.date) -> tuple[dt.date, dt.date]:
    """The period of ``grain`` right before the one that contains ``day``."""
    start, _ = bounds_around(grain, day)
    return bounds_around(grain, start - dt.timedelta(days=1))


def weekday_of_week(week_day: dt.date, iso_weekday: int) -> dt.date:
    """The day with ISO weekday ``iso_weekday`` (1 Monday ... 7 Sunday) in the Monday-Sunday
    week that contains ``week_day``."""
    monday, _ = bounds_around("week", week_day)
    return monday + dt.timedelta(days=iso_weekday - 1)


def next_weekday(after: dt.date, iso_weekday: int) -> dt.date:
    """The first day with ISO weekday ``iso_weekday`` strictly after ``after``."""
    ahead = (iso_weekday - after.isoweekday()) % 7 or 7
    return after + dt.timedelta(days=ahead)


def next_named_period(grain: PeriodGrain, index: int, after: dt.date) -> tuple[dt.date, dt.date]:
    """Month or quarter ``index`` that starts after the period of ``grain`` containing
    ``after``: in July 2025 month 3 is March 2026, month 9 September 2025."""
    start, end = period_bounds(grain, after.year, index)
    if start <= after:
        start, end = period_bounds(grain, after.year + 1, index)
    return start, end


_SUB_GRAINS: dict[str, int] = {"day": 0, "week": 1, "month": 2, "quarter": 3, "half-year": 4}


def nth_sub_period(
    grain: PeriodGrain, first: dt.date, last: dt.date, nth: int
) -> tuple[dt.date, dt.date] | None:
    """The ``nth`` day, week, month or quarter of the period ``first``..``last`` (``nth`` -1
    is the last one), or None when there is no such one. A week belongs to the period its
    Thursday falls in (ISO 8601): the first week of September 2017 is 4-10/9."""
    if grain == "day":
        day = first + dt.timedelta(days=nth - 1) if nth > 0 else last + dt.timedelta(days=nth + 1)
        return (day, day) if first <= day <= last else None
    if grain == "week":
        thursday = first + dt.timedelta(days=(4 - first.isoweekday()) % 7)
        if nth < 0:
            thursday = last - dt.timedelta(days=(last.isoweekday() - 4) % 7)
        thursday += dt.timedelta(weeks=nth - 1 if nth > 0 else nth + 1)
        if not first <= thursday <= last:
            return None
        return thursday - dt.timedelta(days=3), thursday + dt.timedelta(days=3)
    periods: list[tuple[dt.date, dt.date]] = []
    start = first
    while start <= last:
        periods.append(bounds_around(grain, start))
        start = periods[-1][1] + dt.timedelta(days=1)
    if not periods or periods[0][0] != first or periods[-1][1] != last:
        return None  # the sub-period does not tile the period (a month of a week)
    index = nth - 1 if nth > 0 else nth
    return periods[index] if -len(periods) <= index < len(periods) else None


def sub_grain_fits(sub: PeriodGrain, parent: PeriodGrain) -> bool:
    """A ``sub`` period can be counted inside a ``parent`` one (a week in a month, not a
    month in a week)."""
    order = {**_SUB_GRAINS, "year": 5}
    return order[sub] < order[parent]
