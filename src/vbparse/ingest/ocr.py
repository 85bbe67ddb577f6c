"""OCR of scanned pages and images (pytesseract, ``lang="vie"``), page by page.

Each page is rendered at ``OCR_DPI`` (scanned PDFs through pypdfium2, which comes with
pdfplumber), deskewed by the angle that makes its text lines sharpest, and read by Tesseract
with ``OMP_THREAD_LIMIT=1`` (one thread per page: parallelism belongs to vbparse's workers).
Words keep their boxes, so ``vbparse.ingest.layout`` reads columns and ruled tables as for a
PDF with a text layer; ruled tables are found from the page's long horizontal and vertical
lines. The mean word confidence is kept, and the repairs of ``ocr_repair`` are applied to
the text. An image in which Tesseract finds no text is an ``IngestError``.
"""

from __future__ import annotations

import contextlib
import itertools
import os
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from vbparse.ingest import IngestError, RawText
from vbparse.ingest.layout import Page, Table, Word, group_lines, read_pages, render

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


def check_tesseract() -> None:
    """Raise ``IngestError`` unless Tesseract and its Vietnamese data are installed."""
    import pytesseract

    try:
        langs = pytesseract.get_languages(config="")
    except (pytesseract.TesseractNotFoundError, OSError) as exc:
        raise IngestError(
            "OCR needs Tesseract: install the Debian packages tesseract-ocr tesseract-ocr-vie"
        ) from exc
    if LANG not in langs:
        raise IngestError("OCR needs Tesseract's Vietnamese data: install tesseract-ocr-vie")


def _dark(image: Any) -> Any:
    """Boolean array, True where the page is ink."""
    import numpy as np

    gray = np.asarray(image.convert("L"), dtype=np.uint8)
    return gray < 128


def estimate_skew(image: Any) -> float:
    """Angle (degrees) that straightens the text lines: the one whose row profile is sharpest."""
    import numpy as np
    from PIL import Image

    small = image.convert("L")
    scale = 1000 / max(small.size)
    if scale < 1:
        small = small.resize((int(small.width * scale), int(small.height * scale)), Image.BILINEAR)
    best_angle, best_score = 0.0, -1.0
    steps = int(MAX_SKEW_DEG / SKEW_STEP_DEG)
    for k in range(-steps, steps + 1):
        angle = k * SKEW_STEP_DEG
        turned = small.rotate(angle, resample=Image.NEAREST, fillcolor=255)
        rows = (np.asarray(turned, dtype=np.uint8) < 128).sum(axis=1).astype(float)
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


def _runs(mask: Any, length: int, axis: int) -> Any:
    """Boolean per row (axis=1) or column (axis=0): has a run of ink at least ``length`` long."""
    import numpy as np

    data = mask if axis == 1 else mask.T
    padded = np.concatenate(
        [np.zeros((data.shape[0], 1), dtype=np.int32), np.cumsum(data, axis=1, dtype=np.int32)],
        axis=1,
    )
    if data.shape[1] <= length:
        return np.zeros(data.shape[0], dtype=bool)
    windows = padded[:, length:] - padded[:, :-length]
    return (windows >= length * 0.95).any(axis=1)


