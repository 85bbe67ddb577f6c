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
    ``rule`` keeps the recurrence ("hằng tháng") or the event ("trước Phiên họp lần thứ tư").
    """

    date: dt.date | None = None
    start: dt.date | None = None
    relation: Relation
    grain: Grain | None = None
    text: str
    span: Span | None = None
    rule: str | None = None
