"""The page turn with OpenCV (``vbparse.ingest.page_turn``) against Pillow's ``rotate``."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

pytest.importorskip("pypdfium2")
pytest.importorskip("cv2")

from PIL import Image, ImageDraw

from vbparse.ingest import page_turn
from vbparse.ingest.ocr_zones import drop_colour

CORPUS = Path(__file__).resolve().parents[2] / "corpus"


@pytest.mark.parametrize(("page", "angle"), [(0, -1.0), (1, 1.2)])
def test_page_turn_scan_as_pillows_rotate(page: int, angle: float):
    """A real scan's page (corpus/scan 000, the angles the deskew search finds for it) is
    turned about the same point by the same angle as Pillow's bicubic ``rotate``: the pixels
    differ only by the sharper cubic, on the edges of strokes (a quarter of a level on
    average on a page of text; the same turn half a pixel off differs ten times as much)."""
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(CORPUS / "scan" / "000_3070b849d0d1c768.pdf"))
    grey = drop_colour(pdf[page].render(scale=300 / 72).to_numpy())
    expected = np.asarray(
        Image.fromarray(grey).rotate(angle, resample=Image.BICUBIC, fillcolor=255)
    )
    turned = page_turn.turn_cubic(grey, angle)
    assert turned.shape == grey.shape and turned.dtype == np.uint8
    difference = np.abs(turned.astype(int) - expected)
    assert difference.mean() < 0.5 and (difference > 32).mean() < 0.001
    shifted = np.asarray(
        Image.fromarray(grey).rotate(
            angle, resample=Image.BICUBIC, fillcolor=255, translate=(0.5, 0.5)
        )
    )
    assert np.abs(turned.astype(int) - shifted).mean() > 8 * difference.mean()


def test_page_turn_rotation_is_pillows():
    """The coefficients are ``rotate``'s: Pillow's transform by them is ``rotate``."""
    image = Image.new("L", (301, 203), 255)
    ImageDraw.Draw(image).ellipse((40, 30, 260, 170), fill=0, outline=128)
    for angle in (-2.8, -0.2, 0.4, 1.6):
        matrix = page_turn.rotation(image.width, image.height, angle)
        by_matrix = image.transform(image.size, Image.AFFINE, matrix, Image.BICUBIC, fillcolor=255)
        rotated = image.rotate(angle, resample=Image.BICUBIC, fillcolor=255)
        assert by_matrix.tobytes() == rotated.tobytes()


def test_page_turn_nearest_is_pillows():
    """With nearest-neighbour sampling (the angle search's), the pixels are Pillow's: the
    same pixel centres are mapped to the same source pixels."""
    image = Image.new("L", (301, 203), 255)
    ImageDraw.Draw(image).ellipse((40, 30, 260, 170), fill=0, outline=128)
    pixels = np.asarray(image)
    cv2 = page_turn.cv2_single()
    for angle in (-2.8, -0.2, 0.4, 1.6):
        matrix = page_turn.rotation(image.width, image.height, angle)
        ours = page_turn.warp(pixels, matrix, image.size, cv2.INTER_NEAREST, 255)
        pillows = np.asarray(image.rotate(angle, resample=Image.NEAREST, fillcolor=255))
        assert (ours != pillows).mean() < 0.001, angle


def test_page_turn_box_is_the_crop_of_the_turn():
    """``turn_box`` gives the box of the turned page, black outside it as ``crop`` is."""
    image = Image.new("L", (300, 200), 255)
    ImageDraw.Draw(image).text((30, 80), "Số: 4409/BCA-C04", fill=0)
    pixels = np.asarray(image)
    whole = Image.fromarray(page_turn.turn_cubic(pixels, 1.4))
    for box in [(20, 70, 200, 110), (-5, -5, 40, 40), (280, 190, 320, 230), (0, 0, 300, 200)]:
        assert page_turn.turn_box(pixels, 1.4, box).tobytes() == whole.crop(box).tobytes(), box
