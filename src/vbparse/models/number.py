"""Document numbers (số ký hiệu) and cited documents."""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel

from vbparse.models.span import Span


class DocumentNumber(BaseModel):
    """The parts of a số ký hiệu such as "10467/VPCP-KGVX", "57-NQ/TW" or "180/2025/NĐ-CP".

    ``seq`` is the running number, ``type`` the Nghị định 30/2020 Phụ lục III code (NQ, TB, …)
    or None for a công văn, ``issuer_code`` the issuing body's code (VPCP, TW, NĐ-CP → CP),
    ``unit`` the drafting unit after the issuer for a công văn ("KGVX").
    """

    seq: str
    year: int | None = None
    type: str | None = None
    issuer_code: str | None = None
    unit: str | None = None


class Reference(BaseModel):
    """A document cited in the text ("Nghị quyết số 57-NQ/TW ngày 22 tháng 12 năm 2024")."""

    number: str
    type: str | None = None
    issuer_code: str | None = None
    date: dt.date | None = None
    text: str
    span: Span
