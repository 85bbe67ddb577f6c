"""The status of a task table's row (``grammars/appendix/status.yaml``): what the appendix title
says of every row ("… QUÁ HẠN" → "overdue") and what the row's status-bearing cells say
("Đã hoàn thành", "[CHƯA HOÀN THÀNH]"), combined ("done" + "not done" → "partly done")."""

from __future__ import annotations

import functools
from collections.abc import Iterable
from dataclasses import dataclass

import regex
from pydantic import BaseModel

from vbparse.grammars import load_yaml, validate_rows
from vbparse.pattern_time import time_left
from vbparse.segment.tables import Cell, Meaning

__all__ = ["DONE", "STATUS_COLUMNS", "cell_statuses", "status_of_row", "status_of_title"]


STATUS_GRAMMAR = "appendix/status.yaml"


# Columns whose words may say how far a row has got (never the task text itself).
STATUS_COLUMNS: tuple[Meaning, ...] = ("pending", "status", "progress", "note")


DONE = "done"  # the status id (status.yaml) of a row that is wholly done


class StatusPhrase(BaseModel):
    phrase: str
    status: str
    weak: bool = False


class _Combination(BaseModel):
    all_of: list[str]
    status: str


class _StatusFile(BaseModel):
    title: list[StatusPhrase]
    cell: list[StatusPhrase]
    combine: list[_Combination]


@dataclass(frozen=True)
class _StatusGrammar:
    title: regex.Pattern[str]
    title_status: dict[str, str]
    cell: regex.Pattern[str]
    cell_phrase: dict[str, StatusPhrase]
    combine: tuple[_Combination, ...]


_SPACE_RUN = regex.compile(r"\s+")


def _fold(text: str) -> str:
    return _SPACE_RUN.sub(" ", text).strip().casefold()


def _alternation(phrases: Iterable[str], *, line_start: bool = False) -> regex.Pattern[str]:
    """Longest phrase first, whole words; with ``line_start`` only at the start of a line
    (maybe after a bullet) or right after "[", where a cell states a status rather than tells
    a story ("Đã hoàn thành", "[CHƯA HOÀN THÀNH]", not "… hoàn thành dự thảo")."""
    ordered = sorted({_fold(p) for p in phrases}, key=len, reverse=True)
    body = "|".join(regex.escape(p).replace(r"\ ", r"\s+") for p in ordered)
    if line_start:
        return regex.compile(
            rf"(?m)(?:^[\s\[(\-–—•*]*|\[\s*)\K(?:{body})(?![\p{{L}}\d])", regex.IGNORECASE
        )
    return regex.compile(rf"(?<![\p{{L}}\d])(?:{body})(?![\p{{L}}\d])", regex.IGNORECASE)


@functools.cache
def _status_grammar() -> _StatusGrammar:
    (data,) = validate_rows(STATUS_GRAMMAR, [load_yaml(STATUS_GRAMMAR)], _StatusFile)
    return _StatusGrammar(
        title=_alternation(p.phrase for p in data.title),
        title_status={_fold(p.phrase): p.status for p in data.title},
        cell=_alternation((p.phrase for p in data.cell), line_start=True),
        cell_phrase={_fold(p.phrase): p for p in data.cell},
        combine=tuple(data.combine),
    )


def status_of_title(title: str | None) -> str | None:
    """Status the appendix title gives every row ("… QUÁ HẠN" → "overdue")."""
    if not title:
        return None
    grammar = _status_grammar()
    match = grammar.title.search(title, timeout=time_left())
    return None if match is None else grammar.title_status[_fold(match.group(0))]


def cell_statuses(cells: Iterable[Cell]) -> list[StatusPhrase]:
    grammar = _status_grammar()
    found: list[StatusPhrase] = []
    for cell in cells:
        for match in grammar.cell.finditer(cell.text, timeout=time_left()):
            phrase = grammar.cell_phrase[_fold(match.group(0))]
            if all(p.status != phrase.status for p in found):
                found.append(phrase)
    return found


def status_of_row(found: list[StatusPhrase], title_status: str | None) -> str | None:
    """A row's status: a combination its cells carry ("done" + "not done" → "partly
    done"), else its own strong status, else the title's, else its own weak one."""
    statuses = {p.status for p in found}
    for rule in _status_grammar().combine:
        if set(rule.all_of) <= statuses:
            return rule.status
    strong = [p.status for p in found if not p.weak]
    if strong:
        return strong[0]
    if title_status is not None:
        return title_status
    return found[0].status if found else None
