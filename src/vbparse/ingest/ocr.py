"""OCR of scanned pages and images (pytesseract, ``lang="vie"``), page by page.

Each page is rendered at ``OCR_DPI`` (scanned PDFs through pypdfium2, which comes with
pdfplumber), deskewed by the angle that makes its text lines sharpest, and read by Tesseract
with ``OMP_THREAD_LIMIT=1`` (one thread per page: parallelism belongs to vbparse's workers).
Words keep their boxes, so ``vbparse.ingest.layout`` reads columns and ruled tables as for a
PDF with a text layer; ruled tables are found from their rules (``vbparse.ingest.ruling``),
which are erased before Tesseract reads the page. The mean word confidence is kept, and the
repairs of ``ocr_repair`` are applied to the text. An image in which Tesseract finds no text
is an ``IngestError``.
"""

from __future__ import annotations

import contextlib
import os
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from vbparse.ingest import IngestError, RawText, ReadLimits
from vbparse.ingest.layout import read_pages, render
from vbparse.ingest.ocr_repair import repair_row_labels
from vbparse.ingest.ocr_zones import drop_colour, reread_signature_zone
from vbparse.ingest.page_model import Page, Table, Word
from vbparse.ingest.ruling import erase_rules, find_grid
from vbparse.ingest.safety import (
    MAX_IMAGE_PIXELS,
    MAX_PAGES,
    TIME_LIMIT_S,
    check_pixels,
    render_dpi,
)
from vbparse.ingest.table_cells import table_rows

OCR_DPI = 300
LANG = "vie"
TESSERACT_CONFIG = "--psm 3"
MAX_SKEW_DEG = 3.0
SKEW_STEP_DEG = 0.2
PAGE_TIMEOUT_S = 120
IMAGE_SUFFIXES = [".png", ".jpg", ".jpeg", ".tif", ".tiff"]


@dataclass
class OcrPage:
    """One page as Tesseract read it: positioned words (and tables) and mean confidence."""

    page: Page
    confidence: float


@contextlib.contextmanager
def _single_thread() -> Iterator[None]:
    """Run Tesseract with ``OMP_THREAD_LIMIT=1`` (pytesseract passes ``os.environ`` on)."""
    old = os.environ.get("OMP_THREAD_LIMIT")
    os.environ["OMP_THREAD_LIMIT"] = "1"
    try:
        yield
    finally:
        if old is None:
            os.environ.pop("OMP_THREAD_LIMIT", None)
        else:
            os.environ["OMP_THREAD_LIMIT"] = old


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


def estimate_skew(image: Any) -> float:
    """Angle (degrees) that straightens the text lines: the one whose row profile is sharpest."""
    import numpy as np
    from PIL import Image

    small = image if image.mode == "L" else image.convert("L")  # only read, never changed
    scale = 1000 / max(small.size)
    if scale < 1:
        small = small.resize((int(small.width * scale), int(small.height * scale)), Image.BILINEAR)
    best_angle, best_score = 0.0, -1.0
    steps = int(MAX_SKEW_DEG / SKEW_STEP_DEG)
    for k in range(-steps, steps + 1):
        angle = k * SKEW_STEP_DEG
        turned = small.rotate(angle, resample=Image.NEAREST, fillcolor=255)
        rows = np.count_nonzero(np.asarray(turned, dtype=np.uint8) < 128, axis=1).astype(float)
        score = float(np.sum(np.diff(rows) ** 2))
        if score > best_score:
            best_angle, best_score = angle, score
    return best_angle


def deskew(image: Any) -> Any:
    from PIL import Image

    angle = estimate_skew(image)
    if abs(angle) < SKEW_STEP_DEG / 2:
        return image
    return image.convert("L").rotate(angle, resample=Image.BICUBIC, fillcolor=255)


# Characters that, alone, make a word that is debris of an erased rule or a speck ("__", "._").
_DEBRIS = set("_|.,'‘’`")
# A cell the page's OCR left empty is read again on its own when it holds this much ink.
MIN_CELL_INK_PX = 40
CELL_INSET_PX = 6
CELL_CONFIG = "--psm 6"
# A word box narrower and lower than this share of the median word height is a speck.
SPECK_SHARE = 0.12


