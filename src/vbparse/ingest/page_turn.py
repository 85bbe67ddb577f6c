"""Turning a scanned page by a small angle as Pillow's bicubic ``rotate`` turns it (to a
rounding, below), with only the parts of the page that hold ink computed
(``vbparse.ingest.deskew`` decides the angle).

Pillow's bicubic sample weighs 4×4 source pixels, and its formula gives sixteen equal
pixels' value back exactly (each cubic term is a difference of them). Most of a scan on
white paper is exactly 255 (58–93 % of the pixels of the real scans), so a pixel of the
turned page whose 4×4 source pixels are all 255 is 255 without computing it. The turned
page is cut into blocks of ``BLOCK_PX``; the blocks whose source area holds a pixel below
255 (about a third of a text page's blocks) are computed by Pillow's own transform, shifted
to each run of such blocks, and the rest is left white: 0.22 → 0.14 s a skewed 300-dpi
page. A shifted transform sums its coordinates in another order, so a sample that falls
within rounding error of a whole level may be truncated one level apart: on the 78 skewed
pages of the real scans and ``corpus/scan``, 77 are the same bytes as ``rotate`` and one
differs in one pixel of 8.7 million (252 for 253); Tesseract reads the same text.
"""

from __future__ import annotations

import math
from typing import Any

# Blocks of the turned page, in pixels. A block's source area is found from its centre
# (``_blocks_to_compute``): the source block holding it and its eight neighbours reach at
# least ``BLOCK_PX`` beyond the centre, which must cover the block's half-diagonal turned
# plus the 2.5 pixels a bicubic sample reaches; 8 leaves room up to about 20 degrees.
BLOCK_PX = 8
# A bicubic sample's pixels lie within this distance of the point sampled.
_TAP_REACH_PX = 2.5
# Blocks computed together: rows of blocks taken at once, and the white blocks a run may
# bridge (each transform call costs about 10 µs: fewer, longer runs).
BAND_BLOCKS = 2
GAP_BLOCKS = 2
# Value of a white pixel in a greyscale page, and of what the turn brings in at its edges.
WHITE = 255
_INK_LUT = [255] * WHITE + [0]  # 255 where a pixel is below white: counts blocks with ink


def rotation(width: int, height: int, angle: float) -> tuple[float, ...]:
    """The affine coefficients (output pixel → source point) of ``Image.rotate(angle)`` about
    the page's centre, computed as Pillow computes them (a transform by them over the whole
    page is ``rotate``'s, byte for byte)."""
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


def turn_bicubic(image: Any, angle: float) -> Any:
    """``image`` (mode L) turned by ``angle`` degrees about its centre, white brought in at
    the edges: ``image.rotate(angle, resample=BICUBIC, fillcolor=255)`` (to rounding, see
    above), computed only where the page has ink."""
    from PIL import Image

    if not _covered(angle):
        return image.rotate(angle, resample=Image.BICUBIC, fillcolor=WHITE)
    matrix = rotation(image.width, image.height, angle)
    out = Image.new("L", image.size, WHITE)
    image.load()
    # Each run is computed straight into the page by Pillow's core transform, which maps a
    # box's pixels from its corner (hence the shifted coefficients) and, told not to fill,
    # leaves the white of pixels whose source is outside the page: what ``transform`` into
    # a new white image and ``paste`` gave, without their Python work (1,600 runs a page;
    # 0.14 → 0.13 s a page; the same bytes on the 99 skewed pages of the 50 OCR scans).
    core, source = out.im, image.im
    for box in _runs(_blocks_to_compute(image, matrix), image.width, image.height):
        core.transform(
            box, source, Image.Transform.AFFINE, shifted(matrix, *box[:2]), Image.BICUBIC, 0
        )
    return out


