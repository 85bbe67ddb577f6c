"""The same document gives the same records whatever its form (issue 5).

DOCX and PDF (text layer) must give exactly the records of the seed text on every field
scored by ``vbparse eval``; a scanned PDF must reach 0.90 of the text version's task F1
with every document number right (OCR repairs included).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from vbparse import parse_file
from vbparse.evaluate import SCALAR_FIELDS, Report, load_gold, score_document

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "corpus"
GOLD = load_gold(ROOT / "tests" / "fixtures" / "gold")
STEMS = sorted(p.stem for p in CORPUS.glob("*.txt"))

FIELDS = [*SCALAR_FIELDS, "recipients", "cc"]


def _records(path: Path) -> dict:
    doc = parse_file(str(path))
    record = {name: getattr(doc, name) for name in FIELDS}
    record["references"] = [r.number for r in doc.references]
    record["tasks"] = [
        (
            t.id,
            sorted(a.name for a in t.lead),
            sorted(a.name for a in t.support),
            t.deadline.date if t.deadline else None,
            t.source_ref,
            sorted(a.name for a in t.pending),
        )
        for t in doc.tasks
    ]
    return record


def _task_f1(path: Path) -> tuple[float, Report]:
    report = Report()
    score_document(report, parse_file(str(path)), GOLD[path.stem], str(path))
    return report.per_document[str(path)]["task_f1"], report


@pytest.mark.parametrize("stem", STEMS)
def test_format_equivalence_docx_equals_text(stem):
    assert _records(CORPUS / "docx" / f"{stem}.docx") == _records(CORPUS / f"{stem}.txt")


@pytest.mark.parametrize("stem", STEMS)
def test_format_equivalence_pdf_equals_text(stem):
    assert _records(CORPUS / "pdf" / f"{stem}.pdf") == _records(CORPUS / f"{stem}.txt")


# Scans are OCR'd page by page (about 4 s a page on one core), so the suite reads three
# representative scans (003 also checks the OCR phrase repairs: "để xuất" → "đề xuất"); the
# others are measured with ``vbparse eval tests/fixtures/gold corpus/scan`` (figures of the
# last measurement in the reasons; target 0.90 × text F1).
SCAN_NOT_RUN = {
    "002_0284457f90b6ede2": "not run to keep the suite fast; task F1 1.00 in vbparse eval",
    "004_a135c2dc3c7e6627": "15 pages, not run to keep the suite fast; task F1 0.93 in eval",
}


def _scan_param(stem: str):
    if stem in SCAN_NOT_RUN:
        return pytest.param(stem, marks=pytest.mark.skip(reason=SCAN_NOT_RUN[stem]))
    return stem


@pytest.mark.skipif(
    shutil.which("tesseract") is None,
    reason="tesseract binary not installed (Debian: tesseract-ocr tesseract-ocr-vie)",
)
@pytest.mark.parametrize("stem", [_scan_param(s) for s in STEMS])
def test_format_equivalence_scan_close_to_text(stem):
    text_f1, _ = _task_f1(CORPUS / f"{stem}.txt")
    scan_f1, report = _task_f1(CORPUS / "scan" / f"{stem}.pdf")
    assert report.fields["number"].value == 1.0
    assert scan_f1 >= 0.90 * text_f1
