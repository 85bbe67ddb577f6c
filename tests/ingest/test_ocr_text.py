"""Text files that hold an OCR's output get the OCR route's mark repairs; typed text keeps
its words (ingest/ocr_text.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from vbparse.ingest.ocr_text import repair_ocr_output
from vbparse.pipeline import parse_text

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
REAL_NEW = FIXTURES / "real_new"


def test_ocr_output_of_a_real_letter_is_repaired_and_said():
    """Công văn 1770/TCT-TTKT as a tax dataset holds its OCR (real, batch b37)."""
    path = REAL_NEW / "b37_text_ocr_cv" / "cv_1770_tct-ttkt_2020.txt"
    text = path.read_text(encoding="utf-8")
    repaired, did = repair_ocr_output(text)
    assert did and len(repaired) == len(text)  # marks only: offsets into the file hold
    assert "CỤC THUẾ" in repaired and "CUC THUE" in text  # OCR lost the marks
    doc = parse_text(text)
    assert any("OCR output" in w.message for w in doc.warnings)


@pytest.mark.parametrize(
    "path",
    sorted((FIXTURES / "real").glob("b3*/*.md"))[:6] + sorted(FIXTURES.glob("unseen/*.txt"))[:4],
    ids=lambda p: p.name,
)
def test_typed_text_keeps_its_words(path):
    text = path.read_text(encoding="utf-8")
    assert repair_ocr_output(text) == (text, False)


def test_ocr_output_gets_its_section_labels_back():
    """Công văn 370/TCHQ-TXNK as a customs dataset holds its OCR (real, batch b38): "|." is
    section I, and the repair keeps the file's offsets."""
    path = REAL_NEW / "b38_text_ocr_customs" / "cv_370_tchq-txnk_2022.txt"
    text = path.read_text(encoding="utf-8")
    repaired, did = repair_ocr_output(text)
    assert did and len(repaired) == len(text)
    assert "\n|. Về chính sách" in text and "\nI. Về chính sách" in repaired


def test_ocr_text_layer_of_a_pdf_is_repaired():
    """An e-office system's OCR layer of a signed scan (công văn 40091/CHQ-GSQL, real, batch
    b13): its marks repaired, the issuer read from the capitals OCR ran into the number line,
    and the paragraph forwarding the file is the branches' task."""
    from vbparse.pipeline import parse_file

    path = FIXTURES / "real" / "b13_bo_tinh_mix" / "cv_40091_chq-gsql_2025.pdf"
    doc = parse_file(path)
    assert any("OCR output" in w.message for w in doc.warnings)
    assert doc.issuer == "Cục Hải quan"
    assert [task.id for task in doc.tasks] == ["p1"]
    assert any("Chi cục Điều tra" in a.name for a in doc.tasks[0].lead)


def test_the_request_word_and_the_polite_your_are_put_right():
    """Công văn 5949/BTC-CST as a tax dataset holds its OCR (real, batch b33): "dé nghị Quy co
    quan" is "đề nghị Quý cơ quan", the request that names the letter's addressees."""
    path = REAL_NEW / "b33_text_cv_short" / "cv_5949_btc-cst_2024.txt"
    text = path.read_text(encoding="utf-8")
    repaired, did = repair_ocr_output(text)
    assert did and "Bộ Tài chính đề nghị Quý cơ quan, đơn vị" in repaired


def test_the_provincial_level_is_put_right():
    """Công văn 10688/BYT-MT as a dataset holds its OCR (real, batch b37): "Uỷ ban nhân dân cấp
    tình" is "cấp tỉnh", the provincial committees the item asks to act."""
    path = REAL_NEW / "b37_text_ocr_cv" / "cv_10688_byt-mt_2021.txt"
    repaired, did = repair_ocr_output(path.read_text(encoding="utf-8"))
    assert did and "Đề nghị Uỷ ban nhân dân cấp tỉnh, các Bộ, ngành" in repaired


@pytest.mark.parametrize(
    ("path", "kept"),
    [
        # a word the copy repeats counts once ("cao su" five times, công văn 2788/VPCP-KTN)
        (REAL_NEW / "b125_vpcp_rest" / "cv_2788_vpcp-ktn_2011.txt", "cao su"),
        # "Hội chữ thập đỏ" (công văn 1952/VPCP-QHQT), "Côn Đảo" (7696/VPCP-CN)
        (REAL_NEW / "b125_vpcp_rest" / "cv_1952_vpcp-qhqt_2003.txt", "chữ thập đỏ"),
        (REAL_NEW / "b124_vpcp_topics" / "cv_7696_vpcp-cn_2022.txt", "Côn Đảo"),
        # a site's title without marks ("Kinh phi ke hoach thi dua …", 2923/UBND-NCTH)
        (REAL_NEW / "b49_web_cv_local" / "cv_2923_ubnd-ncth_2010.txt", "ke hoach"),
    ],
    ids=lambda v: v.name if isinstance(v, Path) else v,
)
def test_web_copies_keep_their_words(path, kept):
    """Web copies of real letters (b49, b124, b125) whose first words hold a few pairs the
    lexicon would change: typed text, kept as written."""
    text = path.read_text(encoding="utf-8")
    assert kept in text
    assert repair_ocr_output(text) == (text, False)
