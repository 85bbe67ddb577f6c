"""Run fonts are resolved only where a legacy font can be named (vbparse.ingest.docx_runs): a
document whose body and styles name no TCVN3/VNI/VISCII font reads as it did with every
run's font resolved, and one that names such a font, in a run or only in a style, is still
decoded."""

from __future__ import annotations

from pathlib import Path

import pytest

from vbparse.ingest import docx_runs
from vbparse.ingest.docx import read_docx

CORPUS = Path(__file__).resolve().parents[2] / "corpus"
REAL = Path(__file__).resolve().parents[1] / "fixtures" / "real"
DOCX_FILES = sorted(CORPUS.glob("docx/*.docx")) + sorted(REAL.rglob("*.docx"))

# "Cộng hoà xã hội chủ nghĩa việt nam" in TCVN3 bytes read as Windows-1252
# (tests/ingest/cases/legacy_pieces.yaml, tcvn3-run-by-font).
TCVN3 = "Céng hoµ x· héi chñ nghÜa viÖt nam"
DECODED = "Cộng hoà xã hội chủ nghĩa việt nam"


def _every_font_resolved(monkeypatch) -> None:
    """As before the shortcut: a legacy font named somewhere, so every run is resolved."""
    monkeypatch.setattr(docx_runs, "rfonts_names", lambda root: frozenset({".VnTime"}))


@pytest.mark.parametrize("path", DOCX_FILES, ids=lambda p: p.name)
def test_docx_fonts_text_as_with_every_font_resolved(path, monkeypatch):
    shortcut = read_docx(path)
    _every_font_resolved(monkeypatch)
    assert read_docx(path) == shortcut


def _legacy_docx(tmp_path: Path, *, in_style: bool) -> Path:
    """A .docx with a TCVN3 paragraph whose font ``.VnTime`` is the run's own, or only its
    paragraph style's."""
    import docx

    document = docx.Document()
    document.add_paragraph("Điều 1. Nội dung")
    if in_style:
        style = document.styles.add_style("Legacy", 1)  # a paragraph style
        style.font.name = ".VnTime"
        document.add_paragraph(TCVN3, style="Legacy")
    else:
        document.add_paragraph().add_run(TCVN3).font.name = ".VnTime"
    path = tmp_path / "legacy.docx"
    document.save(str(path))
    return path


@pytest.mark.parametrize("in_style", [False, True], ids=["run-font", "style-font"])
def test_docx_fonts_legacy_font_still_decoded(tmp_path, monkeypatch, in_style):
    path = _legacy_docx(tmp_path, in_style=in_style)
    text = read_docx(path).text
    assert DECODED in text
    assert "Điều 1. Nội dung" in text
    _every_font_resolved(monkeypatch)
    assert read_docx(path).text == text
