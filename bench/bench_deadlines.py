"""Deadlines: vbparse's grammar against dateparser, side by side on the seeds.

Run: ``.venv/bin/python bench/bench_deadlines.py [--repeat N]``

Accuracy: every gold task of ``tests/fixtures/gold`` (body clauses located by ``text_start``
up to the next item label, a heading's deadline passing to items without their own;
appendix rows ``PL.*`` read from their "Thời hạn hoàn thành" cell). A task counts as right
when the due date equals the gold's (both None counts as right: the clause has no deadline).
- ours: ``clause_deadline`` (body) / ``parse_deadline`` (cells);
- dateparser: ``dateparser.search.search_dates(text, languages=["vi"])``, first date found;
  "any" also reports how often the gold date is among all the dates it found (an upper
  bound no picking rule could beat).
Speed: the whole normalized text of each seed through ``find_deadlines`` and through
``search_dates``, median of ``--repeat`` runs, milliseconds per document.
Generalisation: the whole pipeline's deadline accuracy on the aligned tasks of each fixture
set (seeds, unseen, heldout), as ``vbparse eval`` scores it (vbparse only).
Time expressions (issue 12): every phrase of ``tests/extract/cases/deadlines_expressions.yaml``
with its anchor date, through ``parse_time_expression`` and through
``search_dates(text, languages=["vi"], settings={"RELATIVE_BASE": anchor})``: "exact" is the
interval and grain (vbparse only: dateparser returns a point), "in interval" a returned day
inside the expected interval (vbparse: its due date, the interval's end; dateparser: the
first date it finds). Time per phrase: median of ``--repeat`` runs over the whole table.
``--expressions`` runs only this part.
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import sys
import time
import unicodedata
import warnings
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "extract"))

from seed_deadlines import FIXTURES, SeedTask, effective_due, seed_tasks  # noqa: E402

from vbparse.extract.time.deadlines import (  # noqa: E402
    clause_deadline,
    find_deadlines,
    parse_deadline,
)
from vbparse.extract.time.expressions import parse_time_expression  # noqa: E402

EXPRESSIONS = ROOT / "tests" / "extract" / "cases" / "deadlines_expressions.yaml"

Reader = Callable[[str, dt.date | None], dt.date | None]


def ours_body(text: str, doc_date: dt.date | None) -> dt.date | None:
    found = clause_deadline(text, doc_date=doc_date)
    return found.date if found else None


def ours_cell(text: str, doc_date: dt.date | None) -> dt.date | None:
    found = parse_deadline(text, doc_date=doc_date)
    return found.date if found else None


def _search_dates(text: str) -> list[dt.date]:
    from dateparser.search import search_dates

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        found = search_dates(text, languages=["vi"]) or []
    return [value.date() for _, value in found]


def dateparser_first(text: str, doc_date: dt.date | None) -> dt.date | None:
    found = _search_dates(text)
    return found[0] if found else None


def _accuracy(tasks: list[SeedTask], body: Reader, cell: Reader) -> tuple[int, list[str]]:
    right, misses = 0, []
    for task in tasks:
        got = effective_due(task, cell if task.appendix else body)
        if got == task.gold:
            right += 1
        else:
            misses.append(f"{task.doc[:3]} {task.id}: got {got}, gold {task.gold}")
    return right, misses


def _dateparser_any(tasks: list[SeedTask]) -> int:
    """Tasks whose gold date is among every date dateparser finds in the clause or its
    headings (or, for a task with no deadline, where it finds no date at all)."""
    right = 0
    for task in tasks:
        found = set(_search_dates(task.clause))
        for heading in task.headings:
            found |= set(_search_dates(heading))
        if (task.gold is None and not found) or task.gold in found:
            right += 1
    return right


def _timing(repeat: int) -> list[tuple[str, int, float, float, int, int]]:
    rows = []
    for seed in sorted((FIXTURES / "seeds").glob("*.txt")):
        text = unicodedata.normalize("NFC", seed.read_text(encoding="utf-8"))
        ours_times, dp_times = [], []
        ours_found = dp_found = 0
        for _ in range(repeat):
            start = time.perf_counter()
            ours_found = len(list(find_deadlines(text)))
            ours_times.append(time.perf_counter() - start)
            start = time.perf_counter()
            dp_found = len(_search_dates(text))
            dp_times.append(time.perf_counter() - start)
        rows.append(
            (
                seed.stem[:3],
                len(text),
                1000 * statistics.median(ours_times),
                1000 * statistics.median(dp_times),
                ours_found,
                dp_found,
            )
        )
    return rows


FIXTURE_SETS = (
    ("seeds", FIXTURES / "gold", FIXTURES / "seeds"),
    ("unseen", FIXTURES / "unseen" / "gold", FIXTURES / "unseen"),
    ("heldout", FIXTURES / "heldout" / "gold", FIXTURES / "heldout"),
)


def _pipeline_deadlines() -> list[tuple[str, int, int, float]]:
    """(set, right, aligned, seconds) of the pipeline's deadlines on each fixture set."""
    from vbparse import parse_file
    from vbparse.evaluate import evaluate

    rows = []
    for name, gold_dir, text_dir in FIXTURE_SETS:
        start = time.perf_counter()
        documents = [parse_file(path) for path in sorted(text_dir.glob("*.txt"))]
        report = evaluate(gold_dir, documents).overall
        seconds = time.perf_counter() - start
        rows.append((name, report.deadline.right, report.deadline.total, seconds))
    return rows


