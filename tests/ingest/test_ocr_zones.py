"""Scanned pages read for their fields: coloured ink dropped, the signature zone read again.

Word boxes are those Tesseract gave on the last page of chỉ thị 02/CT-TTg (2026, real scan,
tests/fixtures/real/b04_tb_ct) at 300 dpi: the Nơi nhận list, the Prime Minister's title and
name beside it under the red seal, and what the seal left between them.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from vbparse.ingest.ocr_zones import drop_colour, reread_signature_zone, signature_zone
from vbparse.ingest.page_model import Word

WIDTH, HEIGHT = 2484, 3526


def _line(text: str, x0: int, x1: int, top: int, bottom: int) -> list[tuple[Word, float]]:
    """A line of the list, its words spread evenly between x0 and x1 (Tesseract's spacing)."""
    words = text.split()
    step = (x1 - x0) / len(words)
    return [
        (Word(w, round(x0 + k * step), top, round(x0 + (k + 1) * step - 12), bottom), 95.0)
        for k, w in enumerate(words)
    ]


PAGE = [
    (Word("Nơi", 382, 798, 455, 840), 93.0),
    (Word("nhận:", 470, 800, 585, 854), 93.0),
    *_line("- Các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ;", 383, 1389, 970, 1014),
    *_line("- Hội đồng Dân tộc và các Ủy ban của Quốc", 385, 1201, 1237, 1279),
    (Word("hội;", 1216, 1237, 1283, 1278), 96.0),
    # What the seal and the signature left beside the list.
    (Word("ca", 1366, 1222, 1436, 1281), 30.0),
    (Word("LÀN", 1479, 1170, 1549, 1240), 40.0),
    # The page's reading of the zone: a stroke of the signature.
    (Word("Ẩ", 1700, 900, 1760, 1000), 20.0),
]
ZONE_READING = [
    # A piece of the line above, cut by the zone's top edge.
    (Word("TÊN", 1678, 690, 1720, 716), 61.0),
    (Word("THỦ", 1691, 799, 1815, 853), 86.0),
    (Word("TƯỚNG", 1834, 798, 2050, 853), 90.0),
    (Word("JJ", 1655, 1088, 1717, 1179), 0.0),
    # A bold name with stacked marks stands taller than the list's print.
    (Word("Phạm", 1639, 1263, 1781, 1335), 91.0),
    (Word("Minh", 1800, 1267, 1934, 1307), 96.0),
    (Word("Chính", 1954, 1266, 2104, 1308), 96.0),
]


class _Image:
    """Stands for a PIL page: the zone reader only crops it and draws on the crop."""

    width, height = WIDTH, HEIGHT

    def __init__(self) -> None:
        self.cropped: tuple[int, int, int, int] | None = None

    def crop(self, box):
        from PIL import Image

        self.cropped = box
        return Image.new("L", (box[2] - box[0], box[3] - box[1]), 255)


def test_ocr_zones_signature_zone_starts_right_of_the_list():
    words = [w for w, _ in PAGE]
    x0, top, x1, bottom = signature_zone(words, WIDTH, HEIGHT)
    assert x0 > 1389  # right of "phủ;", which reaches past the middle
    assert top < 798 and (x1, bottom) == (WIDTH, HEIGHT)


def test_ocr_zones_no_zone_without_noi_nhan():
    words = [w for w, _ in PAGE if w.text not in ("Nơi", "nhận:")]
    assert signature_zone(words, WIDTH, HEIGHT) is None


def test_ocr_zones_no_zone_beside_a_list_across_the_page():
    """A Nơi nhận line read as one run to the page's edge (công văn 5240/BCA-V01, a real
    signed scan, crashed the reader with "Coordinate 'right' is less than 'left'"): no zone
    beside it, and the page is read as it is."""
    words = [w for w, _ in PAGE] + [
        w
        for w, _ in _line(
            "- Các tỉnh, thành phố trực thuộc trung ương; các cơ quan", 385, 2460, 1400, 1444
        )
    ]
    assert signature_zone(words, WIDTH, HEIGHT) is None
    image = _Image()
    assert reread_signature_zone(image, words, [90.0] * len(words), _no_reader)[0] == words
    assert image.cropped is None


def _no_reader(crop, config, x0, top):
    raise AssertionError("no zone to read")


def test_ocr_zones_reread_replaces_the_zone_and_drops_debris():
    image = _Image()
    calls = []

    def read(crop, config, dx, dy):
        calls.append((config, dx, dy))
        return [w for w, _ in ZONE_READING], [c for _, c in ZONE_READING]

    words, confidences = reread_signature_zone(
        image, [w for w, _ in PAGE], [c for _, c in PAGE], read
    )
    texts = [w.text for w in words]
    assert calls and calls[0][0] == "--psm 6"
    assert [w.text for w in words if w.x0 > 1600] == ["THỦ", "TƯỚNG", "Phạm", "Minh", "Chính"]
    assert "JJ" not in texts and "Ẩ" not in texts  # signature strokes
    assert "TÊN" not in texts
    assert "LÀN" not in texts and "ca" not in texts  # the seal's debris beside the list
    assert "Chính" in texts and "phủ;" in texts and "hội;" in texts  # the list is kept
    assert len(words) == len(confidences)


def test_ocr_zones_drop_colour_whitens_seal_keeps_print():
    from PIL import Image

    page = Image.new("RGB", (3, 1))
    page.putpixel((0, 0), (20, 22, 25))  # black print
    page.putpixel((1, 0), (200, 40, 50))  # seal red
    page.putpixel((2, 0), (40, 60, 170))  # ballpoint blue
    grey = drop_colour(page)
    assert grey.dtype.name == "uint8" and grey.shape == (1, 3)
    assert grey[0, 0] < 60
    assert grey[0, 1] == 255 and grey[0, 2] == 255
    assert drop_colour(Image.new("L", (2, 2), 0))[0, 0] == 0


@pytest.mark.parametrize("mode", ["RGB", "RGBA", "CMYK", "P"])
def test_ocr_zones_drop_colour_whitens_every_pixel_past_the_chroma(mode):
    """Whitened: exactly the pixels whose channels spread more than INK_CHROMA."""
    import numpy as np
    from PIL import Image

    from vbparse.ingest.ocr_zones import INK_CHROMA

    rgb = np.random.default_rng(7).integers(0, 256, size=(40, 50, 3), dtype=np.uint8)
    rgb[:20] //= 4  # a darker half, to have grey pixels too
    page = Image.fromarray(rgb).convert(mode)
    plain = np.asarray(page.convert("RGB"), dtype=np.int16)
    expected = np.asarray(page.convert("L")).copy()
    expected[(plain.max(axis=2) - plain.min(axis=2)) > INK_CHROMA] = 255
    assert np.array_equal(np.asarray(drop_colour(page)), expected)
    assert 0 < (expected == 255).sum() < expected.size


def test_ocr_zones_split_ink_of_pdfium_array_as_of_its_image():
    """A real scan's page (the last page of chỉ thị 02/CT-TTg, its seal in red) as pdfium
    renders it, a BGR array, gives the page and its ink as the same page converted to a
    Pillow image does, but for OpenCV's greyscale rounding a few colours one level apart
    from Pillow's; the seal is whitened in the page only."""
    import numpy as np
    import pypdfium2 as pdfium

    from vbparse.ingest.ocr_zones import split_ink

    real = Path(__file__).resolve().parents[1] / "fixtures" / "real"
    pdf = pdfium.PdfDocument(str(real / "b04_tb_ct" / "ct_02_ct-ttg_2026.pdf"))
    bitmap = pdf[len(pdf) - 1].render(scale=150 / 72)
    grey, page = split_ink(bitmap.to_numpy())
    image = bitmap.to_pil()
    pillows_grey = np.asarray(image.convert("L")).astype(int)
    assert np.abs(grey - pillows_grey).max() <= 1 and (grey != pillows_grey).mean() < 0.01
    assert np.array_equal(page == 255, drop_colour(image) == 255)
    whitened = (page == 255) & (grey < 255)
    assert 10_000 < whitened.sum() < 0.05 * page.size  # the seal, not the print


@pytest.mark.parametrize(
    ("first", "confidence", "height", "kept"),
    [
        # the seal crosses the family name: read with little confidence (UBND Đắk Nông scan)
        ("Tôn", 58.0, 42, "Tôn"),
        ("{Lê", 31.0, 50, "Lê"),  # a stroke's bracket before it (Sở Y tế Kiên Giang scan)
        # a quote mark makes it taller than the print (Sở Y tế Kiên Giang scan)
        ("“Nguyến", 83.0, 94, "Nguyến"),
        ("kg", 6.0, 60, None),  # a stroke read as lower-case letters is no name
        ("+27", 50.0, 37, None),
        ("Vứ,", 27.0, 135, None),  # a signature's loop, three times the print
    ],
)
def test_ocr_zones_keeps_the_family_name_the_seal_crosses(first, confidence, height, kept):
    """Quyết định 932/QĐ-TTg and real signed scans of UBND Đắk Nông and Sở Y tế Kiên Giang:
    the signer's family name, crossed by the signature or the seal, read weakly while the rest
    of the name on its line is read well."""
    image = _Image()
    rest = [
        (Word("Minh", 1800, 1267, 1934, 1307), 96.0),
        (Word("Chính", 1954, 1266, 2104, 1308), 96.0),
    ]
    reading = [
        (Word("THỦ", 1691, 799, 1815, 853), 86.0),
        (Word("TƯỚNG", 1834, 798, 2050, 853), 90.0),
        (Word(first, 1660, 1267, 1780, 1267 + height), confidence),
        *rest,
    ]

    def read(crop, config, dx, dy):
        return [w for w, _ in reading], [c for _, c in reading]

    words, confidences = reread_signature_zone(
        image, [w for w, _ in PAGE], [c for _, c in PAGE], read
    )
    name_line = sorted((w for w in words if w.top >= 1260), key=lambda w: w.x0)
    expected = ([kept] if kept else []) + ["Minh", "Chính"]
    assert [w.text for w in name_line] == expected
    assert len(words) == len(confidences)
