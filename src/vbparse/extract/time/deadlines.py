"""Deadlines (thời hạn): every way a directive sets a due date, read into ``Deadline`` values.

The phrases are data in ``grammars/deadlines/`` (see ``vbparse.extract.time.grammar``);
this module decides what a match means:

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
from collections.abc import Iterator

import regex

from vbparse.extract.time.date_cores import DateCore, fold, read_core
from vbparse.extract.time.grammar import DeadlineGrammar, Prefix, deadline_grammar
from vbparse.models.deadline import Deadline
from vbparse.models.span import Span
from vbparse.pattern_time import time_left

__all__ = ["clause_deadline", "find_deadlines", "parse_deadline"]

_CONTEXT = 80  # characters looked at before a bare day to see whether it is a cited date
_DATED = ("by", "on", "within", "range")
_SENTENCE_END = regex.compile(r"[.;](?:\s|$)|\n")
# Among the deadlines of one clause that have no date, the first of these relations wins.
_UNDATED_ORDER = ("by", "on", "within", "range", "recurring", "event", "urgent")


def _is_cited_date(grammar: DeadlineGrammar, text: str, start: int, end: int) -> bool:
    """A bare day that is a cited document's date, a narrative or a place-and-date line."""
    before = text[max(0, start - _CONTEXT) : start]
    if grammar.document_number_before.search(before) or grammar.words_before.search(before):
        return True
    if grammar.law_title_before.search(before):
        return True  # "Luật Đường bộ ngày 27 tháng 6 năm 2024": the law's day
    if grammar.followers.match(text, end):
        return True
    line_start = text.rfind("\n", 0, start) + 1
    if not text[line_start:start].strip() and text[end : end + 1] == ",":
        return True  # "Ngày 28 tháng 8 năm 2025, tại Trụ sở Chính phủ, ..." opens a paragraph
    return bool(grammar.place_line.search(before))


def _deadline(
    text: str, first: int, last: int, offset: int, relation: str, **fields: object
) -> Deadline:
    """A ``Deadline`` for ``text[first:last]``; ``fields`` are its date, start, grain, rule."""
    return Deadline(
        relation=relation,
        text=text[first:last],
        span=Span(start=first + offset, end=last + offset),
        **fields,
    )


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


def _dated(
    grammar: DeadlineGrammar,
    text: str,
    match: regex.Match[str],
    offset: int,
    doc_date: dt.date | None,
    cell: bool,
) -> tuple[Deadline | None, int]:
    """The deadline of a [label] [prefix] [time] core match (or None), and where scanning
    resumes. A core right after a field label ("Thời gian: Quý IV/2025") is read as a cell."""
    core = read_core(grammar, match, doc_date)
    if core is None:
        return None, match.end()
    cell = cell or bool(match.group("label"))
    prefix_words = match.group("prefix")
    prefix: Prefix | None = grammar.prefixes[fold(prefix_words)] if prefix_words else None
    kind = core.kind
    relation = None
    if prefix is not None:
        relation = {"day": prefix.day, "period": prefix.period, "relative": prefix.relative}[kind]
    if relation:
        start = match.start("prefix")
    else:
        start = match.start("time") if match.group("time") else match.start("core")
    end = match.end()
    if ongoing := grammar.ongoing_followers.match(text, end):
        # "trong năm 2025 và các năm tiếp theo": work from then on. Scanning resumes after the
        # follower, whose "năm tiếp theo" is no next year.
        return None, ongoing.end()
    if grammar.title_followers.match(text, end):
        return None, end  # "Chiến lược ... đến năm 2030, tầm nhìn đến năm 2045": a title
    if prefix_words and _is_target(grammar, text, match, core):
        return None, end  # "Phấn đấu đến năm 2030 hoàn thành ...": a target year
    if relation == "within" and kind == "period" and _in_purpose(grammar, text, start, end):
        return None, end  # "Để đạt mục tiêu … trong năm 2025, tỉnh cần …": the aim's time
    if relation is None:  # a bare core
        if kind == "day":
            written_as_date = match.group("ngay") or match.group("y")
            if not cell and (not written_as_date or _is_cited_date(grammar, text, start, end)):
                return None, end
            relation = "by" if cell else "on"  # a cell's bare day is its due date
        elif cell:
            relation = "within"
        else:
            return None, end
    elif (match.group("monthnum") or match.group("yearnum")) and not cell:
        return None, end
    fields: dict[str, object] = {"grain": core.grain, "rule": core.rule}
    if core.warning:
        fields["warning"] = core.warning
    if relation == "from":
        rng = _range_end(grammar, text, end, doc_date, core)
        if rng is not None:
            second, end = rng
            relation = "range"
            fields.update(start=core.start, date=second.end, grain=second.grain)
            if not core.year_written and core.start and second.end:
                fields["start"] = core.start.replace(year=second.end.year)
        elif core.spans:  # "từ tháng 10 - 12/2025": the span is the range
            relation = "range"
            fields.update(start=core.start, date=core.end)
        else:
            fields.update(start=core.start)
    elif relation == "range":  # "từ nay đến hết năm 2025": from the document's date
        fields.update(start=doc_date, date=core.end)
    elif kind == "day":
        fields.update(date=core.end)
        yearly = _yearly_day(grammar, text, start, core) if match.group("day") else None
        if yearly is not None:  # "hằng năm, trước ngày 15/12": every year's day, no date
            rule = " ".join(f"{yearly} {text[start:end]}".split())
            return _deadline(text, start, end, offset, "recurring", grain="year", rule=rule), end
    elif kind == "relative":
        fields.update(start=core.start, date=core.end)
    else:
        assert prefix is not None or cell
        mode = prefix.period_date if prefix else "end"
        if mode == "end":
            fields.update(date=core.end)
            if relation == "within":
                fields.update(start=core.start)
            if core.spans:  # "trong giai đoạn 2026 - 2030": the whole span
                relation = "range"
                fields.update(start=core.start)
        elif mode == "before_start":
            fields.update(date=core.start - dt.timedelta(days=1) if core.start else None)
        else:
            fields.update(start=core.start)
    return _deadline(text, start, end, offset, relation, **fields), end


