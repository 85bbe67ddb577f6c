"""The deadline grammar files: every ``examples:`` entry reads as its entry says."""

from __future__ import annotations

import datetime as dt
import unicodedata
from typing import Any

import pytest

from vbparse.extract.time.deadlines import find_deadlines, parse_deadline
from vbparse.extract.time.grammar import deadline_grammar
from vbparse.grammars import grammar_path, load_yaml

DOC_DATE = dt.date(2025, 7, 16)
FILES = ["periods", "prefixes", "relative", "events", "not_deadlines"]


def _examples() -> list[tuple[str, str, dict[str, Any]]]:
    """(file, text, expected fields) for every example in the grammar."""
    rows: list[tuple[str, str, dict[str, Any]]] = []
    prefixes = load_yaml("deadlines/prefixes.yaml")["prefixes"]
    for entry in prefixes:
        for example in entry.get("examples", []):
            expected = {k: example[k] for k in ("date", "relation") if k in example}
            rows.append(("prefixes", example["text"], expected))
    for example in load_yaml("deadlines/prefixes.yaml")["field_labels"]["examples"]:
        expected = {k: example[k] for k in ("date", "relation") if k in example}
        rows.append(("prefixes", example["text"], expected))
    periods = load_yaml("deadlines/periods.yaml")
    for half in periods["half_years"]:
        rows += [("periods", text, {"grain": "half-year"}) for text in half.get("examples", [])]
    for example in periods["months_of_year"]["examples"]:
        expected = {"relation": "within", "start": example["start"], "date": example["date"]}
        rows.append(("periods", example["text"], expected))
    for example in periods["year_range"]["examples"]:
        expected = {"relation": "range", "start": example["start"], "date": example["date"]}
        rows.append(("periods", example["text"], expected))
    for text in periods["time_of_day"]["examples"]:
        rows.append(("periods", text, {"relation": "by", "grain": "day"}))
    for example in periods["deictic"]["examples"]:
        expected = {k: example[k] for k in ("start", "date")}
        rows.append(("periods", example["text"], {**expected, "doc_date": example["doc_date"]}))
    relative = load_yaml("deadlines/relative.yaml")
    for example in relative["working_days"]["examples"]:
        rows.append(("relative", example["text"], {"date": example["date"]}))
    for unit in relative["units"]:
        rows += [("relative", text, {"relation": "within"}) for text in unit.get("examples", [])]
    events = load_yaml("deadlines/events.yaml")
    for entry in events["events"]:
        rows += [("events", text, {"relation": "event"}) for text in entry.get("examples", [])]
    rows += [("events", text, {"relation": "urgent"}) for text in events["urgent"]["examples"]]
    rows += [("events", text, {"relation": "recurring"}) for text in events["recurring_examples"]]
    skip = load_yaml("deadlines/not_deadlines.yaml")
    rows += [("not_deadlines", text, {}) for text in skip["examples"] + skip["examples_prefixes"]]
    rows += [("targets", text, {}) for text in skip["targets"]["examples"]]
    rows += [("not_deadlines", text, {}) for text in skip["purposes"]["examples"]]
    return rows


EXAMPLES = _examples()


@pytest.mark.parametrize(
    ("source", "text", "expected"), EXAMPLES, ids=[f"{s}:{t}" for s, t, _ in EXAMPLES]
)
def test_deadline_grammar_example(source: str, text: str, expected: dict[str, Any]) -> None:
    if source == "not_deadlines":
        assert list(find_deadlines(text, doc_date=DOC_DATE)) == []
        return
    if source == "targets":  # a target year is no due date (a recurrence may stand beside it)
        found = list(find_deadlines(text, doc_date=DOC_DATE))
        assert [d.text for d in found if d.date is not None] == []
        return
    expected = dict(expected)
    found = parse_deadline(text, doc_date=expected.pop("doc_date", DOC_DATE))
    assert found is not None, text
    assert {key: getattr(found, key) for key in expected} == expected


@pytest.mark.parametrize("name", FILES)
def test_deadline_grammar_file_is_nfc(name: str) -> None:
    text = grammar_path(f"deadlines/{name}.yaml").read_text(encoding="utf-8")
    assert unicodedata.normalize("NFC", text) == text


def test_deadline_grammar_compiles() -> None:
    grammar = deadline_grammar()
    assert grammar.scan.search("trước ngày 31/7/2025")