def _dateparser_at(text: str, anchor: dt.date, future: bool = False) -> dt.date | None:
    """dateparser's first date in ``text``, relative words read from ``anchor``; with
    ``future``, PREFER_DATES_FROM "future" (a bare weekday or month is the next one)."""
    from dateparser.search import search_dates

    settings: dict[str, Any] = {"RELATIVE_BASE": dt.datetime(anchor.year, anchor.month, anchor.day)}
    if future:
        settings["PREFER_DATES_FROM"] = "future"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        found = search_dates(text, languages=["vi"], settings=settings) or []
    return found[0][1].date() if found else None


def _dateparser_future(text: str, anchor: dt.date) -> dt.date | None:
    return _dateparser_at(text, anchor, future=True)


def _ours_at(text: str, anchor: dt.date) -> tuple[dt.date | None, dt.date | None, str | None]:
    found = parse_time_expression(text, anchor=anchor)
    return (found.start, found.end, found.grain) if found else (None, None, None)


def _timed(reader: Callable[[str, dt.date], Any], rows: list[dict[str, Any]], repeat: int):
    """Each row's answer, and the median time per phrase (ms) over ``repeat`` passes."""
    answers: list[Any] = []
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        answers = [reader(row["text"], row["anchor"]) for row in rows]
        times.append(time.perf_counter() - start)
    return answers, 1000 * statistics.median(times) / len(rows)


