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
from vbparse.extract.time.patterns import alternation
from vbparse.grammars import load_yaml
from vbparse.models import Reference, Span


@functools.cache
def _date_after_number() -> regex.Pattern[str]:
    # "Nghị quyết số 57-NQ/TW ngày 22 tháng 12 năm 2024", "27-TB/TGV, ngày 24/5/2025"
    return regex.compile(rf"\s*,?\s*ngày\s+{DATE_PATTERN}", regex.IGNORECASE)


@functools.cache
def _form_before() -> regex.Pattern[str]:
    # "Mẫu số 01/HNCT", "(Mẫu số 01/HNCT, 02/HNCT)": the number of a form to fill in
    words = alternation(load_yaml("numbers.yaml")["form_words"])
    return regex.compile(rf"(?<!\w){words}\s*$", regex.IGNORECASE)


# What may stand between two numbers of forms named together.
_FORM_LIST_JOINER = regex.compile(r"\s*(?:,|;|và|hoặc)\s*$")


def find_references(
    text: str, *, offset: int = 0, own_number: str | None = None
) -> Iterator[Reference]:
    """Every document number cited in ``text``, in order, each with its date when the text
    gives one right after it. The document's own number (``own_number``) is skipped; repeats
    are yielded again (the caller decides whether to keep only the first)."""
    form_end = None  # where the last form's number ended, in ``text``
    for number, span, written in find_document_numbers(text, offset=offset):
        local_start = span.start - offset
        before = text[max(0, local_start - 20) : local_start]
        if _form_before().search(before) or (
            form_end is not None and _FORM_LIST_JOINER.fullmatch(text[form_end:local_start])
        ):
            form_end = span.end - offset
            continue
        form_end = None
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
