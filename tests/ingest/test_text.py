"""Text ingest: UTF-8, UTF-16 without BOM and the legacy Vietnamese encodings."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
from casefiles import case_ids, load_cases

from vbparse.ingest import IngestError, read_document
from vbparse.ingest.encodings import encode_legacy
from vbparse.ingest.text import decode_text

ENCODING_CASES = load_cases("ingest/encodings")
SEED = Path(__file__).resolve().parents[1] / "fixtures" / "seeds" / "002_0284457f90b6ede2.txt"


@pytest.mark.parametrize("case", ENCODING_CASES, ids=case_ids(ENCODING_CASES))
def test_text_legacy_encoding_round_trip(case):
    data = encode_legacy(case["text"], case["encoding"])
    text, warnings = decode_text(data)
    assert text == unicodedata.normalize("NFC", case["text"])
    assert case["encoding"].upper() in warnings[0]


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_text_utf16_without_bom(codec, tmp_path):
    original = SEED.read_text(encoding="utf-8")
    path = tmp_path / "doc.txt"
    path.write_bytes(original.encode(codec))
    raw = read_document(path)
    assert raw.text == original
    assert "byte-order mark" in raw.warnings[0]


def test_text_legacy_shown_through_cp1252_is_converted():
    original = "Văn phòng Chính phủ thông báo để các bộ, cơ quan biết, thực hiện."
    mojibake = encode_legacy(original, "tcvn3").decode("cp1252")
    text, warnings = decode_text(mojibake.encode("utf-8"))
    assert text == original
    assert "TCVN3" in warnings[0]


def test_text_undecidable_encoding_is_an_error(tmp_path):
    path = tmp_path / "latin.txt"
    path.write_bytes("Größe der Straße, naïve café, São Paulo".encode("latin-1"))
    with pytest.raises(IngestError, match="could not be decided"):
        read_document(path)


def test_text_plain_utf8_has_no_warning():
    text, warnings = decode_text(SEED.read_bytes())
    assert warnings == []
    assert text.startswith(" VĂN PHÒNG CHÍNH PHỦ")
