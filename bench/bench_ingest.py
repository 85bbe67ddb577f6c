"""Each input route of vbparse beside its peer on the same files, in one run.

    .venv/bin/python bench/bench_ingest.py [--repeat 5] [--scan STEM ...] [--dpi 300]
                                           [--only docx pdf scan]

Figures are CPU seconds (this process and the child processes it waited for: Tesseract),
which a shared machine disturbs less than the clock; the wall-clock seconds are printed too.
Each row gives vbparse's time, the peer's time on the same files and their ratio:

- ``docx reader`` / ``docx route``: ``read_document`` / ``parse_file`` (the reader and the
  whole pipeline, to the validated Document) on ``corpus/docx``; peer: python-docx alone
  (open the file, every paragraph's and every table cell's text). The reader keeps the parsed
  styles of the last few distinct styles parts (the five corpus files share one Word
  template); the ``(cold)`` rows forget them before every file, as for a batch whose
  documents share none.
- ``pdf reader`` / ``pdf route``: the same on ``corpus/pdf`` (text layer); peer: pdfplumber
  alone (``extract_text`` on every page).
- ``scan route``: ``parse_file`` on whole scanned PDFs of ``corpus/scan`` (OCR); peer:
  ``tesseract -l vie`` alone (the command line, ``OMP_THREAD_LIMIT=1``, ``--psm 3``) on the same
  pages rendered beforehand at the same dpi (rendering not timed); and, as a second peer, what
  a script calling Tesseract would do: pypdfium2 rendering + ``pytesseract.image_to_string``.

DOCX and PDF rows keep the fastest of ``--repeat`` rounds for each side (vbparse and the peer
alternate); scans run once, after one page image and one born-digital PDF have been parsed
untimed (OCR's and the PDF reader's imports and tables).
Every DOCX and PDF file is read once before timing (imports, grammars).
Prints figures; never asserts a speed. Figures of record: bench/RESULTS.md.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import vbparse
from vbparse.ingest import read_document
from vbparse.ingest.docx_package import forget_styles

CORPUS = Path(__file__).resolve().parents[1] / "corpus"
SCANS = ["000_3070b849d0d1c768", "004_a135c2dc3c7e6627"]  # a plain letter; a table annex
ROUTES = ["docx", "pdf", "scan"]


def cpu_seconds() -> float:
    """CPU time of this process (to the microsecond) and of its waited-for children
    (Tesseract runs as one; counted in clock ticks)."""
    children = os.times()
    return time.process_time() + children.children_user + children.children_system


def timed(fn: Callable[[Path], object], files: list[Path]) -> tuple[float, float]:
    """(CPU seconds, wall seconds) of ``fn`` over ``files``."""
    cpu, wall = cpu_seconds(), time.perf_counter()
    for path in files:
        fn(path)
    return cpu_seconds() - cpu, time.perf_counter() - wall


def pages_of(path: Path) -> int:
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


def render_pages(path: Path, folder: Path, dpi: int) -> list[Path]:
    """The PDF's pages as grayscale PNG files at ``dpi``, as vbparse renders them for OCR."""
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(path))
    images = []
    for index in range(len(pdf)):
        image = folder / f"{path.stem}-{index}.png"
        pdf[index].render(scale=dpi / 72, grayscale=True).to_pil().save(image)
        images.append(image)
    return images


def tesseract_cli(image: Path) -> None:
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    command = ["tesseract", str(image), "stdout", "-l", "vie", "--psm", "3"]
    subprocess.run(command, check=True, capture_output=True, env=env)


def pytesseract_script(path: Path, dpi: int) -> None:
    import pypdfium2 as pdfium
    import pytesseract

    os.environ["OMP_THREAD_LIMIT"] = "1"
    pdf = pdfium.PdfDocument(str(path))
    for index in range(len(pdf)):
        image = pdf[index].render(scale=dpi / 72, grayscale=True).to_pil()
        pytesseract.image_to_string(image, lang="vie")


def best_of(
    ours: Callable[[Path], object], peer: Callable[[Path], object], files: list[Path], repeat: int
) -> tuple[tuple[float, float], tuple[float, float]]:
    """The fastest round (by CPU) of each side, the two alternating round by round."""
    for path in files:  # imports, grammars, caches: paid once by any long run
        ours(path)
        peer(path)
    rounds_ours, rounds_peer = [], []
    for _ in range(repeat):
        rounds_ours.append(timed(ours, files))
        rounds_peer.append(timed(peer, files))
    return min(rounds_ours), min(rounds_peer)