def _yearly_day(grammar: DeadlineGrammar, text: str, start: int, core: DateCore) -> str | None:
    """The yearly recurrence ("hằng năm") right before a day written without its year
    ("Định kỳ hằng năm, trước ngày 15/12"), or None."""
    if core.year_written:
        return None
    before = text[max(0, start - _CONTEXT) : start]
    found = grammar.yearly_before.search(before)
    if found is None:
        # the recurrence said earlier in the same clause: "xây dựng kế hoạch chi tiết hằng năm
        # và định kỳ báo cáo kết quả thực hiện trước ngày 20/11 về Sở …" (kế hoạch 552/KH-UBND
        # Đồng Tháp, real): a day of every year, no single due date
        found = grammar.periodic_in_clause.search(_SENTENCE_END.split(before)[-1])
    return " ".join(found.group("rphrase").split()) if found else None


def _is_target(
    grammar: DeadlineGrammar, text: str, match: regex.Match[str], core: DateCore
) -> bool:
    """A whole year after a target prefix ("đến năm 2030") with a goal word ("chỉ tiêu",
    "phấn đấu") or the head of a plan's title ("Quy hoạch …", "Kế hoạch hành động …") earlier
    in the same sentence: the year a target is met or a title's horizon, not a due date."""
    if core.grain != "year" or core.spans:
        return False
    if fold(match.group("prefix")) not in grammar.target_prefixes:
        return False
    first = match.start("prefix")
    before = text[max(0, first - grammar.target_window) : first]
    sentence = _SENTENCE_END.split(before)[-1]
    return bool(grammar.target_goal.search(sentence) or grammar.target_title.search(sentence))


def _in_purpose(grammar: DeadlineGrammar, text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` stands in a clause of purpose that opens its sentence,
    before the main clause's verb ("Để …, … trong năm 2025 …, tỉnh Đắk Lắk cần …")."""
    window = grammar.purpose_window
    before = _SENTENCE_END.split(text[max(0, start - window) : start])[-1]
    after = _SENTENCE_END.split(text[end : end + window], maxsplit=1)[0]
    if grammar.topic_opener is not None and grammar.topic_opener.match(before):
        return "," in after and "," not in before  # the topic ends at the comma after it
    if not grammar.purpose_opener.match(before):
        return False
    return bool(grammar.purpose_main.search(after))


def _range_end(
    grammar: DeadlineGrammar, text: str, pos: int, doc_date: dt.date | None, first: DateCore
) -> tuple[DateCore, int] | None:
    """The far end of "từ <a> đến <b>", read right after <a>, and where it stops."""
    connector = grammar.range_connector.match(text, pos)
    if connector is None:
        return None
    second = grammar.core.match(text, connector.end())
    if second is None:
        return None
    core = read_core(grammar, second, doc_date)
    if core is None or core.kind == "relative" or core.end is None:
        return None
    return core, second.end()


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
            deadline, pos = _dated(grammar, text, match, offset, doc_date, cell)
            if deadline is not None:
                yield deadline
        elif match.group("recday"):
            grain = grammar.recurrence_grain.get(fold(match.group("rphrase")))
            rule = " ".join(match.group().split())
            yield _deadline(
                text, match.start(), match.end(), offset, "recurring", grain=grain, rule=rule
            )
        elif match.group("recurring"):
            before = text[max(0, match.start() - _CONTEXT) : match.start()]
            if grammar.recurring_not_after.search(before):
                continue  # "trợ cấp hàng tháng": how often an amount is paid
            grain = grammar.recurrence_grain.get(fold(match.group("recurring")))
            rule = " ".join(match.group().split())
            yield _deadline(
                text, match.start(), match.end(), offset, "recurring", grain=grain, rule=rule
            )
        elif match.group("event"):
            end = _event_end(grammar, text, match.start(), match.end())
            pos = max(pos, end)
            rule = " ".join(text[match.start() : end].split())
            yield _deadline(text, match.start(), end, offset, "event", rule=rule)
        elif match.group("urgent"):
            before = text[max(0, match.start() - _CONTEXT) : match.start()]
            if grammar.urgent_not_after.search(before):
                continue
            yield _deadline(
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


def parse_deadline(text: str, *, doc_date: dt.date | None = None) -> Deadline | None:
    """Read one short string that IS a deadline, e.g. a table cell: "30/6/2025",
    "Tháng 6/2025", "6/2025", "Quý III/2025", "Trước ngày 31/7/2025", "Năm 2026",
    "Thường xuyên" / "Hằng năm" (recurring). A bare day is read as ``by`` (the cell's due
    date), a bare period ("6/2025", "2026") as ``within``.
    Returns the first deadline in the string, or None. Spans are positions in ``text``."""
    for deadline in _scan(text, 0, doc_date, cell=True):
        return deadline
    return None
