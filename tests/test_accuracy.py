"""The accuracy gates: annotated document sets scored against their gold.

Prints precision/recall/F1 per field (``pytest -s tests/test_accuracy.py`` to see them) and
fails below each threshold. Four sets, each ``tests/fixtures/<set>/`` (texts) with gold in
``<set>/gold/`` (format: tests/fixtures/gold/README.md):

- ``seeds``: the five VPCP directives the rules were first written from (gold by hand).
- ``unseen``: eight documents of other types (chỉ thị, công điện, kế hoạch and quyết định of
  a province, ministry công văn and thông báo, old tone marks, wrapped lines), written with
  their gold by someone who had not seen the rules.
- ``heldout``: eight more, on other topics (Party conclusion, Quyết định with an appendix
  table, ministry Kế hoạch, provincial công văn and chỉ thị, flood conclusions, damaged OCR).
- ``heldout3``: eight more (provincial conclusions, a minister's công điện, a Quyết định
  with its Kế hoạch attached, a hỏa tốc công văn, a Government Nghị quyết, an interleaved
  header).
- ``heldout4``: six more on new topics, written at the end of the first session.

Each held-out set was scored once before any rule was changed for it: those first-run figures
are the honest measure of how the rules carry to unseen documents, and stay recorded below.
The thresholds are the figures measured after the fixes, rounded down: they guard against
regressions. Raise them when the parser gets better.
"""

from pathlib import Path

import pytest

from vbparse.evaluate import evaluate, format_evaluation
from vbparse.pipeline import parse_file

FIXTURES = Path(__file__).parent / "fixtures"

# set -> (folder of texts, folder of gold, thresholds)
SETS = {
    "seeds": (
        FIXTURES / "seeds",
        FIXTURES / "gold",
        {
            "doc_fields": 1.0,  # document fields 100 % (issue 2)
            "references_f1": 0.95,
            "recipients_f1": 1.0,
            "cc_f1": 1.0,
            "body_task_f1": 0.90,
            "task_f1": 0.90,  # appendix rows included (issue 6)
            "appendix_task_f1": 0.90,
            "lead_f1": 0.95,  # issue 3
            "support_f1": 0.95,
            "pending_f1": 0.95,  # issue 6
            "deadline_acc": 0.97,  # issue 4
            "source_ref_acc": 0.95,
        },
    ),
    # First run (program 4b25485): doc fields 0.944, task F1 0.857, lead 0.882,
    # support 0.914, deadline 0.833.
    "unseen": (
        FIXTURES / "unseen",
        FIXTURES / "unseen" / "gold",
        {
            "doc_fields": 1.0,
            "references_f1": 1.0,
            "recipients_f1": 1.0,
            "cc_f1": 1.0,
            "task_f1": 1.0,
            "lead_f1": 1.0,
            "support_f1": 0.96,
            "deadline_acc": 1.0,
        },
    ),
    # First run (program b9529e1): doc fields 0.917, task F1 0.939, lead 0.860,
    # support 0.870, deadline 0.899.
    "heldout": (
        FIXTURES / "heldout",
        FIXTURES / "heldout" / "gold",
        {
            "doc_fields": 1.0,
            "references_f1": 1.0,
            "recipients_f1": 1.0,
            "cc_f1": 1.0,
            "task_f1": 1.0,
            "appendix_task_f1": 1.0,
            "lead_f1": 1.0,
            "support_f1": 0.97,
            "deadline_acc": 1.0,
            "source_ref_acc": 1.0,
        },
    ),
    # First run (program dd7e160, FIRST_RUN.log): doc fields 0.972, recipients F1 0.727,
    # task F1 0.824 (appendix rows 0.000), lead 0.828, support 0.750, deadline 0.963.
    "heldout3": (
        FIXTURES / "heldout3",
        FIXTURES / "heldout3" / "gold",
        {
            "doc_fields": 1.0,
            "references_f1": 1.0,
            "recipients_f1": 1.0,
            "cc_f1": 1.0,
            "task_f1": 1.0,
            "appendix_task_f1": 1.0,
            "lead_f1": 1.0,
            "support_f1": 1.0,
            "deadline_acc": 1.0,
        },
    ),
    # Written at the end of the session, after every fix above, to measure where the rules
    # stand. First run (program f59f7fc, FIRST_RUN.log): doc fields 0.981 (subject 5/6),
    # references F1 0.933, task F1 1.000, lead 0.561 and support 0.800 against the first
    # gold, which broke the canonical-name rule for provincial departments; with that gold
    # corrected (AFTER_GOLD_FIX.log, same program): lead 0.902, support 0.971, deadline 1.000.
    "heldout4": (
        FIXTURES / "heldout4",
        FIXTURES / "heldout4" / "gold",
        {
            "doc_fields": 1.0,
            "references_f1": 1.0,
            "recipients_f1": 1.0,
            "cc_f1": 1.0,
            "task_f1": 1.0,
            "appendix_task_f1": 1.0,
            "lead_f1": 0.97,
            "support_f1": 0.97,
            "deadline_acc": 1.0,
        },
    ),
}

CASES = [(name, metric) for name, (_, _, limits) in SETS.items() for metric in sorted(limits)]


@pytest.fixture(scope="module")
def reports():
    out = {}
    for name, (texts, gold, _) in SETS.items():
        documents = [parse_file(p) for p in sorted(texts.glob("*.txt"))]
        out[name] = evaluate(gold, documents)
        print(f"\n== {name}\n{format_evaluation(out[name])}")
    return out


@pytest.mark.parametrize(("name", "metric"), CASES, ids=[f"{n}-{m}" for n, m in CASES])
def test_accuracy_meets_threshold(reports, name, metric):
    value = reports[name].metrics()[metric]
    limit = SETS[name][2][metric]
    assert value >= limit, f"{name}: {metric} = {value:.3f} < {limit}"


@pytest.mark.parametrize("name", sorted(SETS))
def test_accuracy_every_document_scored(reports, name):
    texts, gold, _ = SETS[name]
    assert not reports[name].missing
    assert len(reports[name].per_document) == len(list(gold.glob("*.json")))
    assert len(list(texts.glob("*.txt"))) == len(list(gold.glob("*.json")))
