"""OCR of scanned pages and images (pytesseract, ``lang="vie"``), page by page.

Each page is rendered at ``OCR_DPI`` (scanned PDFs through pypdfium2, which comes with
pdfplumber), deskewed by the angle that makes its text lines sharpest
(``vbparse.ingest.deskew``), and read by Tesseract with ``OMP_THREAD_LIMIT=1`` (one thread:
parallelism belongs to vbparse's workers). Up to ``CHUNK_PAGES`` pages share each Tesseract
run (``vbparse.ingest.ocr_words``): the pages in one, their signature zones and empty table
cells in a second. Tesseract runs in this process where its library can be loaded
(``vbparse.ingest.tesseract_api``: the model loaded once per process), else as a command.
Words keep their boxes, so ``vbparse.ingest.layout`` reads columns and ruled tables as for a
PDF with a text layer; ruled tables are found from their rules (``vbparse.ingest.ruling``),
which are erased before Tesseract reads the page. The mean word confidence is kept, and the
repairs of ``ocr_repair`` are applied to the text. Image files and a Word file's page
pictures are read through ``vbparse.ingest.ocr_files``.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from vbparse.ingest import IngestError
from vbparse.ingest.deskew import TurnedLater, estimate_skew, turn
from vbparse.ingest.ocr_repair import repair_row_labels
from vbparse.ingest.ocr_slots import fill_slots
from vbparse.ingest.ocr_words import LANG, Crop, read_crops, tesseract_data, words_of
from vbparse.ingest.ocr_zones import (
    merge_zone_words,
    read_zones,
    signature_crop,
    split_ink,
)
from vbparse.ingest.page_model import Box, Page, Table, Word
from vbparse.ingest.ruling import Grid, erase_rules, find_grid
from vbparse.ingest.safety import (
    render_dpi,
)
from vbparse.ingest.scan_render import render_page
from vbparse.ingest.table_cells import row_contents, table_rows

OCR_DPI = 300
TESSERACT_CONFIG = "--psm 3"
# Pages of a PDF or frames of an image read in one Tesseract run (the language model is
# loaded once a run); the time limit is checked between such chunks.
CHUNK_PAGES = 8
# ... and no more pixels than eight A4 pages at 300 dpi, kept in memory until read.
CHUNK_PIXELS = 8 * 2480 * 3508
IMAGE_SUFFIXES = [".png", ".jpg", ".jpeg", ".tif", ".tiff"]


@dataclass
class OcrPage:
    """One page as Tesseract read it: positioned words (and tables) and mean confidence;
    ``notes``: warnings about what was read (a number or day read from handwriting)."""

    page: Page
    confidence: float
    notes: list[str] = field(default_factory=list)


_TESSERACT_FOUND: list[bool] = []  # set once Tesseract has been found in this process


def check_tesseract() -> None:
    """Raise ``IngestError`` unless Tesseract and its Vietnamese data are installed (asked
    once per process: ``tesseract --list-langs`` costs as much as OCR of a small image)."""
    if _TESSERACT_FOUND:
        return
    import pytesseract

    try:
        langs = pytesseract.get_languages(config="")
    except (pytesseract.TesseractNotFoundError, OSError) as exc:
        raise IngestError(
            "OCR needs Tesseract: install the Debian packages tesseract-ocr tesseract-ocr-vie"
        ) from exc
    if LANG not in langs:
        raise IngestError("OCR needs Tesseract's Vietnamese data: install tesseract-ocr-vie")
    _TESSERACT_FOUND.append(True)


# A cell the page's OCR left empty is read again on its own when it holds this much ink.
MIN_CELL_INK_PX = 40
CELL_INSET_PX = 6
# (the signature zone's: the two are read in one run)
CELL_CONFIG = "--psm 6"

# What the tests of one run against one run per image call (``ocr_words`` holds them).
_tesseract_data = tesseract_data
_words_of = words_of


def _words(image: Any, config: str, dx: int = 0, dy: int = 0) -> tuple[list[Word], list[float]]:
    """Tesseract's words on an image (boxes shifted by dx, dy) and their confidences."""
    return read_crops([(image, dx, dy)], config)[0]


