"""One dated match of the deadline scan read into a ``Deadline``: a [field label] [prefix]
[time of day] core ("Thời gian: Quý IV/2025", "trước 17 giờ ngày 06/9/2025", "từ tháng 10
đến tháng 12/2025"), the prefix deciding the relation, and the readings that make it no
deadline (a cited document's date, a narrative or place-and-date line, a target year, a
plan's title, an aim's time). The rules are listed in ``vbparse.extract.time.deadlines``,
which scans the text and calls ``read_dated`` for each such match.
"""

from __future__ import annotations

import datetime as dt

import regex

from vbparse.extract.time.date_cores import DateCore, fold, read_core
from vbparse.extract.time.grammar import DeadlineGrammar, Prefix
from vbparse.models.deadline import Deadline
from vbparse.models.span import Span

__all__ = ["CONTEXT_CHARS", "make_deadline", "read_dated"]

CONTEXT_CHARS = 80  # characters looked at before a bare day to see whether it is a cited date
_SENTENCE_END = regex.compile(r"[.;](?:\s|$)|\n")


def _is_cited_date(grammar: DeadlineGrammar, text: str, start: int, end: int) -> bool:
    """A bare day that is a cited document's date, a narrative or a place-and-date line."""
    before = text[max(0, start - CONTEXT_CHARS) : start]
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


def make_deadline(
    text: str, first: int, last: int, offset: int, relation: str, **fields: object
) -> Deadline:
    """A ``Deadline`` for ``text[first:last]``; ``fields`` are its date, start, grain, rule."""
    return Deadline(
        relation=relation,
        text=text[first:last],
        span=Span(start=first + offset, end=last + offset),
        **fields,
    )


def read_dated(
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
            return make_deadline(
                text, start, end, offset, "recurring", grain="year", rule=rule
            ), end
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
    return make_deadline(text, start, end, offset, relation, **fields), end


def _yearly_day(grammar: DeadlineGrammar, text: str, start: int, core: DateCore) -> str | None:
    """The yearly recurrence ("hằng năm") right before a day written without its year
    ("Định kỳ hằng năm, trước ngày 15/12"), or None."""
    if core.year_written:
        return None
    before = text[max(0, start - CONTEXT_CHARS) : start]
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
