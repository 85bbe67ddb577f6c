"""PDF (pdfplumber): the text layer in reading order, pages without a usable one to OCR.

Per page: words with their boxes and the ruled tables (``find_tables``) go to
``vbparse.ingest.layout``, which reads two-column runs column by column, renders tables as
``| cell |`` lines and drops running headers, footers and page numbers. The text is NFC.

Words set in a legacy font (``.VnTime``: TCVN3, ``VNI-Times``: VNI) are decoded word by word
(``vbparse.ingest.legacy_runs``), before the quality check, so such a page is not sent to OCR.

Words that annotations draw (the number and day an e-office system stamps into the blanks at
signing, ``vbparse.ingest.annotations``) join the page's words.

A page goes to OCR (``vbparse.ingest.ocr``) when it has no text layer (a scan), when its
font has no Unicode map (``(cid:123)`` in the text), when its diacritics come apart
(combining marks left alone after NFC, spacing accents), or when it lies over a page image
and has lost the Vietnamese marks (a scanner's own OCR, "Uy ban nhdn d6n tinh"), or when
many of its words are images of their letters (``vbparse.ingest.text_layer``). A PDF
longer than ``MAX_PAGES`` or slower than ``TIME_LIMIT_S`` is read up to that point, with a
warning.
"""

from __future__ import annotations

import re
import time
import unicodedata
from collections import Counter
from pathlib import Path

from vbparse.ingest import IngestError, RawText, ReadLimits
from vbparse.ingest.annotations import annotation_words, snap_to_lines
from vbparse.ingest.layout import read_pages, render
from vbparse.ingest.legacy_runs import Piece, decode_pieces, font_encoding, prior_encoding
from vbparse.ingest.page_model import Page, Table, Word
from vbparse.ingest.safety import MAX_PAGES, TIME_LIMIT_S, StreamTooLarge, bounded_pdf_streams
from vbparse.ingest.table_cells import table_rows
from vbparse.ingest.text_layer import (
    broken_text,
    letters_as_spaces,
    textless_reason,
    unmarked_layer,
    words_as_images,
)
from vbparse.limits import TimeLimitExceeded, file_deadline

# Reading the page tree of a real PDF takes milliseconds; pdfminer follows a cycle of object
# references (1 0 R -> 2 0 R -> 1 0 R) for ever.
OPEN_TIME_LIMIT_S = 10.0


def _causes(exc: BaseException) -> list[BaseException]:
    """``exc`` and the errors it wraps (pdfplumber wraps pdfminer's in its args)."""
    found: list[BaseException] = []
    seen: list[BaseException] = [exc]
    while seen and len(found) < 50:
        current = seen.pop()
        found.append(current)
        seen.extend(a for a in current.args if isinstance(a, BaseException))
        if current.__cause__ is not None:
            seen.append(current.__cause__)
    return found


def _caused_by_password(exc: BaseException) -> bool:
    """True when pdfminer's error (possibly wrapped by pdfplumber) is about a password."""
    return any(
        "Password" in type(cause).__name__ or "Encrypt" in type(cause).__name__
        for cause in _causes(exc)
    )


def _stream_too_large(exc: BaseException) -> StreamTooLarge | None:
    return next((c for c in _causes(exc) if isinstance(c, StreamTooLarge)), None)


def _open(path: Path):  # -> pdfplumber.PDF
    import pdfplumber
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
    from pdfminer.pdfparser import PDFSyntaxError

    try:
        with file_deadline(OPEN_TIME_LIMIT_S) as owner:
            pdf = pdfplumber.open(str(path))
            count = len(pdf.pages)
    except TimeLimitExceeded as exc:
        if exc.owner is not owner:
            raise
        raise IngestError(
            f"damaged PDF: its structure could not be read in {OPEN_TIME_LIMIT_S:g} s "
            "(object references that loop?)"
        ) from None
    except (PDFPasswordIncorrect, PDFEncryptionError) as exc:
        raise IngestError("encrypted PDF (password required)") from exc
    except PDFSyntaxError as exc:
        raise IngestError(f"damaged or truncated PDF ({exc})") from exc
    except Exception as exc:  # pdfminer raises many kinds on broken files
        too_large = _stream_too_large(exc)
        if too_large is not None:
            raise too_large from None
        if _caused_by_password(exc):
            raise IngestError("encrypted PDF (password required)") from exc
        name = type(exc).__name__
        raise IngestError(f"damaged or truncated PDF ({name}: {exc})") from exc
    if count == 0:
        pdf.close()
        raise IngestError("PDF has no pages (damaged or truncated)")
    return pdf


