"""Date cores: what one matched date or period denotes, before any prefix gives it a meaning.

"ngày 31 tháng 7 năm 2025" is the day 31/7/2025; "quý III/2025" the period 1/7-30/9/2025;
"10 ngày làm việc kể từ ngày ký" a span counted from the document's date; "tuần tới" the
week after the document's. A year the text leaves out is the document's, or the next when
the day or period is already over on the document's date.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import regex

from vbparse.extract.calendar_math import (
    PeriodGrain,
    add_span,
    bounds_around,
    infer_year,
    next_period,
    period_bounds,
    safe_date,
)
from vbparse.extract.deadline_grammar import DeadlineGrammar


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


def fold(text: str) -> str:
    return " ".join(text.casefold().split())


def _year(match: regex.Match[str], doc_date: dt.date | None = None) -> int | None:
    """The written year, or the document's for "năm nay" (this year)."""
    value = match.group("y")
    if value:
        return int(value)
    return doc_date.year if match.group("cur") and doc_date else None


def _month(grammar: DeadlineGrammar, match: regex.Match[str]) -> int | None:
    if match.group("m"):
        return int(match.group("m"))
    if match.group("mname"):
        return grammar.month_by_name.get(fold(match.group("mname")))
    return None


def _period(
    grain: PeriodGrain, index: int, year: int | None, doc_date: dt.date | None
) -> DateCore | None:
    """A period by its index; a missing year is the document's (next year if already over)."""
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
    year = _year(match, doc_date)
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
    """The value of the date core inside ``match`` (a ``scan`` or ``core`` match)."""
    if match.group("day"):
        month, day, year = _month(grammar, match), int(match.group("d")), _year(match)
        if month is None:
            return None
        if year is None:
            if doc_date is None:
                return DateCore("day", None, None, "day", False, "year not written")
            date = infer_year(month, day, doc_date)
            return DateCore("day", date, date, "day", year_written=False) if date else None
        date = safe_date(year, month, day)
        return DateCore("day", date, date, "day") if date else None
    if match.group("month") or match.group("monthnum"):
        month = _month(grammar, match)
        if month is None or not 1 <= month <= 12:
            return None
        return _period("month", month, _year(match, doc_date), doc_date)
    if match.group("quarter"):
        quarter = grammar.quarter_by_name[fold(match.group("q"))]
        return _period("quarter", quarter, _year(match, doc_date), doc_date)
    if match.group("half"):
        half = grammar.half_by_phrase[fold(match.group("hphrase"))]
        return _period("half-year", half, _year(match, doc_date), doc_date)
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
        return _period("year", 1, _year(match), doc_date)
    if match.group("relative"):
        return _read_relative(grammar, match, doc_date)
    if match.group("deictic"):
        return _read_deictic(grammar, match, doc_date)
    return None


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
    end = add_span(base, count, unit.unit) if base else None
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