def _tesseract_data(images: list[Any], config: str) -> list[dict[str, list[Any]]]:
    """Tesseract's TSV data of each image (pytesseract's ``Output.DICT``), in one run.

    The images are handed over as uncompressed PGM files (pytesseract would write each as a
    PNG: 0.15 s of compression for a 300 dpi page), several at once through an image list,
    which Tesseract reads as the pages of one document: its language model is loaded once
    instead of once per image (0.15 s each). Tesseract reads each page on its own: the data
    are those of one run per image.
    """
    import tempfile

    import pytesseract

    with tempfile.TemporaryDirectory(prefix="vbparse-ocr-") as tmp:
        names = []
        for index, image in enumerate(images):
            name = os.path.join(tmp, f"{index}.pgm")
            image.save(name, format="PPM")  # mode L: a binary PGM
            names.append(name)
        source = names[0]
        if len(names) > 1:
            source = os.path.join(tmp, "images.txt")
            with open(source, "w", encoding="utf-8") as handle:
                handle.write("\n".join(names) + "\n")
        with _single_thread():
            data = pytesseract.image_to_data(
                source,
                lang=LANG,
                config=config,
                output_type=pytesseract.Output.DICT,
                timeout=PAGE_TIMEOUT_S,
            )
    pages: list[dict[str, list[Any]]] = [{key: [] for key in data} for _ in images]
    for row, page_num in enumerate(data["page_num"]):
        page = pages[int(page_num) - 1]
        for key, values in data.items():
            page[key].append(values[row])
    return pages


def _words(image: Any, config: str, dx: int = 0, dy: int = 0) -> tuple[list[Word], list[float]]:
    """Tesseract's words on an image (boxes shifted by dx, dy) and their confidences."""
    return _words_of(_tesseract_data([image], config)[0], dx, dy)


