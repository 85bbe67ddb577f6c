"""A scanned page rendered in greyscale when it is one greyscale image alone
(``vbparse.ingest.scan_render``): the page Tesseract gets is the one the colour rendering and
its colour drop give."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

pytest.importorskip("pypdfium2")
pytest.importorskip("cv2")

from vbparse.ingest.ocr_zones import split_ink
from vbparse.ingest.scan_render import grey_only, render_page

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    ("path", "kinds"),
    [
        # chỉ thị 11/CT-UBND (real): a black-and-white page with an annotation over it, one
        # alone, and one scanned in colour
        ("tests/fixtures/real/b13_bo_tinh_mix/ct_11_ct-ubnd_2021.pdf", [False, True, False]),
        # seed 004: fifteen black-and-white pages, a ruled table annex
        ("corpus/scan/004_a135c2dc3c7e6627.pdf", [True] * 15),
        # công văn 40/HCCV (real): a colour scan with a red seal
        ("tests/fixtures/real/b17_orig/cv_40_hccv_2025.pdf", [False]),
    ],
)
def test_scan_render_grey_page_is_the_colour_page_without_its_colour(path: str, kinds: list):
    """Each page that is one DeviceGray image is rendered in greyscale, and that is, byte for
    byte, what the colour rendering gives after ``split_ink`` (both its arrays); a colour
    page is rendered in colour, as before."""
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(ROOT / path))
    assert [grey_only(pdf[i]) for i in range(len(pdf))] == kinds
    for index, grey in enumerate(kinds[:3]):  # (three pages of the long scan suffice)
        page = render_page(pdf[index], 300)
        assert page.ndim == (2 if grey else 3)
        colour = pdf[index].render(scale=300 / 72, bitmap_maker=pdfium.PdfBitmap.new_native)
        with_ink, without = split_ink(colour.to_numpy())
        ours = split_ink(page)
        assert np.array_equal(ours[0], with_ink) and np.array_equal(ours[1], without)
