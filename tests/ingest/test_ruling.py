"""Ruled tables on page images (vbparse.ingest.ruling), on drawn pages."""

from __future__ import annotations

from pathlib import Path

from vbparse.ingest.ruling import erase_rules, find_grid


def _page(turn: float = 0.0):
    from PIL import Image, ImageDraw

    image = Image.new("L", (1200, 1600), 255)
    draw = ImageDraw.Draw(image)
    draw.line((100, 150, 1100, 150), fill=0, width=3)  # a rule above the table, not of it
    for y in (300, 380, 700, 1000):
        draw.line((200, y, 1000, y), fill=0, width=2)
    for x in (200, 300, 700, 1000):
        draw.line((x, 300, x, 1000), fill=0, width=2)
    draw.text((220, 400), "1.", fill=0)
    draw.text((320, 400), "30/6/2025", fill=0)
    return image.rotate(turn, fillcolor=255) if turn else image


def test_ruling_grid_of_a_drawn_table():
    grid = find_grid(_page())
    assert grid is not None
    assert [r.at for r in grid.rows] == [300, 380, 700, 1000]
    assert [c.at for c in grid.columns] == [200, 300, 700, 1000]
    assert len(grid.cells()) == 3 and len(grid.cells()[0]) == 3


def test_ruling_grid_survives_a_small_turn():
    grid = find_grid(_page(0.15))
    assert grid is not None
    assert len(grid.rows) == 4 and len(grid.columns) == 4


def test_ruling_erase_keeps_text_and_removes_rules():
    import numpy as np

    page = _page()
    erased = np.asarray(erase_rules(page, find_grid(page))) < 128
    assert not erased[298:303, 210:990].any()  # the top rule is gone
    assert erased[395:420, 215:240].any()  # the label is still there
    assert find_grid(erase_rules(page, find_grid(page))) is None


def _rules_of_every_row(mask, length):
    """The rules of ``_rules`` found without skipping any row (the reference)."""
    import numpy as np

    from vbparse.ingest.ruling import NEAR_PX, Rule, _long_runs

    windows = _long_runs(mask, length)
    rules = []
    for index in np.flatnonzero(windows.any(axis=1)):
        row = np.flatnonzero(windows[index])
        start, end = int(row[0]), int(row[-1]) + length
        if rules and index - rules[-1].last <= NEAR_PX:
            rules[-1].last = int(index)
            rules[-1].start, rules[-1].end = min(rules[-1].start, start), max(rules[-1].end, end)
        else:
            rules.append(Rule(int(index), int(index), int(index), start, end))
    for rule in rules:
        rule.at = (rule.first + rule.last) // 2
        ink = np.flatnonzero(mask[rule.first : rule.last + 1, rule.start : rule.end].any(axis=0))
        rule.start, rule.end = rule.start + int(ink[0]), rule.start + int(ink[-1]) + 1
    return rules


def test_ruling_rows_without_enough_ink_skipped_same_rules():
    import numpy as np

    from vbparse.ingest.ruling import _rules

    rng = np.random.default_rng(15)
    for density in (0.05, 0.3, 0.6, 0.9):
        mask = rng.random((300, 400)) < density
        mask[40:43, 20:380] = True  # a rule
        mask[200, 50:170] = True  # a short one
        mask[:, 300] = True  # a column of ink crossing every row
        for length in (60, 100, 250):
            assert _rules(mask, length) == _rules_of_every_row(mask, length)
            assert _rules(mask.T, length) == _rules_of_every_row(mask.T, length)


_REAL = Path(__file__).parents[1] / "fixtures" / "real" / "b25_orig"


def _real_page(name: str):
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(_REAL / name))
    try:
        return pdf[0].render(scale=300 / 72).to_pil()
    finally:
        pdf.close()


def test_ruling_page_edges_and_a_scanner_streak_are_no_table():
    """công văn 1185/SNV-VP (real scan): the dark left and right edges of the scan and a
    scanner's streak run the page's height with no rule across them; they made the whole
    page a one-row table whose cells mixed both columns of the text."""
    assert find_grid(_real_page("cv_1185_snv-vp_2012.pdf")) is None


def test_ruling_scanner_streak_is_no_column_of_the_table():
    """công văn 27/STTTT-VP (real scan): a streak from the top of the page to its foot
    crosses a four-row table; the table is the rows under its own rules, the header above
    it is no row of it."""
    page = _real_page("cv_27_sttt-vp_2012.pdf")
    grid = find_grid(page)
    assert grid is not None
    assert grid.rows[0].at > page.height / 3  # the table starts below the header
    assert grid.rows[-1].at < page.height * 2 / 3  # and ends above the closing
    assert len(grid.columns) == 8  # seven columns, the streak not among them
    assert all(c.end - c.start < page.height / 3 for c in grid.columns)


def test_ruling_row_counts_as_numpy_sums():
    """OpenCV's counts of ink per row are numpy's, on a real table page's mask, its
    transpose (the columns, as the vertical rules are searched) and a strided view."""
    import numpy as np
    import pypdfium2 as pdfium

    from vbparse.ingest.ocr_zones import drop_colour
    from vbparse.ingest.ruling import _ink, _row_counts

    corpus = Path(__file__).resolve().parents[2] / "corpus"
    pdf = pdfium.PdfDocument(str(corpus / "scan" / "004_a135c2dc3c7e6627.pdf"))
    mask = _ink(drop_colour(pdf[5].render(scale=150 / 72).to_numpy()))
    for view in (mask, mask.T, mask[::2, 1::3]):
        assert np.array_equal(_row_counts(view), view.sum(axis=1))


def test_ruling_photographed_page_edges_are_no_table():
    """A phone photo of a page on a desk (quyết định 7845/QĐ-HV, real, b59): the page's edges
    and the desk's run along the image's top and bottom, vertical edges down its sides; the
    page is no one-row table between them, while a table inside the margins still is."""
    from PIL import Image, ImageDraw

    image = Image.new("L", (1200, 1600), 255)
    draw = ImageDraw.Draw(image)
    for y in (5, 20, 1580, 1595):  # the desk and the page's edges, top and bottom
        draw.line((0, y, 1199, y), fill=0, width=4)
    for x in (40, 600, 1160):
        draw.line((x, 0, x, 1599), fill=0, width=4)
    assert find_grid(image) is None
    draw.line((40, 300, 1160, 300), fill=0, width=2)
    draw.line((40, 900, 1160, 900), fill=0, width=2)
    grid = find_grid(image)
    assert grid is not None and [r.at for r in grid.rows][1:3] == [300, 900]
