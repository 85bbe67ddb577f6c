"""Turning a scanned page by a small angle about its centre, with OpenCV's bicubic warp
(``vbparse.ingest.deskew`` decides the angle).

Pillow's bicubic ``rotate`` took 0.22 s a 300-dpi page (0.14 s computing only the blocks
that hold ink); ``cv2.warpAffine`` with ``INTER_CUBIC`` takes 0.05 s. The pixels differ a
little (OpenCV's cubic kernel is the sharper a = -0.75 to Pillow's -0.5, its sample points
are rounded to 1/32 pixel): Tesseract's text changes on some scans, with no gold figure of
the real corpus lower (bench/RESULTS.md, "OCR, fifth pass"). The coefficients are those of
Pillow's ``rotate``, so a page is turned about the same point by the same angle.

OpenCV is used single-threaded (``cv2_single``): parallelism belongs to vbparse's workers,
and on a shared machine threads only add CPU time.
"""

from __future__ import annotations

import functools
import math
from typing import Any

# Value of a white pixel in a greyscale page, and of what the turn brings in at its edges.
WHITE = 255


@functools.cache
def cv2_single() -> Any:
    """OpenCV, set to one thread (once per process)."""
    import cv2

    cv2.setNumThreads(1)
    return cv2


def rotation(width: int, height: int, angle: float) -> tuple[float, ...]:
    """The affine coefficients (output pixel → source point) of ``Image.rotate(angle)`` about
    the page's centre, computed as Pillow computes them."""
    cx, cy = width / 2, height / 2
    theta = -math.radians(angle)
    a, b = round(math.cos(theta), 15), round(math.sin(theta), 15)
    d, e = round(-math.sin(theta), 15), round(math.cos(theta), 15)
    c = a * -cx + b * -cy + 0.0 + cx
    f = d * -cx + e * -cy + 0.0 + cy
    return a, b, c, d, e, f


def shifted(matrix: tuple[float, ...], x: int, y: int) -> tuple[float, ...]:
    """The coefficients that give, at (0, 0), the output pixel (x, y) of ``matrix``."""
    a, b, c, d, e, f = matrix
    return a, b, c + a * x + b * y, d, e, f + d * x + e * y


def warp(
    pixels: Any, matrix: tuple[float, ...], size: tuple[int, int], interpolation: int, fill: int
) -> Any:
    """``pixels`` (a 2-D uint8 array) sampled at ``matrix`` (output pixel → source point, in
    Pillow's terms) over an output of ``size`` (width, height); ``fill`` brought in from
    outside the source."""
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


def turn_cubic(pixels: Any, angle: float) -> Any:
    """``pixels`` (a greyscale page as a 2-D uint8 array) turned by ``angle`` degrees about
    its centre (counter-clockwise, as ``Image.rotate``), white brought in at the edges."""
    height, width = pixels.shape
    matrix = rotation(width, height, angle)
    return warp(pixels, matrix, (width, height), cv2_single().INTER_CUBIC, WHITE)


def turn_box(pixels: Any, angle: float, box: tuple[int, int, int, int]) -> Any:
    """The box (x0, top, x1, bottom) of ``turn_cubic(pixels, angle)``, with only the box
    computed: a header slot read from the page with its ink needs a few hundred pixels of
    it, not the page. As Pillow's ``crop``, the part of the box outside the page is black."""
    import numpy as np

    height, width = pixels.shape
    x0, top, x1, bottom = box
    out = np.zeros((bottom - top, x1 - x0), dtype=np.uint8)
    inside = (max(x0, 0), max(top, 0), min(x1, width), min(bottom, height))
    if inside[0] < inside[2] and inside[1] < inside[3]:
        matrix = shifted(rotation(width, height, angle), inside[0], inside[1])
        size = (inside[2] - inside[0], inside[3] - inside[1])
        part = warp(pixels, matrix, size, cv2_single().INTER_CUBIC, WHITE)
        out[inside[1] - top : inside[3] - top, inside[0] - x0 : inside[2] - x0] = part
    return out
