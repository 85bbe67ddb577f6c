"""Score parsed documents against gold annotations (format: tests/fixtures/gold/README.md).

Document fields are compared exactly after NFC, case folding and tone-mark folding; lists by
set F1; tasks are aligned to predictions by their first words, then lead, support (set F1 by
canonical name) and deadline (exact date) are compared on the aligned pairs.
"""

from __future__ import annotations

import functools
import json
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import regex

from vbparse.models import Document, Source
from vbparse.segment.casing import fold as fold_key
from vbparse.segment.casing import without_marks

SCALAR_FIELDS = (
    "number",
    "type",
    "issuer",
    "place",
    "date",
    "subject",
    "signer",
    "signer_title",
    "signing_authority",
)
LIST_FIELDS = ("recipients", "references", "cc")


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


_SENTENCE_STARTS = regex.compile(r"(?:^|\n|(?<=[.;:])\s)\s*(?=\S)")


def _starts(text: str, start: str) -> bool:
    # Spaces do not count: gold keeps a web copy's run-together words as written ("TổngBí
    # thư"), normalization separates them ("Tổng Bí thư"). A unit's own text may open with a
    # heading line ("Sở Công Thương" / "Hỗ trợ cho …") or with the report the directive
    # answers ("Bộ X có báo cáo …. Phó Thủ tướng Y yêu cầu Bộ Z …"); annotators start the task
    # there or at the directing sentence: a start at any line or sentence of the unit aligns.
    # Nor do marks: gold keeps an OCR text's words as read ("kiêm tra"), the parser may have
    # put the marks right ("kiểm tra", ingest/ocr_text.py).
    want = _letters(start)
    return any(_letters(text[m.end() :]).startswith(want) for m in _SENTENCE_STARTS.finditer(text))


def _letters(text: str) -> str:
    """``text`` without spaces or marks (đ as d), folded: how a task's opening is compared."""
    return "".join(without_marks(fold(text)).split())


def _align(predicted: list[Any], gold: list[dict[str, Any]]) -> list[tuple[Any, dict[str, Any]]]:
    """Pair each gold task with the first unused predicted task that starts with its words."""
    used: set[int] = set()
    pairs = []
    for g in gold:
        for i, p in enumerate(predicted):
            if i not in used and _starts(p.text, g["text_start"]):
                used.add(i)
                pairs.append((p, g))
                break
    return pairs


def score_document(report: Report, doc: Document, gold: dict[str, Any], name: str) -> None:
    gdoc = gold["doc"]
    misses = report.misses.setdefault(name, [])
    right = 0
    for key in SCALAR_FIELDS:
        predicted = getattr(doc, key)
        ok = fold(predicted if predicted is not None else None) == fold(gdoc.get(key))
        if predicted is None and gdoc.get(key) is None:
            ok = True
        report.fields.setdefault(key, Accuracy()).add(ok)
        right += ok
        if not ok:
            misses.append(f"{key}: {predicted!s} ≠ gold {gdoc.get(key)!s}")
    for key in LIST_FIELDS:
        values = [r.number for r in doc.references] if key == "references" else getattr(doc, key)
        report.lists.setdefault(key, Counts()).add(values, gdoc.get(key) or [])
        if not _same_set(values, gdoc.get(key) or []):
            misses.append(f"{key}: {values} ≠ gold {gdoc.get(key) or []}")
    gold_tasks = gold.get("tasks", [])
    detection = {"task": Counts(), "body_task": Counts(), "appendix_task": Counts()}
    for scope, keep in (
        ("task", lambda i: True),
        ("body_task", lambda i: not i.startswith("PL")),
        ("appendix_task", lambda i: i.startswith("PL")),
    ):
        preds = [t for t in doc.tasks if keep(t.id)]
        golds = [g for g in gold_tasks if keep(g["id"])]
        matched = len(_align(preds, golds))
        counts = detection[scope]
        counts.tp, counts.fp, counts.fn = matched, len(preds) - matched, len(golds) - matched
        total = report.tasks.setdefault(scope, Counts())
        total.tp, total.fp, total.fn = (
            total.tp + counts.tp,
            total.fp + counts.fp,
            total.fn + counts.fn,
        )
    pairs = _align(doc.tasks, gold_tasks)
    for predicted, g in pairs:
        lead, support = [a.name for a in predicted.lead], [a.name for a in predicted.support]
        report.tasks.setdefault("lead", Counts()).add(lead, g["lead"], agency_key)
        report.tasks.setdefault("support", Counts()).add(
            support, g.get("support") or [], agency_key
        )
        due = (
            predicted.deadline.date.isoformat()
            if predicted.deadline and predicted.deadline.date
            else None
        )
        report.deadline.add(due == g.get("deadline"))
        exact = (
            _same_set(lead, g["lead"], agency_key)
            and _same_set(support, g.get("support") or [], agency_key)
            and due == g.get("deadline")
        )
        report.exact.add(exact)
        if not exact:
            misses.append(
                f"task {g['id']} → {predicted.id}: lead {lead} support {support} due {due}"
                f" ≠ gold {g['lead']} {g.get('support') or []} {g.get('deadline')}"
            )
        if "source_ref" in g:
            report.source_ref.add(fold(predicted.source_ref) == fold(g["source_ref"]))
            report.tasks.setdefault("pending", Counts()).add(
                [a.name for a in predicted.pending], g.get("pending") or []
            )
    found = {id(p) for p, _ in pairs}
    aligned = {id(g) for _, g in pairs}
    for g in gold_tasks:
        if id(g) not in aligned:
            report.exact.add(False)
            misses.append(f"task {g['id']} not found: {g['text_start']!r}")
    for t in doc.tasks:
        if id(t) not in found:
            misses.append(f"task {t.id} not in gold: {t.text[:60]!r}")
    report.per_document[name] = {
        "doc_fields": right / len(SCALAR_FIELDS),
        "task_f1": detection["task"].f1,
        "tasks_gold": len(gold_tasks),
        "tasks_found": len(doc.tasks),
    }


