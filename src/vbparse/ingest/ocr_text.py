"""Typed text that is an OCR's output: the text of a scanned letter as a dataset or a site
keeps it ("Tong cục thuê", "thành phô", "kiêm tra"), given to vbparse as .txt or .md, or a
PDF's text layer that an e-office system's OCR made (pipeline.stage_normalize). Such a
text gets the mark repairs the OCR route gives a scan (``ocr_lexicon.repair_marks`` and the
``word`` repairs of ``grammars/ocr_repairs.tsv``, and its line-start repairs that keep the
length: "|." → "I."); a typed text keeps its words.

Told apart by the repairs themselves: among the first ``SAMPLE_WORDS`` words, at least
``MIN_REPAIRS`` distinct words (case aside) the typed directives never write in their place and
whose letters they write often. A line with no mark at all is a site's title or a file name
written without them ("Kinh phi ke hoach thi dua nganh giao duc"), not OCR's reading, and a
word a copy repeats ("cao su", five times in công văn 2788/VPCP-KTN) counts once: counted so,
1 of 492 typed texts reads as OCR output (every real .txt and .md of tests/fixtures/real and
real_new and the real_smoke web copies; counting every repair on every line, 11 did, and had
"Côn Đảo", "đệ trình", "chữ thập đỏ" put "right") and 43 of 49 OCR texts (real_new b33/b37/b38,
real_smoke s6 and the DocAI OCR text of b59; 44 before). Measured 2026-12-07. The sample keeps
the cost to ~1 ms a document.
"""

from __future__ import annotations

from vbparse.ingest.ocr_lexicon import repair_marks
from vbparse.ingest.ocr_repair import repair_marks_in_place, repair_words

__all__ = ["repair_ocr_output"]

SAMPLE_WORDS = 300
MIN_REPAIRS = 3


def _repairs_in_sample(text: str) -> int:
    marked = "\n".join(line for line in text.split("\n") if not line.isascii())
    words = marked.split(maxsplit=SAMPLE_WORDS)[:SAMPLE_WORDS]
    repaired = repair_marks(" ".join(words)).split()
    return len({(a.lower(), b.lower()) for a, b in zip(words, repaired, strict=False) if a != b})


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
