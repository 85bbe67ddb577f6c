"""The accuracy gate: the seeds' text versions scored against their gold annotations.

Prints precision/recall/F1 per field (run with ``pytest -s`` to see them) and fails below
the thresholds the issues set.
"""

from pathlib import Path

import pytest

from vbparse.evaluate import evaluate, format_report
from vbparse.pipeline import parse_file

FIXTURES = Path(__file__).parent / "fixtures"
THRESHOLDS = {
    "doc_fields": 1.0,  # document fields 100 %
    "references_f1": 0.95,
    "body_task_f1": 0.90,
    "task_f1": 0.90,  # all tasks, appendix rows included
    "lead_f1": 0.95,
    "support_f1": 0.95,
    "deadline_acc": 0.97,
    "recipients_f1": 1.0,
    "cc_f1": 1.0,
}


@pytest.fixture(scope="module")
def report():
    documents = [parse_file(p) for p in sorted((FIXTURES / "seeds").glob("*.txt"))]
    result = evaluate(FIXTURES / "gold", documents)
    print("\n" + format_report(result))
    return result


@pytest.mark.parametrize("metric", sorted(THRESHOLDS))
def test_accuracy_meets_threshold(report, metric):
    value = report.metrics()[metric]
    assert value >= THRESHOLDS[metric], f"{metric} = {value:.3f} < {THRESHOLDS[metric]}"


def test_accuracy_every_seed_scored(report):
    assert not report.missing
    assert len(report.per_document) == 5