def _positions(flags: Any) -> list[int]:
    """Middles of the runs of True in a 1-D boolean array."""
    out, start = [], None
    for i, flag in enumerate([*list(flags), False]):
        if flag and start is None:
            start = i
        elif not flag and start is not None:
            out.append((start + i - 1) // 2)
            start = None
    return out


def find_ruled_tables(image: Any) -> list[tuple[list[int], list[int]]]:
    """Grids of ruled tables on a page image: (row boundaries y, column boundaries x)."""
    mask = _dark(image)
    width = mask.shape[1]
    horizontal = _positions(_runs(mask, max(width // 4, 50), axis=1))
    if len(horizontal) < 2:
        return []
    top, bottom = horizontal[0], horizontal[-1]
    band = mask[top : bottom + 1]
    vertical = _positions(_runs(band, max((bottom - top) // 2, 30), axis=0))
    if len(vertical) < 3:
        return []

    # Merge boundaries closer than a few pixels (a thick rule seen twice).
    def squash(values: list[int]) -> list[int]:
        out: list[int] = []
        for v in values:
            if not out or v - out[-1] > 8:
                out.append(v)
        return out

    return [(squash(horizontal), squash(vertical))]


def _tables_from_words(grids: list[tuple[list[int], list[int]]], words: list[Word]) -> list[Table]:
    tables = []
    for rows_y, cols_x in grids:
        rows: list[list[str]] = []
        for y0, y1 in itertools.pairwise(rows_y):
            row = []
            for x0, x1 in itertools.pairwise(cols_x):
                inside = [
                    w
                    for w in words
                    if x0 <= (w.x0 + w.x1) / 2 <= x1 and y0 <= (w.top + w.bottom) / 2 <= y1
                ]
                row.append(" ".join(line.text for line in group_lines(inside)) if inside else "")
            rows.append(row)
        tables.append(Table(rows_y[0], rows_y[-1], cols_x[0], cols_x[-1], rows))
    return tables


def ocr_image(image: Any) -> OcrPage:
    """Deskew and read one page image; words in pixel coordinates."""
    import pytesseract

    from vbparse.ingest.ocr_repair import repair_ocr_text

    image = deskew(image.convert("L"))
    with _single_thread():
        data = pytesseract.image_to_data(
            image,
            lang=LANG,
            config=TESSERACT_CONFIG,
            output_type=pytesseract.Output.DICT,
            timeout=PAGE_TIMEOUT_S,
        )
    words: list[Word] = []
    confidences: list[float] = []
    for i, text in enumerate(data["text"]):
        text = (text or "").strip()
        conf = float(data["conf"][i])
        if not text or conf < 0 or (conf < 50 and not any(c.isalnum() for c in text)):
            continue  # speckles read as punctuation
        if len(text) == 1 and not text.isdigit() and text not in "-–+•*" and conf < 80:
            continue  # a speck read as a lone letter
        left, top = data["left"][i], data["top"][i]
        words.append(
            Word(repair_ocr_text(text), left, top, left + data["width"][i], top + data["height"][i])
        )
        confidences.append(conf)
    tables = _tables_from_words(find_ruled_tables(image), words)
    page = Page(float(image.width), float(image.height), words, tables)
    confidence = sum(confidences) / len(confidences) if confidences else 0.0
    return OcrPage(page, confidence)


def ocr_pdf_pages(
    path: Path, indexes: list[int], *, dpi: int = OCR_DPI, time_limit_s: float = 600.0
) -> Iterator[tuple[int, OcrPage]]:
    """OCR the given pages (0-based) of a PDF, in order, until the time limit."""
    import pypdfium2 as pdfium

    check_tesseract()
    started = time.monotonic()
    pdf = pdfium.PdfDocument(str(path))
    try:
        for index in indexes:
            if time.monotonic() - started > time_limit_s:
                return
            bitmap = pdf[index].render(scale=dpi / 72, grayscale=True)
            yield index, ocr_image(bitmap.to_pil())
    finally:
        pdf.close()


def read_image(path: Path) -> RawText:
    """OCR an image file (a multi-page TIFF gives one page per frame)."""
    from PIL import Image, ImageSequence, UnidentifiedImageError

    check_tesseract()
    try:
        image = Image.open(path)
        frames = [frame.copy() for frame in ImageSequence.Iterator(image)]
    except (UnidentifiedImageError, OSError) as exc:
        raise IngestError(f"not a readable image ({exc})") from exc
    results = [ocr_image(frame) for frame in frames]
    blocks = read_pages([r.page for r in results])
    text, page_starts = render(blocks)
    if not text.strip():
        raise IngestError("image with no text (OCR found nothing)")
    from vbparse.ingest.ocr_repair import repair_label_spacing

    text = repair_label_spacing(text)
    confidences = [r.confidence for r in results if r.page.words]
    return RawText(
        text=text,
        format="image",
        pages=len(results),
        page_starts=page_starts,
        ocr=True,
        ocr_confidence=sum(confidences) / len(confidences) if confidences else None,
    )