def _word_text(text: str, font: str | None, prior: str | None) -> str:
    if prior is not None:
        text = decode_pieces([Piece(text, font_encoding(font))], prior, glyphs=True)
    return unicodedata.normalize("NFC", text)


def _is_table(rows: list[list[str]]) -> bool:
    """Whether ruled cells hold a table: most rows fill two cells or more. Lines drawn under
    a justified body (an e-office PDF's text boxes, thông báo 565/TB-UBND Quảng Ngãi) make
    "cells" where all the text sits in the first and a stray word in the next."""
    filled = [sum(1 for cell in row if cell.strip()) for row in rows]
    return (
        bool(rows)
        and max(len(r) for r in rows) >= 2
        and 2 * sum(n >= 2 for n in filled) >= len(rows)
        and not _words_as_cells(rows)
    )


# Rules drawn word by word under a justified paragraph (quyết định 441/QĐ-UBND Huế, a signed
# PDF: "| 1. | Thay | thế | TTHC |  | số | 08 | …", then "| Đào | tạo. |") cut each of its
# lines into one "cell" a word. A table's cells hold phrases or figures: this many cells a
# row, most of them one word of letters, or a lone row of single words, are a paragraph.
_WORD_CELLS_PER_ROW = 8
_LETTER_WORD_CELL = re.compile(r"[^\W\d_]+[.,;:]?")


def _words_as_cells(rows: list[list[str]]) -> bool:
    cells = [cell.strip() for row in rows for cell in row if cell.strip()]
    if len(rows) == 1 and len(cells) >= 2 and not any(" " in cell for cell in cells):
        return True
    if len(cells) < _WORD_CELLS_PER_ROW * len(rows):
        return False
    return 5 * sum(1 for cell in cells if _LETTER_WORD_CELL.fullmatch(cell)) >= 3 * len(cells)


_WORD_GAP_EM = 0.2


def _page(plumber_page) -> tuple[Page, str]:
    """Layout input for one page, and the page's plain text (for the quality check)."""
    # The gap that splits words scales with the font: a fixed 3 pt joined the words of an
    # 11 pt V/v line whose spaces are 2.75 pt wide (công văn 3917/BTP-BTTP, signed PDF). A
    # space is a quarter em in Times; 0.2 em keeps letters apart from words at every size.
    found = plumber_page.extract_words(
        keep_blank_chars=False,
        use_text_flow=False,
        return_chars=True,
        x_tolerance_ratio=_WORD_GAP_EM,
    )
    # A word set in a legacy font (".VnTime") is that encoding's bytes: decoded word by word.
    # Its font is the one most of its letters use (a "−" standing for "ư" may come from
    # another font, and must not split the word).
    fonts = [Counter(c.get("fontname") for c in w["chars"]).most_common(1)[0][0] for w in found]
    prior = prior_encoding(fonts)
    words = [
        Word(_word_text(w["text"], font, prior), w["x0"], w["top"], w["x1"], w["bottom"])
        for w, font in zip(found, fonts, strict=True)
    ]
    # The page's own text decides whether it is a scan to OCR: a signed scan's annotations
    # draw a stamp ("Cơ quan phát hành: …") over a page with no text layer.
    plain = " ".join(w.text for w in words)
    # The number and day an e-office system stamps at signing live in annotations.
    words += snap_to_lines(annotation_words(plumber_page), words)
    tables = []
    found_tables = plumber_page.find_tables()
    if found_tables:
        spaces = [
            Word(" ", c["x0"], c["top"], c["x1"], c["bottom"])
            for c in plumber_page.chars
            if c["text"] == " "
        ]
        for found in found_tables:
            x0, top, x1, bottom = found.bbox
            rows = table_rows([list(row.cells) for row in found.rows], words, spaces)
            if _is_table(rows):
                tables.append(Table(top, bottom, x0, x1, rows))
    return Page(plumber_page.width, plumber_page.height, words, tables), plain


