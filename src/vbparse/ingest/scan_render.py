"""A scanned PDF page rendered for OCR (pypdfium2): in colour, or in greyscale when the page is
one greyscale image and nothing else.

The colour is kept so that ``ocr_zones.split_ink`` can tell seals, stamps and handwriting
from print. A page that is only a greyscale (or black-and-white) scan has no colour to tell:
its colour rendering has equal channels everywhere, the colour drop whitens nothing, and the
greyscale ``split_ink`` makes of it is pdfium's own greyscale rendering, byte for byte
(pdfium's grey of an equal-channel pixel is that value, as OpenCV's is; checked on every
such page of the OCR scans of ``corpus/scan`` and ``tests/fixtures/real*``). Rendering it in
greyscale skips a third of the pixels' bytes and the colour drop: 0.045 → 0.017 s a 300-dpi
page.
"""

from __future__ import annotations

from typing import Any


def grey_only(page: Any) -> bool:
    """Whether ``page`` (a pypdfium2 page) shows a single image in DeviceGray and nothing
    else: no other object, no annotation (a stamp can be one). An image mask (a stencil
    painted in a colour) has no colour space of its own, so it is not taken."""
    import pypdfium2.raw as pdfium_c

    if pdfium_c.FPDFPage_GetAnnotCount(page) != 0:
        return False
    objects = list(page.get_objects(max_depth=1))
    if len(objects) != 1 or objects[0].type != pdfium_c.FPDF_PAGEOBJ_IMAGE:
        return False
    return objects[0].get_metadata().colorspace == pdfium_c.FPDF_COLORSPACE_DEVICEGRAY


def render_page(page: Any, dpi: float) -> Any:
    """``page`` at ``dpi`` as a numpy array: greyscale (2-D) when ``grey_only``, else pdfium's
    BGR (3-D; ``to_pil`` would convert it to RGB, 0.015 s a page, which the colour drop does
    not need). The buffer is allocated by Python (``new_native``), so the array keeps it
    alive after the bitmap is closed."""
    import pypdfium2 as pdfium

    bitmap = page.render(
        scale=dpi / 72, grayscale=grey_only(page), bitmap_maker=pdfium.PdfBitmap.new_native
    )
    return bitmap.to_numpy()
