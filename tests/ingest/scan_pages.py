"""Pages of the corpus's scans as images, and an OCR reading as a comparable tuple, for the
tests that compare two ways of reading the same pages."""

from __future__ import annotations

from pathlib import Path

from vbparse.ingest import ocr

CORPUS = Path(__file__).resolve().parents[2] / "corpus"


def scan_page(stem: str, index: int, dpi: int = 200):
    """Page ``index`` of ``corpus/scan/<stem>.pdf`` rendered at ``dpi``, as a Pillow image."""
    import pypdfium2 as pdfium

    page = pdfium.PdfDocument(str(CORPUS / "scan" / f"{stem}.pdf"))[index]
    return page.render(scale=dpi / 72).to_pil()


def reading(result: ocr.OcrPage, *, notes: bool = False) -> tuple:
    """What a reading of a page holds: its words with their boxes, its tables, its
    confidence (and its notes)."""
    page = result.page
    held = (
        [(w.text, w.x0, w.top, w.x1, w.bottom) for w in page.words],
        [(t.top, t.bottom, t.x0, t.x1, t.rows) for t in page.tables],
        result.confidence,
    )
    return (*held, result.notes) if notes else held
