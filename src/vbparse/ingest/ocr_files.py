"""Image files and a document's page pictures read by OCR (``vbparse.ingest.ocr``): an image
file's frames, or the pictures of a Word file that holds no text but its pages as images,
each a page, read within the page and time limits, and the pages' text as a reader gives it.
"""

from __future__ import annotations

import contextlib
import io
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from vbparse.ingest import IngestError, RawText, ReadLimits
from vbparse.ingest.layout import read_pages, render
from vbparse.ingest.ocr import OcrPage, check_tesseract, read_in_chunks
from vbparse.ingest.safety import MAX_IMAGE_PIXELS, MAX_PAGES, TIME_LIMIT_S, check_pixels


@contextlib.contextmanager
def _reading_images(unreadable: str) -> Iterator[None]:
    """Pillow at vbparse's pixel limit, its warning about images past half of it silenced
    (``check_pixels`` decides), and its errors as ``IngestError``s: an image past the limit,
    or one it cannot read ("<unreadable> (<reason>)")."""
    import warnings

    from PIL import Image, UnidentifiedImageError

    Image.MAX_IMAGE_PIXELS = MAX_IMAGE_PIXELS  # Pillow's own bomb check, at our limit
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            yield
    except Image.DecompressionBombError as exc:
        raise IngestError(
            f"image larger than the limit of {MAX_IMAGE_PIXELS // 1_000_000} million pixels ({exc})"
        ) from None
    except (UnidentifiedImageError, OSError, EOFError) as exc:
        raise IngestError(f"{unreadable} ({exc})") from exc


def read_image(path: Path, limits: ReadLimits | None = None) -> RawText:
    """OCR an image file (a multi-page TIFF gives one page per frame)."""
    from PIL import Image

    limits = _ocr_limits(limits)
    with _reading_images("not a readable image"), Image.open(path) as image:
        total = getattr(image, "n_frames", 1)

        # Frame by frame: only the frame being prepared is decoded (a TIFF of 100 large
        # frames, copied all at once, took GBs); a chunk keeps their prepared copies.
        def frames(count: int) -> Iterator[tuple[int, Any]]:
            for index in range(count):
                image.seek(index)
                check_pixels(*image.size, f"page {index + 1}" if total > 1 else "image")
                yield index, image

        results, cut = _read_frames(frames, total, limits)
    return _page_text(results, cut, "image", "image with no text (OCR found nothing)")


def read_pictures(pictures: list[bytes], fmt: str, limits: ReadLimits | None = None) -> RawText:
    """OCR the pictures of a document that holds no text but its pages as images (a Word
    file a clerk made of scanned pages: thông báo 320/TB-ĐGS of HĐND Tuần Giáo, a real
    .doc), one page a picture, in order; ``fmt`` is the document's format."""
    from PIL import Image

    limits = _ocr_limits(limits)

    def frames(count: int) -> Iterator[tuple[int, Any]]:
        for index in range(count):
            with Image.open(io.BytesIO(pictures[index])) as image:
                check_pixels(*image.size, f"picture {index + 1}")
                yield index, image

    with _reading_images("a page picture is not a readable image"):
        results, cut = _read_frames(frames, len(pictures), limits)
    raw = _page_text(results, cut, fmt, "no text in document, and OCR found none in its pictures")
    raw.warnings.insert(0, f"no text in the document: its {len(pictures)} pictures read by OCR")
    return raw


def _ocr_limits(limits: ReadLimits | None) -> ReadLimits:
    limits = limits or ReadLimits()
    if limits.ocr == "off":
        raise IngestError("an image needs OCR, and --ocr off: nothing to read")
    check_tesseract()
    return limits


def _read_frames(
    frames: Callable[[int], Iterator[tuple[int, Any]]], total: int, limits: ReadLimits
) -> tuple[list[OcrPage], list[str]]:
    """The pages read of ``frames(count)`` (up to the page limit, within the time limit) and
    the warnings that say what was left unread."""
    max_pages = limits.max_pages or MAX_PAGES
    time_limit = limits.time_limit_s or TIME_LIMIT_S
    cut: list[str] = []
    if total > max_pages:
        cut.append(f"only the first {max_pages} of {total} pages were read")
    count = min(total, max_pages)
    results = [r for _, r in read_in_chunks(frames(count), time_limit) if r is not None]
    if len(results) < count:
        cut.append(f"time limit {time_limit:.0f} s reached: read {len(results)} of {total} pages")
    return results, cut


def _page_text(results: list[OcrPage], cut: list[str], fmt: str, empty: str) -> RawText:
    """The text of OCR'd pages, as a reader gives it."""
    from vbparse.ingest.ocr_repair import repair_page_text

    blocks = read_pages([r.page for r in results])
    text, page_starts = render(blocks)
    if not text.strip():
        raise IngestError(empty)
    text = repair_page_text(text)
    confidences = [r.confidence for r in results if r.page.words]
    notes = [note for r in results for note in r.notes]
    return RawText(
        text=text,
        format=fmt,
        pages=len(results),
        page_starts=page_starts,
        ocr=True,
        ocr_confidence=sum(confidences) / len(confidences) if confidences else None,
        warnings=cut + notes,
        cut=cut,
    )
