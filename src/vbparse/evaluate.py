"""Score parsed documents against gold annotations (format: tests/fixtures/gold/README.md).

Document fields are compared exactly after NFC, case folding and tone-mark folding; lists by
set F1; tasks are aligned to predictions by their first words, then lead, support (set F1 by
canonical name) and deadline (exact date) are compared on the aligned pairs.

The tallies are in ``vbparse.scores``, their text in ``vbparse.score_report``; both are
importable from here as before.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import regex

from vbparse.models import Document, Source
from vbparse.score_report import format_evaluation, format_misses, format_report
from vbparse.scores import Accuracy, Counts, Evaluation, Report, fold
from vbparse.segment.casing import without_marks

__all__ = [
    "LIST_FIELDS",
    "SCALAR_FIELDS",
    "Accuracy",
    "Counts",
    "Evaluation",
    "GoldError",
    "Report",
    "agency_key",
    "evaluate",
    "fold",
    "format_evaluation",
    "format_misses",
    "format_report",
    "gold_files",
    "input_form",
    "load_gold",
    "score_document",
    "unread_document",
]

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


# (a web copy runs a sentence onto the full stop before it: "… các dự án quy hoạch.Về việc
# này, Văn phòng Chính phủ xin đề nghị …", công văn 2482/VPCP-CN, real b53)
_SENTENCE_STARTS = regex.compile(r"(?:^|\n|(?<=[.;:])\s|(?<=\p{Ll}\.)(?=\p{Lu}))\s*(?=\S)")


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


_FORMS = {
    ".txt": "txt",
    ".md": "md",
    ".html": "html",
    ".htm": "html",
    ".pdf": "pdf",
    ".docx": "docx",
}


def unread_document(path: Path) -> Document:
    """What a file the parser refused scores as: an empty document, so its gold counts as
    missed (every field wrong, every task not found) instead of leaving the figures."""
    form = _FORMS.get(path.suffix.lower(), "image")
    return Document(source=Source(path=str(path), sha256="", format=form))


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
