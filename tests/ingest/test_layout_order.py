"""Reading order of positioned words (``vbparse.ingest.layout``) on lines a scan gives."""

from __future__ import annotations

from vbparse.ingest.layout import page_blocks, read_pages, render
from vbparse.ingest.page_model import Page, Word


def _words(top: float, *runs: tuple[float, str]) -> list[Word]:
    """Words of one line from ``(x0, text)`` runs, each word 40 wide and 40 apart."""
    out = []
    for x0, text in runs:
        x = x0
        for word in text.split():
            out.append(Word(word, x, top, x + 40, top + 48))
            x += 50
    return out


def test_a_line_split_by_a_small_gap_stays_whole_and_in_order():
    """A line of the scan of công văn 2014/SYT-NVY Kiên Giang (real b65): "- Trung tâm [a gap
    where a letter was lost] tế huyện, thị xã, thành phố." whose right part's tall letter
    rises above its left part, then a line under the right part. Not a column run: the line
    is read whole, its left part first, and the line under it after it."""
    words = _words(1000, (100, "- Trung tâm Truyền thông giáo dục sức khỏe;"))
    words += _words(1080, (100, "- Trung tâm"))
    words += _words(1068, (300, "tế huyện, thị xã, thành phố."))
    words += _words(1142, (280, "(sau đây gọi chung là đơn vị)."))
    words += _words(1280, (100, "Căn cứ Công văn số 5871/BYT-DP ngày 18/10/2017 của Bộ Y tế"))
    page = Page(2480.0, 3508.0, words, [])
    blocks, _ = page_blocks(page, 0)
    text, _ = render([blocks])
    lines = text.splitlines()
    assert lines[1] == "- Trung tâm tế huyện, thị xã, thành phố."
    assert lines[2] == "(sau đây gọi chung là đơn vị)."
    assert read_pages([page]) == [blocks]
