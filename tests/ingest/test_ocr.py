"""OCR route: scanned PDFs and images (needs the tesseract binary and its Vietnamese data)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from casefiles import case_ids, load_cases

from vbparse.ingest import IngestError, read_document
from vbparse.ingest.ocr import estimate_skew
from vbparse.ingest.ocr_repair import (
    repair_line_starts,
    repair_ocr_text,
    repair_page_text,
    repair_row_labels,
)

CORPUS = Path(__file__).resolve().parents[2] / "corpus"
REPAIR_CASES = load_cases("ingest/ocr_repairs")
LINE_START_CASES = load_cases("ingest/ocr_line_starts")
ROW_LABEL_CASES = load_cases("ingest/ocr_row_labels")

needs_tesseract = pytest.mark.skipif(
    shutil.which("tesseract") is None,
    reason="tesseract binary not installed (Debian: tesseract-ocr tesseract-ocr-vie)",
)


@pytest.mark.parametrize("case", REPAIR_CASES, ids=case_ids(REPAIR_CASES))
def test_ocr_repair_text(case):
    # "page" cases need the assembled lines (phrases spanning OCR words); the others are words.
    repair = repair_page_text if case.get("page") else repair_ocr_text
    assert repair(case["text"]) == case["expected"]


@pytest.mark.parametrize("case", LINE_START_CASES, ids=case_ids(LINE_START_CASES))
def test_ocr_repair_line_starts(case):
    assert repair_line_starts(case["text"]) == case["expected"]


@pytest.mark.parametrize("case", ROW_LABEL_CASES, ids=case_ids(ROW_LABEL_CASES))
def test_ocr_repair_row_labels(case):
    rows = [[label, "nội dung"] for label in case["labels"]]
    assert [row[0] for row in repair_row_labels(rows)] == case["expected"]


def test_ocr_deskew_finds_the_turn():
    import pypdfium2 as pdfium
    from PIL import Image

    pdf = pdfium.PdfDocument(str(CORPUS / "pdf" / "002_0284457f90b6ede2.pdf"))
    page = pdf[0].render(scale=100 / 72, grayscale=True).to_pil().convert("L")
    turned = page.rotate(1.4, resample=Image.BICUBIC, fillcolor=255)
    assert abs(estimate_skew(turned) + 1.4) <= 0.3


@needs_tesseract
def test_ocr_scanned_pdf_reads_header_in_column_order():
    raw = read_document(CORPUS / "scan" / "000_3070b849d0d1c768.pdf")
    assert raw.ocr is True
    assert raw.ocr_confidence is not None and raw.ocr_confidence > 80
    lines = raw.text.splitlines()
    assert "Số: 6466/VPCP-KGVX" in lines
    assert lines.index("VĂN PHÒNG CHÍNH PHỦ") < lines.index("Số: 6466/VPCP-KGVX")
    assert "Hà Nội, ngày 11 tháng 7 năm 2025" in lines


@needs_tesseract
def test_ocr_image_file(tmp_path):
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(CORPUS / "scan" / "002_0284457f90b6ede2.pdf"))
    image = pdf[0].render(scale=200 / 72).to_pil()
    path = tmp_path / "page.png"
    image.crop((0, 0, image.width, image.height // 3)).save(path)
    raw = read_document(path)
    assert raw.format == "image" and raw.ocr
    assert "8664/VPCP-KGVX" in raw.text


@needs_tesseract
def test_ocr_image_with_no_text_is_an_error(tmp_path):
    from PIL import Image

    path = tmp_path / "blank.png"
    Image.new("L", (800, 600), 255).save(path)
    with pytest.raises(IngestError, match="no text"):
        read_document(path)


def test_ocr_unreadable_image_is_an_error(tmp_path):
    path = tmp_path / "broken.png"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + b"garbage")
    with pytest.raises(IngestError):
        read_document(path)


@needs_tesseract
def test_ocr_scanned_table_cells_and_labels():
    from vbparse.ingest.layout import read_pages, render
    from vbparse.ingest.ocr import ocr_pdf_pages

    # The appendix's first page of seed 004: a ruled table, rows 1-6.
    path = CORPUS / "scan" / "004_a135c2dc3c7e6627.pdf"
    pages = [result.page for _, result in ocr_pdf_pages(path, [5])]
    rows = [
        line.strip("| ").split(" | ")
        for line in render(read_pages(pages))[0].splitlines()
        if line.startswith("| ")
    ]
    assert [row[0] for row in rows] == ["TT", "1.", "2.", "3.", "4.", "5.", "6."]
    assert [row[4] for row in rows[1:]] == [
        "30/6/2025",
        "30/4/2025",
        "31/3/2025",
        "31/5/2025",
        "30/6/2025",
        "30/6/2025",
    ]
    assert all(len(row) == 6 for row in rows)


@needs_tesseract
def test_ocr_cells_read_in_one_run_as_one_by_one():
    import pypdfium2 as pdfium

    from vbparse.ingest.ocr import CELL_CONFIG, _tesseract_data

    # Cells of the appendix table of seed 004: a row label, a date, a blank strip.
    page = pdfium.PdfDocument(str(CORPUS / "scan" / "004_a135c2dc3c7e6627.pdf"))[5]
    image = page.render(scale=300 / 72, grayscale=True).to_pil()
    width, height = image.size
    crops = [
        image.crop((0, int(height * 0.30), width // 2, int(height * 0.36))),
        image.crop((width // 2, int(height * 0.40), width, int(height * 0.46))),
        image.crop((0, 0, 60, 40)),
    ]

    def data(found: dict) -> dict:
        return {key: values for key, values in found.items() if key != "page_num"}

    together = [data(found) for found in _tesseract_data(crops, CELL_CONFIG)]
    alone = [data(_tesseract_data([crop], CELL_CONFIG)[0]) for crop in crops]
    assert together == alone
    assert any(text.strip() for text in together[0]["text"])


def test_ocr_tesseract_checked_once(monkeypatch):
    import pytesseract

    from vbparse.ingest import ocr

    calls = []

    def languages(config: str = "") -> list[str]:
        calls.append(config)
        return ["eng", "vie"]

    monkeypatch.setattr(pytesseract, "get_languages", languages)
    monkeypatch.setattr(ocr, "_TESSERACT_FOUND", [])
    ocr.check_tesseract()
    ocr.check_tesseract()
    assert len(calls) == 1


def test_ocr_missing_vietnamese_data_is_an_error_each_time(monkeypatch):
    import pytesseract

    from vbparse.ingest import ocr

    monkeypatch.setattr(pytesseract, "get_languages", lambda config="": ["eng"])
    monkeypatch.setattr(ocr, "_TESSERACT_FOUND", [])
    for _ in range(2):
        with pytest.raises(IngestError, match="tesseract-ocr-vie"):
            ocr.check_tesseract()


def test_ocr_ink_page_is_turned_only_when_read():
    """The page kept with its ink (for a handwritten header slot) is deskewed on first use,
    and then only the box cut from it, as the whole page would have been; a page whose
    header Tesseract read in print is never turned (a full 300-dpi turn costs more than the
    angle search)."""
    import pickle

    from PIL import Image, ImageDraw

    from vbparse.ingest.deskew import TurnedLater, turn

    image = Image.new("RGB", (600, 400), "white")
    ImageDraw.Draw(image).rectangle((100, 150, 500, 170), fill="black")
    later = TurnedLater(image, 1.4)
    assert (later.width, later.height) == (600, 400)
    assert "turned" not in vars(later)
    whole = Image.fromarray(turn(image.convert("L"), 1.4))
    for box in [(0, 0, 600, 400), (90, 140, 300, 180), (-20, -10, 50, 30), (580, 380, 640, 420)]:
        assert later.crop(box).tobytes() == whole.crop(box).tobytes(), box
    assert "turned" not in vars(later)
    assert later.tobytes() == whole.tobytes()  # any other use turns the whole page
    assert "turned" in vars(later)
    assert pickle.loads(pickle.dumps(TurnedLater(image, 0.0))).height == 400
