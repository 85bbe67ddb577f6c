"""The deadline grammar files (``grammars/deadlines/*.yaml``) as small pydantic models.

``vbparse.extract.time.grammar`` validates each file against its model when it loads it;
a file that does not fit is reported as ``deadlines/<file>: problem``.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, field_validator

from vbparse.grammars import GrammarError

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


class DeicticExample(_Strict):
    text: str
    doc_date: Any
    start: Any = None
    date: Any = None


class Deictic(_Strict):
    current: list[str]
    today: list[str]
    next: list[str]
    past: list[str]
    next_named: list[str]
    examples: list[DeicticExample] = []


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


class MonthsOfYear(_Strict):
    """The words for the first and last months of a year ("3 tháng đầu năm")."""

    first: list[str]
    last: list[str]
    examples: list[dict[str, Any]] = []


class Periods(_Strict):
    """``periods.yaml``: units, month and quarter names, half-years, number words."""

    units: Units
    month_names: dict[int, list[str]]
    quarter_names: dict[int, list[str]]
    half_years: list[HalfYear]
    months_of_year: MonthsOfYear
    number_words: dict[str, int]
    deictic: Deictic
    year_range: YearRange
    time_of_day: TimeOfDay
    day_words: list[str]
    two_digit_year_pivot: int
    days_from_document: dict[int, list[str]]
    weekdays: dict[int, list[str]]
    weekday_not_after: list[str]
    ordinal_marker: list[str]
    ordinals: dict[int, list[str]]
    ordinal_units: list[str]
    ordinal_links: list[str]
    ordinal_not_after: list[str]

    @field_validator("month_names")
    @classmethod
    def _twelve(cls, value: dict[int, list[str]]) -> dict[int, list[str]]:
        if sorted(value) != list(range(1, 13)):
            raise ValueError("month_names needs the keys 1..12")
        return value

    @field_validator("weekdays")
    @classmethod
    def _seven(cls, value: dict[int, list[str]]) -> dict[int, list[str]]:
        if sorted(value) != list(range(1, 8)):
            raise ValueError("weekdays needs the keys 1..7 (Monday..Sunday)")
        return value

    @field_validator("ordinals")
    @classmethod
    def _ordinals(cls, value: dict[int, list[str]]) -> dict[int, list[str]]:
        if 0 in value:
            raise ValueError("ordinals: 1 is the first, -1 the last; there is no 0")
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


class WorkingDaysExample(_Strict):
    text: str
    date: Any


class WorkingDays(_Strict):
    """How working days are counted: the weekend, and whose public holidays are skipped."""

    country: str
    language: str | None = None
    weekend: list[Literal[1, 2, 3, 4, 5, 6, 7]]
    examples: list[WorkingDaysExample] = []


class RelativeGrammar(_Strict):
    """``relative.yaml``: counted spans and their anchors."""

    units: list[RelativeUnit]
    ahead: list[str]
    count_not_after: list[str]
    part_of_period: list[str] = []
    names_them: str | None = None
    working_days: WorkingDays
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
    recurring_not_after: list[str] = []
    recurring_day_lead: list[str]
    periodic: list[str] = []
    recurring_examples: list[str] = []


class Targets(_Strict):
    """``not_deadlines.yaml`` ``targets``: "đến năm 2030" in a statement of goals."""

    prefixes: list[str]
    goal_words: list[str]
    # the capitalised head of a plan's or decision's title ("Quy hoạch … đến năm 2020")
    title_heads: list[str] = []
    # a kind of plan always named with its horizon, in any case ("quy hoạch … đến năm 2030")
    horizon_nouns: list[str] = []
    window: int
    examples: list[str] = []


class Purposes(_Strict):
    """``not_deadlines.yaml`` ``purposes``: a period in a clause of purpose."""

    openers: list[str]
    main_verbs: list[str]
    # a topic the sentence opens with ("Đối với các nhiệm vụ triển khai trong năm 2025, …"):
    # its period says which work is meant; the comma after it is enough
    topic_openers: list[str] = []
    window: int
    examples: list[str] = []


class Cutoffs(_Strict):
    """``not_deadlines.yaml`` ``cutoffs``: the day a report's figures run to ("tình hình thực
    hiện … đến ngày 31 tháng 8 năm 2022, gửi báo cáo … trước ngày 10 tháng 9")."""

    prefixes: list[str]
    subjects: list[str]
    window: int
    examples: list[str] = []


class Tentative(_Strict):
    """``not_deadlines.yaml`` ``tentative``: a day planned, not due ("Dự kiến ngày 05/12/2025
    (Chậm nhất ngày 10/12/2025 …)")."""

    markers: list[str]
    window: int
    examples: list[str] = []


class NotDeadlines(_Strict):
    """``not_deadlines.yaml``: contexts where a date is not a deadline."""

    prefixes: list[str]
    examples_prefixes: list[str] = []
    document_number_before: str
    law_titles: list[str] = []
    law_title_max_words: int = 8
    law_title_not_words: list[str] = []
    words_before: list[str]
    followers: list[str]
    title_followers: list[str]
    ongoing_followers: list[str] = []
    targets: Targets
    cutoffs: Cutoffs | None = None
    tentative: Tentative | None = None
    purposes: Purposes
    examples: list[str] = []


def validate_file(name: str, model: type[BaseModel], data: Any) -> Any:
    try:
        return model.model_validate(data)
    except Exception as exc:  # pydantic ValidationError, or a non-mapping file
        raise GrammarError(f"deadlines/{name}: {exc}") from exc
