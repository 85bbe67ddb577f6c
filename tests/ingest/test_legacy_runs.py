"""Legacy Vietnamese inside Unicode containers: decided piece by piece (issue 11, item 7)."""

from __future__ import annotations

import pytest
from casefiles import case_ids, load_cases

from vbparse.ingest.legacy_runs import Piece, decode_pieces, font_encoding
from vbparse.ingest.pdf import _word_text

PIECE_CASES = load_cases("ingest/legacy_pieces")
PDF_CASES = load_cases("ingest/legacy_pdf_words")


@pytest.mark.parametrize("case", PIECE_CASES, ids=case_ids(PIECE_CASES))
def test_legacy_runs_decode_pieces(case):
    pieces = [Piece(text, encoding) for text, encoding in case["pieces"]]
    assert decode_pieces(pieces, case["prior"]) == case["expected"]


@pytest.mark.parametrize("case", PDF_CASES, ids=case_ids(PDF_CASES))
def test_legacy_runs_pdf_word(case):
    assert _word_text(case["text"], case["font"], "tcvn3") == case["expected"]


@pytest.mark.parametrize(
    ("font", "encoding"),
    [
        (".VnTime", "tcvn3"),
        (".VnTimeH", "tcvn3"),
        ("AARIQC+.VnTimeH,Bold", "tcvn3"),
        ("FBHPHA+VnTimeBold", "tcvn3"),
        ("VNI-Times", "vni"),
        ("vni-helve", "vni"),
        ("Times New Roman", None),
        (None, None),
    ],
)
def test_legacy_runs_font_encoding(font, encoding):
    assert font_encoding(font) == encoding
