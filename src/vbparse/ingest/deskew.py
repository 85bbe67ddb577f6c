"""Deskewing a scanned page for OCR: the angle that makes its text lines sharpest, and the
turn by that angle (done at once for the page Tesseract reads, only when needed for the copy
that keeps the coloured ink: ``TurnedLater``; the turn itself: ``vbparse.ingest.page_turn``).
Used by ``vbparse.ingest.ocr``'s ``prepare``.
"""

from __future__ import annotations

import functools
from typing import Any

from vbparse.ingest.page_turn import turn_bicubic, turn_box

MAX_SKEW_DEG = 3.0
SKEW_STEP_DEG = 0.2
COARSE_STEPS = 3


def estimate_skew(image: Any) -> float:
    """Angle (degrees) that straightens the text lines: the one whose row profile is sharpest.

    Coarse to fine: every ``COARSE_STEPS``-th step first, then the steps around the best of
    those (15 turns of the small copy instead of 31). On the 81 pages of the real scans and
    ``corpus/scan`` it picks the angle that trying every step picks (with 2 or 4 coarse steps,
    not on 2 and 3 pages).
    """
    from PIL import Image

    small = image if image.mode == "L" else image.convert("L")  # only read, never changed
    scale = 1000 / max(small.size)
    if scale < 1:
        small = small.resize((int(small.width * scale), int(small.height * scale)), Image.BILINEAR)
    steps = int(MAX_SKEW_DEG / SKEW_STEP_DEG)
    scores: dict[int, float] = {}
    for k in range(-steps, steps + 1, COARSE_STEPS):
        scores[k] = _sharpness(small, k * SKEW_STEP_DEG)
    coarse = max(scores, key=lambda k: (scores[k], -k))
    for k in range(
        max(-steps, coarse - COARSE_STEPS + 1), min(steps, coarse + COARSE_STEPS - 1) + 1
    ):
        if k not in scores:
            scores[k] = _sharpness(small, k * SKEW_STEP_DEG)
    # The first (most negative) of equal scores, as a search from -MAX_SKEW_DEG up keeps it.
    return max(scores, key=lambda k: (scores[k], -k)) * SKEW_STEP_DEG


def _sharpness(small: Any, angle: float) -> float:
    """How sharp the rows of ink are with the image turned by ``angle``: the squared
    differences between neighbouring rows' counts of dark pixels."""
    import numpy as np
    from PIL import Image

    turned = small.rotate(angle, resample=Image.NEAREST, fillcolor=255)
    rows = np.count_nonzero(np.asarray(turned, dtype=np.uint8) < 128, axis=1).astype(float)
    return float(np.sum(np.diff(rows) ** 2))


def deskew(image: Any) -> Any:
    """The image turned straight (``estimate_skew``)."""
    return turn(image, estimate_skew(image))


def turn(image: Any, angle: float) -> Any:
    """The image in greyscale turned by ``angle`` degrees (bicubic, white brought in at the
    edges: ``page_turn.turn_bicubic``); the image itself when the angle is below half a
    search step (no turn worth resampling the page for)."""
    if abs(angle) < SKEW_STEP_DEG / 2:
        return image
    grey = image if image.mode == "L" else image.convert("L")
    return turn_bicubic(grey, angle)


class TurnedLater:
    """The page with its ink, deskewed only when a header slot is read from it, and then
    only the slot's box (``crop``): turning a whole page at 300 dpi costs more than the
    angle search, and most pages' headers are read in print by Tesseract (``fill_slots``
    reads the ink only for handwriting)."""

    def __init__(self, image: Any, angle: float) -> None:
        self._image, self._angle = image, angle
        self.width, self.height = image.size  # a turn keeps the page's size

    @functools.cached_property
    def turned(self) -> Any:
        return turn(self._image.convert("L"), self._angle)

    def crop(self, box: tuple[int, int, int, int]) -> Any:
        """``turned.crop(box)``, with only the box turned (a header slot is a few hundred
        pixels of the page); from the whole turned page once that has been made."""
        if "turned" in self.__dict__ or abs(self._angle) < SKEW_STEP_DEG / 2:
            return self.turned.crop(box)
        return turn_box(self._grey, self._angle, box)

    @functools.cached_property
    def _grey(self) -> Any:
        return self._image.convert("L")

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_") or name == "turned":  # (before __init__, as unpickling is)
            raise AttributeError(name)
        return getattr(self.turned, name)