@dataclass
class Prepared:
    """A page made ready for Tesseract: greyscale, deskewed, its ruled table's rules erased;
    ``ink``: the same page deskewed with its coloured ink kept (the header's handwritten
    number and day are read from it, ``vbparse.ingest.ocr_slots``)."""

    image: Any
    grid: Grid | None
    ink: Any = None


def prepare(image: Any) -> Prepared:
    """Whiten coloured ink (seals, stamps), deskew, find a ruled table and erase its rules.
    ``image``: a Pillow image, or pdfium's rendering as a BGR array (``ocr_pdf_pages``);
    the page is worked on as arrays (OpenCV, numpy) and handed on as a Pillow image."""
    from PIL import Image

    grey, page = split_ink(image)
    angle = estimate_skew(page)
    page = turn(page, angle)
    ink = TurnedLater(grey, angle)
    grid = find_grid(page)
    if grid is not None:
        page = erase_rules(page, grid)
    return Prepared(Image.fromarray(page), grid, ink)


def _empty_cell_boxes(ink: Any, cells: list[list[tuple]], words: list[Word]) -> list[Box]:
    """The boxes (inset) of the cells that hold ink (``ink``: the page's dark pixels) but no
    word: short labels ("1.", "TT") in a narrow column, which Tesseract's page layout tends
    to drop, to be read cell by cell."""
    boxes: list[Box] = []
    for row in cells:
        # (the cells' words as the table's text takes them: only those level with the row)
        for (x0, top, x1, bottom), inside in row_contents(row, words):
            if inside:
                continue
            box = (
                int(x0) + CELL_INSET_PX,
                int(top) + CELL_INSET_PX,
                int(x1) - CELL_INSET_PX,
                int(bottom) - CELL_INSET_PX,
            )
            if box[2] <= box[0] or box[3] <= box[1]:
                continue
            if ink[box[1] : box[3], box[0] : box[2]].sum() < MIN_CELL_INK_PX:
                continue
            boxes.append(box)
    return boxes


def _dark(image: Any) -> Any:
    import numpy as np

    return np.asarray(image, dtype=np.uint8) < 128


def read_prepared(pages: list[Prepared]) -> list[OcrPage]:
    """Read prepared pages, in two or three Tesseract runs shared by all of them.

    The pages are read first; then the signature zone of each page that has one is read
    again on its own (``vbparse.ingest.ocr_zones``), and, in the same run, the cells of
    ruled tables that the page's reading left empty. Each page's words are those of reading
    it alone.
    """
    found = [words_of(data) for data in tesseract_data([p.image for p in pages], TESSERACT_CONFIG)]
    zones = [(k, signature_crop(p.image, found[k][0])) for k, p in enumerate(pages)]
    zones_found = [(k, zone) for k, zone in zones if zone is not None]
    cells = [p.grid.cells() if p.grid is not None else [] for p in pages]
    inks = [_dark(p.image) if cells[k] else None for k, p in enumerate(pages)]
    # The cells left empty are read in the zones' run (one model load less): those the
    # page's words leave empty, which the zone's words and the header's slots, merged
    # below, almost never reach into; a cell they change is read in a run of its own.
    guessed = [_empty_cell_boxes(inks[k], cells[k], found[k][0]) for k in range(len(pages))]
    zone_words = read_zones([(crop, box[0], box[1]) for _, (box, crop) in zones_found], read_crops)
    for (k, (box, _)), read in zip(zones_found, zone_words, strict=True):
        found[k] = merge_zone_words(*found[k], box, *read)
    crops = [_crop(pages[k], b) for k, boxes in enumerate(guessed) for b in boxes]
    extra = iter(read_crops(crops, CELL_CONFIG))
    cell_words = [{b: next(extra)[0] for b in boxes} for boxes in guessed]
    filled = [
        fill_slots(*found[k], p.ink) if p.ink is not None else (*found[k], [])
        for k, p in enumerate(pages)
    ]
    found = [(words, confidences) for words, confidences, _ in filled]
    final = [_empty_cell_boxes(inks[k], cells[k], found[k][0]) for k in range(len(pages))]
    _read_changed_cells(pages, final, cell_words)
    results = []
    for k, page in enumerate(pages):
        words, confidences = found[k]
        for box in final[k]:
            words = words + cell_words[k][box]
        tables = []
        if page.grid is not None:
            grid = page.grid
            rows = repair_row_labels(table_rows(cells[k], words))
            top, bottom = grid.rows[0].at, grid.rows[-1].at
            left, right = grid.columns[0].at, grid.columns[-1].at
            tables.append(Table(top, bottom, left, right, rows))
        image = page.image
        confidence = sum(confidences) / len(confidences) if confidences else 0.0
        results.append(
            OcrPage(
                Page(float(image.width), float(image.height), words, tables),
                confidence,
                filled[k][2],
            )
        )
    return results


