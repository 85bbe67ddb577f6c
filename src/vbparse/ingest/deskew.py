"""Deskewing a scanned page for OCR: the angle that makes its text lines sharpest, and the
turn by that angle (done at once for the page Tesseract reads, only when needed for the copy
that keeps the coloured ink: ``TurnedLater``; the turn itself: ``vbparse.ingest.page_turn``).
Used by ``vbparse.ingest.ocr``'s ``prepare``. Pages are greyscale uint8 arrays; a Pillow
image is taken too (converted to one).
"""

from __future__ import annotations

import functools
from typing import Any

from vbparse.ingest.opencv import cv2_single, warp
from vbparse.ingest.page_turn import rotation, turn_bicubic, turn_box

MAX_SKEW_DEG = 3.0
SKEW_STEP_DEG = 0.2
COARSE_STEPS = 3
# The angle search looks at a copy of the page this many pixels on its longer side.
SEARCH_PX = 1000
# Darker than this is ink, for the angle search's row profile.
INK_BELOW = 128


def grey_pixels(image: Any) -> Any:
    """A page as a greyscale uint8 array: the array itself, or a Pillow image converted."""
    import numpy as np

    if isinstance(image, np.ndarray):
        return image
    return np.asarray(image if image.mode == "L" else image.convert("L"))


def estimate_skew(image: Any) -> float:
    """Angle (degrees) that straightens the text lines: the one whose row profile is sharpest.

    Coarse to fine: every ``COARSE_STEPS``-th step first, then the steps around the best of
    those (15 turns of the small copy instead of 31). On the 81 pages of the real scans and
    ``corpus/scan`` it picks the angle that trying every step picks (with 2 or 4 coarse steps,
    not on 2 and 3 pages).
    """
    steps = int(MAX_SKEW_DEG / SKEW_STEP_DEG)
    ink = _search_copy(grey_pixels(image))
    scores: dict[int, float] = {}
    for k in range(-steps, steps + 1, COARSE_STEPS):
        scores[k] = _sharpness(ink, k * SKEW_STEP_DEG)
    coarse = max(scores, key=lambda k: (scores[k], -k))
    for k in range(
        max(-steps, coarse - COARSE_STEPS + 1), min(steps, coarse + COARSE_STEPS - 1) + 1
    ):
        if k not in scores:
            scores[k] = _sharpness(ink, k * SKEW_STEP_DEG)
    # The first (most negative) of equal scores, as a search from -MAX_SKEW_DEG up keeps it.
    return max(scores, key=lambda k: (scores[k], -k)) * SKEW_STEP_DEG


def _search_copy(pixels: Any) -> Any:
    """The page scaled to ``SEARCH_PX`` on its longer side (Pillow's bilinear, which
    averages over the pixels it shrinks: a box or nearest shrink picks another angle on 2
    or 4 of the 126 pages of the real scans), as 1 where ink, 0 elsewhere."""
    import numpy as np
    from PIL import Image

    height, width = pixels.shape
    scale = SEARCH_PX / max(width, height)
    if scale < 1:
        small = Image.fromarray(pixels).resize(
            (int(width * scale), int(height * scale)), Image.BILINEAR
        )
        pixels = np.asarray(small)
    return (pixels < INK_BELOW).view(np.uint8)


def _sharpness(ink: Any, angle: float) -> float:
    """How sharp the rows of ink are with the copy turned by ``angle``: the squared
    differences between neighbouring rows' counts of ink pixels (the copy turned by
    nearest neighbour, nothing brought in at the edges)."""
    import numpy as np

    cv2 = cv2_single()
    height, width = ink.shape
    matrix = rotation(width, height, angle)
    turned = warp(ink, matrix, (width, height), cv2.INTER_NEAREST, 0)
    rows = cv2.reduce(turned, 1, cv2.REDUCE_SUM, dtype=cv2.CV_32S).ravel().astype(float)
    return float(np.sum(np.diff(rows) ** 2))


def turn(image: Any, angle: float) -> Any:
    """The page as a greyscale array turned by ``angle`` degrees (Pillow's bicubic, white
    brought in at the edges: ``page_turn.turn_bicubic``); the page itself when the angle is
    below half a search step (no turn worth resampling the page for).

    Pillow's turn, not OpenCV's (0.06 s a page against 0.13): OpenCV's sharper cubic changes
    Tesseract's reading, and on the real corpus's 31 scans lowered every figure of the scan
    row but deadlines (fields 0.692 → 0.667, task 0.914 → 0.906, support 0.800 → 0.789;
    bench/RESULTS.md, "OCR, fifth pass")."""
    import numpy as np
    from PIL import Image

    pixels = grey_pixels(image)
    if abs(angle) < SKEW_STEP_DEG / 2:
        return pixels
    return np.asarray(turn_bicubic(Image.fromarray(pixels), angle))


class TurnedLater:
    """The page with its ink, deskewed only when a header slot is read from it, and then
    only the slot's box (``crop``): turning a whole page at 300 dpi costs more than the
    angle search, and most pages' headers are read in print by Tesseract (``fill_slots``
    reads the ink only for handwriting). ``image``: the page in greyscale, an array (or a
    Pillow image, converted)."""

    def __init__(self, image: Any, angle: float) -> None:
        self._grey, self._angle = grey_pixels(image), angle
        self.height, self.width = self._grey.shape  # a turn keeps the page's size

    @functools.cached_property
    def turned(self) -> Any:
        from PIL import Image

        return Image.fromarray(turn(self._grey, self._angle))

    def crop(self, box: tuple[int, int, int, int]) -> Any:
        """``turned.crop(box)``, with only the box turned (a header slot is a few hundred
        pixels of the page); from the whole turned page once that has been made."""
        from PIL import Image

        if "turned" in self.__dict__ or abs(self._angle) < SKEW_STEP_DEG / 2:
            return self.turned.crop(box)
        return turn_box(Image.fromarray(self._grey), self._angle, box)

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_") or name == "turned":  # (before __init__, as unpickling is)
            raise AttributeError(name)
        return getattr(self.turned, name)