def _same_set(predicted: list[str], gold: list[str], key: Callable[[str], str] = fold) -> bool:
    return {key(x) for x in predicted} == {key(x) for x in gold}


def agency_key(name: str) -> str:
    """An agency's name as compared with gold: the gazetteer's canonical name when the name
    is one entry's name or alias ("Bộ, cơ quan ngang Bộ, cơ quan thuộc Chính phủ" and "Các
    bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ" are one group), else the name ``fold``ed."""
    folded = fold(name)
    return _canonical_names().get(folded, folded)


@functools.cache
def _canonical_names() -> dict[str, str]:
    """Folded name or alias → the folded canonical name, for names that only one gazetteer
    entry carries."""
    from vbparse.extract.agencies.gazetteer import iter_aliases, load_gazetteer

    names: dict[str, set[str]] = {}
    for entry in load_gazetteer().entries:
        for alias in iter_aliases(entry):
            names.setdefault(fold(alias), set()).add(fold(entry.name))
    return {alias: next(iter(found)) for alias, found in names.items() if len(found) == 1}


class GoldError(ValueError):
    """A gold folder that cannot be read: two gold files for one stem, or broken JSON."""


def gold_files(gold_dir: Path) -> list[Path]:
    """The gold files of ``gold_dir``: its own ``*.json``, or, for a corpus kept in batches
    (``real/b01/gold/*.json``, ``real/b02/gold/*.json``), those of every ``gold`` folder
    below it."""
    own = sorted(gold_dir.glob("*.json"))
    return own or sorted(gold_dir.rglob("gold/*.json"))


def load_gold(gold_dir: Path) -> dict[str, dict[str, Any]]:
    gold: dict[str, dict[str, Any]] = {}
    for path in gold_files(gold_dir):
        if path.stem in gold:
            raise GoldError(f"{path}: a second gold file for the document {path.stem!r}")
        try:
            gold[path.stem] = json.loads(path.read_text(encoding="utf-8"))
        except ValueError as exc:
            raise GoldError(f"{path}: not valid JSON: {exc}") from exc
    return gold


def input_form(doc: Document) -> str:
    """The form a document arrived in, as the report groups them: txt, md, pdf, docx, or
    scan (a PDF or image read by OCR)."""
    return "scan" if doc.source.ocr or doc.source.format == "image" else doc.source.format


_FORMS = {".txt": "txt", ".md": "md", ".pdf": "pdf", ".docx": "docx"}


