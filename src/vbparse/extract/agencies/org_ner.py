"""Optional statistical proposals of organisations the gazetteer lacks (underthesea's CRF NER).

underthesea is GPL-3.0 and therefore an optional extra (``pip install vbparse[ner]``); it is
imported lazily and, when missing, :func:`find_proposed_organisations` yields nothing. On the
seed directives it finds few organisations (its ORG recall on agency names is low, see the
agencies issue), so it is only a proposer: every proposal is an Agency of kind ``"other"``
with ``id=None`` that the caller keeps and reports with a warning, never silently drops.
Proposals overlapping a gazetteer mention are discarded (the gazetteer wins); proposals over
a body that only the named-body grammar recognises (id None) are kept.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Any

from vbparse.extract.agencies.matcher import find_agencies
from vbparse.models.agency import Agency
from vbparse.models.span import Span

MIN_WORDS = 2
_LINE = re.compile(r"[^\n]+")


def _load_ner() -> Callable[[str], list[tuple[Any, ...]]] | None:
    try:
        from underthesea import ner  # GPL-3.0, optional
    except ImportError:
        return None
    return ner


def _aligned(text: str, words: list[str]) -> Iterator[tuple[int, int]]:
    """Character span of each underthesea word in ``text`` (words are searched in order)."""
    cursor = 0
    for word in words:
        pattern = r"\s+".join(re.escape(part) for part in word.split())
        match = re.compile(pattern).search(text, cursor) if pattern else None
        if match is None:
            yield (-1, -1)
            continue
        cursor = match.end()
        yield match.span()


def find_proposed_organisations(text: str, *, offset: int = 0) -> Iterator[Agency]:
    """Organisations underthesea tags (B-ORG/I-ORG) that no gazetteer mention covers, as
    Agency(kind="other", id=None), spans ``offset``-shifted. Yields nothing without underthesea."""
    ner = _load_ner()
    if ner is None:
        return
    # only gazetteer bodies silence a proposal: a body named by the grammar alone
    # (named_bodies.yaml, id None) is not in the gazetteer either, so it is still reported
    known = [(a.span.start, a.span.end) for a in find_agencies(text) if a.id is not None]
    tagged: list[tuple[Any, ...]] = []
    spans: list[tuple[int, int]] = []
    for line in _LINE.finditer(text):  # the CRF is slow on long inputs: tag by line
        rows = ner(line.group())
        tagged.extend(rows)
        spans.extend(
            (s + line.start(), e + line.start()) if s >= 0 else (s, e)
            for s, e in _aligned(line.group(), [str(row[0]) for row in rows])
        )
    current: list[int] | None = None
    found: list[tuple[int, int]] = []
    for (start, end), row in zip(spans, tagged, strict=True):
        tag = row[-1]
        if start < 0:
            current = None
            continue
        if tag == "B-ORG" or (tag == "I-ORG" and current is None):
            current = [start, end]
            found.append((start, end))
        elif tag == "I-ORG" and current is not None:
            current[1] = end
            found[-1] = (current[0], end)
        else:
            current = None
    for start, end in found:
        if any(start < k_end and k_start < end for k_start, k_end in known):
            continue
        words = text[start:end]
        if len(words.split()) < MIN_WORDS:  # "Đảng", "Bộ": fragments, not names
            continue
        yield Agency(
            name=" ".join(words.split()),
            id=None,
            kind="other",
            text=words,
            span=Span(start=start + offset, end=end + offset),
        )