def _crop(page: Prepared, box: Box) -> Crop:
    return page.image.crop(box), int(box[0]), int(box[1])


def _read_changed_cells(
    pages: list[Prepared], final: list[list[Box]], cell_words: list[dict[Box, list[Word]]]
) -> None:
    """Read, in one run, the empty cells of ``final`` not read yet, into ``cell_words``."""
    missing = [(k, b) for k, boxes in enumerate(final) for b in boxes if b not in cell_words[k]]
    crops = [_crop(pages[k], b) for k, b in missing]
    for (k, box), (words, _) in zip(missing, read_crops(crops, CELL_CONFIG), strict=True):
        cell_words[k][box] = words


def ocr_image(image: Any) -> OcrPage:
    """Deskew and read one page image; words in pixel coordinates (``read_prepared``)."""
    return read_prepared([prepare(image)])[0]


def read_in_chunks(
    images: Iterator[tuple[int, Any | None]], time_limit_s: float
) -> Iterator[tuple[int, OcrPage | None]]:
    """Prepare and read the page images given (index, image; ``None`` for a page not to
    read, given back as ``None``), in order, a chunk of pages to a Tesseract run (up to
    ``CHUNK_PAGES`` pages or ``CHUNK_PIXELS``); no page is taken after ``time_limit_s``
    seconds, and those already prepared are read."""
    started = time.monotonic()
    chunk: list[tuple[int, Prepared | None]] = []
    pixels = 0
    while time.monotonic() - started <= time_limit_s:
        item = next(images, None)
        if item is None:
            break
        index, image = item
        prepared = None if image is None else prepare(image)
        chunk.append((index, prepared))
        pixels += 0 if prepared is None else prepared.image.width * prepared.image.height
        if len(chunk) >= CHUNK_PAGES or pixels >= CHUNK_PIXELS:
            yield from _read_chunk(chunk)
            chunk, pixels = [], 0
    yield from _read_chunk(chunk)


def _read_chunk(chunk: list[tuple[int, Prepared | None]]) -> Iterator[tuple[int, OcrPage | None]]:
    to_read = [p for _, p in chunk if p is not None]
    pages = iter(read_prepared(to_read) if to_read else [])
    for index, prepared in chunk:
        yield index, None if prepared is None else next(pages)


def ocr_pdf_pages(
    path: Path, indexes: list[int], *, dpi: int = OCR_DPI, time_limit_s: float = 600.0
) -> Iterator[tuple[int, OcrPage | None]]:
    """OCR the given pages (0-based) of a PDF, in order, until the time limit; ``None`` for
    a page too large to render (see ``safety.render_dpi``). A page larger than the pixel
    limit at ``dpi`` is rendered at the resolution that fits it."""
    import pypdfium2 as pdfium

    check_tesseract()
    pdf = pdfium.PdfDocument(str(path))

    def rendered() -> Iterator[tuple[int, Any | None]]:
        for index in indexes:
            page = pdf[index]
            width, height = page.get_size()  # points, /UserUnit applied
            page_dpi = render_dpi(width, height, dpi)
            # In colour, unless the page is a greyscale scan alone: seals, stamps and
            # handwriting are told from print by their colour (``scan_render``).
            yield index, None if page_dpi is None else render_page(page, page_dpi)

    try:
        yield from read_in_chunks(rendered(), time_limit_s)
    finally:
        pdf.close()
