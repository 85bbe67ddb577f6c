"""What the header's fields say about the document as a whole: its type (from the number, the
title or a "V/v" trích yếu) and the doubts a reader should check (a number whose type code is
not the title's, a scan's handwritten number or day)."""

from __future__ import annotations

from vbparse.extract.document.number import document_type
from vbparse.models import DocumentNumber
from vbparse.segment.header import Header

__all__ = ["header_document_type", "number_doubts"]


def number_doubts(header: Header, number: DocumentNumber | None, ocr: bool) -> list[str]:
    """What makes a number or day read from the header doubtful: its type code is not the
    title's ("Số: 12/KH-UBND" over "CHỈ THỊ"), or, in a scan, where clerks write or stamp
    them by hand, a sequence number of 0 or no day at all (issue 11)."""
    doubts = []
    if number and number.type and header.title_type and number.type != header.title_type:
        doubts.append(
            f"the number {header.number!r} has type code {number.type} but the title says "
            f"{header.title_type}: check the number"
        )
    if ocr and number is not None and number.seq.strip("0") == "":
        doubts.append(
            f"the scan's number reads {header.number!r}: handwritten or stamped? check it"
        )
    if header.date is not None and header.date_read_as:
        doubts.append(
            f'the date {header.date.isoformat()} was read from "ngày {header.date_read_as}"'
            " (letters taken for the digit 1): check it"
        )
    if ocr and header.date is None and not header.draft_date:
        doubts.append("no day read from the scan's header: handwritten or stamped? check it")
    return doubts


def header_document_type(header: Header, number: DocumentNumber | None) -> str | None:
    """The number's type code; without a number, the title's ("THÔNG BÁO" → TB), or CV for
    a trích yếu after "V/v", which Nghị định 30/2020 gives to công văn only, or for a letter
    under no title that names its addressees. A number whose
    code names no type under a title that does ("3/2025/QĐĐ-UBND", a scan's doubled letter,
    under "QUYẾT ĐỊNH") is of the title's type, not a công văn."""
    if number:
        if number.type is None and header.title_type and not header.subject_is_vv:
            return header.title_type
        return document_type(number)
    if header.title_type:
        return header.title_type
    # A letter addressed by its Kính gửi, under no title, is a công văn too: the others that
    # name addressees (tờ trình, báo cáo, công điện) carry their title or their "… điện:"
    # line (OCR'd letters whose number and V/v are unread, real b37/b44).
    letter = bool(header.recipients) and header.cable_sender is None
    return "CV" if header.subject_is_vv or letter else None
