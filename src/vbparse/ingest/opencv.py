"""OpenCV for a scanned page's pixels: loaded set to one thread, and its affine warp given
Pillow's coefficients (``vbparse.ingest.page_turn.rotation``).

Parallelism belongs to vbparse's workers, and on a shared machine threads only add CPU
time. The page is worked on as numpy arrays (``ocr_zones.split_ink``, ``deskew``, ``ruling``)
where Pillow or numpy made a fresh page-sized image at each step.
"""

from __future__ import annotations

import functools
from typing import Any


@functools.cache
def cv2_single() -> Any:
    """OpenCV, set to one thread (once per process)."""
    import cv2

    cv2.setNumThreads(1)
    return cv2


def warp(
    pixels: Any, matrix: tuple[float, ...], size: tuple[int, int], interpolation: int, fill: int
) -> Any:
    """``pixels`` (a 2-D uint8 array) sampled at ``matrix`` (output pixel → source point, in
    Pillow's terms) over an output of ``size`` (width, height); ``fill`` brought in from
    outside the source. With nearest-neighbour sampling the pixels are Pillow's."""
    import numpy as np

    cv2 = cv2_single()
    # Pillow maps a pixel's centre, (x + 0.5, y + 0.5), and samples about source centres at
    # +0.5; OpenCV maps (x, y) and samples about whole numbers: the same point, moved.
    a, b, c, d, e, f = matrix
    centred = (a, b, c + (a + b - 1) / 2, d, e, f + (d + e - 1) / 2)
    return cv2.warpAffine(
        pixels,
        np.array(centred, dtype=np.float64).reshape(2, 3),
        size,
        flags=interpolation | cv2.WARP_INVERSE_MAP,
        borderMode=cv2.BORDER_CONSTANT,
        borderValue=fill,
    )
