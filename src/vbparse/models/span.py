"""Provenance: character spans in the normalized text, and parse warnings."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field


class Span(BaseModel):
    """Half-open character range ``[start, end)`` in the document's normalized text."""

    model_config = ConfigDict(frozen=True)

    start: int = Field(ge=0)
    end: int = Field(ge=0)
    page: int | None = Field(
        default=None, ge=1, description="Page of the source where the span starts (PDF, images)."
    )

    def shift(self, offset: int) -> Span:
        return Span(start=self.start + offset, end=self.end + offset, page=self.page)


class ParseWarning(BaseModel):
    """Something a stage could not read or had to guess; the record is still written."""

    stage: str
    message: str
    span: Span | None = None