def _expressions(repeat: int, misses: bool) -> None:
    rows: list[dict[str, Any]] = yaml.safe_load(EXPRESSIONS.read_text(encoding="utf-8"))
    ours, ours_ms = _timed(_ours_at, rows, repeat)
    theirs, theirs_ms = _timed(_dateparser_at, rows, repeat)
    future, _ = _timed(_dateparser_future, rows, 1)
    by_class: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0, 0])
    wrong: list[str] = []
    for row, (start, end, grain), point, ahead in zip(rows, ours, theirs, future, strict=True):
        want = row["expected"]
        first, last = want["start"], want["end"]
        counts = by_class[row["class"]]
        counts[0] += 1
        counts[1] += (start, end, grain) == (first, last, want["grain"])
        counts[2] += end is not None and first <= end <= last
        counts[3] += point is not None and first <= point <= last
        counts[4] += ahead is not None and first <= ahead <= last
        if (start, end, grain) != (first, last, want["grain"]):
            wrong.append(f"vbparse {row['text']!r}: {start}..{end} {grain}, want {want}")
        if misses and not (point is not None and first <= point <= last):
            wrong.append(f"dateparser {row['text']!r}: {point}, want {first}..{last}")
    total = [sum(c[i] for c in by_class.values()) for i in range(5)]
    n = total[0]
    print(f"\n## Time expressions (issue 12): {n} phrases, each with its anchor date\n")
    print(
        "| class | n | vbparse exact | vbparse in interval | dateparser in interval "
        "| dateparser (future) in interval |"
    )
    print("|---|---:|---:|---:|---:|---:|")
    for name, (count, exact, inside, dp_inside, dp_future) in by_class.items():
        print(f"| {name} | {count} | {exact} | {inside} | {dp_inside} | {dp_future} |")
    print(
        "| all | "
        + " | ".join([str(n)] + [f"{total[i] / n:.3f} ({total[i]})" for i in range(1, 5)])
        + " |"
    )
    print(f"\n| time per phrase (median of {repeat} passes) | vbparse | dateparser | ratio |")
    print("|---|---:|---:|---:|")
    print(f"| ms | {ours_ms:.3f} | {theirs_ms:.2f} | {theirs_ms / ours_ms:.0f}x |")
    if wrong:
        print("", *wrong, sep="\n  ")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5, help="timing runs per document")
    parser.add_argument("--misses", action="store_true", help="list the tasks each gets wrong")
    parser.add_argument(
        "--expressions", action="store_true", help="only the time-expression table (issue 12)"
    )
    args = parser.parse_args(argv)

    _search_dates("ngày 1 tháng 1 năm 2025")  # load dateparser's language data once
    find_deadlines("")  # compile our grammar once
    if args.expressions:
        _expressions(args.repeat, args.misses)
        return 0

    tasks = list(seed_tasks())
    body = [t for t in tasks if not t.appendix]
    cells = [t for t in tasks if t.appendix]
    ours = {
        name: _accuracy(group, ours_body, ours_cell)
        for name, group in (("body", body), ("cells", cells), ("all", tasks))
    }
    theirs = {
        name: _accuracy(group, dateparser_first, dateparser_first)
        for name, group in (("body", body), ("cells", cells), ("all", tasks))
    }
    theirs_any = {"body": _dateparser_any(body), "cells": _dateparser_any(cells)}
    theirs_any["all"] = theirs_any["body"] + theirs_any["cells"]

    print("## Deadline accuracy on the seeds' annotated tasks (exact due date)\n")
    print("| tasks | n | vbparse | dateparser (first date) | dateparser (gold among all) |")
    print("|---|---:|---:|---:|---:|")
    for name, group in (("body clauses", "body"), ("appendix cells", "cells"), ("all", "all")):
        n = {"body": len(body), "cells": len(cells), "all": len(tasks)}[group]
        print(
            f"| {name} | {n} | {ours[group][0] / n:.3f} ({ours[group][0]}) "
            f"| {theirs[group][0] / n:.3f} ({theirs[group][0]}) "
            f"| {theirs_any[group] / n:.3f} ({theirs_any[group]}) |"
        )

    timing = _timing(args.repeat)
    print(f"\n## Time per document (whole text, median of {args.repeat} runs)\n")
    print(
        "| seed | chars | vbparse find_deadlines ms | dateparser search_dates ms "
        "| speed-up | found (ours / dateparser) |"
    )
    print("|---|---:|---:|---:|---:|---:|")
    for stem, chars, ours_ms, dp_ms, ours_n, dp_n in timing:
        print(
            f"| {stem} | {chars} | {ours_ms:.2f} | {dp_ms:.1f} | {dp_ms / ours_ms:.0f}x "
            f"| {ours_n} / {dp_n} |"
        )
    ours_mean = statistics.mean(row[2] for row in timing)
    dp_mean = statistics.mean(row[3] for row in timing)
    print(f"| mean | | {ours_mean:.2f} | {dp_mean:.1f} | {dp_mean / ours_mean:.0f}x | |")

    print("\n## Pipeline deadline accuracy on aligned tasks (as `vbparse eval` scores it)\n")
    print("| fixture set | aligned tasks | right | accuracy |")
    print("|---|---:|---:|---:|")
    for name, right, total, _ in _pipeline_deadlines():
        print(f"| {name} | {total} | {right} | {right / total:.3f} |")

    _expressions(args.repeat, args.misses)
    if args.misses:
        print("\nvbparse misses:", *ours["all"][1], sep="\n  ")
        print("\ndateparser misses:", *theirs["all"][1], sep="\n  ")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
