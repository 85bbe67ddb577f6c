"""Time expressions as regular expressions: the "core" pattern that finds one date, period,
counted span or named day, built from ``grammars/deadlines/periods.yaml`` and
``relative.yaml``. Language-neutral: every word comes from the grammar files.
"""

from __future__ import annotations

from collections.abc import Iterable

import regex

from vbparse.extract.time.grammar_files import EventGrammar, Periods, RelativeGrammar

# After a numeric date, no further part of a number ("1/2/3/4", "31/7/2025-01") nor the start
# of a second date ("01/12/2025 - 15/12/2025", read as a range); a spaced dash before a count
# is a remark of its own ("Chậm nhất ngày 10/12/2025 - 95 ngày trước bầu cử", kế hoạch of Ban
# Thường trực Ủy ban MTTQ Việt Nam xã Lương Minh, real b146).
_NO_MORE_PARTS = r"(?!\s*[/.]\s*\d|[\-–]\d|\s*[\-–]\s*\d{1,2}\s*[/.\-–]\s*\d)"


def phrase_pattern(phrase: str) -> str:
    """A phrase as a regex: its words escaped, any whitespace (a wrapped line too) between."""
    return r"\s+".join(regex.escape(word) for word in phrase.split())


def alternation(phrases: list[str]) -> str:
    """Phrases as one non-capturing alternation, longest first so the longest wins."""
    unique = sorted(set(phrases), key=lambda p: (-len(p), p))
    return "(?:" + "|".join(phrase_pattern(p) for p in unique) + ")"


def fold_phrase(phrase: str) -> str:
    return " ".join(phrase.casefold().split())


def _phrases(table: dict[int, list[str]]) -> str:
    return alternation([phrase for phrases in table.values() for phrase in phrases])


def _not_after(words: list[str]) -> str:
    """A look-behind: none of ``words`` (as whole words) comes right before."""
    return rf"(?<!(?<!\w){alternation(words)}\s+)"


