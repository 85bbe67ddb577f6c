"""A Word file that holds no text but pictures of its pages (a clerk's scan pasted into Word)
is read by OCR, one page a picture; a Word file with text is read as text, its pictures left
alone."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from vbparse import parse_file
from vbparse.ingest import IngestError
from vbparse.ingest.docx import read_docx

REAL_NEW = Path(__file__).resolve().parents[1] / "fixtures" / "real_new"
# công văn 2082/SYT-NVY of Sở Y tế Kiên Giang, a real signed one-page scan (b65 SOURCES.md)
SCAN = REAL_NEW / "b65_repo_uploads" / "cv_2082_syt-nvy_kiengiang_2017.pdf"
# thông báo 320/TB-ĐGS of HĐND huyện Tuần Giáo: a real .doc of two page pictures, no text
PICTURES_DOC = REAL_NEW / "b74_repo_hdnd" / "tb_320_tb-dgs_tuangiao_2018.doc"

needs_tesseract = pytest.mark.skipif(
    shutil.which("tesseract") is None,
    reason="tesseract binary not installed (Debian: tesseract-ocr tesseract-ocr-vie)",
)


def _page_picture(tmp_path: Path, dpi: int = 200) -> Path:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(SCAN))
    picture = tmp_path / "page.png"
    pdf[0].render(scale=dpi / 72).to_pil().convert("L").save(picture)
    pdf.close()
    return picture


def _docx(tmp_path: Path, text: str | None, picture: Path | None) -> Path:
    import docx
    from docx.shared import Cm

    document = docx.Document()
    if text is not None:
        document.add_paragraph(text)
    if picture is not None:
        document.add_picture(str(picture), width=Cm(19))
    path = tmp_path / "letter.docx"
    document.save(str(path))
    return path


@needs_tesseract
def test_docx_of_a_page_picture_is_read_by_ocr(tmp_path):
    raw = read_docx(_docx(tmp_path, None, _page_picture(tmp_path)))
    assert raw.ocr and raw.format == "docx" and raw.pages == 1
    assert raw.warnings[0] == "no text in the document: its 1 pictures read by OCR"
    assert "Kính gửi" in raw.text and "Lê Hoàng Anh" in raw.text
    doc = parse_file(_docx(tmp_path, None, _page_picture(tmp_path)))
    assert doc.place == "Kiên Giang" and doc.issuer == "Sở Y tế tỉnh Kiên Giang"
    assert doc.signer == "Lê Hoàng Anh"


def test_docx_with_text_leaves_its_pictures_alone(tmp_path):
    """A picture in a letter with text (a logo, a signature) is not read: no OCR."""
    from PIL import Image

    logo = tmp_path / "logo.png"
    Image.new("L", (40, 40), 0).save(logo)
    raw = read_docx(_docx(tmp_path, "Kính gửi: Sở Y tế", logo))
    assert not raw.ocr and raw.text == "Kính gửi: Sở Y tế\n"


def test_docx_without_text_or_pictures_is_refused(tmp_path):
    with pytest.raises(IngestError, match="no text in document"):
        read_docx(_docx(tmp_path, None, None))


@needs_tesseract
@pytest.mark.skipif(
    shutil.which("soffice") is None,
    reason="LibreOffice not installed (Debian: libreoffice-writer-nogui; make system-deps)",
)
def test_real_doc_of_page_pictures_gives_its_tasks():
    doc = parse_file(PICTURES_DOC)
    assert doc.source.ocr and doc.source.pages == 2
    assert any(t.text.startswith("Các đơn vị chịu sự giám sát") for t in doc.tasks)
