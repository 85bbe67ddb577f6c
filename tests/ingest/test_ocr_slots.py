"""The header's handwritten or stamped number and day, read again from the scan's ink
(ingest/ocr_slots.py). Word readings are Tesseract's on real scans of tests/fixtures/real."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from vbparse.ingest import ocr_slots
from vbparse.ingest.page_model import Word

REAL = Path(__file__).parents[1] / "fixtures/real"
PAGE_HEIGHT = 3508.0


def _line(texts: list[str], top: float = 340.0, x: float = 400.0) -> list[Word]:
    """Words of one line, each as wide as its letters (40 px a letter, one em = 50 px)."""
    words = []
    for text in texts:
        words.append(Word(text, x, top, x + 40 * len(text), top + 50))
        x += 40 * len(text) + 20
    return words


def test_slots_number_between_label_and_code():
    # chỉ thị 05/CT-UBND Quảng Ngãi: the handwritten "05" read as "02 #ˆ".
    words = _line(["Số:", "02", "#ˆ", "/CT-UBND"])
    (slot,) = ocr_slots.find_slots(words, PAGE_HEIGHT)
    assert slot.kind == "number"
    assert slot.replaced == (0, 1, 2, 3)
    assert [w.text for w in slot.kept] == ["Số:", "/CT-UBND"]
    assert slot.box[0] == words[0].x1 and slot.box[2] == words[3].x0


def test_slots_day_glued_to_its_label():
    # công văn 464/TTg-CĐS: "Hà Nội, ngày30 tháng 4 năm 2026".
    words = _line(["Hà", "Nội,", "ngày30", "tháng", "4", "năm", "2026"])
    (slot,) = ocr_slots.find_slots(words, PAGE_HEIGHT)
    assert slot.kind == "day"
    assert [w.text for w in slot.kept] == ["ngày", "tháng"]
    assert slot.box[0] == words[2].x0 + 4 * 40


def test_slots_label_blank_and_code_in_one_word():
    # chỉ thị 16/CT-UBND: "Số:/{6 /CT-UBND" and 11/CT-UBND: "Số:/‡4_/CT-UBND".
    (slot,) = ocr_slots.find_slots(_line(["Số:/‡4_/CT-UBND"]), PAGE_HEIGHT)
    assert [w.text for w in slot.kept] == ["Số:", "/CT-UBND"]


@pytest.mark.parametrize(
    "words",
    [
        # A number in the body ("Công văn số 1060/BTC-QLGCS ngày 23/01/2025") is no slot.
        _line(["văn", "số", "1060/BTC-QLGCS", "ngày", "23/01/2025"], top=1800.0),
        # "ngày" not after the place's comma: a date in the body's first lines.
        _line(["Chỉ", "thị", "số", "11/CT-TTg", "ngày", "16", "tháng", "4"]),
        # A printed number with no blank: nothing to read again.
        _line(["Số:", "/CT-UBND"]),
    ],
)
def test_slots_not_found(words):
    assert ocr_slots.find_slots(words, PAGE_HEIGHT) == []


@pytest.mark.parametrize(
    ("reading", "digits"),
    [
        ("440g", "4409"),  # công văn 4409/BCA-C04: the 9 read as g
        ("： 464", "464"),  # the widened cut takes the colon of "Số:"
        ("v04t", "04"),  # ... the "y" of "ngày" and the "t" of "tháng"
        ("d9", "d9"),  # no digit read for the d: not digits, not taken
    ],
)
def test_slots_reading_as_digits(reading, digits):
    assert ocr_slots._digits(reading) == digits


needs_readers = pytest.mark.skipif(
    shutil.which("tesseract") is None or ocr_slots._recogniser() is None,
    reason="needs tesseract and rapidocr-onnxruntime",
)


@needs_readers
def test_slots_stamped_number_read_from_scan_with_warning():
    """Công văn 575/UBND-KTTH Quảng Ngãi (real scan): the stamped 575, which Tesseract read
    as "'†E", is read again; the record says it was read from a stamp or handwriting."""
    from vbparse.pipeline import parse_file

    doc = parse_file(REAL / "b06_files/cv_575_ubnd-ktth_2025.pdf")
    assert doc.number == "575/UBND-KTTH"
    assert str(doc.date) == "2025-02-04"
    assert any("575 was read from handwriting" in w.message for w in doc.warnings)


def test_slots_printed_digits_are_what_tesseract_read():
    # corpus/scan 000: a printed number Tesseract reads whole ("6466/VPCP-KGVX"): kept as read.
    (slot,) = ocr_slots.find_slots(_line(["Số:", "6466/VPCP-KGVX"]), PAGE_HEIGHT)
    assert slot.read == "6466"
    from PIL import Image

    words = _line(["Số:", "6466/VPCP-KGVX"])
    page = Image.new("L", (2480, int(PAGE_HEIGHT)), 255)
    assert ocr_slots.fill_slots(words, [90.0, 90.0], page)[0] == words


def test_slots_label_box_swollen_by_handwriting():
    """Thông báo 660/TB-UBND (real scan): Tesseract's box of "ngày" (1517-1686) takes in the
    handwritten 31 it read as "3|" (1637-1691), up to "tháng" (1706): the slot starts where
    the letters of "ngày" end, and holds the handwriting."""
    texts = [("Quảng", 1227, 1373), ("Ngãi,", 1382, 1496), ("ngày", 1517, 1686)]
    texts += [("3|", 1637, 1691), ("tháng", 1706, 1829), ("12", 1859, 1910)]
    words = [Word(t, x0, 270, x1, 325) for t, x0, x1 in texts]
    (slot,) = ocr_slots.find_slots(words, PAGE_HEIGHT)
    assert slot.kind == "day"
    assert slot.box[0] <= 1637 and slot.box[2] >= 1691
