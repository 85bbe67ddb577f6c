"""Pages per second for each ingest route, beside the underlying tool alone on the same files.

    .venv/bin/python bench/bench_ingest.py [--ocr-pages N]

Routes: DOCX (python-docx alone: open + every paragraph's and cell's text), PDF text layer
(pdfplumber alone: ``extract_text`` per page), scanned PDF (Tesseract alone: pypdfium2
rendering at 300 dpi + ``image_to_string`` per page). The difference between the two
columns is vbparse's own work (reading order, tables, numbering, deskew, repairs).
Prints figures; never asserts a speed.
"""

from __future__ import annotations

import argparse
import os
import time
from pathlib import Path

from vbparse.ingest import read_document

CORPUS = Path(__file__).resolve().parents[1] / "corpus"


def _pages_pdf(path: Path) -> int:
    import pypdfium2 as pdfium

    return len(pdfium.PdfDocument(str(path)))


def docx_alone(path: Path) -> None:
    import docx

    document = docx.Document(str(path))
    _ = [p.text for p in document.paragraphs]
    _ = [c.text for t in document.tables for r in t.rows for c in r.cells]


def pdfplumber_alone(path: Path) -> None:
    import pdfplumber

    with pdfplumber.open(str(path)) as pdf:
        for page in pdf.pages:
            page.extract_text()


def tesseract_alone(path: Path, limit: int) -> None:
    import pypdfium2 as pdfium
    import pytesseract

    os.environ["OMP_THREAD_LIMIT"] = "1"
    pdf = pdfium.PdfDocument(str(path))
    for index in range(min(limit, len(pdf))):
        image = pdf[index].render(scale=300 / 72, grayscale=True).to_pil()
        pytesseract.image_to_string(image, lang="vie")


def timed(fn, *args) -> float:
    start = time.perf_counter()
    fn(*args)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ocr-pages", type=int, default=4, help="scanned pages to time")
    args = parser.parse_args()
    print(f"{'route':<14} {'pages':>5} {'vbparse p/s':>12} {'tool alone p/s':>15} {'overhead':>9}")

    docx_files = sorted((CORPUS / "docx").glob("*.docx"))
    pdf_files = sorted((CORPUS / "pdf").glob("*.pdf"))
    # A DOCX has no pages of its own: count those of the PDF printed from it.
    docx_pages = sum(_pages_pdf(CORPUS / "pdf" / f"{p.stem}.pdf") for p in docx_files)
    ours = sum(timed(read_document, p) for p in docx_files)
    tool = sum(timed(docx_alone, p) for p in docx_files)
    print(
        f"{'docx':<14} {docx_pages:>5} {docx_pages / ours:>12.1f} {docx_pages / tool:>15.1f} "
        f"{ours / tool:>8.2f}x"
    )

    pdf_pages = sum(_pages_pdf(p) for p in pdf_files)
    ours = sum(timed(read_document, p) for p in pdf_files)
    tool = sum(timed(pdfplumber_alone, p) for p in pdf_files)
    print(
        f"{'pdf text':<14} {pdf_pages:>5} {pdf_pages / ours:>12.1f} {pdf_pages / tool:>15.1f} "
        f"{ours / tool:>8.2f}x"
    )

    # Scanned: the first seed's scan (whole file) for vbparse; Tesseract alone on its pages.
    scan = CORPUS / "scan" / "000_3070b849d0d1c768.pdf"
    pages = min(_pages_pdf(scan), args.ocr_pages)
    ours = timed(read_document, scan)
    tool = timed(tesseract_alone, scan, pages)
    print(
        f"{'scan (OCR)':<14} {pages:>5} {pages / ours:>12.2f} {pages / tool:>15.2f} "
        f"{ours / tool:>8.2f}x"
    )


if __name__ == "__main__":
    main()
