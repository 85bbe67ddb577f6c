"""Typed text that is an OCR's output: the text of a scanned letter as a dataset or a site
keeps it ("Tong cục thuê", "thành phô", "kiêm tra"), given to vbparse as .txt or .md, or a
PDF's text layer that an e-office system's OCR made (pipeline.stage_normalize). Such a
text gets the mark repairs the OCR route gives a scan (``ocr_lexicon.repair_marks`` and the
``word`` repairs of ``grammars/ocr_repairs.tsv``, and its line-start repairs that keep the
length: "|." → "I."); a typed text keeps its words.

Told apart by the repairs themselves: among the first ``SAMPLE_WORDS`` words, at least
``MIN_REPAIRS`` word pairs the typed directives never write and whose letters they write often.
Measured on 2026-12-05: 0 of 316 typed texts (every real .txt and .md of tests/fixtures/real and
real_new, the real_smoke web copies and the written fixture sets) and 43 of 46 OCR texts
(tests/fixtures/real_new b33/b37/b38 and real_smoke s6; the three missed are clean OCR, under
three repairs in all). The sample keeps the cost to ~1 ms a document.
"""

from __future__ import annotations

from vbparse.ingest.ocr_lexicon import repair_marks
from vbparse.ingest.ocr_repair import repair_marks_in_place, repair_words

__all__ = ["repair_ocr_output"]

SAMPLE_WORDS = 300
MIN_REPAIRS = 3


def _repairs_in_sample(text: str) -> int:
    words = text.split(maxsplit=SAMPLE_WORDS)[:SAMPLE_WORDS]
    repaired = repair_marks(" ".join(words)).split()
    return sum(a != b for a, b in zip(words, repaired, strict=False))


def repair_ocr_output(text: str) -> tuple[str, bool]:
    """``text`` with the OCR route's mark repairs when it reads as OCR output, and whether it
    did. The length is kept (every repair changes marks, not letters), so offsets into the
    file stay right."""
    if _repairs_in_sample(text) < MIN_REPAIRS:
        return text, False
    repaired = repair_marks_in_place(repair_words(text, same_length=True))
    if len(repaired) != len(text):
        repaired = text
    return repair_marks(repaired), True
