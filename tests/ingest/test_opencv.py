"""OpenCV's warp in Pillow's terms (``vbparse.ingest.opencv``), as the angle search uses it."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

pytest.importorskip("pypdfium2")
pytest.importorskip("cv2")

from PIL import Image

from vbparse.ingest import deskew, opencv, page_turn
from vbparse.ingest.ocr_zones import drop_colour

CORPUS = Path(__file__).resolve().parents[2] / "corpus"


def _search_copies() -> list[tuple[str, int, np.ndarray, np.ndarray]]:
    """Each page of corpus/scan 000 and the first three of 004 (a letter; a table annex):
    the colour-dropped page and its 1000-px copy, as the angle search makes it."""
    import pypdfium2 as pdfium

    copies = []
    for stem, pages in (("000_3070b849d0d1c768", 2), ("004_a135c2dc3c7e6627", 3)):
        pdf = pdfium.PdfDocument(str(CORPUS / "scan" / f"{stem}.pdf"))
        for index in range(pages):
            page = drop_colour(pdf[index].render(scale=300 / 72).to_numpy())
            height, width = page.shape
            size = (int(width * 1000 / height), 1000)
            small = np.asarray(Image.fromarray(page).resize(size, Image.BILINEAR))
            copies.append((stem, index, page, small))
    return copies


def _pillows_angle(small: np.ndarray) -> float:
    """The angle Pillow's nearest-neighbour turns pick, every step tried (the search as it
    was before OpenCV)."""
    steps = int(deskew.MAX_SKEW_DEG / deskew.SKEW_STEP_DEG)
    scores = []
    for k in range(-steps, steps + 1):
        turned = Image.fromarray(small).rotate(
            k * deskew.SKEW_STEP_DEG, resample=Image.NEAREST, fillcolor=255
        )
        rows = np.count_nonzero(np.asarray(turned) < 128, axis=1).astype(float)
        scores.append(float(np.sum(np.diff(rows) ** 2)))
    return (scores.index(max(scores)) - steps) * deskew.SKEW_STEP_DEG


def test_opencv_nearest_warp_is_pillows_turn_and_angle():
    """On real scan pages, OpenCV's nearest-neighbour warp by ``rotation``'s coefficients
    takes the pixels Pillow's ``rotate`` takes but for about one in a thousand (a source
    point within 1/64 pixel of a pixel's edge is rounded the other way), and the angle
    search with it picks the angle Pillow's turns pick."""
    cv2 = opencv.cv2_single()
    for stem, index, page, small in _search_copies():
        height, width = small.shape
        for angle in (-2.4, -0.2, 0.6, 1.8):
            matrix = page_turn.rotation(width, height, angle)
            ours = opencv.warp(small, matrix, (width, height), cv2.INTER_NEAREST, 255)
            pillows = np.asarray(Image.fromarray(small).rotate(angle, fillcolor=255))
            assert (ours != pillows).mean() < 0.003, (stem, index, angle)
        assert deskew.estimate_skew(page) == _pillows_angle(small), (stem, index)