def core_pattern(periods: Periods, relative: RelativeGrammar, events: EventGrammar) -> str:
    """One date core, in a group ``core``; a branch per kind of time expression."""
    u = periods.units
    day_w, month_w = alternation(u.day), alternation(u.month)
    quarter_w, year_w, week_w = alternation(u.quarter), alternation(u.year), alternation(u.week)
    any_unit = alternation([*u.day, *u.month, *u.quarter, *u.year, *u.week])
    month_names = _phrases(periods.month_names)
    quarter_names = _phrases(periods.quarter_names)
    halves = alternation([p for h in periods.half_years for p in h.phrases])
    ends_of_year = alternation(periods.months_of_year.first + periods.months_of_year.last)
    numbers = alternation(list(periods.number_words))
    rel_units = alternation([p for r in relative.units for p in r.phrases])
    links = alternation(relative.anchor_links)
    anchors = alternation([p for a in relative.anchors for p in a.phrases])
    deictic = periods.deictic
    deictic_mods = alternation(deictic.current + deictic.next)
    past = alternation(deictic.past)
    recurrences = alternation([p for r in events.recurring for p in r.phrases])
    year = r"(?P<y>\d{4})(?!\d)"
    current, following = alternation(deictic.current), alternation(deictic.next)
    # a modifier is no connector: "từ quý I năm tới quý III", "tháng 6 năm trước ngày ..."
    free = rf"(?!\w)(?!\s+(?:{any_unit}(?!\w)|\d))"
    year_word = rf"(?:(?P<cur>{current})|(?P<ynext>{following})|(?P<yprev>{past})){free}"
    this_year = rf"\s+{year_w}\s+{year_word}"  # "quý IV năm nay", "tháng 3 năm tới"
    year_tail = rf"(?:\s*[/\-–.]\s*{year}|\s+{year_w}\s+{year}|{this_year}|\s+{year})"
    named_next = rf"\s+(?P<nnext>{alternation(deictic.next_named)}){free}"
    month_value = rf"(?:(?P<m>\d{{1,2}})(?!\d)|(?P<mname>{month_names})(?!\w))"
    dash = r"\s*[-–—]\s*"
    range_leads = alternation(periods.year_range.leads)
    today = alternation(deictic.today)
    unit_ends = r"(?=\s*(?:[,.;:!?)\]]|$))"
    day_words = alternation(periods.day_words)
    weekday_names = [p for phrases in periods.weekdays.values() for p in phrases]
    weekday = (  # the cheap look-ahead first, the look-behind only where a weekday starts
        rf"{gate(weekday_names)}{_not_after(periods.weekday_not_after)}"
        rf"(?P<wname>{alternation(weekday_names)})"
    )
    # "thứ hai ngày mồng 6 tháng 2", "Thứ Sáu, ngày 6/2/2017": the weekday checks the day
    weekday_lead = rf"(?:{weekday}(?!\w)\s*,?\s*(?={day_words}\s|\d))?"
    day_number = (
        rf"(?:(?P<ngay>{day_words})\s+(?:(?P<dword>{numbers})(?!\w)|(?<!\d)(?P<d>\d{{1,2}}))"
        rf"|(?<![\d/.\-–])(?P<d>\d{{1,2}}))"
    )
    ordinal = (
        rf"(?:{gate(periods.ordinal_units)}{_not_after(periods.ordinal_not_after)}(?<!\d\s+)"
        rf"(?P<osub>{alternation(periods.ordinal_units)})\s+"
        rf"(?P<ord>{_phrases(periods.ordinals)})(?!\w)\s+"
        rf"(?:{alternation(periods.ordinal_links)}\s+)?)?"
    )
    counted = _not_after(relative.count_not_after)
    # "02 tháng cuối năm 2025": months of a year, not two months from the document's date
    part_of = (
        rf"(?!\s+(?:{alternation(relative.part_of_period)})(?!\w))"
        if relative.part_of_period
        else ""
    )
    # "hai ngày 07 và 08 tháng 8": the days named, no span
    names_them = rf"(?!{relative.names_them})" if relative.names_them else ""
    branches = [
        # "ngày 31 tháng 7 năm 2025", "21 tháng 09 năm 2025", "ngày 20 tháng 9" (year inferred),
        # "mồng 3 tháng ba", "thứ hai ngày mồng 6 tháng 2"
        rf"(?P<day>{weekday_lead}{day_number}\s+{month_w}\s+{month_value}"
        rf"(?:\s+{year_w}\s+{year}|{this_year})?)",
        # "31/7/2025", "31-7-2025", "31.7.2025", "ngày 15/9", "7/3", "3/3/17"
        rf"(?P<day>{weekday_lead}(?:(?P<ngay>{day_words})\s+)?(?<![\d/.\-–])(?P<d>\d{{1,2}})"
        rf"\s*(?P<sep>[/.\-–])\s*(?P<m>\d{{1,2}})(?!\d)"
        rf"(?:\s*(?P=sep)\s*(?:{year}|(?P<yy>\d{{2}})(?!\d)))?{_NO_MORE_PARTS})",
        # "6 tháng cuối năm 2025", "nửa đầu năm", "6 tháng đầu năm sau"
        rf"(?P<half>(?P<hphrase>{halves})(?:\s+{year}|\s+{year_word})?)",
        # "3 tháng đầu năm 2009", "02 tháng cuối năm 2025" (the first or last months)
        rf"(?P<nmonths>(?<![\d/.\-–])(?P<nm>\d{{1,2}})\s+{month_w}\s+(?P<mpos>{ends_of_year})"
        rf"\s+{year_w}(?:\s+{year}|\s+{year_word})?)",
        # "trong 10 ngày làm việc kể từ ngày ký", "3 ngày tới", "ba tháng tiếp theo"
        rf"(?P<relative>{counted}(?P<n>\d{{1,3}}|{numbers})\s+(?P<unit>{rel_units})(?!\w)"
        rf"{part_of}{names_them}"
        rf"(?:\s+(?P<ahead>{alternation(relative.ahead)})(?!\w))?"
        rf"(?:\s+(?P<link>{links})\s+(?:(?P<anchor>{anchors})(?!\w)"
        rf"|(?P<anchor_other>[^,;()\n]{{1,60}})))?)",
        # "tháng 10 - 12/2025", "quý III - IV/2025" (a span of months or quarters)
        rf"(?P<mrange>{month_w}\s+(?P<m1>\d{{1,2}}){dash}(?:{month_w}\s+)?"
        rf"(?P<m>\d{{1,2}})(?!\d){year_tail})",
        rf"(?P<qrange>{quarter_w}\s+(?P<q1>{quarter_names})(?!\w){dash}(?:{quarter_w}\s+)?"
        rf"(?P<q>{quarter_names})(?!\w){year_tail})",
        # "tháng 10 năm 2025", "tháng 6/2025", "Tháng năm" (May), "tháng 3 tới"
        rf"(?P<month>{month_w}\s+{month_value}(?:{year_tail}|{named_next})?)",
        # "quý III/2025", "quý IV năm 2025", "quý I tới"
        rf"(?P<quarter>{quarter_w}\s+(?P<q>{quarter_names})(?!\w)(?:{year_tail}|{named_next})?)",
        # "2025 - 2030", "giai đoạn 2026-2030" (a span of years)
        rf"(?P<yrange>(?:(?P<ylead>{range_leads})\s+)?(?<![\d/.\-–—])"
        rf"(?P<y1>(?:19|20)\d\d){dash}(?P<y2>(?:19|20)\d\d)(?!\d|[/.\-–—]\d))",
        # "năm 2026"
        rf"(?P<year>{year_w}\s+{year})",
        # a table cell "6/2025" (a month; only read by parse_deadline)
        rf"(?P<monthnum>(?<![\d/.\-–])(?P<m>\d{{1,2}})\s*[/\-–.]\s*{year})",
        # a table cell "2026" (a year; only read by parse_deadline)
        r"(?P<yearnum>(?<![\d/.\-–—])(?P<y>(?:19|20)\d\d)(?!\d|[/.\-–—]\d))",
        # "hôm nay", "ngày mai", "ngày kia" (need a prefix)
        rf"(?P<relday>{_phrases(periods.days_from_document)})(?!\w)",
        # "thứ Sáu tuần này", "thứ 5 tuần sau", "thứ Hai tới", "trước thứ Sáu"
        rf"(?P<weekday>{weekday}(?!\w)(?:\s+(?P<wweek>{week_w})\s+"
        rf"(?:(?P<wcur>{current})|(?P<wnext>{following})|(?P<wprev>{past}))(?!\w)"
        rf"|\s+(?P<wcur>{current})(?!\w)|\s+(?P<wcoming>{following}){free})?)",
        # "trong ngày" (the document's day; needs a prefix), "trong ngày hôm nay"
        rf"(?P<deictic>(?P<dunit>{day_w})(?:\s+(?P<dmod>{today})(?!\w)|{unit_ends}))",
        # "tuần", "tháng này", "năm nay", "tuần tới" (needs a prefix)
        rf"(?P<deictic>(?P<dunit>{week_w}|{month_w}|{quarter_w}|{year_w})"
        # without a modifier the unit must end the phrase: "trong tuần." but not "trong năm học"
        rf"(?:\s+(?P<dmod>{deictic_mods})(?!\w)|{unit_ends})"
        rf"(?!\s+{past}(?!\w))(?!\s+{recurrences}))",
    ]
    # a cheap look-ahead first: every core starts with a digit or one of these words; an
    # ordinal sub-period ("tuần đầu tiên của tháng 9") is a lead before a period's branch
    return gate(core_phrases(periods)) + rf"(?P<core>{ordinal}(?:" + "|".join(branches) + "))"


