"""Agencies (cơ quan) named in a directive, canonicalised through the gazetteer."""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel, Field

from vbparse.models.span import Span


class Successor(BaseModel):
    """The body that took over a merged or renamed agency, as the gazetteer knows it today
    ("Bộ Kế hoạch và Đầu tư" → "Bộ Tài chính" since 2025-03-01)."""

    id: str
    name: str
    since: dt.date | None = Field(
        default=None, description="The first day of the successor (the day after valid_until)."
    )


class Agency(BaseModel):
    """One agency mention resolved to its canonical name.

    ``name`` is the canonical full name ("Bộ Khoa học và Công nghệ", "Ủy ban nhân dân tỉnh
    Cao Bằng", "Các bộ, ngành, địa phương"); ``id`` is the gazetteer's stable id, or None for
    a body the gazetteer lacks: one named in the standard way ("Cục Quản lý đất đai") keeps
    its words as ``name`` and the kind of its head noun (unit, board, company, …), one only
    underthesea proposes is kind "other"; ``text`` is the words as written.
    """

    name: str
    id: str | None = None
    kind: str = "other"
    text: str
    span: Span | None = None
    successor: Successor | None = Field(
        default=None, description="Where the gazetteer knows the body was merged or renamed."
    )
