"""The tallies of a scoring run: ``Counts`` (true and false positives, negatives: P, R, F1),
``Accuracy`` (right of total), one ``Report`` of them per run or input form, and ``fold``,
the key a value is compared with gold by. ``vbparse.evaluate`` fills them;
``vbparse.score_report`` prints them.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from vbparse.segment.casing import fold as fold_key

__all__ = ["Accuracy", "Counts", "Evaluation", "Report", "fold"]


def fold(value: Any) -> str:
    """A value as compared with gold: NFC, then the header's comparison key (tone marks placed
    one way, case, dash style and spacing ignored: segment.casing.fold), a closing full stop
    ignored (a trích yếu copied with the sentence's stop,
    "V/v báo cáo số liệu hiện trạng rừng năm 2009.", is the same subject)."""
    text = unicodedata.normalize("NFC", str(value)) if value is not None else ""
    folded = fold_key(text)
    return folded[:-1].rstrip() if folded.endswith(".") and not folded.endswith("..") else folded


@dataclass
class Counts:
    """Set comparison tallies of one list field or task measure, summed over documents."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(
        self, predicted: Iterable[str], gold: Iterable[str], key: Callable[[str], str] = fold
    ) -> None:
        p, g = {key(x) for x in predicted}, {key(x) for x in gold}
        self.tp += len(p & g)
        self.fp += len(p - g)
        self.fn += len(g - p)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Accuracy:
    """Right answers out of all, for a field compared exactly."""

    right: int = 0
    total: int = 0

    def add(self, ok: bool) -> None:
        self.right += int(ok)
        self.total += 1

    @property
    def value(self) -> float:
        return self.right / self.total if self.total else 1.0


@dataclass
class Report:
    """What one run (or one input form of it) got right, field by field and task by task."""

    fields: dict[str, Accuracy] = field(default_factory=dict)
    lists: dict[str, Counts] = field(default_factory=dict)
    tasks: dict[str, Counts] = field(default_factory=dict)
    deadline: Accuracy = field(default_factory=Accuracy)
    # Gold tasks found with lead, support and deadline all right ("tasks exactly right").
    exact: Accuracy = field(default_factory=Accuracy)
    source_ref: Accuracy = field(default_factory=Accuracy)
    per_document: dict[str, dict[str, float]] = field(default_factory=dict)
    missing: list[str] = field(default_factory=list)
    # What each document got wrong, one line a miss (``vbparse eval --misses``).
    misses: dict[str, list[str]] = field(default_factory=dict)

    def metrics(self) -> dict[str, float]:
        """Flat name → value, the names that ``--min`` thresholds use."""
        out: dict[str, float] = {}
        right = sum(a.right for a in self.fields.values())
        total = sum(a.total for a in self.fields.values())
        out["doc_fields"] = right / total if total else 1.0
        for name, acc in self.fields.items():
            out[f"{name}_acc"] = acc.value
        for name, counts in {**self.lists, **self.tasks}.items():
            out[f"{name}_p"], out[f"{name}_r"], out[f"{name}_f1"] = (
                counts.precision,
                counts.recall,
                counts.f1,
            )
        out["deadline_acc"] = self.deadline.value
        out["task_exact_acc"] = self.exact.value
        out["source_ref_acc"] = self.source_ref.value
        return out


@dataclass
class Evaluation:
    """The overall report and one report per input form."""

    overall: Report
    by_form: dict[str, Report]

    @property
    def missing(self) -> list[str]:
        return self.overall.missing

    @property
    def per_document(self) -> dict[str, dict[str, float]]:
        return self.overall.per_document

    def metrics(self) -> dict[str, float]:
        return self.overall.metrics()
