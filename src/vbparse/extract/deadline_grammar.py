"""The deadline grammar (thời hạn): ``grammars/deadlines/*.yaml`` validated and compiled.

The Vietnamese lives in the YAML files; this module only turns phrases into regular
expressions. ``deadline_grammar()`` returns one cached, immutable ``DeadlineGrammar`` that
``vbparse.extract.deadlines`` scans with.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any, Literal

import regex
from pydantic import BaseModel, ConfigDict, field_validator

from vbparse.grammars import GrammarError, load_yaml

Relation = Literal["by", "on", "within", "range", "from", "event", "recurring", "urgent"]
GrainName = Literal["day", "week", "month", "quarter", "half-year", "year"]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Example(_Strict):
    """One grammar example: the phrase and, where it has one, its due date and relation."""

    text: str
    date: Any = None
    relation: Relation | None = None


class Units(_Strict):
    day: list[str]
    month: list[str]
    quarter: list[str]
    year: list[str]
    week: list[str]


class HalfYear(_Strict):
    half: Literal[1, 2]
    phrases: list[str]
    examples: list[str] = []


class Deictic(_Strict):
    current: list[str]
    today: list[str]
    next: list[str]
    past: list[str]


class RangeExample(_Strict):
    text: str
    start: Any = None
    date: Any = None


class YearRange(_Strict):
    """A span of years ("giai đoạn 2026 - 2030"): optional lead words, the longest span."""

    leads: list[str]
    max_years: int
    examples: list[RangeExample] = []


class TimeOfDay(_Strict):
    """A time written before a day ("17 giờ", "17h00", "16 giờ 30 phút")."""

    hour: list[str]
    minute: list[str]
    examples: list[str] = []


class Periods(_Strict):
    """``periods.yaml``: units, month and quarter names, half-years, number words."""

    units: Units
    month_names: dict[int, list[str]]
    quarter_names: dict[int, list[str]]
    half_years: list[HalfYear]
    number_words: dict[str, int]
    deictic: Deictic
    year_range: YearRange
    time_of_day: TimeOfDay

    @field_validator("month_names")
    @classmethod
    def _twelve(cls, value: dict[int, list[str]]) -> dict[int, list[str]]:
        if sorted(value) != list(range(1, 13)):
            raise ValueError("month_names needs the keys 1..12")
        return value


class Prefix(_Strict):
    """One ``prefixes.yaml`` entry: phrases and the relation they give each kind of core."""

    id: str
    phrases: list[str]
    day: Relation | None
    period: Relation | None
    period_date: Literal["end", "before_start", "none"]
    relative: Relation | None
    examples: list[Example] = []


class FieldLabels(_Strict):
    """``prefixes.yaml`` ``field_labels``: "Thời gian:", "Thời hạn hoàn thành:", "Tiến độ:"."""

    heads: list[str]
    qualifiers: list[str]
    linking_words: list[str]
    examples: list[Example] = []


class RelativeUnit(_Strict):
    unit: Literal["working_day", "day", "week", "month", "year"]
    phrases: list[str]
    grain: GrainName
    examples: list[str] = []


class Anchor(_Strict):
    phrases: list[str]
    document: bool


class RelativeGrammar(_Strict):
    """``relative.yaml``: counted spans and their anchors."""

    units: list[RelativeUnit]
    anchor_links: list[str]
    anchors: list[Anchor]


class EventEntry(_Strict):
    phrases: list[str]
    nouns: list[str] | None
    examples: list[str] = []


class Urgent(_Strict):
    phrases: list[str]
    not_before: list[str]
    not_after: list[str]
    examples: list[str] = []


class Recurrence(_Strict):
    grain: GrainName | None
    phrases: list[str]


class EventGrammar(_Strict):
    """``events.yaml``: events, urgency and recurrences (deadlines with no date)."""

    events: list[EventEntry]
    until: list[str]
    max_chars: int
    urgent: Urgent
    recurring: list[Recurrence]
    recurring_day_lead: list[str]
    recurring_examples: list[str] = []


class Targets(_Strict):
    """``not_deadlines.yaml`` ``targets``: "đến năm 2030" in a statement of goals."""

    prefixes: list[str]
    goal_words: list[str]
    window: int
    examples: list[str] = []


class NotDeadlines(_Strict):
    """``not_deadlines.yaml``: contexts where a date is not a deadline."""

    prefixes: list[str]
    examples_prefixes: list[str] = []
    document_number_before: str
    words_before: list[str]
    followers: list[str]
    title_followers: list[str]
    targets: Targets
    examples: list[str] = []


def _validate(name: str, model: type[BaseModel], data: Any) -> Any:
    try:
        return model.model_validate(data)
    except Exception as exc:  # pydantic ValidationError, or a non-mapping file
        raise GrammarError(f"deadlines/{name}: {exc}") from exc


def phrase_pattern(phrase: str) -> str:
    """A phrase as a regex: its words escaped, any whitespace (a wrapped line too) between."""
    return r"\s+".join(regex.escape(word) for word in phrase.split())


def alternation(phrases: list[str]) -> str:
    """Phrases as one non-capturing alternation, longest first so the longest wins."""
    unique = sorted(set(phrases), key=lambda p: (-len(p), p))
    return "(?:" + "|".join(phrase_pattern(p) for p in unique) + ")"


def _fold(phrase: str) -> str:
    return " ".join(phrase.casefold().split())


@dataclass(frozen=True)
class DeadlineGrammar:
    """The compiled deadline grammar: ``scan`` finds every candidate, ``core`` one date core."""

    scan: regex.Pattern[str]
    core: regex.Pattern[str]
    prefixes: dict[str, Prefix]
    month_by_name: dict[str, int]
    quarter_by_name: dict[str, int]
    half_by_phrase: dict[str, int]
    number_words: dict[str, int]
    unit_by_phrase: dict[str, RelativeUnit]
    anchor_is_document: dict[str, bool]
    deictic_next: frozenset[str]
    units: Units
    recurrence_grain: dict[str, GrainName | None]
    yearly_before: regex.Pattern[str]
    event_stop: regex.Pattern[str]
    event_until: regex.Pattern[str]
    event_max_chars: int
    urgent_not_after: regex.Pattern[str]
    document_number_before: regex.Pattern[str]
    words_before: regex.Pattern[str]
    followers: regex.Pattern[str]
    title_followers: regex.Pattern[str]
    place_line: regex.Pattern[str]
    range_connector: regex.Pattern[str]
    target_prefixes: frozenset[str]
    target_goal: regex.Pattern[str]
    target_window: int
    year_range_max: int


def _core_pattern(periods: Periods, relative: RelativeGrammar, events: EventGrammar) -> str:
    u = periods.units
    day_w, month_w = alternation(u.day), alternation(u.month)
    quarter_w, year_w, week_w = alternation(u.quarter), alternation(u.year), alternation(u.week)
    month_names = alternation([n for names in periods.month_names.values() for n in names])
    quarter_names = alternation([n for names in periods.quarter_names.values() for n in names])
    halves = alternation([p for h in periods.half_years for p in h.phrases])
    numbers = alternation(list(periods.number_words))
    rel_units = alternation([p for r in relative.units for p in r.phrases])
    links = alternation(relative.anchor_links)
    anchors = alternation([p for a in relative.anchors for p in a.phrases])
    deictic_mods = alternation(periods.deictic.current + periods.deictic.next)
    past = alternation(periods.deictic.past)
    recurrences = alternation([p for r in events.recurring for p in r.phrases])
    year = r"(?P<y>\d{4})(?!\d)"
    current = alternation(periods.deictic.current)
    this_year = rf"\s+{year_w}\s+(?P<cur>{current})(?!\w)"  # "quý IV năm nay"
    year_tail = rf"(?:\s*[/\-–.]\s*{year}|\s+{year_w}\s+{year}|{this_year}|\s+{year})"
    month_value = rf"(?:(?P<m>\d{{1,2}})(?!\d)|(?P<mname>{month_names})(?!\w))"
    dash = r"\s*[-–—]\s*"
    range_leads = alternation(periods.year_range.leads)
    today = alternation(periods.deictic.today)
    unit_ends = r"(?=\s*(?:[,.;:!?)\]]|$))"
    branches = [
        # "ngày 31 tháng 7 năm 2025", "21 tháng 09 năm 2025", "ngày 20 tháng 9" (year inferred)
        rf"(?P<day>(?:(?P<ngay>{day_w})\s+)?(?<!\d)(?P<d>\d{{1,2}})\s+{month_w}\s+{month_value}"
        rf"(?:\s+{year_w}\s+{year})?)",
        # "31/7/2025", "31-7-2025", "31.7.2025", "ngày 15/9"
        rf"(?P<day>(?:(?P<ngay>{day_w})\s+)?(?<![\d/.\-–])(?P<d>\d{{1,2}})\s*(?P<sep>[/.\-–])\s*"
        rf"(?P<m>\d{{1,2}})(?!\d)(?:\s*(?P=sep)\s*{year})?(?!\s*[/.\-–]\s*\d))",
        # "6 tháng cuối năm 2025", "nửa đầu năm"
        rf"(?P<half>(?P<hphrase>{halves})(?:\s+{year}|\s+(?P<cur>{current})(?!\w))?)",
        # "trong 10 ngày làm việc kể từ ngày ký"
        rf"(?P<relative>(?P<n>\d{{1,3}}|{numbers})\s+(?P<unit>{rel_units})(?!\w)"
        rf"(?:\s+(?P<link>{links})\s+(?:(?P<anchor>{anchors})(?!\w)"
        rf"|(?P<anchor_other>[^,;()\n]{{1,60}})))?)",
        # "tháng 10 - 12/2025", "quý III - IV/2025" (a span of months or quarters)
        rf"(?P<mrange>{month_w}\s+(?P<m1>\d{{1,2}}){dash}(?:{month_w}\s+)?"
        rf"(?P<m>\d{{1,2}})(?!\d){year_tail})",
        rf"(?P<qrange>{quarter_w}\s+(?P<q1>{quarter_names})(?!\w){dash}(?:{quarter_w}\s+)?"
        rf"(?P<q>{quarter_names})(?!\w){year_tail})",
        # "tháng 10 năm 2025", "tháng 6/2025", "Tháng năm" (May)
        rf"(?P<month>{month_w}\s+{month_value}{year_tail}?)",
        # "quý III/2025", "quý IV năm 2025"
        rf"(?P<quarter>{quarter_w}\s+(?P<q>{quarter_names})(?!\w){year_tail}?)",
        # "2025 - 2030", "giai đoạn 2026-2030" (a span of years)
        rf"(?P<yrange>(?:(?P<ylead>{range_leads})\s+)?(?<![\d/.\-–—])"
        rf"(?P<y1>(?:19|20)\d\d){dash}(?P<y2>(?:19|20)\d\d)(?!\d|[/.\-–—]\d))",
        # "năm 2026"
        rf"(?P<year>{year_w}\s+{year})",
        # a table cell "6/2025" (a month; only read by parse_deadline)
        rf"(?P<monthnum>(?<![\d/.\-–])(?P<m>\d{{1,2}})\s*[/\-–.]\s*{year})",
        # a table cell "2026" (a year; only read by parse_deadline)
        r"(?P<yearnum>(?<![\d/.\-–—])(?P<y>(?:19|20)\d\d)(?!\d|[/.\-–—]\d))",
        # "trong ngày" (the document's day; needs a prefix), "trong ngày hôm nay"
        rf"(?P<deictic>(?P<dunit>{day_w})(?:\s+(?P<dmod>{today})(?!\w)|{unit_ends}))",
        # "tuần", "tháng này", "năm nay", "tuần tới" (needs a prefix)
        rf"(?P<deictic>(?P<dunit>{week_w}|{month_w}|{quarter_w}|{year_w})"
        # without a modifier the unit must end the phrase: "trong tuần." but not "trong năm học"
        rf"(?:\s+(?P<dmod>{deictic_mods})(?!\w)|{unit_ends})"
        rf"(?!\s+{past}(?!\w))(?!\s+{recurrences}))",
    ]
    # a cheap look-ahead first: every core starts with a digit or one of these words
    return _gate(_core_phrases(periods)) + "(?:" + "|".join(branches) + ")"


def _core_phrases(periods: Periods) -> list[str]:
    """Every phrase a date core can start with (besides a digit)."""
    u = periods.units
    return (
        [*u.day, *u.month, *u.quarter, *u.year, *u.week, *periods.number_words]
        + [p for h in periods.half_years for p in h.phrases]
        + periods.year_range.leads
    )


def _gate(phrases: list[str]) -> str:
    """A look-ahead: a digit or the first word of one of ``phrases`` comes next."""
    first_words = sorted({phrase.split()[0] for phrase in phrases})
    return rf"(?=\d|{alternation(first_words)}(?!\w))"


@functools.cache
def deadline_grammar() -> DeadlineGrammar:
    """Load, validate and compile ``grammars/deadlines/*.yaml`` (once)."""
    periods: Periods = _validate("periods.yaml", Periods, load_yaml("deadlines/periods.yaml"))
    prefix_file = load_yaml("deadlines/prefixes.yaml")
    if not isinstance(prefix_file, dict) or not isinstance(prefix_file.get("prefixes"), list):
        raise GrammarError("deadlines/prefixes.yaml: expected 'prefixes:' (a list)")
    entries = prefix_file["prefixes"]
    range_words = prefix_file.get("range_connectors") or []
    prefixes: list[Prefix] = [_validate("prefixes.yaml", Prefix, e) for e in entries]
    labels: FieldLabels = _validate("prefixes.yaml", FieldLabels, prefix_file.get("field_labels"))
    relative: RelativeGrammar = _validate(
        "relative.yaml", RelativeGrammar, load_yaml("deadlines/relative.yaml")
    )
    events: EventGrammar = _validate(
        "events.yaml", EventGrammar, load_yaml("deadlines/events.yaml")
    )
    skip: NotDeadlines = _validate(
        "not_deadlines.yaml", NotDeadlines, load_yaml("deadlines/not_deadlines.yaml")
    )

    by_phrase: dict[str, Prefix] = {}
    for entry in prefixes:
        for phrase in entry.phrases:
            key = _fold(phrase)
            if key in by_phrase:
                raise GrammarError(f"deadlines/prefixes.yaml: {phrase!r} is in two entries")
            by_phrase[key] = entry

    core = _core_pattern(periods, relative, events)
    prefix_alt = alternation([p for e in prefixes for p in e.phrases])
    skip_alt = alternation(skip.prefixes)
    day_w = alternation(periods.units.day)
    month_w = alternation(periods.units.month)
    recurrences = alternation([p for r in events.recurring for p in r.phrases])
    yearly = alternation([p for r in events.recurring if r.grain == "year" for p in r.phrases])
    month_recurrences = alternation(
        [p for r in events.recurring if r.grain in ("month", "quarter", "year") for p in r.phrases]
    )
    event_parts = []
    for entry in events.events:
        lead = alternation(entry.phrases)
        if entry.nouns:
            event_parts.append(rf"{lead}\s+{alternation(entry.nouns)}(?!\w)")
        else:
            event_parts.append(rf"{lead}(?=\s)")
    urgent = events.urgent
    starts = (
        _core_phrases(periods)
        + skip.prefixes
        + events.recurring_day_lead
        + [p for e in prefixes for p in e.phrases]
        + labels.heads
        + [p for e in events.events for p in e.phrases]
        + [p for r in events.recurring for p in r.phrases]
        + urgent.phrases
    )
    # every branch starts at a word start with a digit or one of these words: checked first
    scan = (
        rf"(?<!\w){_gate(starts)}(?:"
        + "|".join(
            [
                rf"(?<!\w)(?P<skip>{skip_alt}\s+{core})",
                # "ngày 20 hằng tháng", "ngày 15 tháng 12 hằng năm", "ngày 15/12 hằng năm"
                rf"(?<!\w)(?P<recday>(?:{alternation(events.recurring_day_lead)}\s+)?"
                rf"(?:{day_w}\s+\d{{1,2}}(?:\s+{month_w}\s+\d{{1,2}})?"
                rf"|(?:{day_w}\s+)?\d{{1,2}}\s*[/.\-–—]\s*\d{{1,2}})"
                rf"\s+(?P<rphrase>{month_recurrences})(?!\w))",
                rf"(?<!\w)(?P<full>(?:(?P<label>{_label_pattern(labels)})\s*)?"
                rf"(?:(?P<prefix>{prefix_alt})\s+)?"
                rf"(?:(?P<time>{_time_pattern(periods.time_of_day)})(?:\s*,)?\s+)?{core})",
                rf"(?<!\w)(?P<event>{'|'.join(event_parts)})",
                rf"(?<!\w)(?P<recurring>{recurrences})(?!\w)",
                rf"(?<!\w)(?P<urgent>{alternation(urgent.phrases)})(?!\w)"
                rf"(?!\s+{alternation(urgent.not_before)}(?!\w))",
            ]
        )
        + ")"
    )
    flags = regex.IGNORECASE | regex.VERSION0
    return DeadlineGrammar(
        scan=regex.compile(scan, flags),
        core=regex.compile(core, flags),
        prefixes=by_phrase,
        month_by_name={_fold(n): m for m, names in periods.month_names.items() for n in names},
        quarter_by_name={_fold(n): q for q, names in periods.quarter_names.items() for n in names},
        half_by_phrase={_fold(p): h.half for h in periods.half_years for p in h.phrases},
        number_words={_fold(k): v for k, v in periods.number_words.items()},
        unit_by_phrase={_fold(p): r for r in relative.units for p in r.phrases},
        anchor_is_document={_fold(p): a.document for a in relative.anchors for p in a.phrases},
        deictic_next=frozenset(_fold(p) for p in periods.deictic.next),
        units=periods.units,
        recurrence_grain={_fold(p): r.grain for r in events.recurring for p in r.phrases},
        yearly_before=regex.compile(rf"(?<!\w)(?P<rphrase>{yearly})\s*[,(:]?\s*$", flags),
        event_stop=regex.compile(r"[;.()\[\]]|\n\s*\n"),
        event_until=regex.compile(alternation(events.until) + r"(?!\w)", flags),
        event_max_chars=events.max_chars,
        urgent_not_after=regex.compile(rf"(?<!\w){alternation(urgent.not_after)}\s*,?\s*$", flags),
        document_number_before=regex.compile(skip.document_number_before, flags),
        words_before=regex.compile(rf"(?<!\w){alternation(skip.words_before)}\s*$", flags),
        followers=regex.compile(
            r"\s*(?:" + "|".join(_follower(f) for f in skip.followers) + r")(?!\w)", flags
        ),
        place_line=regex.compile(
            r"(?:^|\n)[ \t]*[^\W\d_][\w.]*(?:[ \t]+[^\W\d_][\w.]*){0,4}[ \t]*,[ \t]*$"
        ),
        title_followers=regex.compile(
            r"\s*(?:" + "|".join(_follower(f) for f in skip.title_followers) + r")(?!\w)", flags
        ),
        range_connector=regex.compile(rf"\s*{alternation(range_words)}\s*", flags),
        target_prefixes=frozenset(_fold(p) for p in skip.targets.prefixes),
        target_goal=regex.compile(rf"(?<!\w){alternation(skip.targets.goal_words)}(?!\w)", flags),
        target_window=skip.targets.window,
        year_range_max=periods.year_range.max_years,
    )


def _label_pattern(labels: FieldLabels) -> str:
    """A field label: head, optional qualifier, then a colon or a linking word."""
    heads, qualifiers = alternation(labels.heads), alternation(labels.qualifiers)
    links = alternation(labels.linking_words)
    return rf"{heads}(?:\s+{qualifiers})?(?:\s*:|\s+{links}(?!\w))"


def _time_pattern(time: TimeOfDay) -> str:
    """A time of day: "17 giờ", "17h00", "16 giờ 30 phút", "17:00"."""
    hour, minute = alternation(time.hour), alternation(time.minute)
    return (
        rf"(?:\d{{1,2}}\s*{hour}(?![^\W\d_])(?:\s*\d{{1,2}}(?:\s*{minute}(?!\w))?)?"
        rf"|\d{{1,2}}:\d{{2}})(?!\w)"
    )


def _follower(phrase: str) -> str:
    """A follower phrase; a leading comma may sit right after the date."""
    if phrase.startswith(","):
        return r",\s*" + phrase_pattern(phrase[1:].strip())
    return phrase_pattern(phrase)