def row(name: str, pages: int, ours: tuple[float, float], peer: tuple[float, float]) -> None:
    print(
        f"{name:<22} {pages:>5} {ours[0]:>9.2f} {peer[0]:>9.2f} {ours[0] / peer[0]:>7.2f}x"
        f" {ours[1]:>9.2f} {peer[1]:>9.2f} {ours[1] / peer[1]:>7.2f}x"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5, help="rounds for DOCX and PDF")
    parser.add_argument("--scan", nargs="*", default=SCANS, help="stems of corpus/scan/*.pdf")
    parser.add_argument("--dpi", type=int, default=300, help="OCR resolution (vbparse's default)")
    parser.add_argument(
        "--only", nargs="+", choices=ROUTES, default=ROUTES, help="the routes to measure (all)"
    )
    args = parser.parse_args()
    print(f"{'':<22} {'':>5} {'CPU s':^27} {'wall s':^27}")
    header = f"{'route (peer)':<22} {'pages':>5} {'vbparse':>9} {'peer':>9} {'ratio':>8}"
    print(header + f" {'vbparse':>9} {'peer':>9} {'ratio':>8}")
    if "docx" in args.only:
        docx_rows(args.repeat)
    if "pdf" in args.only:
        pdf_rows(args.repeat)
    if "scan" in args.only:
        scan_rows(args.scan, args.dpi)


def docx_rows(repeat: int) -> None:
    docx_files = sorted((CORPUS / "docx").glob("*.docx"))
    # A DOCX has no pages of its own: count those of the PDF printed from it.
    docx_pages = sum(pages_of(CORPUS / "pdf" / f"{p.stem}.pdf") for p in docx_files)
    ours, peer = best_of(read_document, docx_alone, docx_files, repeat)
    row("docx reader (docx)", docx_pages, ours, peer)
    ours, peer = best_of(vbparse.parse_file, docx_alone, docx_files, repeat)
    row("docx route (docx)", docx_pages, ours, peer)
    ours, peer = best_of(_cold(read_document), docx_alone, docx_files, repeat)
    row("docx reader (cold)", docx_pages, ours, peer)
    ours, peer = best_of(_cold(vbparse.parse_file), docx_alone, docx_files, repeat)
    row("docx route (cold)", docx_pages, ours, peer)


def _cold(read: Callable[[Path], object]) -> Callable[[Path], object]:
    """``read`` with the reader's kept styles forgotten first (a document of its own template)."""

    def cold(path: Path) -> object:
        forget_styles()
        return read(path)

    return cold


def pdf_rows(repeat: int) -> None:
    pdf_files = sorted((CORPUS / "pdf").glob("*.pdf"))
    pdf_pages = sum(pages_of(p) for p in pdf_files)
    ours, peer = best_of(read_document, pdfplumber_alone, pdf_files, repeat)
    row("pdf reader (plumber)", pdf_pages, ours, peer)
    ours, peer = best_of(vbparse.parse_file, pdfplumber_alone, pdf_files, repeat)
    row("pdf route (plumber)", pdf_pages, ours, peer)


def scan_rows(stems: list[str], dpi: int) -> None:
    scans = [CORPUS / "scan" / f"{stem}.pdf" for stem in stems]
    options = vbparse.ParseOptions(limits=vbparse.ReadLimits(dpi=dpi, time_limit_s=1e6))
    total = [0.0, 0.0, 0.0, 0.0, 0.0, 0.0]
    with tempfile.TemporaryDirectory(prefix="bench-ingest-") as tmp:
        # OCR's imports and repair tables, paid once by any long run: one page read untimed;
        # and the PDF reader's (pdfplumber, pdfminer): one born-digital PDF parsed untimed.
        vbparse.parse_file(render_pages(scans[0], Path(tmp), dpi)[0], options)
        vbparse.parse_file(sorted((CORPUS / "pdf").glob("*.pdf"))[0], options)
        for scan in scans:
            images = render_pages(scan, Path(tmp), dpi)
            ours = timed(lambda p: vbparse.parse_file(p, options), [scan])
            cli = timed(tesseract_cli, images)
            script = timed(lambda p: pytesseract_script(p, dpi), [scan])
            row(f"scan {scan.stem[:3]} (tesseract)", len(images), ours, cli)
            row(f"scan {scan.stem[:3]} (render+pyt)", len(images), ours, script)
            for i, value in enumerate((*ours, *cli, *script)):
                total[i] += value
    pages = sum(pages_of(s) for s in scans)
    row("scans (tesseract)", pages, (total[0], total[1]), (total[2], total[3]))
    row("scans (render+pyt)", pages, (total[0], total[1]), (total[4], total[5]))


if __name__ == "__main__":
    main()