def _words_of(
    data: dict[str, list[Any]], dx: int = 0, dy: int = 0
) -> tuple[list[Word], list[float]]:
    """The words of Tesseract's data on one image (boxes shifted by dx, dy), and their
    confidences; specks and the debris of erased rules are dropped."""
    from vbparse.ingest.ocr_repair import repair_ocr_text

    heights = sorted(h for h, t in zip(data["height"], data["text"], strict=True) if t.strip())
    speck = SPECK_SHARE * (heights[len(heights) // 2] if heights else 0)
    words: list[Word] = []
    confidences: list[float] = []
    for i, text in enumerate(data["text"]):
        text = (text or "").strip()
        conf = float(data["conf"][i])
        if not text or conf < 0 or (conf < 50 and not any(c.isalnum() for c in text)):
            continue  # speckles read as punctuation
        if len(text) == 1 and not text.isdigit() and text not in "-–+•*" and conf < 80:
            continue  # a speck read as a lone letter
        if data["width"][i] < speck and data["height"][i] < speck:
            continue  # a speck of noise, whatever Tesseract made of it
        if set(text) <= _DEBRIS and set(text) & set("_|"):
            continue  # what is left of a rule
        left, top = data["left"][i] + dx, data["top"][i] + dy
        words.append(
            Word(repair_ocr_text(text), left, top, left + data["width"][i], top + data["height"][i])
        )
        confidences.append(conf)
    return words, confidences


def _reread_empty_cells(image: Any, cells: list[list[tuple]], words: list[Word]) -> list[Word]:
    """Words of the cells that hold ink but no word: short labels ("1.", "TT") in a narrow
    column, which Tesseract's page layout tends to drop, read cell by cell (in one run)."""
    import numpy as np

    ink = np.asarray(image, dtype=np.uint8) < 128
    boxes: list[tuple[int, int, int, int]] = []
    for row in cells:
        for x0, top, x1, bottom in row:
            if any(
                x0 <= (w.x0 + w.x1) / 2 <= x1 and top <= (w.top + w.bottom) / 2 <= bottom
                for w in words
            ):
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
    if not boxes:
        return []
    found: list[Word] = []
    crops = [image.crop(box) for box in boxes]
    for box, data in zip(boxes, _tesseract_data(crops, CELL_CONFIG), strict=True):
        found.extend(_words_of(data, box[0], box[1])[0])
    return found


def ocr_image(image: Any) -> OcrPage:
    """Deskew and read one page image; words in pixel coordinates.

    Coloured ink (seals, stamps) is whitened first, and the signature zone is read again on
    its own (``vbparse.ingest.ocr_zones``).
    A ruled table's rules are erased before reading; its cells left empty by the page's
    reading are read again one by one.
    """
    image = deskew(drop_colour(image))
    grid = find_grid(image)
    if grid is not None:
        image = erase_rules(image, grid)
    words, confidences = _words(image, TESSERACT_CONFIG)
    words, confidences = reread_signature_zone(image, words, confidences, _words)
    tables = []
    if grid is not None:
        cells = grid.cells()
        words += _reread_empty_cells(image, cells, words)
        top, bottom = grid.rows[0].at, grid.rows[-1].at
        left, right = grid.columns[0].at, grid.columns[-1].at
        rows = repair_row_labels(table_rows(cells, words))
        tables.append(Table(top, bottom, left, right, rows))
    page = Page(float(image.width), float(image.height), words, tables)
    confidence = sum(confidences) / len(confidences) if confidences else 0.0
    return OcrPage(page, confidence)


def ocr_pdf_pages(
    path: Path, indexes: list[int], *, dpi: int = OCR_DPI, time_limit_s: float = 600.0
) -> Iterator[tuple[int, OcrPage | None]]:
    """OCR the given pages (0-based) of a PDF, in order, until the time limit; ``None`` for
    a page too large to render (see ``safety.render_dpi``). A page larger than the pixel
    limit at ``dpi`` is rendered at the resolution that fits it."""
    import pypdfium2 as pdfium

    check_tesseract()
    started = time.monotonic()
    pdf = pdfium.PdfDocument(str(path))
    try:
        for index in indexes:
            if time.monotonic() - started > time_limit_s:
                return
            page = pdf[index]
            width, height = page.get_size()  # points, /UserUnit applied
            page_dpi = render_dpi(width, height, dpi)
            if page_dpi is None:
                yield index, None
                continue
            # In colour: seals, stamps and handwriting are told from print by their colour.
            bitmap = page.render(scale=page_dpi / 72)
            yield index, ocr_image(bitmap.to_pil())
    finally:
        pdf.close()


@contextlib.contextmanager
def _no_bomb_warning() -> Iterator[None]:
    """Pillow warns (on stderr) about images past half its limit: ``check_pixels`` decides."""
    import warnings

    from PIL import Image

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", Image.DecompressionBombWarning)
        yield


def read_image(path: Path, limits: ReadLimits | None = None) -> RawText:
    """OCR an image file (a multi-page TIFF gives one page per frame)."""
    from PIL import Image, UnidentifiedImageError

    limits = limits or ReadLimits()
    if limits.ocr == "off":
        raise IngestError("an image needs OCR, and --ocr off: nothing to read")
    max_pages = limits.max_pages or MAX_PAGES
    time_limit = limits.time_limit_s or TIME_LIMIT_S
    check_tesseract()
    Image.MAX_IMAGE_PIXELS = MAX_IMAGE_PIXELS  # Pillow's own bomb check, at our limit
    cut: list[str] = []
    results: list[OcrPage] = []
    try:
        with _no_bomb_warning(), Image.open(path) as image:
            total = getattr(image, "n_frames", 1)
            if total > max_pages:
                cut.append(f"only the first {max_pages} of {total} pages were read")
            started = time.monotonic()
            # Frame by frame: only the frame being read is decoded (a TIFF of 100 large
            # frames, copied all at once, took GBs).
            for index in range(min(total, max_pages)):
                if time.monotonic() - started > time_limit:
                    cut.append(
                        f"time limit {time_limit:.0f} s reached: read {index} of {total} pages"
                    )
                    break
                image.seek(index)
                check_pixels(*image.size, f"page {index + 1}" if total > 1 else "image")
                results.append(ocr_image(image))
    except Image.DecompressionBombError as exc:
        raise IngestError(
            f"image larger than the limit of {MAX_IMAGE_PIXELS // 1_000_000} million pixels ({exc})"
        ) from None
    except (UnidentifiedImageError, OSError, EOFError) as exc:
        raise IngestError(f"not a readable image ({exc})") from exc
    blocks = read_pages([r.page for r in results])
    text, page_starts = render(blocks)
    if not text.strip():
        raise IngestError("image with no text (OCR found nothing)")
    from vbparse.ingest.ocr_repair import repair_page_text

    text = repair_page_text(text)
    confidences = [r.confidence for r in results if r.page.words]
    return RawText(
        text=text,
        format="image",
        pages=len(results),
        page_starts=page_starts,
        ocr=True,
        ocr_confidence=sum(confidences) / len(confidences) if confidences else None,
        warnings=list(cut),
        cut=cut,
    )