def read_pdf(path: Path, limits: ReadLimits | None = None) -> RawText:
    """Read a PDF's text layer (OCR for the pages that lack a usable one, or for every page
    with ``limits.ocr == "force"``; none with ``"off"``)."""
    limits = limits or ReadLimits()
    max_pages = limits.max_pages or MAX_PAGES
    time_limit = limits.time_limit_s or TIME_LIMIT_S
    started = time.monotonic()
    cut: list[str] = []
    warnings: list[str] = []
    with bounded_pdf_streams():
        pdf = _open(path)
        try:
            total = len(pdf.pages)
            limit = min(total, max_pages)
            if total > max_pages:
                cut.append(f"only the first {max_pages} of {total} pages were read")
            pages: list[Page | None] = []
            to_ocr: dict[int, str] = {}
            for index in range(limit):
                if time.monotonic() - started > time_limit:
                    cut.append(
                        f"time limit {time_limit:.0f} s reached: read {index} of {total} pages"
                    )
                    break
                plumber_page = pdf.pages[index]
                try:
                    page, plain = _page(plumber_page)
                except Exception as exc:  # one broken page must not lose the document
                    too_large = _stream_too_large(exc)
                    if too_large is not None:  # pdfium would inflate it too: not a page to OCR
                        raise too_large from None
                    warnings.append(f"page {index + 1} could not be read ({type(exc).__name__})")
                    pages.append(None)
                    # pdfium may still render it: OCR reads what the text reader could not.
                    to_ocr[index] = "page the text reader could not read"
                    continue
                reason = broken_text(plain) or letters_as_spaces(plumber_page.chars)
                if reason is None and plumber_page.images:
                    reason = unmarked_layer(plain) or words_as_images(plumber_page)
                if not plain.strip():
                    reason = textless_reason(plumber_page)
                if limits.ocr == "force":
                    reason = reason or "--ocr force"
                if reason:
                    to_ocr[index] = reason
                pages.append(page)
                plumber_page.close()
        finally:
            pdf.close()
    if limits.ocr == "off" and to_ocr:
        listed = ", ".join(str(i + 1) for i in sorted(to_ocr))
        warnings.append(f"--ocr off: pages {listed} need OCR and were not read")

    ocr_pages: dict[int, Page] = {}
    confidences: list[float] = []
    if to_ocr and limits.ocr != "off":
        from vbparse.ingest.ocr import OCR_DPI, ocr_pdf_pages

        budget = max(time_limit - (time.monotonic() - started), 10.0)
        dpi = limits.dpi or OCR_DPI
        ocr_run = ocr_pdf_pages(path, sorted(to_ocr), dpi=dpi, time_limit_s=budget)
        too_large: set[int] = set()
        for index, result in ocr_run:
            if result is None:
                warnings.append(f"page {index + 1} is too large to render for OCR; not read")
                too_large.add(index)
                continue
            ocr_pages[index] = result.page
            confidences.append(result.confidence)
            warnings.extend(result.notes)
        missing = sorted(set(to_ocr) - set(ocr_pages) - too_large)
        if missing:
            listed = ", ".join(str(i + 1) for i in missing)
            cut.append(f"OCR time limit reached: pages {listed} not read")
        reasons = "; ".join(sorted(set(to_ocr.values())))
        warnings.append(f"OCR used on {len(ocr_pages)} page(s): {reasons}")

    readable: list[Page | None] = []
    for index, page in enumerate(pages):
        if index in ocr_pages:
            readable.append(ocr_pages[index])
        elif index in to_ocr:
            readable.append(None)
        else:
            readable.append(page)
    blocks = read_pages(readable)
    text, page_starts = render(blocks)
    text = unicodedata.normalize("NFC", text)
    if ocr_pages:
        from vbparse.ingest.ocr_repair import repair_page_text

        text = repair_page_text(text)
    if not text.strip():
        if limits.ocr == "off":
            raise IngestError("no text layer in PDF, and --ocr off: nothing to read")
        raise IngestError("no text in PDF (no text layer and nothing recognised by OCR)")
    return RawText(
        text=text,
        format="pdf",
        pages=len(pages),
        page_starts=page_starts,
        ocr=bool(ocr_pages),
        ocr_confidence=sum(confidences) / len(confidences) if confidences else None,
        warnings=cut + warnings,
        cut=cut,
    )