def core_phrases(periods: Periods) -> list[str]:
    """Every phrase a date core can start with (besides a digit)."""
    u = periods.units
    return (
        [*u.day, *u.month, *u.quarter, *u.year, *u.week, *periods.number_words]
        + [p for h in periods.half_years for p in h.phrases]
        + periods.year_range.leads
        + periods.day_words
        + periods.ordinal_units
        + [p for phrases in periods.days_from_document.values() for p in phrases]
        + [p for phrases in periods.weekdays.values() for p in phrases]
    )


def gate(phrases: list[str]) -> str:
    """A look-ahead: a digit or the start of one of ``phrases`` comes next: its first word, or
    its first two where no phrase is that word alone ("các" only before "năm": the gate lets
    through 2,422 places fewer in the bench texts, each ~20 µs of the scan's alternatives)."""
    words = [phrase.split() for phrase in phrases]
    alone = {w[0] for w in words if len(w) == 1}
    leads = {" ".join(w[:1] if w[0] in alone else w[:2]) for w in words}
    return rf"(?=\d|{word_trie(leads)}(?!\w))"


def word_trie(words: Iterable[str]) -> str:
    """``words`` as one alternation factored by their common beginnings ("th(?:áng|ứ)"): the
    same strings as ``(?:tháng|thứ)`` (a space: any whitespace), but the engine reads each
    character of the text once where the plain alternation tries every word in turn (the
    deadline scan's gate, 68 words, 0.10 → 0.05 s on the bench texts)."""
    trie: dict[str, dict] = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}  # a word ends here
    return _trie_pattern(trie)


def _trie_pattern(node: dict[str, dict]) -> str:
    branches = [
        (r"\s+" if char == " " else regex.escape(char)) + _trie_pattern(node[char])
        for char in sorted(node)
        if char
    ]
    if not branches:
        return ""
    optional = "" in node  # a word ends here, a longer one may go on
    if len(branches) == 1 and not optional:
        return branches[0]
    body = "(?:" + "|".join(branches) + ")"
    return body + "?" if optional else body
