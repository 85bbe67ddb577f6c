"""The deadline grammar (thời hạn): ``grammars/deadlines/*.yaml`` validated and compiled.

The Vietnamese lives in the YAML files; this module only turns phrases into regular
expressions. ``deadline_grammar()`` returns one cached, immutable ``DeadlineGrammar`` that
``vbparse.extract.time.deadlines`` scans with.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

import regex

from vbparse.extract.time.grammar_files import (
    EventGrammar,
    FieldLabels,
    GrainName,
    NotDeadlines,
    Periods,
    Prefix,
    RelativeGrammar,
    RelativeUnit,
    TimeOfDay,
    Units,
    WorkingDays,
    validate_file,
)
from vbparse.extract.time.patterns import (
    alternation,
    core_pattern,
    core_phrases,
    fold_phrase,
    gate,
    phrase_pattern,
)
from vbparse.grammars import GrammarError, load_yaml

__all__ = ["DeadlineGrammar", "alternation", "deadline_grammar", "phrase_pattern"]


@dataclass(frozen=True)
class DeadlineGrammar:
    """The compiled deadline grammar: ``scan`` finds every candidate, ``core`` one date core.
    ``starts`` finds the places where ``scan`` can match (its own first look-ahead, alone)."""

    scan: regex.Pattern[str]
    starts: regex.Pattern[str]
    core: regex.Pattern[str]
    prefixes: dict[str, Prefix]
    month_by_name: dict[str, int]
    quarter_by_name: dict[str, int]
    half_by_phrase: dict[str, int]
    last_months_words: frozenset[str]
    number_words: dict[str, int]
    unit_by_phrase: dict[str, RelativeUnit]
    anchor_is_document: dict[str, bool]
    deictic_next: frozenset[str]
    units: Units
    recurrence_grain: dict[str, GrainName | None]
    yearly_before: regex.Pattern[str]
    periodic_in_clause: regex.Pattern[str]
    event_stop: regex.Pattern[str]
    event_until: regex.Pattern[str]
    event_max_chars: int
    urgent_not_after: regex.Pattern[str]
    recurring_not_after: regex.Pattern[str]
    document_number_before: regex.Pattern[str]
    law_title_before: regex.Pattern[str]
    words_before: regex.Pattern[str]
    followers: regex.Pattern[str]
    title_followers: regex.Pattern[str]
    ongoing_followers: regex.Pattern[str]
    place_line: regex.Pattern[str]
    range_connector: regex.Pattern[str]
    target_prefixes: frozenset[str]
    cutoff_prefix: regex.Pattern[str]
    cutoff_subject: regex.Pattern[str]
    cutoff_window: int
    tentative_marker: regex.Pattern[str]
    tentative_window: int
    target_goal: regex.Pattern[str]
    target_window: int
    target_title: regex.Pattern[str]
    purpose_opener: regex.Pattern[str]
    purpose_main: regex.Pattern[str]
    purpose_window: int
    topic_opener: regex.Pattern[str] | None
    year_range_max: int
    day_offsets: dict[str, int]  # "ngày mai" -> 1
    weekday_by_name: dict[str, int]  # ISO: 1 Monday ... 7 Sunday
    ordinal_by_name: dict[str, int]  # 1 the first, -1 the last
    grain_by_unit: dict[str, GrainName]  # "tuần" -> week
    two_digit_year_pivot: int
    working_days: WorkingDays


@functools.cache
def deadline_grammar() -> DeadlineGrammar:
    """Load, validate and compile ``grammars/deadlines/*.yaml`` (once)."""
    periods: Periods = validate_file("periods.yaml", Periods, load_yaml("deadlines/periods.yaml"))
    prefix_file = load_yaml("deadlines/prefixes.yaml")
    if not isinstance(prefix_file, dict) or not isinstance(prefix_file.get("prefixes"), list):
        raise GrammarError("deadlines/prefixes.yaml: expected 'prefixes:' (a list)")
    entries = prefix_file["prefixes"]
    range_words = prefix_file.get("range_connectors") or []
    prefixes: list[Prefix] = [validate_file("prefixes.yaml", Prefix, e) for e in entries]
    labels: FieldLabels = validate_file(
        "prefixes.yaml", FieldLabels, prefix_file.get("field_labels")
    )
    relative: RelativeGrammar = validate_file(
        "relative.yaml", RelativeGrammar, load_yaml("deadlines/relative.yaml")
    )
    events: EventGrammar = validate_file(
        "events.yaml", EventGrammar, load_yaml("deadlines/events.yaml")
    )
    skip: NotDeadlines = validate_file(
        "not_deadlines.yaml", NotDeadlines, load_yaml("deadlines/not_deadlines.yaml")
    )

    by_phrase: dict[str, Prefix] = {}
    for entry in prefixes:
        for phrase in entry.phrases:
            key = fold_phrase(phrase)
            if key in by_phrase:
                raise GrammarError(f"deadlines/prefixes.yaml: {phrase!r} is in two entries")
            by_phrase[key] = entry

    core = core_pattern(periods, relative, events)
    prefix_alt = alternation([p for e in prefixes for p in e.phrases])
    skip_alt = alternation(skip.prefixes)
    day_w = alternation(periods.units.day)
    month_w = alternation(periods.units.month)
    recurrences = alternation([p for r in events.recurring for p in r.phrases])
    yearly = alternation([p for r in events.recurring if r.grain == "year" for p in r.phrases])
    weekdays = alternation([p for phrases in periods.weekdays.values() for p in phrases])
    week_recurrences = alternation(
        [p for r in events.recurring if r.grain == "week" for p in r.phrases]
    )
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
        core_phrases(periods)
        + skip.prefixes
        + events.recurring_day_lead
        + [p for e in prefixes for p in e.phrases]
        + labels.heads
        + [p for e in events.events for p in e.phrases]
        + [p for r in events.recurring for p in r.phrases]
        + urgent.phrases
    )
    # every branch starts at a word start with a digit or one of these words: checked first
    start = rf"(?<!\w){gate(starts)}"
    scan = (
        rf"{start}(?:"
        + "|".join(
            [
                rf"(?<!\w)(?P<skip>{skip_alt}\s+{core})",
                # "ngày 20 hằng tháng", "ngày 15 tháng 12 hằng năm", "ngày 15/12 hằng năm"
                rf"(?<!\w)(?P<recday>(?:{alternation(events.recurring_day_lead)}\s+)?"
                rf"(?:(?:{day_w}\s+\d{{1,2}}(?:\s+{month_w}\s+\d{{1,2}})?"
                rf"|(?:{day_w}\s+)?\d{{1,2}}\s*[/.\-–—]\s*\d{{1,2}})"
                rf"\s+(?P<rphrase>{month_recurrences})"
                # "vào thứ Sáu hàng tuần" (chỉ thị 21/CT-TTg, real): a weekday every week
                rf"|{weekdays}\s+(?P<rphrase>{week_recurrences}))(?!\w))",
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
        starts=regex.compile(start, flags),
        core=regex.compile(core, flags),
        prefixes=by_phrase,
        month_by_name={
            fold_phrase(n): m for m, names in periods.month_names.items() for n in names
        },
        quarter_by_name={
            fold_phrase(n): q for q, names in periods.quarter_names.items() for n in names
        },
        half_by_phrase={fold_phrase(p): h.half for h in periods.half_years for p in h.phrases},
        last_months_words=frozenset(fold_phrase(w) for w in periods.months_of_year.last),
        number_words={fold_phrase(k): v for k, v in periods.number_words.items()},
        unit_by_phrase={fold_phrase(p): r for r in relative.units for p in r.phrases},
        anchor_is_document={
            fold_phrase(p): a.document for a in relative.anchors for p in a.phrases
        },
        deictic_next=frozenset(fold_phrase(p) for p in periods.deictic.next),
        units=periods.units,
        recurrence_grain={fold_phrase(p): r.grain for r in events.recurring for p in r.phrases},
        yearly_before=regex.compile(rf"(?<!\w)(?P<rphrase>{yearly})\s*[,(:]?\s*$", flags),
        periodic_in_clause=regex.compile(
            rf"(?<!\w)(?P<rphrase>{yearly}|{alternation(events.periodic)})(?!\w)", flags
        ),
        event_stop=regex.compile(r"[;.()\[\]]|\n\s*\n"),
        event_until=regex.compile(alternation(events.until) + r"(?!\w)", flags),
        event_max_chars=events.max_chars,
        urgent_not_after=regex.compile(rf"(?<!\w){alternation(urgent.not_after)}\s*,?\s*$", flags),
        recurring_not_after=regex.compile(
            rf"(?<!\w){_or_nothing(events.recurring_not_after)}\s*$", flags
        ),
        document_number_before=regex.compile(skip.document_number_before, flags),
        law_title_before=_law_title_before(skip),
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
        ongoing_followers=regex.compile(
            r"\s*(?:" + "|".join(_follower(f) for f in skip.ongoing_followers) + r")(?!\w)", flags
        ),
        range_connector=regex.compile(rf"\s*{alternation(range_words)}\s*", flags),
        target_prefixes=frozenset(fold_phrase(p) for p in skip.targets.prefixes),
        cutoff_prefix=regex.compile(
            rf"(?:{_or_nothing(skip.cutoffs.prefixes if skip.cutoffs else [])})(?!\w)", flags
        ),
        cutoff_subject=regex.compile(
            rf"(?<!\w)(?:{_or_nothing(skip.cutoffs.subjects if skip.cutoffs else [])})(?!\w)"
            r"[^.;:\n]*$",
            flags,
        ),
        cutoff_window=skip.cutoffs.window if skip.cutoffs else 0,
        tentative_marker=regex.compile(
            rf"(?<!\w)(?:{_or_nothing(skip.tentative.markers if skip.tentative else [])})\s*$",
            flags,
        ),
        tentative_window=skip.tentative.window if skip.tentative else 0,
        target_goal=regex.compile(
            rf"(?<!\w){alternation(skip.targets.goal_words + skip.targets.horizon_nouns)}(?!\w)",
            flags,
        ),
        target_window=skip.targets.window,
        # case-sensitive: the capital marks a title ("Kế hoạch hành động … đến năm 2020"), not
        # "theo kế hoạch"
        target_title=regex.compile(rf"(?<!\w){alternation(skip.targets.title_heads)}(?!\w)"),
        purpose_opener=regex.compile(rf"^\s*{alternation(skip.purposes.openers)}(?!\w)", flags),
        purpose_main=regex.compile(
            rf",[^,]*?(?<!\w){alternation(skip.purposes.main_verbs)}(?!\w)", flags
        ),
        purpose_window=skip.purposes.window,
        topic_opener=(
            regex.compile(rf"^\s*{alternation(skip.purposes.topic_openers)}(?!\w)", flags)
            if skip.purposes.topic_openers
            else None
        ),
        year_range_max=periods.year_range.max_years,
        day_offsets=_by_phrase(periods.days_from_document),
        weekday_by_name=_by_phrase(periods.weekdays),
        ordinal_by_name=_by_phrase(periods.ordinals),
        grain_by_unit=_grain_by_unit(periods.units),
        two_digit_year_pivot=periods.two_digit_year_pivot,
        working_days=relative.working_days,
    )


def _by_phrase(table: dict[int, list[str]]) -> dict[str, int]:
    """{folded phrase: its number} for a table of numbered phrases (weekdays, ordinals)."""
    return {fold_phrase(p): number for number, phrases in table.items() for p in phrases}


def _grain_by_unit(units: Units) -> dict[str, GrainName]:
    grains: list[tuple[GrainName, list[str]]] = [
        ("day", units.day),
        ("week", units.week),
        ("month", units.month),
        ("quarter", units.quarter),
        ("year", units.year),
    ]
    return {fold_phrase(p): grain for grain, phrases in grains for p in phrases}


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


def _law_title_before(skip: NotDeadlines) -> regex.Pattern[str]:
    """A law's name ending where a bare day starts ("Luật Đường bộ "): the kind with its
    capital (case matters: the capital marks a title), then up to the allowed number of words,
    none a verb that sends work on."""
    not_word = rf"(?!(?:{_or_nothing(skip.law_title_not_words)})(?!\w))"
    word = rf"[ \t]+{not_word}[^\W\d_][\w-]*"
    return regex.compile(
        rf"(?<!\w)(?:{_or_nothing(skip.law_titles)})(?:{word}){{1,{skip.law_title_max_words}}}"
        r"[ \t]*,?[ \t]*$",
        regex.VERSION0,
    )


def _or_nothing(phrases: list[str]) -> str:
    """The phrases' alternation, or a pattern that matches nothing when there are none."""
    return alternation(phrases) if phrases else "(?!)"