def turn_box(image: Any, angle: float, box: tuple[int, int, int, int]) -> Any:
    """``turn_bicubic(image, angle).crop(box)``, with only the box computed: a header slot
    read from the page with its ink needs a few hundred pixels of it, not the page. As
    ``crop``, the part of the box outside the page is black."""
    from PIL import Image

    x0, top, x1, bottom = box
    out = Image.new("L", (x1 - x0, bottom - top), 0)
    inside = (max(x0, 0), max(top, 0), min(x1, image.width), min(bottom, image.height))
    if inside[0] < inside[2] and inside[1] < inside[3]:
        part = _turned_box(image, rotation(image.width, image.height, angle), inside)
        out.paste(part, (inside[0] - x0, inside[1] - top))
    return out


def _turned_box(image: Any, matrix: tuple[float, ...], box: tuple[int, int, int, int]) -> Any:
    from PIL import Image

    x0, top, x1, bottom = box
    return image.transform(
        (x1 - x0, bottom - top),
        Image.Transform.AFFINE,
        shifted(matrix, x0, top),
        Image.BICUBIC,
        fillcolor=WHITE,
    )


def _covered(angle: float) -> bool:
    """Whether a block's source area, found from its centre, is sure to be covered by the
    source blocks around it at this angle (``BLOCK_PX``)."""
    theta = math.radians(angle)
    half_diagonal = BLOCK_PX / 2 * (abs(math.cos(theta)) + abs(math.sin(theta)))
    return half_diagonal + _TAP_REACH_PX <= BLOCK_PX


def _blocks_to_compute(image: Any, matrix: tuple[float, ...]) -> Any:
    """Boolean grid of the turned page's blocks: those whose source area holds a pixel below
    white. A block is taken when the source block under its centre, or one of that block's
    eight neighbours, holds such a pixel; an out-of-page centre counts as the nearest edge
    block (Pillow clamps a sample's pixels to the page)."""
    import numpy as np

    # Block sums of 255-where-ink: one dark pixel in 64 still makes a non-zero mean.
    ink = np.asarray(image.point(_INK_LUT).reduce(BLOCK_PX)) > 0
    near = ink.copy()
    near[1:] |= ink[:-1]
    near[:-1] |= ink[1:]
    wide = near.copy()
    wide[:, 1:] |= near[:, :-1]
    wide[:, :-1] |= near[:, 1:]
    rows, cols = ink.shape
    a, b, c, d, e, f = matrix
    ys = (np.arange(rows) * BLOCK_PX + BLOCK_PX / 2)[:, None]
    xs = (np.arange(cols) * BLOCK_PX + BLOCK_PX / 2)[None, :]
    source_col = np.clip(((a * xs + b * ys + c) // BLOCK_PX).astype(int), 0, cols - 1)
    source_row = np.clip(((d * xs + e * ys + f) // BLOCK_PX).astype(int), 0, rows - 1)
    return wide[source_row, source_col]


def _runs(blocks: Any, width: int, height: int) -> list[tuple[int, int, int, int]]:
    """Pixel boxes covering the blocks to compute: per band of ``BAND_BLOCKS`` rows, runs of
    blocks with gaps of up to ``GAP_BLOCKS`` bridged; in band order, left to right. Found for
    all bands at once (a loop over the bands took a sixth of the turn's time)."""
    import numpy as np

    rows, cols = blocks.shape
    bands = -(-rows // BAND_BLOCKS)
    padded = np.zeros((bands * BAND_BLOCKS, cols), dtype=bool)
    padded[:rows] = blocks
    band, col = np.nonzero(padded.reshape(bands, BAND_BLOCKS, cols).any(axis=1))
    if not len(col):
        return []
    # A run ends where the next block to compute is in another band or past a wide gap.
    breaks = np.flatnonzero((np.diff(band) != 0) | (np.diff(col) > GAP_BLOCKS + 1))
    first = np.concatenate(([0], breaks + 1))
    last = np.concatenate((breaks, [len(col) - 1]))
    tops = band[first] * BAND_BLOCKS * BLOCK_PX
    bottoms = np.minimum(height, tops + BAND_BLOCKS * BLOCK_PX)
    lefts = col[first] * BLOCK_PX
    rights = np.minimum(width, (col[last] + 1) * BLOCK_PX)
    return list(zip(lefts.tolist(), tops.tolist(), rights.tolist(), bottoms.tolist(), strict=True))
