"""Deadlines (thời hạn): every way a directive sets a due date, read into ``Deadline`` values.

The phrases are data in ``grammars/deadlines/`` (see ``vbparse.extract.time.grammar``);
this module scans for them and decides what a match means (a dated match, a day or period
with its prefix, is read in ``vbparse.extract.time.dated_deadlines``):

- a day, month, quarter, half-year or year, with the prefix that changes its meaning
  ("trước ngày" by, "trong ngày" on, "trong tháng" within, "từ ... đến ..." range,
  "kể từ ngày" from); a period's due date is its last day, "trước <period>" the day
  before it starts;
- a span counted from the document's date ("trong 10 ngày làm việc kể từ ngày ký": working
  days are Monday-Friday less Vietnam's public holidays, and the rule says which were
  skipped), "trong tuần/tháng này", and every time expression relative to the document's
  date (issue 12; ``vbparse.extract.time.expressions`` reads one on its own): "ngay trong
  ngày mai", "trước thứ Sáu tuần này", "trong quý tới", "trong 3 ngày tới", "trong tuần
  đầu tiên của tháng 9", "mồng 3 tháng ba", "3/3/17"; a weekday before a day only checks it
  (a wrong one sets ``warning``, the day stands). Like a bare period, a named day or weekday
  needs a prefix in running text ("Hôm nay, ..." is narrative);
- an event ("trước Phiên họp lần thứ tư"), urgency ("khẩn trương", "ngay") and recurrence
  ("hằng tháng", "định kỳ trước ngày 20 hằng tháng"), which carry no date;
- a year the text leaves out takes the document's year, or the next one when the day has
  already passed on the document's date.

A bare day (no prefix) is a deadline unless it is a cited document's date (after a
document number, before "của ..."), a narrative date ("Ngày 28 tháng 8 năm 2025, tại ...")
or a place-and-date line ("Hà Nội, ngày ..."). A bare period ("các nhiệm vụ còn tồn đọng 6
tháng đầu năm 2025") is not a deadline in running text; ``parse_deadline`` reads it in a
table cell.

Further rules (grammar files name the phrases, cases in tests/extract/cases/deadlines.yaml):
- a field label ("Thời gian:", "Thời hạn hoàn thành:", "Tiến độ:") makes what follows a
  cell, so "Thời gian: Quý IV/2025." counts in running text; the label is not in the text;
- a span of years ("2025 - 2030", "trong giai đoạn 2026 - 2030") is relation ``range``
  from 1/1 of the first year to 31/12 of the last; bare in running text ("kế hoạch đầu tư
  công trung hạn giai đoạn 2026 - 2030") it names a plan and is no deadline;
- a target year ("Phấn đấu đến năm 2030 ...", "chỉ tiêu ... hằng năm và đến năm 2030"): a
  whole year after "đến"/"tới"/"vào" with a goal word earlier in the same sentence is no
  deadline;
- "trong ngày" with no date after it is the document's own day (relation on, grain day);
- a day of every year ("trước ngày 15 tháng 12 hằng năm", "hằng năm, trước ngày 15/12")
  is ``recurring`` with its rule and no date;
- a time of day before a day ("trước 17 giờ ngày 06/9/2025") belongs to the deadline's text;
  the prefix in front of it decides the relation.
"""

from __future__ import annotations

import datetime as dt
from collections import OrderedDict
from collections.abc import Iterator

import regex

from vbparse.extract.time.date_cores import fold
from vbparse.extract.time.dated_deadlines import CONTEXT_CHARS, make_deadline, read_dated
from vbparse.extract.time.grammar import DeadlineGrammar, deadline_grammar
from vbparse.models.deadline import Deadline
from vbparse.pattern_time import time_left

__all__ = ["clause_deadline", "find_deadlines", "parse_deadline"]

_DATED = ("by", "on", "within", "range")
# Among the deadlines of one clause that have no date, the first of these relations wins.
_UNDATED_ORDER = ("by", "on", "within", "range", "recurring", "event", "urgent")


def _event_end(grammar: DeadlineGrammar, text: str, start: int, head: int) -> int:
    """Where an event phrase that starts at ``start`` (its lead words end at ``head``) ends:
    after an "until" phrase ("... có hiệu lực thi hành") before the next hard stop (; .
    brackets, blank line), else at the first comma, hard stop or date."""
    window = text[start : start + grammar.event_max_chars]
    hard = grammar.event_stop.search(window)
    limit = hard.start() if hard else len(window)
    until = grammar.event_until.search(window, 0, limit)
    if until:
        return start + until.end()
    comma = window.find(",", 0, limit)
    if comma >= 0:
        limit = comma
    for found in grammar.scan.finditer(window, head - start, limit):
        if found.group("full") or found.group("skip") or found.group("recday"):
            limit = found.start()  # a date (with its prefix) ends the event's words
            break
    return start + len(window[:limit].rstrip())


