"""The regression gate on unseen documents: eight directives of other types and issuers than
the seeds (a Chỉ thị and a Công điện of the Thủ tướng, a provincial Kế hoạch and Quyết định,
a ministry's công văn and Thông báo kết luận, a VPCP công văn with "-" bullets, and a city's
công văn with old-style tone marks and lines wrapped at 80 columns), scored against gold
written by hand (tests/fixtures/unseen/gold, format: tests/fixtures/gold/README.md).

Prints precision/recall/F1 per field (run with ``pytest -s`` to see them). The thresholds are
the figures measured when the fixtures were added, rounded down: they guard against
regressions, they are not targets. Raise them when the parser gets better.
"""

from pathlib import Path

import pytest

from vbparse.evaluate import evaluate, format_report
from vbparse.pipeline import parse_file

UNSEEN = Path(__file__).parent / "fixtures" / "unseen"
THRESHOLDS = {
    "doc_fields": 1.0,
    "references_f1": 1.0,
    "recipients_f1": 1.0,
    "cc_f1": 1.0,
    "task_f1": 1.0,
    "body_task_f1": 1.0,
    "lead_f1": 1.0,
    "support_f1": 0.96,
    "deadline_acc": 1.0,
}


@pytest.fixture(scope="module")
def report():
    documents = [parse_file(p) for p in sorted(UNSEEN.glob("*.txt"))]
    result = evaluate(UNSEEN / "gold", documents)
    print("\n" + format_report(result))
    return result


@pytest.mark.parametrize("metric", sorted(THRESHOLDS))
def test_unseen_accuracy_meets_threshold(report, metric):
    value = report.metrics()[metric]
    assert value >= THRESHOLDS[metric], f"{metric} = {value:.3f} < {THRESHOLDS[metric]}"


def test_unseen_accuracy_every_document_scored(report):
    assert not report.missing
    assert len(report.per_document) == len(list((UNSEEN / "gold").glob("*.json"))) == 8
