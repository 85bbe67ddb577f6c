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
and has lost the Vietnamese marks (a scanner's own OCR, "Uy ban nhdn d6n tinh"). A PDF
longer than ``MAX_PAGES`` or slower than ``TIME_LIMIT_S`` is read up to that point, with a
warning.
"""

from __future__ import annotations

import functools
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
from vbparse.limits import TimeLimitExceeded, file_deadline

# Reading the page tree of a real PDF takes milliseconds; pdfminer follows a cycle of object
# references (1 0 R -> 2 0 R -> 1 0 R) for ever.
OPEN_TIME_LIMIT_S = 10.0
_CID = re.compile(r"\(cid:\d+\)")
# Spacing accents that stand in for Vietnamese tone marks when a font maps them apart.
_SPACING_ACCENTS = set("\u00b4\u02c6\u02dc\u02cb\u02ca\u02c0\u02c9\u0060\u00a8\u02d9")
_LETTER_WORD = re.compile(r"[^\W\d_]{2,}")
# A scanner's own OCR layer over a page image may have read Vietnamese without its marks
# ("Uy ban nhdn d6n tinh giao Sd NQi vu"). In Vietnamese most words carry a letter beyond
# ASCII: on the real corpus's text-layer pages 72-88 % of letter words do, on the two such
# OCR layers 0 %. Below this share (and with this many words) the layer is read again by OCR.
MIN_MARKED_SHARE = 0.2
MIN_MARKED_WORDS = 20
# Another scanner's layer keeps some marks and reads others as letters Vietnamese has not
# ("Dà Näng", "CONG HOA xA HQI CilU", "cüa", công văn 5710/UBND-SGDĐT Đà Nẵng, a real scan:
# 11-27 such words on each of its six pages, 2-5 %). On the corpora's other text-layer pages
# (233 with 20 words or more, legacy fonts decoded) there are none.
MIN_FOREIGN_WORDS = 5
MIN_FOREIGN_SHARE = 0.02
# The marks a Vietnamese vowel may carry: five tones, breve, circumflex, horn.
_VIETNAMESE_MARKS = frozenset("\u0300\u0301\u0303\u0309\u0323\u0306\u0302\u031b")


def broken_text(text: str) -> str | None:
    """Why a page's text layer cannot be trusted, or ``None`` when it can."""
    if not text.strip():
        return None
    cids = len(_CID.findall(text))
    if cids >= 5 or (cids and cids * 8 >= len(text)):
        return "font without a Unicode map ((cid:NN) glyphs)"
    text = unicodedata.normalize("NFC", text)
    letters = sum(c.isalpha() for c in text) or 1
    # After NFC every Vietnamese letter is one code point: a combining mark left over, or a
    # spacing accent, is a diacritic that came apart from its letter.
    loose = sum(1 for c in text if c in _SPACING_ACCENTS or unicodedata.combining(c))
    if loose >= 5 and loose / letters > 0.01:
        return "diacritics come apart from their letters"
    return None


# A font whose Unicode map sends letters to " " (công văn 1925/STC-HTDN Bình Thuận: "Sở ội vụ",
# "iệp hội oanh nghiệp", the issuer's lines blank): its "spaces" come in several widths, a
# real space having one. Counted per font and size-relative width (em, two decimals); this
# many spaces of another width than the font's commonest, each wider than LETTER_SPACE_EM,
# mark the page. On the real corpus's 28 text-layer PDFs only that letter has any.
MIN_LETTER_SPACES = 5
LETTER_SPACE_EM = 0.45


def letters_as_spaces(chars: list[dict]) -> str | None:
    """Why a page's text layer cannot be trusted: its font maps letters to spaces."""
    widths: dict[str, Counter] = {}
    for char in chars:
        if char.get("text") == " " and char.get("size"):
            em = round(char["adv"] / char["size"], 2)
            widths.setdefault(char.get("fontname") or "", Counter())[em] += 1
    for counts in widths.values():
        common = counts.most_common(1)[0][0]
        wide = sum(n for em, n in counts.items() if em != common and em > LETTER_SPACE_EM)
        if wide >= MIN_LETTER_SPACES:
            return "font that maps letters to spaces (letters missing from the text)"
    return None


def unmarked_layer(text: str) -> str | None:
    """Why a scanned page's text layer (one drawn over a page image) is not to be trusted:
    Vietnamese read without its marks, or ``None``."""
    words = _LETTER_WORD.findall(text)
    if len(words) < MIN_MARKED_WORDS:
        return None
    marked = sum(1 for w in words if not w.isascii())
    if marked < MIN_MARKED_SHARE * len(words):
        return "text layer over a page image without Vietnamese marks (a scanner's OCR?)"
    foreign = sum(1 for w in words if any(_foreign_letter(c) for c in w))
    if foreign >= MIN_FOREIGN_WORDS and foreign >= MIN_FOREIGN_SHARE * len(words):
        return "text layer over a page image with letters Vietnamese has not (a scanner's OCR?)"
    return None


# Kept per character (bounded): a page asks of each of its few dozen distinct letters many times.
@functools.lru_cache(maxsize=1024)
def _foreign_letter(c: str) -> bool:
    """A letter outside the Vietnamese alphabet ("ä", "ü", "ç", "ø"); ASCII letters and đ are
    in it, and a vowel with Vietnamese marks."""
    if c.isascii() or c in "đĐ":
        return False
    base, *marks = unicodedata.normalize("NFD", c)
    return not (base in "aeiouyAEIOUY" and set(marks) <= _VIETNAMESE_MARKS)


# A page whose letters are drawn as shapes (a scan vectorised, or text turned to outlines:
# pages 3-4 of quyết định 2307/QĐ-UBND Sơn La, a real PDF, hold 700-1,600 paths and no image
# and no text) is read by OCR like a scan; a ruled table or a rule alone has far fewer.
MIN_DRAWN_SHAPES = 100


def _textless_reason(plumber_page) -> str | None:
    """Why a page without a text layer goes to OCR: it holds an image or a drawing of its
    letters; None for a blank page."""
    if plumber_page.images:
        return "no text layer"
    if len(plumber_page.curves) + len(plumber_page.rects) >= MIN_DRAWN_SHAPES:
        return "no text layer (letters drawn as shapes)"
    return None


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
                    reason = unmarked_layer(plain)
                if not plain.strip():
                    reason = _textless_reason(plumber_page)
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
