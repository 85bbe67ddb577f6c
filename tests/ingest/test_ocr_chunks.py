"""OCR pages read a chunk to a Tesseract run: the same words as one run per page, in order,
within the time limit."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from scan_pages import reading, scan_page

from vbparse.ingest import deskew, ocr

CORPUS = Path(__file__).resolve().parents[2] / "corpus"

needs_tesseract = pytest.mark.skipif(
    shutil.which("tesseract") is None,
    reason="tesseract binary not installed (Debian: tesseract-ocr tesseract-ocr-vie)",
)


@needs_tesseract
def test_ocr_chunks_pages_read_together_as_one_by_one():
    # A page with a ruled table whose row labels are read cell by cell (seed 004's
    # appendix), and a last page with a signature zone read again on its own (seed 000).
    images = [scan_page("004_a135c2dc3c7e6627", 5), scan_page("000_3070b849d0d1c768", 1)]
    prepared = [ocr.prepare(image) for image in images]
    together = [reading(r) for r in ocr.read_prepared(prepared)]
    alone = [reading(ocr.read_prepared([p])[0]) for p in prepared]
    assert together == alone
    assert together[0][1] and any(w[0] == "TT" for w in together[0][0])  # the table's labels


def _fakes(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """``prepare`` and ``read_prepared`` without Tesseract; the sizes of the runs made."""
    runs: list[int] = []

    def read(pages):
        runs.append(len(pages))
        return [ocr.OcrPage(ocr.Page(10.0, 10.0, [], []), float(p.image.width)) for p in pages]

    monkeypatch.setattr(ocr, "prepare", lambda image: ocr.Prepared(image, None))
    monkeypatch.setattr(ocr, "read_prepared", read)
    return runs


def _images(count: int):
    from PIL import Image

    return iter((k, None if k == 2 else Image.new("L", (k + 1, 1), 255)) for k in range(count))


def test_ocr_chunks_sizes_order_and_unread_pages(monkeypatch):
    runs = _fakes(monkeypatch)
    monkeypatch.setattr(ocr, "CHUNK_PAGES", 4)
    read = list(ocr.read_in_chunks(_images(10), 600.0))
    assert [k for k, _ in read] == list(range(10))
    assert [r is None for _, r in read] == [k == 2 for k in range(10)]
    assert [r.confidence for _, r in read if r] == [k + 1.0 for k in range(10) if k != 2]
    assert runs == [3, 4, 2]  # chunks of 4 pages, the page not to read counted, not read


def test_ocr_chunks_pixel_limit(monkeypatch):
    runs = _fakes(monkeypatch)
    monkeypatch.setattr(ocr, "CHUNK_PIXELS", 5)  # pages 0-9 hold 1..10 pixels
    list(ocr.read_in_chunks(_images(6), 600.0))
    assert runs == [3, 1, 1]  # 1+2+4 (page 2 unread) reach 5, then 5 alone, then 6 alone


def test_ocr_chunks_no_page_taken_after_the_time_limit(monkeypatch):
    runs = _fakes(monkeypatch)
    clock = iter(range(100))
    monkeypatch.setattr(ocr.time, "monotonic", lambda: float(next(clock)))
    # Started at 0, each look at the clock one second later: pages 0-2 are taken.
    read = list(ocr.read_in_chunks(_images(10), 3.0))
    assert [k for k, _ in read] == [0, 1, 2]
    assert runs == [2]


def test_ocr_chunks_coarse_skew_search_as_every_step():
    """The coarse-to-fine angle search picks the angle that trying every step picks."""
    import pypdfium2 as pdfium

    from vbparse.ingest.ocr_zones import drop_colour

    steps = int(deskew.MAX_SKEW_DEG / deskew.SKEW_STEP_DEG)
    for path in sorted((CORPUS / "scan").glob("*.pdf")):
        pdf = pdfium.PdfDocument(str(path))
        for index in range(min(2, len(pdf))):
            page = drop_colour(pdf[index].render(scale=300 / 72).to_numpy())
            ink = deskew._search_copy(page)
            every = [
                deskew._sharpness(ink, k * deskew.SKEW_STEP_DEG) for k in range(-steps, steps + 1)
            ]
            best = (every.index(max(every)) - steps) * deskew.SKEW_STEP_DEG
            assert deskew.estimate_skew(page) == best, (path.name, index)


@needs_tesseract
def test_ocr_chunks_tsv_read_as_pytesseract_reads_it():
    """Tesseract's TSV, read column by column, gives pytesseract's ``Output.DICT``: on a real
    scan page (seed 004's table page, 200 dpi), and on the shapes pytesseract mends (a last
    row short of its empty text) or reads cell by cell (a ragged row, a cell not a number)."""
    import pytesseract
    from pytesseract.pytesseract import file_to_dict

    from vbparse.ingest.ocr_words import tsv_columns

    tsv = pytesseract.image_to_data(scan_page("004_a135c2dc3c7e6627", 5), lang="vie")
    header = "level\tpage_num\tleft\tconf\ttext"
    for case in [
        tsv,
        f"{header}\n1\t1\t0\t-1\t\n5\t1\t12\t96.4\tSố",
        f"{header}\n5\t1\t12\t96.4\tSố\n5\t1\t40\t91.9",
        f"{header}\n5\t1\t12\t96.4\tSố\n5\t1\n5\t1\t8\t50\tx",
        f"{header}\n5\t1\tx\t96.4\tSố",
        header,
    ]:
        assert tsv_columns(case) == file_to_dict(case, "\t", -1)


@needs_tesseract
def test_ocr_chunks_cells_missed_ahead_read_after(monkeypatch: pytest.MonkeyPatch):
    """The empty cells are read ahead, in the signature zones' run, from the page's own
    words; a cell found empty only after the zone and the header slots are merged is read
    in a run of its own, to the same words: on seed 004's table page, with nothing read
    ahead, every cell goes that way and the page reads as before."""
    prepared = [ocr.prepare(scan_page("004_a135c2dc3c7e6627", 5))]
    expected = [reading(r) for r in ocr.read_prepared(prepared)]
    boxes = ocr._empty_cell_boxes
    calls: list[int] = []

    def late(ink, cells, words):
        calls.append(1)
        return boxes(ink, cells, words) if len(calls) > 1 else []

    monkeypatch.setattr(ocr, "_empty_cell_boxes", late)
    assert [reading(r) for r in ocr.read_prepared(prepared)] == expected
    assert len(calls) == 2 and any(w[0] == "TT" for w in expected[0][0])
