"""Size limits applied before a parser sees a file's content (issue 14: memory bombs).

A small file can ask for a great deal of memory: a text of hundreds of MB, a PNG of
13000 × 13000 pixels, a page of 200 × 200 inches rendered for OCR, a ``document.xml`` or a
PDF stream that inflates to GBs. Each is refused here, before the allocation, with a clear
``IngestError``; the worker's address-space limit (``--max-memory``) is the backstop for
what these checks do not foresee.
"""

from __future__ import annotations

import contextlib
import contextvars
import math
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from vbparse.ingest import IngestError

DEFAULT_TEXT_MB = 20
# Pages read of a PDF or a multi-page image, and seconds spent on one, before the rest is cut
# with a warning (``--max-pages``, ``--time-limit`` override them per run).
MAX_PAGES = 100
TIME_LIMIT_S = 120.0
# Pixels of one image or rendered page: an A3 page at 600 dpi is 70 million.
MAX_IMAGE_PIXELS = 80_000_000
# Below this resolution Tesseract reads little; a page that would need less to fit
# ``MAX_IMAGE_PIXELS`` is not rendered.
MIN_OCR_DPI = 100
# A .docx member's declared uncompressed size (Python's zipfile never reads past it).
MAX_DOCX_MEMBER_MB = 64
MAX_DOCX_TOTAL_MB = 512
# One PDF stream, inflated (pdfminer has no limit of its own).
MAX_PDF_STREAM_MB = 128

_MB = 1024 * 1024


@dataclass(frozen=True)
class IngestLimits:
    """The limits a caller may change (``--max-text-mb``); ``None``: no limit."""

    text_mb: int | None = DEFAULT_TEXT_MB


_LIMITS: contextvars.ContextVar[IngestLimits | None] = contextvars.ContextVar(
    "ingest_limits", default=None
)


@contextlib.contextmanager
def ingest_limits(limits: IngestLimits) -> Iterator[None]:
    """Apply ``limits`` to the files read in this block."""
    token = _LIMITS.set(limits)
    try:
        yield
    finally:
        _LIMITS.reset(token)


def check_text_size(size: int, what: str) -> None:
    """Refuse a text (file bytes or extracted characters) past ``--max-text-mb``."""
    limit = (_LIMITS.get() or IngestLimits()).text_mb
    if limit is not None and size > limit * _MB:
        raise IngestError(
            f"{what} of {size / _MB:.0f} MB is larger than the limit of {limit} MB "
            "(--max-text-mb); a directive is far smaller"
        )


def check_pixels(width: float, height: float, what: str) -> None:
    if width * height > MAX_IMAGE_PIXELS:
        raise IngestError(
            f"{what} of {int(width)} × {int(height)} pixels is larger than the limit of "
            f"{MAX_IMAGE_PIXELS // 1_000_000} million pixels"
        )


def render_dpi(width_pt: float, height_pt: float, dpi: int) -> int | None:
    """The resolution at which a page of ``width_pt`` × ``height_pt`` points is rendered:
    ``dpi``, or less so that it fits ``MAX_IMAGE_PIXELS``; ``None`` when that would be below
    ``MIN_OCR_DPI`` (a page of many square metres, a huge ``/UserUnit``)."""
    area_in2 = max(width_pt, 1.0) * max(height_pt, 1.0) / 72 / 72
    fitting = int(math.sqrt(MAX_IMAGE_PIXELS / area_in2))
    if fitting >= dpi:
        return dpi
    return fitting if fitting >= MIN_OCR_DPI else None


def check_docx_members(path: Path) -> None:
    """Refuse a .docx whose members inflate past the limits, before python-docx reads it."""
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, OSError) as exc:
        raise IngestError(f"not a valid .docx ({exc})") from exc
    _check_members(members)


def check_docx_archive(archive: zipfile.ZipFile) -> None:
    """``check_docx_members`` on an archive already open (its directory is read once)."""
    _check_members(archive.infolist())


def _check_members(members: list[zipfile.ZipInfo]) -> None:
    total = 0
    for member in members:
        total += member.file_size
        if member.file_size > MAX_DOCX_MEMBER_MB * _MB:
            raise IngestError(
                f"{member.filename} inflates to {member.file_size / _MB:.0f} MB, more than "
                f"the limit of {MAX_DOCX_MEMBER_MB} MB (a zip bomb?)"
            )
    if total > MAX_DOCX_TOTAL_MB * _MB:
        raise IngestError(
            f"members inflate to {total / _MB:.0f} MB in all, more than the limit of "
            f"{MAX_DOCX_TOTAL_MB} MB (a zip bomb?)"
        )


class StreamTooLarge(IngestError):
    """A PDF stream inflates past ``MAX_PDF_STREAM_MB``."""


def _too_large() -> StreamTooLarge:
    return StreamTooLarge(
        f"a PDF stream inflates to more than {MAX_PDF_STREAM_MB} MB (a Flate bomb?)"
    )


class _BoundedInflater:
    """A ``zlib.decompressobj`` that refuses to give out more than the limit in all."""

    def __init__(self) -> None:
        self._inflater = zlib.decompressobj()
        self._given = 0

    def decompress(self, data: bytes, max_length: int = 0) -> bytes:
        room = MAX_PDF_STREAM_MB * _MB - self._given + 1
        out = self._inflater.decompress(data, min(max_length, room) if max_length else room)
        self._given += len(out)
        if self._given > MAX_PDF_STREAM_MB * _MB:
            raise _too_large()
        return out

    def __getattr__(self, name: str) -> Any:
        return getattr(self._inflater, name)


class _BoundedZlib:
    """What pdfminer's ``pdftypes`` module uses of ``zlib``, bounded: ``decompress`` and
    ``decompressobj`` (its fallback for corrupt streams) stop at ``MAX_PDF_STREAM_MB``."""

    error = zlib.error
    decompressobj = _BoundedInflater

    def __getattr__(self, name: str) -> Any:
        return getattr(zlib, name)

    @staticmethod
    def decompress(data: bytes, *args: Any) -> bytes:
        inflater = _BoundedInflater()
        out = inflater.decompress(data)
        if not inflater.eof:  # truncated: what zlib.decompress would refuse
            raise zlib.error("incomplete or truncated stream")
        return out


def _inflate_corrupted(data: bytes) -> bytes:
    """What pdfminer's ``decompress_corrupted`` does (inflate byte by byte, keep what came
    before the damage), bounded, and linear: pdfminer's adds to one ``bytes`` object, which
    is quadratic in the output (a 100 MB stream never finishes)."""
    inflater = _BoundedInflater()
    parts = []
    try:
        for i in range(len(data)):
            parts.append(inflater.decompress(data[i : i + 1]))
    except zlib.error:
        pass
    return b"".join(parts)


@contextlib.contextmanager
def bounded_pdf_streams() -> Iterator[None]:
    """Inside this block pdfminer inflates no stream past ``MAX_PDF_STREAM_MB``.

    pdfminer calls ``zlib.decompress`` with no size limit; its module's ``zlib`` name is
    pointed at ``_BoundedZlib`` and its ``decompress_corrupted`` at ``_inflate_corrupted``
    for the block (no public hook exists).
    """
    from pdfminer import pdftypes

    original = pdftypes.zlib, pdftypes.decompress_corrupted
    pdftypes.zlib = _BoundedZlib()  # type: ignore[assignment]
    pdftypes.decompress_corrupted = _inflate_corrupted
    try:
        yield
    finally:
        pdftypes.zlib, pdftypes.decompress_corrupted = original
