"""Ingest: one reader per input format, all returning the same ``RawText``.

Readers import their own library inside the function (pdfplumber, python-docx, pytesseract),
so that ``vbparse --help`` never pays for them. The stages after ingest never learn which
format a document came from: tables arrive as text lines ``| cell | cell |``.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from vbparse.errors import VbparseError


class IngestError(VbparseError):
    """A file could not be read; the message says why, in words for the analyst."""


OcrMode = Literal["auto", "force", "off"]


@dataclass(frozen=True)
class ReadLimits:
    """How far a reader may go on one file (``--ocr``, ``--max-pages``, ``--page-time``,
    ``--ocr-dpi``). ``None`` keeps the reader's default (``vbparse.ingest.safety.MAX_PAGES``,
    ``TIME_LIMIT_S``, ``vbparse.ingest.ocr.OCR_DPI``).

    ``ocr``: ``auto`` OCRs the pages with no usable text layer, ``force`` every page of a PDF,
    ``off`` none (a scan is then an error: there is nothing to read).
    """

    ocr: OcrMode = "auto"
    max_pages: int | None = None
    time_limit_s: float | None = None
    dpi: int | None = None
    # A folder where a batch converted its .doc/.rtf/.odt files ahead, each under its
    # content's hash (``vbparse.ingest.office.convert_ahead``); None: each converts alone.
    converted_dir: str | None = None


@dataclass
class RawText:
    """The text of one document as its reader produced it.

    ``page_starts`` holds the character offset where each page begins (empty when the
    format has no pages); ``format`` is one of txt, md, html, pdf, docx, image (.doc, .rtf, .odt
    are read as the .docx LibreOffice makes of them: docx).
    """

    text: str
    format: str
    pages: int | None = None
    page_starts: list[int] = field(default_factory=list)
    ocr: bool = False
    ocr_confidence: float | None = None
    warnings: list[str] = field(default_factory=list)
    # The warnings that say the file was cut short (page or time limit): also on stderr.
    cut: list[str] = field(default_factory=list)


Reader = Callable[[Path, ReadLimits], RawText]

# The formats read by converting them with LibreOffice (``vbparse.ingest.office``).
OFFICE_SUFFIXES = (".doc", ".rtf", ".odt")


def file_sha256(path: Path) -> str:
    """The sha256 of a file's bytes, read in blocks (``hashlib.file_digest`` is Python 3.11's;
    3.10 is supported)."""
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _read_text_file(path: Path, limits: ReadLimits) -> RawText:
    from vbparse.ingest.text import read_text_file

    return read_text_file(path)


def _read_html(path: Path, limits: ReadLimits) -> RawText:
    from vbparse.ingest.html import read_html

    return read_html(path)


def _read_pdf(path: Path, limits: ReadLimits) -> RawText:
    from vbparse.ingest.pdf import read_pdf

    return read_pdf(path, limits)


def _read_docx(path: Path, limits: ReadLimits) -> RawText:
    from vbparse.ingest.docx import read_docx

    return read_docx(path, limits)


def _read_office(path: Path, limits: ReadLimits) -> RawText:
    from vbparse.ingest.office import read_office

    return read_office(path, limits)


def _read_image(path: Path, limits: ReadLimits) -> RawText:
    from vbparse.ingest.ocr_files import read_image

    return read_image(path, limits)


# suffix -> reader. Other ingest modules add their suffixes here (see ``register``).
READERS: dict[str, Reader] = {
    ".txt": _read_text_file,
    ".md": _read_text_file,
    # a web page saved from a legal-text site or a portal
    ".html": _read_html,
    ".htm": _read_html,
    ".pdf": _read_pdf,
    ".docx": _read_docx,
    # Word 97–2003, RTF and OpenDocument text (LibreOffice's own format, which some provincial
    # offices save in), read through LibreOffice
    **dict.fromkeys(OFFICE_SUFFIXES, _read_office),
    ".png": _read_image,
    ".jpg": _read_image,
    ".jpeg": _read_image,
    ".tif": _read_image,
    ".tiff": _read_image,
}


# Formats archives hold beside directives that are not directives: refused with a reason
# (and not picked up when a folder is searched).
REFUSED: dict[str, str] = {
    ".xls": "a spreadsheet (.xls) is not a directive; not read",
    ".xlsx": "a spreadsheet (.xlsx) is not a directive; not read",
    ".ppt": "a slide deck (.ppt) is not a directive; not read",
    ".pptx": "a slide deck (.pptx) is not a directive; not read",
}


def register(suffixes: list[str], reader: Reader) -> None:
    for suffix in suffixes:
        READERS[suffix.lower()] = reader


def supported_suffixes() -> list[str]:
    return sorted(READERS)


def read_document(path: Path, limits: ReadLimits | None = None) -> RawText:
    """Read one file with the reader for its suffix; raise ``IngestError`` on failure."""
    suffix = path.suffix.lower()
    if suffix in REFUSED:
        raise IngestError(REFUSED[suffix])
    reader = READERS.get(suffix)
    if reader is None:
        raise IngestError(
            f"unsupported file type {path.suffix or '(none)'!r}; "
            f"supported: {', '.join(supported_suffixes())}"
        )
    if not path.is_file():
        raise IngestError("not a file")
    if path.stat().st_size == 0:
        raise IngestError("empty file")
    raw = reader(path, limits or ReadLimits())
    from vbparse.ingest.safety import check_text_size

    check_text_size(len(raw.text), "extracted text")  # a small PDF can hold a great deal
    return raw
