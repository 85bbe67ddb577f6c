"""Time expressions (biểu thức thời gian) on their own: one phrase read as an interval with a
grain, against an anchor date (the document's date, never the machine's clock).

"thứ Sáu tuần này" -> the Friday of the anchor's week; "quý tới" -> the next quarter;
"tuần đầu tiên của tháng 9 năm 2017" -> 4-10/9/2017; "3 ngày tới" -> the anchor to three
days after it. This is the core of the deadline grammar without a prefix's meaning: whether
a phrase in running text is a deadline, and which day of the interval is due, is
``vbparse.extract.time.deadlines``' business.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from vbparse.extract.time.calendar_math import PeriodGrain
from vbparse.extract.time.date_cores import read_core
from vbparse.extract.time.grammar import deadline_grammar
from vbparse.models.span import Span

__all__ = ["TimeInterval", "parse_time_expression"]

_TRAILING = " \t\n.,;:!?)"


@dataclass(frozen=True)
class TimeInterval:
    """``start``..``end`` (both inclusive) at ``grain``; None where the anchor is missing or
    the anchor words cannot be resolved ("kể từ ngày nhận được văn bản")."""

    start: dt.date | None
    end: dt.date | None
    grain: PeriodGrain | None
    text: str
    span: Span
    rule: str | None = None
    warning: str | None = None


def parse_time_expression(text: str, *, anchor: dt.date | None) -> TimeInterval | None:
    """Read ``text`` as one time expression, or None when it is not one (from its first
    word to its end; trailing punctuation is allowed). A day is an interval of one day; a
    counted span ("trong 10 ngày làm việc") runs from the anchor to the day it reaches."""
    grammar = deadline_grammar()
    first = len(text) - len(text.lstrip())
    match = grammar.core.match(text, first)
    if match is None or text[match.end() :].strip(_TRAILING):
        return None
    core = read_core(grammar, match, anchor)
    if core is None:
        return None
    start = core.start if core.kind != "day" else core.end
    return TimeInterval(
        start=start,
        end=core.end,
        grain=core.grain,
        text=text[first : match.end()],
        span=Span(start=first, end=match.end()),
        rule=core.rule,
        warning=core.warning,
    )
