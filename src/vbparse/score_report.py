"""The evaluation as text (``vbparse eval``): the overall report, the per-form table and
each document's misses.
"""

from __future__ import annotations

from vbparse.scores import Evaluation, Report

__all__ = ["format_evaluation", "format_misses", "format_report"]


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
