"""Date cores: what one matched date or period denotes, before any prefix gives it a meaning.

"ngày 31 tháng 7 năm 2025" is the day 31/7/2025; "quý III/2025" the period 1/7-30/9/2025;
"10 ngày làm việc kể từ ngày ký" a span counted from the document's date (working days
without public holidays); "tuần tới" the week after the document's; "ngày mai" the day after
it; "thứ Sáu tuần này" the Friday of its week; "tuần đầu tiên của tháng 9 năm 2017" a week
of a month. A year the text leaves out is the document's, or the next when the day or period
is already over on the document's date. A weekday written before a day only checks it: a
wrong one leaves the day as written and sets ``warning``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import regex

from vbparse.extract.time.calendar_math import (
    PeriodGrain,
    add_span,
    bounds_around,
    infer_year,
    month_end,
    next_named_period,
    next_period,
    next_weekday,
    nth_sub_period,
    period_bounds,
    previous_period,
    safe_date,
    sub_grain_fits,
    weekday_of_week,
)
from vbparse.extract.time.grammar import DeadlineGrammar
from vbparse.extract.time.working_days import count_working_days


@dataclass(frozen=True)
class DateCore:
    """What one date core denotes: a day or a period [start, end], or a counted span."""

    kind: str  # "day", "period" or "relative"
    start: dt.date | None
    end: dt.date | None
    grain: PeriodGrain | None
    year_written: bool = True
    rule: str | None = None
    spans: bool = False  # a span of periods ("giai đoạn 2026 - 2030", "tháng 10 - 12/2025")
    warning: str | None = None  # a weekday that does not match the day written after it


def fold(text: str) -> str:
    return " ".join(text.casefold().split())


def _year(
    grammar: DeadlineGrammar, match: regex.Match[str], doc_date: dt.date | None = None
) -> int | None:
    """The written year (two digits: by the grammar's pivot), or the document's for "năm
    nay", the one after for "năm tới", the one before for "năm trước"."""
    value = match.group("y")
    if value:
        return int(value)
    short = match.group("yy")
    if short:
        century = 1900 if int(short) >= grammar.two_digit_year_pivot else 2000
        return century + int(short)
    if doc_date is None:
        return None
    for group, shift in (("cur", 0), ("ynext", 1), ("yprev", -1)):
        if match.group(group):
            return doc_date.year + shift
    return None


def _month(grammar: DeadlineGrammar, match: regex.Match[str]) -> int | None:
    if match.group("m"):
        return int(match.group("m"))
    if match.group("mname"):
        return grammar.month_by_name.get(fold(match.group("mname")))
    return None


def _period(
    grain: PeriodGrain,
    index: int,
    year: int | None,
    doc_date: dt.date | None,
    coming: bool = False,
) -> DateCore | None:
    """A period by its index; a missing year is the document's (next year if already over).
    ``coming`` ("tháng 3 tới"): the first one that starts after the document's date."""
    if coming and year is None and doc_date is not None:
        start, end = next_named_period(grain, index, doc_date)
        return DateCore("period", start, end, grain, year_written=False, rule="the next one")
    if year is None:
        if doc_date is None:
            return DateCore(
                "period", None, None, grain, year_written=False, rule="year not written"
            )
        start, end = period_bounds(grain, doc_date.year, index)
        if end < doc_date:
            start, end = period_bounds(grain, doc_date.year + 1, index)
        return DateCore("period", start, end, grain, year_written=False)
    try:
        start, end = period_bounds(grain, year, index)
    except ValueError:
        return None
    return DateCore("period", start, end, grain)


def _span(
    grammar: DeadlineGrammar, match: regex.Match[str], doc_date: dt.date | None
) -> DateCore | None:
    """A span of months or quarters of one year: "tháng 10 - 12/2025", "quý III - IV/2025"."""
    year = _year(grammar, match, doc_date)
    grain: PeriodGrain
    if match.group("mrange"):
        grain, first, last = "month", int(match.group("m1")), _month(grammar, match)
        top = 12
    else:
        grain = "quarter"
        first = grammar.quarter_by_name[fold(match.group("q1"))]
        last = grammar.quarter_by_name[fold(match.group("q"))]
        top = 4
    if year is None or last is None or not 1 <= first < last <= top:
        return None
    start, _ = period_bounds(grain, year, first)
    _, end = period_bounds(grain, year, last)
    return DateCore("period", start, end, grain, spans=True)


def read_core(
    grammar: DeadlineGrammar, match: regex.Match[str], doc_date: dt.date | None
) -> DateCore | None:
    """The value of the date core inside ``match`` (a ``scan`` or ``core`` match); with an
    ordinal lead ("tuần đầu tiên của ..."), that sub-period of the period read."""
    core = _read_plain(grammar, match, doc_date)
    if core is None or not match.group("osub"):
        return core
    sub = grammar.grain_by_unit[fold(match.group("osub"))]
    nth = grammar.ordinal_by_name[fold(match.group("ord"))]
    if core.kind != "period" or core.spans or core.grain is None:
        return None
    if not sub_grain_fits(sub, core.grain):
        return None
    kind = "day" if sub == "day" else "period"
    rule = " ".join(match.group("core").split())
    if core.start is None or core.end is None:
        return DateCore(kind, None, None, sub, core.year_written, core.rule or rule)
    found = nth_sub_period(sub, core.start, core.end, nth)
    if found is None:
        return None
    return DateCore(kind, found[0], found[1], sub, core.year_written, core.rule)


def _read_plain(
    grammar: DeadlineGrammar, match: regex.Match[str], doc_date: dt.date | None
) -> DateCore | None:
    if match.group("day"):
        return _read_day(grammar, match, doc_date)
    coming = bool(match.group("nnext"))
    if match.group("month") or match.group("monthnum"):
        month = _month(grammar, match)
        if month is None or not 1 <= month <= 12:
            return None
        return _period("month", month, _year(grammar, match, doc_date), doc_date, coming)
    if match.group("quarter"):
        quarter = grammar.quarter_by_name[fold(match.group("q"))]
        return _period("quarter", quarter, _year(grammar, match, doc_date), doc_date, coming)
    if match.group("half"):
        half = grammar.half_by_phrase[fold(match.group("hphrase"))]
        return _period("half-year", half, _year(grammar, match, doc_date), doc_date)
    if match.group("nmonths"):
        return _months_of_year(grammar, match, doc_date)
    if match.group("yrange"):
        first, last = int(match.group("y1")), int(match.group("y2"))
        if not 0 < last - first <= grammar.year_range_max:
            return None
        start, _ = period_bounds("year", first)
        _, end = period_bounds("year", last)
        return DateCore("period", start, end, "year", spans=True)
    if match.group("mrange") or match.group("qrange"):
        return _span(grammar, match, doc_date)
    if match.group("year") or match.group("yearnum"):
        return _period("year", 1, _year(grammar, match), doc_date)
    if match.group("relative"):
        return _read_relative(grammar, match, doc_date)
    if match.group("relday"):
        return _read_named_day(grammar, match, doc_date)
    if match.group("weekday"):
        return _read_weekday(grammar, match, doc_date)
    if match.group("deictic"):
        return _read_deictic(grammar, match, doc_date)
    return None


def _months_of_year(
    grammar: DeadlineGrammar, match: regex.Match[str], doc_date: dt.date | None
) -> DateCore | None:
    """The first or last ``n`` months of a year ("3 tháng đầu năm 2009")."""
    count = int(match.group("nm"))
    year = _year(grammar, match, doc_date) or (doc_date.year if doc_date else None)
    if not 1 <= count <= 12 or year is None:
        return None
    if fold(match.group("mpos")) in grammar.last_months_words:
        return DateCore("period", dt.date(year, 13 - count, 1), dt.date(year, 12, 31), "month")
    return DateCore("period", dt.date(year, 1, 1), month_end(year, count), "month")


def _read_day(
    grammar: DeadlineGrammar, match: regex.Match[str], doc_date: dt.date | None
) -> DateCore | None:
    """A day of a month, its year written, named ("năm nay") or inferred; a weekday before
    it ("thứ hai ngày mồng 6 tháng 2") is checked against it."""
    month, year = _month(grammar, match), _year(grammar, match, doc_date)
    word = match.group("dword")
    day = grammar.number_words[fold(word)] if word else int(match.group("d"))
    if month is None:
        return None
    if year is None:
        if doc_date is None:
            return DateCore("day", None, None, "day", False, "year not written")
        date = infer_year(month, day, doc_date)
        core = DateCore("day", date, date, "day", year_written=False) if date else None
    else:
        date = safe_date(year, month, day)
        core = DateCore("day", date, date, "day") if date else None
    if core is None or core.end is None or not match.group("wname"):
        return core
    weekday = grammar.weekday_by_name[fold(match.group("wname"))]
    if core.end.isoweekday() == weekday:
        return core
    written = " ".join(match.group("wname").split())
    warning = (
        f"weekday {written!r} does not match {core.end.isoformat()} "
        f"(ISO weekday {core.end.isoweekday()}, not {weekday}); the date is kept"
    )
    return DateCore("day", core.start, core.end, "day", core.year_written, warning=warning)


def _read_named_day(
    grammar: DeadlineGrammar, match: regex.Match[str], doc_date: dt.date | None
) -> DateCore:
    """ "hôm nay", "ngày mai", "ngày kia": a day counted from the document's date."""
    offset = grammar.day_offsets[fold(match.group("relday"))]
    rule = f"the document's day + {offset}" if offset else "the document's day"
    date = doc_date + dt.timedelta(days=offset) if doc_date else None
    return DateCore("day", date, date, "day", year_written=False, rule=rule)


def _read_weekday(
    grammar: DeadlineGrammar, match: regex.Match[str], doc_date: dt.date | None
) -> DateCore:
    """ "thứ Sáu tuần này" (that day of the document's week), "thứ 5 tuần sau" (of the next
    week), "thứ Hai tới" or a bare "thứ Sáu" (the first one after the document's day)."""
    weekday = grammar.weekday_by_name[fold(match.group("wname"))]
    if doc_date is None:
        return DateCore("day", None, None, "day", False, "relative to the document date")
    if match.group("wweek"):
        if match.group("wnext"):
            week_day = next_period("week", doc_date)[0]
        elif match.group("wprev"):
            week_day = previous_period("week", doc_date)[0]
        else:
            week_day = doc_date
        date = weekday_of_week(week_day, weekday)
    elif match.group("wcur"):
        date = weekday_of_week(doc_date, weekday)
    else:
        date = next_weekday(doc_date, weekday)
    return DateCore("day", date, date, "day", False, "relative to the document date")


def _read_relative(
    grammar: DeadlineGrammar, match: regex.Match[str], doc_date: dt.date | None
) -> DateCore:
    number = match.group("n")
    count = int(number) if number.isdigit() else grammar.number_words[fold(number)]
    unit = grammar.unit_by_phrase[fold(match.group("unit"))]
    anchor_words = match.group("anchor") or match.group("anchor_other")
    base: dt.date | None = doc_date
    anchor = "document date"
    if match.group("anchor") and not grammar.anchor_is_document[fold(anchor_words)]:
        base, anchor = None, " ".join(anchor_words.split())
    elif match.group("anchor_other"):
        dated = grammar.core.match(anchor_words.strip())
        core = read_core(grammar, dated, doc_date) if dated else None
        base = core.start if core and core.kind == "day" else None
        anchor = " ".join(anchor_words.split())
    rule = f"{count} {unit.unit} after {anchor}"
    end = None
    if base is not None and unit.unit == "working_day":
        counted = count_working_days(base, count, grammar.working_days)
        end, rule = counted.date, f"{rule}; {counted.note}"
    elif base is not None:
        end = add_span(base, count, unit.unit)
    return DateCore("relative", base, end, unit.grain, rule=rule)


def _read_deictic(
    grammar: DeadlineGrammar, match: regex.Match[str], doc_date: dt.date | None
) -> DateCore | None:
    word = fold(match.group("dunit"))
    units = grammar.units
    grain: PeriodGrain
    if word in map(fold, units.day):  # "trong ngày": the document's own day
        rule = "the document's day"
        return DateCore("day", doc_date, doc_date, "day", year_written=False, rule=rule)
    if word in map(fold, units.week):
        grain = "week"
    elif word in map(fold, units.month):
        grain = "month"
    elif word in map(fold, units.quarter):
        grain = "quarter"
    else:
        grain = "year"
    if doc_date is None:
        return DateCore("period", None, None, grain, rule="relative to the document date")
    modifier = match.group("dmod")
    if modifier and fold(modifier) in grammar.deictic_next:
        start, end = next_period(grain, doc_date)
    else:
        start, end = bounds_around(grain, doc_date)
    return DateCore("period", start, end, grain, rule="relative to the document date")
