"""Working days (ngày làm việc): Monday to Friday less a country's public holidays.

The holidays come from the ``holidays`` package (PyPI), which ships its data (lunar dates
included: Tết Nguyên đán, Giỗ Tổ Hùng Vương on 10/3 âm lịch) and downloads nothing. Which
country, which weekend and the language of the holiday names are grammar data
(``grammars/deadlines/relative.yaml`` ``working_days``); this module knows none of them.
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
from dataclasses import dataclass

from vbparse.extract.time.calendar_math import add_working_days
from vbparse.extract.time.grammar_files import WorkingDays

__all__ = ["WorkingDayCount", "count_working_days"]


@dataclass(frozen=True)
class WorkingDayCount:
    """The day reached and the public holidays (date, name) skipped on the way."""

    date: dt.date
    skipped: tuple[tuple[dt.date, str], ...]
    note: str  # how it was counted, for a deadline's rule


@functools.cache
def _holidays(country: str, language: str | None, year: int) -> dict[dt.date, str]:
    import holidays  # a dependency; imported here so that loading vbparse stays cheap

    found = holidays.country_holidays(country, years=year, language=language)
    return dict(found.items())


def _holiday(rules: WorkingDays, day: dt.date) -> str | None:
    return _holidays(rules.country, rules.language, day.year).get(day)


def count_working_days(start: dt.date, count: int, rules: WorkingDays) -> WorkingDayCount:
    """The ``count``-th working day after ``start`` (not counted itself): not a weekend day
    of ``rules`` and not one of its country's public holidays."""
    weekend = set(rules.weekend)

    def closed(day: dt.date) -> bool:
        return day.isoweekday() in weekend or _holiday(rules, day) is not None

    end = add_working_days(start, count, closed)
    skipped: list[tuple[dt.date, str]] = []
    day = start + dt.timedelta(days=1)
    while day <= end:
        name = _holiday(rules, day)
        if name is not None and day.isoweekday() not in weekend:
            skipped.append((day, name))
        day += dt.timedelta(days=1)
    days_off = "/".join(calendar.day_abbr[d - 1] for d in sorted(weekend))
    note = f"counted without {days_off} and {rules.country} public holidays"
    if skipped:
        note += ": skipped " + ", ".join(f"{d.isoformat()} {name}" for d, name in skipped)
    return WorkingDayCount(end, tuple(skipped), note)
