"""Cited documents (văn bản được dẫn chiếu): every số ký hiệu a directive names."""

from __future__ import annotations

import functools
from collections.abc import Iterator

import regex

from vbparse.extract.document.number import (
    document_type,
    find_document_numbers,
    parse_document_number,
)
from vbparse.extract.time.dates import DATE_PATTERN, date_from_match
from vbparse.models import Reference, Span


@functools.cache
def _date_after_number() -> regex.Pattern[str]:
    # "Nghị quyết số 57-NQ/TW ngày 22 tháng 12 năm 2024", "27-TB/TGV, ngày 24/5/2025"
    return regex.compile(rf"\s*,?\s*ngày\s+{DATE_PATTERN}", regex.IGNORECASE)


def find_references(
    text: str, *, offset: int = 0, own_number: str | None = None
) -> Iterator[Reference]:
    """Every document number cited in ``text``, in order, each with its date when the text
    gives one right after it. The document's own number (``own_number``) is skipped; repeats
    are yielded again (the caller decides whether to keep only the first)."""
    for number, span, written in find_document_numbers(text, offset=offset):
        if own_number is not None and number == own_number:
            continue
        parts = parse_document_number(number)
        local_end = span.end - offset
        date = None
        match = _date_after_number().match(text, local_end)
        if match is not None:
            date = date_from_match(match)
        yield Reference(
            number=number,
            type=document_type(parts),
            issuer_code=parts.issuer_code if parts else None,
            date=date,
            text=written,
            span=Span(start=span.start, end=span.end),
        )