def unread_document(path: Path) -> Document:
    """What a file the parser refused scores as: an empty document, so its gold counts as
    missed (every field wrong, every task not found) instead of leaving the figures."""
    form = _FORMS.get(path.suffix.lower(), "image")
    return Document(source=Source(path=str(path), sha256="", format=form))


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


def evaluate(gold_dir: Path, documents: Iterable[Document]) -> Evaluation:
    """Score ``documents`` against the gold files of ``gold_dir`` matched by file stem,
    overall and per input form."""
    gold = load_gold(gold_dir)
    overall, by_form = Report(), {}
    for doc in documents:
        path = Path(doc.source.path)
        if path.stem not in gold:
            overall.missing.append(str(path))
            continue
        form = by_form.setdefault(input_form(doc), Report())
        for report in (overall, form):
            score_document(report, doc, gold[path.stem], str(path))
    return Evaluation(overall=overall, by_form=dict(sorted(by_form.items())))


# The columns of the per-form table: the figures a weak input route shows in first.
FORM_COLUMNS = (
    ("docs", None),
    ("fields", "doc_fields"),
    ("task F1", "task_f1"),
    ("lead F1", "lead_f1"),
    ("supp F1", "support_f1"),
    ("deadline", "deadline_acc"),
    ("exact", "task_exact_acc"),
)


def format_evaluation(evaluation: Evaluation) -> str:
    """The overall report, then one line per input form when there is more than one."""
    text = format_report(evaluation.overall)
    if len(evaluation.by_form) < 2:
        return text
    lines = [text, "by input form:", "  form   " + " ".join(f"{c:>8}" for c, _ in FORM_COLUMNS)]
    for form, report in evaluation.by_form.items():
        metrics = report.metrics()
        cells = [f"{len(report.per_document):>8}"]
        cells += [f"{metrics.get(key, 1.0):>8.3f}" for _, key in FORM_COLUMNS[1:]]
        lines.append(f"  {form:<6} " + " ".join(cells))
    return "\n".join(lines)


def format_misses(report: Report) -> str:
    lines = []
    for name, misses in report.misses.items():
        if misses:
            lines.append(name)
            lines += [f"  {m}" for m in misses]
    return "\n".join(lines)


def _figure(value: float, support: int) -> str:
    return f"{value:6.3f}" if support else f"{'n/a':>6}"


def format_report(report: Report) -> str:
    lines = ["field                     value"]
    metrics = report.metrics()
    lines.append(f"{'document fields (all)':<25} {metrics['doc_fields']:.3f}")
    for name, acc in report.fields.items():
        lines.append(
            f"  {name:<23} {_figure(acc.value, acc.total).strip():>5}  ({acc.right}/{acc.total})"
        )
    lines.append(f"{'':<25} {'P':>6} {'R':>6} {'F1':>6}   tp/fp/fn")
    for name, c in {**report.lists, **report.tasks}.items():
        # Nothing predicted (or nothing in gold) leaves P (or R) undefined: say so, not 1.000.
        p = _figure(c.precision, c.tp + c.fp)
        r = _figure(c.recall, c.tp + c.fn)
        f1 = _figure(c.f1, c.tp + c.fp + c.fn)
        lines.append(f"{name:<25} {p} {r} {f1}   {c.tp}/{c.fp}/{c.fn}")
    lines.append(
        f"{'deadline (aligned tasks)':<25} "
        f"{_figure(report.deadline.value, report.deadline.total).strip():>5}  "
        f"({report.deadline.right}/{report.deadline.total})"
    )
    lines.append(
        f"{'tasks exactly right':<25} {report.exact.value:.3f}  "
        f"({report.exact.right}/{report.exact.total} gold tasks)"
    )
    if report.source_ref.total:
        lines.append(
            f"{'source_ref (appendix)':<25} {report.source_ref.value:.3f}  "
            f"({report.source_ref.right}/{report.source_ref.total})"
        )
    lines.append("per document:")
    for name, m in report.per_document.items():
        lines.append(
            f"  {name}: fields {m['doc_fields']:.2f}, task F1 {m['task_f1']:.2f} "
            f"({m['tasks_found']} found / {m['tasks_gold']} gold)"
        )
    for path in report.missing:
        lines.append(f"  (no gold for {path})")
    return "\n".join(lines)
