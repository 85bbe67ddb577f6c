"""The seeds' annotated task deadlines, located in the seed text (shared by the deadline test
and ``bench/bench_deadlines.py``).

Each gold body task is found by its ``text_start``; its clause runs from there to the next
item label at the start of a line. Its headings are the nearest earlier lines that carry
the labels of its id's parents ("3.(1).a" -> "3." and "(1)"), each read up to its own next
label. A task with no dated deadline of its own inherits the innermost dated heading's
(the caller's job in vbparse, emulated here). Appendix rows ``PL.*`` are read from their
``deadline_text`` cell instead.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
LABEL = re.compile(r"^[ \t]*(?:\d+\s*[.\-]|\(\d+\)|[a-zđ]\)|[-–•+])[ \t]+", re.MULTILINE)
ID_PART = re.compile(r"\(\d+\)|\[\d+\]|[^.\[\]()]+")


@dataclass(frozen=True)
class SeedTask:
    """One gold task with its clause text and headings located in its seed."""

    doc: str
    id: str
    doc_date: dt.date | None
    gold: dt.date | None
    gold_text: str | None
    clause: str  # the clause's own text (label removed); for PL rows the deadline cell
    headings: tuple[str, ...]  # innermost first
    appendix: bool


def _heading_pattern(part: str) -> re.Pattern[str] | None:
    if part.startswith("["):
        return None
    if part.startswith("("):
        label = re.escape(part)
    elif part.isdigit():
        label = rf"{part}\s*[.\-]"
    else:
        label = rf"{re.escape(part)}\)"
    return re.compile(rf"^[ \t]*{label}[ \t]+", re.MULTILINE)


def _clause_from(text: str, start: int) -> str:
    nxt = LABEL.search(text, start + 1)
    return text[start : nxt.start() if nxt else len(text)]


def seed_tasks() -> Iterator[SeedTask]:
    """Every gold task of every seed, in document order."""
    for gold_path in sorted((FIXTURES / "gold").glob("*.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        seed = (FIXTURES / "seeds" / f"{gold_path.stem}.txt").read_text(encoding="utf-8")
        text = unicodedata.normalize("NFC", seed)
        doc_date = dt.date.fromisoformat(gold["doc"]["date"]) if gold["doc"].get("date") else None
        cursor = 0
        for task in gold["tasks"]:
            due = dt.date.fromisoformat(task["deadline"]) if task.get("deadline") else None
            if task["id"].startswith("PL."):
                yield SeedTask(
                    gold_path.stem,
                    task["id"],
                    doc_date,
                    due,
                    task.get("deadline_text"),
                    task.get("deadline_text") or "",
                    (),
                    True,
                )
                continue
            words = unicodedata.normalize("NFC", task["text_start"]).split()
            found = re.compile(r"\s+".join(map(re.escape, words))).search(text, cursor)
            if found is None:
                raise LookupError(f"{gold_path.stem} {task['id']}: text_start not found")
            cursor = found.start()
            headings = []
            for part in reversed(ID_PART.findall(task["id"])[:-1]):
                pattern = _heading_pattern(part)
                starts = [m for m in pattern.finditer(text, 0, cursor)] if pattern else []
                if starts:
                    headings.append(_clause_from(text, starts[-1].end()))
            yield SeedTask(
                gold_path.stem,
                task["id"],
                doc_date,
                due,
                task.get("deadline_text"),
                _clause_from(text, cursor),
                tuple(headings),
                False,
            )


def effective_due(
    task: SeedTask, read: Callable[[str, dt.date | None], dt.date | None]
) -> dt.date | None:
    """The task's due date by ``read`` (clause text -> date): its own, else its innermost
    heading's. ``read`` is our ``clause_deadline`` or a general date parser."""
    own = read(task.clause, task.doc_date)
    if own is not None or task.appendix:
        return own
    for heading in task.headings:
        inherited = read(heading, task.doc_date)
        if inherited is not None:
            return inherited
    return None
