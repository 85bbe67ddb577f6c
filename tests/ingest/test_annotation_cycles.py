"""E-office PDFs whose signature widgets point back at each other: pdfplumber's annotation
list recurses for ever on them, and the number and day the widgets draw were lost (real
công văn 11902/BNV-TCPCP and 8151/BNV-CCHC of Bộ Nội vụ, tests/fixtures/real/b15_orig)."""

from __future__ import annotations

from pathlib import Path

import pytest

from vbparse.pipeline import parse_file

REAL = Path(__file__).resolve().parents[1] / "fixtures" / "real" / "b15_orig"


@pytest.mark.parametrize(
    ("name", "number", "date"),
    [
        ("cv_bnv-tcpcp-bao-cao-hoi_2025.pdf", "11902/BNV-TCPCP", "2025-12-11"),
        ("cv_bnv-cchc-gop-y-so-ket_2025.pdf", "8151/BNV-CCHC", "2025-09-18"),
    ],
)
def test_annotation_cycles_number_and_day_read(name, number, date):
    doc = parse_file(REAL / name)
    assert doc.number == number
    assert doc.date is not None and doc.date.isoformat() == date


def test_annotation_cycles_stamp_does_not_hide_a_scan():
    """A signed scan (chỉ thị 02/CT-TTg, real, tests/fixtures/real/b04_tb_ct): the signing
    stamp an annotation draws on page 1 ("Cơ quan phát hành: …") is no text layer, so the
    page still goes to OCR."""
    import pdfplumber

    from vbparse.ingest.pdf import _page

    path = REAL.parent / "b04_tb_ct" / "ct_02_ct-ttg_2026.pdf"
    with pdfplumber.open(str(path)) as pdf:
        page, plain = _page(pdf.pages[0])
    assert plain == ""
    assert any(w.text == "phát" for w in page.words)