def _next_match(
    grammar: DeadlineGrammar, text: str, starts: Iterator[regex.Match[str]], pos: int
) -> regex.Match[str] | None:
    """``grammar.scan.search(text, pos)``, tried only at the places ``starts`` yields (the
    scan's own gate matched alone, over the whole text; a place before ``pos`` is passed
    over, one that failed fails again). Faster than ``search``, which spends about 1 µs a
    character before its gate on the scan's long pattern (0.38 → 0.19 s on the bench texts;
    0.11 s with the two-word gate)."""
    for start in starts:
        at = start.start()
        if at >= pos and (match := grammar.scan.match(text, at, timeout=time_left())):
            return match
    return None


def _scan(text: str, offset: int, doc_date: dt.date | None, cell: bool) -> Iterator[Deadline]:
    grammar = deadline_grammar()
    starts = grammar.starts.finditer(text, timeout=time_left())
    pos = 0
    while True:
        match = _next_match(grammar, text, starts, pos)
        if match is None:
            return
        pos = match.end()
        if match.group("skip"):
            continue
        if match.group("full"):
            deadline, pos = read_dated(grammar, text, match, offset, doc_date, cell)
            if deadline is not None:
                yield deadline
        elif match.group("recday"):
            grain = grammar.recurrence_grain.get(fold(match.group("rphrase")))
            rule = " ".join(match.group().split())
            yield make_deadline(
                text, match.start(), match.end(), offset, "recurring", grain=grain, rule=rule
            )
        elif match.group("recurring"):
            before = text[max(0, match.start() - CONTEXT_CHARS) : match.start()]
            if grammar.recurring_not_after.search(before):
                continue  # "trợ cấp hàng tháng": how often an amount is paid
            grain = grammar.recurrence_grain.get(fold(match.group("recurring")))
            rule = " ".join(match.group().split())
            yield make_deadline(
                text, match.start(), match.end(), offset, "recurring", grain=grain, rule=rule
            )
        elif match.group("event"):
            end = _event_end(grammar, text, match.start(), match.end())
            pos = max(pos, end)
            rule = " ".join(text[match.start() : end].split())
            yield make_deadline(text, match.start(), end, offset, "event", rule=rule)
        elif match.group("urgent"):
            before = text[max(0, match.start() - CONTEXT_CHARS) : match.start()]
            if grammar.urgent_not_after.search(before):
                continue
            yield make_deadline(
                text, match.start(), match.end(), offset, "urgent", rule=fold(match.group())
            )


def find_deadlines(
    text: str, *, offset: int = 0, doc_date: dt.date | None = None
) -> Iterator[Deadline]:
    """Yield, in text order, every temporal expression of ``text`` that sets a due date,
    period, event, urgency or recurrence for the action around it.

    Dates that are not deadlines are not yielded: a cited document's date, a narrative
    meeting date, "tính đến ngày ..." (a status date), a target year ("Phấn đấu đến năm
    2030"), a plan's span of years ("giai đoạn 2026 - 2030" bare). "kể từ ngày X" yields relation
    ``from`` (a start, no due date). ``doc_date`` (the document's own date) resolves a
    missing year, "trong tuần" and spans counted from signing. Spans are ``offset`` +
    positions in ``text``, so ``doc_text[span.start:span.end] == deadline.text``.
    """
    return _scan(text, offset, doc_date, cell=False)


# The relations that state what is due even with a date before the document's own.
_PAST_DUE = frozenset({"by", "range"})


