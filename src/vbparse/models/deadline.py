"""Deadlines (thời hạn): an interval with a grain, not a bare point."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel

from vbparse.models.span import Span

Relation = Literal["by", "on", "within", "range", "from", "event", "recurring", "urgent"]
Grain = Literal["day", "week", "month", "quarter", "half-year", "year"]


class Deadline(BaseModel):
    """A due date as the directive sets it.

    ``date`` is the due date (the last day of the period); ``start`` the first day of the
    period or range where there is one. ``event`` and ``urgent`` deadlines have no date;
    ``rule`` keeps the recurrence ("hằng tháng") or the event ("trước Phiên họp lần thứ tư"),
    and for a span how it was counted ("7 working_day after document date; counted without
    Sat/Sun and VN public holidays: skipped ..."). ``warning`` says what the text got wrong
    but did not change the date: a weekday that does not match the day after it ("thứ Hai,
    ngày 7/2/2017" when 7/2/2017 is a Tuesday).
    """

    date: dt.date | None = None
    start: dt.date | None = None
    relation: Relation
    grain: Grain | None = None
    text: str
    span: Span | None = None
    rule: str | None = None
    warning: str | None = None
