"""The regression gate on a third held-out set: eight directives in forms the seeds never show,
on topics no other fixture touches (industrial zones, fuel and power supply for Tết, forest
fire prevention, smuggling, tax collection, Tết health care, a Government session, religious
festivals), written after the form of real ones: a Thông báo kết luận of a provincial People's
Committee chairman with "I."/"II." parts, a Công điện of a minister ("BỘ TRƯỞNG BỘ CÔNG THƯƠNG
điện:"), a Quyết định of a minister with the Kế hoạch it issues attached after its signature
(Roman parts and a pipe-row task table), a "HỎA TỐC" VPCP công văn with two leads joined by
"và", a Chỉ thị of the Prime Minister with addressee headings and lettered points, a Kế hoạch
of a provincial Sở Y tế with "-" bullets under unit headings, a Nghị quyết of the Government
with "Điều" articles, and a ministry công văn whose header columns came out interleaved.
Gold written by hand before the program was run on them (tests/fixtures/heldout3/gold, format:
tests/fixtures/gold/README.md); the first run is kept in tests/fixtures/heldout3/FIRST_RUN.log.

Prints precision/recall/F1 per field (run with ``pytest -s`` to see them). The thresholds are
the figures measured when the fixtures were added, rounded down: they guard against
regressions, they are not targets. Raise them when the parser gets better.
"""

from pathlib import Path

import pytest

from vbparse.evaluate import evaluate, format_report
from vbparse.pipeline import parse_file

HELDOUT3 = Path(__file__).parent / "fixtures" / "heldout3"
# First run (program dd7e160): doc fields 0.972, recipients F1 0.727, task F1 0.824 (body
# 0.857, appendix 0.000), lead F1 0.828, support F1 0.750, deadline 0.963. One gold entry was
# corrected after it (a renamed state group's canonical name): support F1 0.781.
# appendix_task_f1 is 0.000 (the attached Kế hoạch's table is not read), so it has no gate yet.
THRESHOLDS = {
    "doc_fields": 0.97,
    "references_f1": 1.0,
    "recipients_f1": 0.72,
    "cc_f1": 1.0,
    "task_f1": 0.82,
    "body_task_f1": 0.85,
    "lead_f1": 0.82,
    "support_f1": 0.78,
    "deadline_acc": 0.96,
}


@pytest.fixture(scope="module")
def report():
    documents = [parse_file(p) for p in sorted(HELDOUT3.glob("*.txt"))]
    result = evaluate(HELDOUT3 / "gold", documents)
    print("\n" + format_report(result))
    return result


@pytest.mark.parametrize("metric", sorted(THRESHOLDS))
def test_heldout3_accuracy_meets_threshold(report, metric):
    value = report.metrics()[metric]
    assert value >= THRESHOLDS[metric], f"{metric} = {value:.3f} < {THRESHOLDS[metric]}"


def test_heldout3_accuracy_every_document_scored(report):
    assert not report.missing
    assert len(report.per_document) == len(list((HELDOUT3 / "gold").glob("*.json"))) == 8