def clause_deadline(
    text: str, *, offset: int = 0, doc_date: dt.date | None = None
) -> Deadline | None:
    """The deadline that governs one task clause (its own text, label removed), or None.

    Policy (fitted on the seed gold, see tests/extract/test_deadlines.py):
    1. Among the deadlines that carry a due date (by/on/within/range), the earliest due date
       wins, ties going to the first in the text; when ``doc_date`` is known, due dates
       before it are ignored (a past date in a clause is a citation or a past event) unless
       written as a limit ("trước ngày …") and no other is later. "rà soát ... trong 6
       tháng cuối năm 2025 ..., báo cáo tại Phiên họp (ngày 20 tháng 7 năm 2025)" ->
       20/7/2025: the first thing due.
    2. Otherwise the first undated one, by relation in this order: by/on/within/range
       (a date that could not be resolved), recurring, event, urgent. So "khẩn trương"
       never beats a date, and "from" alone is not a deadline.
    Inheriting a heading's deadline ("(1) Trước ngày 31 tháng 7 năm 2025, yêu cầu:") is the
    caller's job: parse the heading's own line with this function.
    """
    found = list(find_deadlines(text, offset=offset, doc_date=doc_date))
    dated = [d for d in found if d.date is not None and d.relation in _DATED]
    if doc_date is not None:
        # A date before the document's own is a past event or a citation ("đã được tập huấn
        # … vào tháng 11/2024" in a letter of 17/12/2024, "Kết luận 174 ngày 4/7/2025"),
        # unless it is written as what is due ("Thời gian hoàn thành: Trước ngày 15/11/2025"
        # in a plan signed on 21/11/2025) and nothing later is.
        later = [d for d in dated if d.date and d.date >= doc_date]
        dated = later or [d for d in dated if d.relation in _PAST_DUE]
    if len(dated) > 1:
        # the day a report's figures run to is not when it is due, when a due day follows
        dated = [d for d in dated if not _is_cutoff(text, d, offset)] or dated
        # a day planned gives way to the limit the clause sets beside it
        dated = [d for d in dated if not _is_tentative(text, d, offset)] or dated
    if dated:
        return min(enumerate(dated), key=lambda pair: (pair[1].date, pair[0]))[1]
    for relation in _UNDATED_ORDER:
        undated = [d for d in found if d.relation == relation and d.date is None]
        if relation == "recurring" and undated:
            # a recurrence that says how often beats a bare "thường xuyên" before it
            # ("Thường xuyên theo dõi … báo cáo … trước ngày 25 hàng tháng", công văn
            # 2428/BXD-QLN, a real web copy)
            return next((d for d in undated if d.grain is not None), undated[0])
        if undated:
            return undated[0]
    return None


def _is_cutoff(text: str, deadline: Deadline, offset: int) -> bool:
    """Whether ``deadline`` ("đến ngày 31 tháng 8 năm 2022") closes the period of the figures
    a report gives ("Tổng hợp tình hình triển khai … đến ngày …"): grammar ``cutoffs``."""
    grammar = deadline_grammar()
    if not grammar.cutoff_prefix.match(deadline.text):
        return False
    start = deadline.span.start - offset
    before = text[max(0, start - grammar.cutoff_window) : start]
    return bool(grammar.cutoff_subject.search(before))


def _is_tentative(text: str, deadline: Deadline, offset: int) -> bool:
    """Whether ``deadline`` is a day planned ("Dự kiến ngày 05/12/2025"): grammar
    ``tentative``."""
    grammar = deadline_grammar()
    start = deadline.span.start - offset
    before = text[max(0, start - grammar.tentative_window) : start]
    return bool(grammar.tentative_marker.search(before))


def parse_deadline(text: str, *, doc_date: dt.date | None = None) -> Deadline | None:
    """Read one short string that IS a deadline, e.g. a table cell: "30/6/2025",
    "Tháng 6/2025", "6/2025", "Quý III/2025", "Trước ngày 31/7/2025", "Năm 2026",
    "Thường xuyên" / "Hằng năm" (recurring). A bare day is read as ``by`` (the cell's due
    date), a bare period ("6/2025", "2026") as ``within``.
    Returns the first deadline in the string, or None. Spans are positions in ``text``."""
    key = (text, doc_date)
    grammar = deadline_grammar()
    known = _CELLS_READ.get(key)
    if known is not None and known[0] is grammar:
        _CELLS_READ.move_to_end(key)
        # a copy: the caller's record may take its own span (a page) without changing this one
        return known[1].model_copy() if known[1] is not None else None
    found = _scan(text, 0, doc_date, cell=True)
    deadline = next(found, None)
    if deadline is not None and deadline.date is not None and _is_tentative(text, deadline, 0):
        # "Dự kiến ngày 05/12/2025 (Chậm nhất ngày 10/12/2025 …)": the limit after it is due
        deadline = next((d for d in found if d.date and not _is_tentative(text, d, 0)), deadline)
    if len(text) <= _CELL_LONGEST:
        _CELLS_READ[key] = (grammar, deadline)
        if len(_CELLS_READ) > _CELLS_KEPT:
            _CELLS_READ.popitem(last=False)
    return deadline.model_copy() if deadline is not None else None


# The last cells read, with what they gave: a task table repeats its due dates down a column
# (22 of the 93 deadline reads of the 5 corpus .docx repeat a cell already read, "30/6/2025"
# 17 times), and reading a date costs ~35 µs however short the cell. Bounded in count and in
# the length of a kept string; the answer depends only on the string, ``doc_date`` and the
# grammar (kept with it, so that another one is never served; spans are positions in the
# string).
_CellRead = tuple[DeadlineGrammar, Deadline | None]
_CELLS_READ: OrderedDict[tuple[str, dt.date | None], _CellRead] = OrderedDict()
_CELLS_KEPT = 256
_CELL_LONGEST = 200
