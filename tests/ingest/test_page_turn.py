"""The sparse bicubic turn (``vbparse.ingest.page_turn``) against Pillow's own ``rotate``."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("pypdfium2")

from PIL import Image, ImageDraw

from vbparse.ingest import page_turn
from vbparse.ingest.ocr_zones import drop_colour

CORPUS = Path(__file__).resolve().parents[2] / "corpus"


@pytest.mark.parametrize(("page", "angle"), [(0, -1.0), (1, 1.2)])
def test_page_turn_scan_same_bytes_as_rotate(page: int, angle: float):
    """A real scan's page (corpus/scan 000, the angles the deskew search finds for it),
    turned only where it has ink, is Pillow's whole-page bicubic ``rotate``, byte for byte,
    though most of its blocks are left white uncomputed (a letter's second page is 8 % ink
    blocks)."""
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(CORPUS / "scan" / "000_3070b849d0d1c768.pdf"))
    grey = Image.fromarray(drop_colour(pdf[page].render(scale=300 / 72).to_numpy()))
    expected = grey.rotate(angle, resample=Image.BICUBIC, fillcolor=255)
    assert page_turn.turn_bicubic(grey, angle).tobytes() == expected.tobytes()
    blocks = page_turn._blocks_to_compute(grey, page_turn.rotation(*grey.size, angle))
    assert 0.05 < blocks.mean() < 0.6


def test_page_turn_rotation_is_pillows():
    """The coefficients are ``rotate``'s: a transform by them over the whole page is it."""
    image = Image.new("L", (301, 203), 255)
    ImageDraw.Draw(image).ellipse((40, 30, 260, 170), fill=0, outline=128)
    for angle in (-2.8, -0.2, 0.4, 1.6):
        matrix = page_turn.rotation(image.width, image.height, angle)
        by_matrix = image.transform(image.size, Image.AFFINE, matrix, Image.BICUBIC, fillcolor=255)
        rotated = image.rotate(angle, resample=Image.BICUBIC, fillcolor=255)
        assert by_matrix.tobytes() == rotated.tobytes()


def test_page_turn_large_angle_turns_whole_page():
    """Past the angle the blocks' neighbourhood covers, the whole page is turned by Pillow."""
    image = Image.new("L", (200, 100), 255)
    ImageDraw.Draw(image).rectangle((20, 40, 180, 60), fill=0)
    assert not page_turn._covered(45.0)
    expected = image.rotate(45.0, resample=Image.BICUBIC, fillcolor=255)
    assert page_turn.turn_bicubic(image, 45.0).tobytes() == expected.tobytes()


def test_page_turn_box_is_the_crop_of_the_turn():
    """``turn_box`` gives the box of the turned page, black outside it as ``crop`` is."""
    image = Image.new("L", (300, 200), 255)
    ImageDraw.Draw(image).text((30, 80), "Số: 4409/BCA-C04", fill=0)
    whole = image.rotate(1.4, resample=Image.BICUBIC, fillcolor=255)
    for box in [(20, 70, 200, 110), (-5, -5, 40, 40), (280, 190, 320, 230), (0, 0, 300, 200)]:
        assert page_turn.turn_box(image, 1.4, box).tobytes() == whole.crop(box).tobytes(), box
