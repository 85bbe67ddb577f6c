"""The regression gate on held-out documents: eight directives on topics the seeds never touch
(disaster prevention, social housing, epidemics, public investment, floods, traffic safety,
disaster relief funding, schools in the flood season), written after the form of real ones:
a Kết luận of the Ban Bí thư ("Số 162-KL/TW", Party layout), a Quyết định of the Thủ tướng with
"Điều" articles and a flattened task-table appendix, a Kế hoạch of Bộ Y tế with Roman parts and
"-"/"+" bullets, a công văn and a Chỉ thị of a provincial People's Committee, a VPCP Thông báo
kết luận on a flood response, a VPCP công văn passing on a Phó Thủ tướng's opinion, and an
OCR-damaged công văn ("#" headings, "<sub>" tags, "Ð" for "Đ", a word broken over two lines,
no "Số:" line). Gold written by hand before the program was run on them
(tests/fixtures/heldout/gold, format: tests/fixtures/gold/README.md).

Prints precision/recall/F1 per field (run with ``pytest -s`` to see them). The thresholds are
the figures measured when the fixtures were added, rounded down: they guard against
regressions, they are not targets. Raise them when the parser gets better.
"""

from pathlib import Path

import pytest

from vbparse.evaluate import evaluate, format_report
from vbparse.pipeline import parse_file

HELDOUT = Path(__file__).parent / "fixtures" / "heldout"
# First run (program b9529e1, before any fix from this set): doc fields 0.917, task F1 0.939,
# lead F1 0.860, support F1 0.870, deadline 0.899. Raised to the figures after the fixes.
THRESHOLDS = {
    "doc_fields": 1.0,
    "references_f1": 1.0,
    "recipients_f1": 1.0,
    "cc_f1": 1.0,
    "task_f1": 0.99,
    "body_task_f1": 0.99,
    "appendix_task_f1": 1.0,
    "lead_f1": 0.99,
    "support_f1": 0.97,
    "deadline_acc": 0.99,
    "source_ref_acc": 1.0,
}


@pytest.fixture(scope="module")
def report():
    documents = [parse_file(p) for p in sorted(HELDOUT.glob("*.txt"))]
    result = evaluate(HELDOUT / "gold", documents)
    print("\n" + format_report(result))
    return result


@pytest.mark.parametrize("metric", sorted(THRESHOLDS))
def test_heldout_accuracy_meets_threshold(report, metric):
    value = report.metrics()[metric]
    assert value >= THRESHOLDS[metric], f"{metric} = {value:.3f} < {THRESHOLDS[metric]}"


def test_heldout_accuracy_every_document_scored(report):
    assert not report.missing
    assert len(report.per_document) == len(list((HELDOUT / "gold").glob("*.json"))) == 8
