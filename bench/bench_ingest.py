"""Pages per second for each ingest route, beside the underlying tool alone on the same files.

    .venv/bin/python bench/bench_ingest.py [--scan STEM ...]

Routes: DOCX (python-docx alone: open + every paragraph's and cell's text), PDF text layer
(pdfplumber alone: ``extract_text`` per page), scanned PDF (Tesseract alone: pypdfium2
rendering at 300 dpi + ``image_to_string`` per page, on every page of the same scans). The
difference between the two columns is vbparse's own work (reading order, tables, numbering;
for scans deskew, finding and erasing table rules, re-reading empty cells, repairs).
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


def tesseract_alone(path: Path) -> None:
    import pypdfium2 as pdfium
    import pytesseract

    os.environ["OMP_THREAD_LIMIT"] = "1"
    pdf = pdfium.PdfDocument(str(path))
    for index in range(len(pdf)):
        image = pdf[index].render(scale=300 / 72, grayscale=True).to_pil()
        pytesseract.image_to_string(image, lang="vie")


def timed(fn, *args) -> float:
    start = time.perf_counter()
    fn(*args)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--scan",
        nargs="*",
        default=["000_3070b849d0d1c768", "004_a135c2dc3c7e6627"],
        help="stems of corpus/scan/*.pdf to time (whole files; a plain page and a table)",
    )
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

    # Scanned: the same whole files for vbparse and for Tesseract alone.
    for stem in args.scan:
        scan = CORPUS / "scan" / f"{stem}.pdf"
        pages = _pages_pdf(scan)
        ours = timed(read_document, scan)
        tool = timed(tesseract_alone, scan)
        print(
            f"{'scan ' + stem[:3]:<14} {pages:>5} {pages / ours:>12.2f} {pages / tool:>15.2f} "
            f"{ours / tool:>8.2f}x"
        )


if __name__ == "__main__":
    main()
