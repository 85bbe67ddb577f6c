"""Real legacy-encoded documents (viparse-corpus, ``tests/fixtures/legacy/SOURCES.md``): .doc,
.rtf and PDF read back to their transcripts, and the same document fields whether the
transcript (text route) or the original (file route) is parsed (issue 11, item 7)."""

from __future__ import annotations

import shutil
import unicodedata
from difflib import SequenceMatcher
from pathlib import Path

import pytest

from vbparse import parse_file, parse_text
from vbparse.batch import discover
from vbparse.evaluate import SCALAR_FIELDS
from vbparse.ingest import IngestError, ReadLimits, read_document
from vbparse.ingest.office import convert_ahead
from vbparse.pipeline import ParseOptions

LEGACY = Path(__file__).resolve().parents[1] / "fixtures" / "legacy"
ORIGINALS = sorted(p for p in LEGACY.iterdir() if p.suffix in (".doc", ".rtf", ".pdf"))
NEEDS_LIBREOFFICE = pytest.mark.skipif(
    shutil.which("soffice") is None,
    reason="LibreOffice not installed (Debian: libreoffice-writer-nogui; make system-deps)",
)


@pytest.fixture(scope="module")
def ahead(tmp_path_factory) -> ReadLimits:
    """The .doc and .rtf files converted once, as a batch converts them (each test reading
    its own conversion cost half a minute of the suite)."""
    converted = tmp_path_factory.mktemp("converted")
    convert_ahead(ORIGINALS, converted)
    return ReadLimits(converted_dir=str(converted))


def _param(path: Path):
    marks = [NEEDS_LIBREOFFICE] if path.suffix in (".doc", ".rtf") else []
    return pytest.param(path, id=path.name, marks=marks)


def _has_diacritic(word: str) -> bool:
    return "đ" in word.lower() or any(
        unicodedata.combining(c) for c in unicodedata.normalize("NFD", word)
    )


def diacritic_word_accuracy(text: str, truth: str) -> float:
    """Share of the transcript's words with a diacritic that come back exactly, in order
    (the corpus's metric counts letters; words are stricter and quick to align)."""
    got = unicodedata.normalize("NFC", text).split()
    want = unicodedata.normalize("NFC", truth).split()
    matcher = SequenceMatcher(None, want, got, autojunk=False)
    matched = sum(
        _has_diacritic(w)
        for block in matcher.get_matching_blocks()
        for w in want[block.a : block.a + block.size]
    )
    return matched / sum(map(_has_diacritic, want))


@pytest.mark.parametrize("path", [_param(p) for p in ORIGINALS])
def test_legacy_file_reads_as_its_transcript(path, ahead):
    raw = read_document(path, ahead)
    truth = path.with_suffix(".txt").read_text(encoding="utf-8")
    assert not raw.ocr  # a legacy-font text layer is decoded, not sent to OCR
    assert diacritic_word_accuracy(raw.text, truth) >= 0.97


@pytest.mark.parametrize("path", [_param(p) for p in ORIGINALS])
def test_legacy_file_route_equals_text_route(path, ahead):
    from_file = parse_file(str(path), ParseOptions(limits=ahead))
    from_text = parse_text(path.with_suffix(".txt").read_text(encoding="utf-8"))
    for name in SCALAR_FIELDS:
        assert getattr(from_file, name) == getattr(from_text, name), name


@NEEDS_LIBREOFFICE
def test_legacy_doc_keeps_soft_hyphen_as_u_horn(ahead):
    # TCVN3's ư is byte 0xAD, carried by LibreOffice as <w:softHyphen/> (issue 11).
    text = read_document(LEGACY / "2005-QD-256.doc", ahead).text
    assert "Chương trình Cải cách hành chính" in text
    assert "\u00ad" not in text


@NEEDS_LIBREOFFICE
def test_legacy_doc_vni_runs_beside_unicode_runs(ahead):
    text = read_document(LEGACY / "2006-quydinhkiemtra02.doc", ahead).text
    assert "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text
    assert "ĐỘI KIỂM TRA LIÊN NGÀNH 814" in text


@pytest.mark.parametrize("suffix", [".xls", ".ppt", ".xlsx", ".pptx"])
def test_legacy_spreadsheets_and_slides_refused_with_reason(tmp_path, suffix):
    path = tmp_path / f"table{suffix}"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512)
    with pytest.raises(IngestError, match="is not a directive; not read"):
        read_document(path)


def test_legacy_folder_scan_finds_doc_and_rtf_not_xls(tmp_path):
    for name in ("a.doc", "b.rtf", "c.xls", "d.ppt", "e.txt"):
        (tmp_path / name).write_bytes(b"x")
    assert sorted(p.name for p in discover([tmp_path])) == ["a.doc", "b.rtf", "e.txt"]
