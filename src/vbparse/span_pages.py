"""The page every span of a record starts on, for a source with pages (PDF, images).

A span is an offset in the normalized text; its start is carried back to the source text by
the normalized text's map and looked up among the offsets where the source's pages start.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable

from pydantic import BaseModel

from vbparse.models import Document, Span

__all__ = ["add_pages"]


def add_pages(document: Document, page_starts: list[int], source_index: list[int]) -> None:
    """Set ``page`` on every span inside ``document`` (1 for a span before the first start)."""

    def page_of(span: Span) -> Span:
        source = source_index[min(span.start, len(source_index) - 1)]
        return span.model_copy(update={"page": max(1, bisect.bisect_right(page_starts, source))})

    _map_spans(document, page_of)


def _map_spans(model: BaseModel, change: Callable[[Span], Span]) -> None:
    """Replace every ``Span`` inside ``model`` (nested models and lists) by ``change(span)``."""
    for name in type(model).model_fields:
        value = getattr(model, name)
        if isinstance(value, Span):
            setattr(model, name, change(value))
        elif isinstance(value, BaseModel):
            _map_spans(value, change)
        elif isinstance(value, list):
            for item in value:
                if isinstance(item, BaseModel):
                    _map_spans(item, change)
