"""Ruled tables on page images (vbparse.ingest.ruling), on drawn pages."""

from __future__ import annotations

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
