"""Web pages saved as .html: the page's text a line per block and a pipe row per table row,
then the text route (a real letter's text laid out as a legal-text site shows it:
tests/fixtures/html/SOURCES.md)."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest

from vbparse import parse_file
from vbparse.evaluate import SCALAR_FIELDS, fold
from vbparse.ingest import IngestError, read_document

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
PAGE = FIXTURES / "html" / "cv_10185_vpcp-cn_2019.html"
GOLD = FIXTURES / "real_new" / "b47_web_vpcp_late" / "gold" / "cv_10185_vpcp-cn_2019.json"


def test_html_letter_reads_as_its_gold():
    doc = parse_file(PAGE)
    gold = json.loads(GOLD.read_text(encoding="utf-8"))["doc"]
    assert doc.source.format == "html"
    for field in SCALAR_FIELDS:
        assert fold(getattr(doc, field)) == fold(gold[field]), field
    assert doc.recipients == gold["recipients"]
    assert doc.cc == gold["cc"]
    assert [r.number for r in doc.references] == gold["references"]
    assert [(t.id, [a.name for a in t.lead]) for t in doc.tasks] == [
        ("p1", ["Bộ Giao thông vận tải"])
    ]


def test_html_page_furniture_is_not_text():
    text = read_document(PAGE).text
    assert "var ga" not in text and ".content1" not in text  # script, style
    assert "| VĂN PHÒNG CHÍNH PHỦ ----------------- | CỘNG HÒA XÃ HỘI" in text
    assert "tháng 10 năm 2019) về việc" in text  # a paragraph's line breaks are spaces


def test_html_declared_legacy_charset_and_lists(tmp_path):
    page = tmp_path / "trang.htm"
    body = (
        '<html><head><meta charset="windows-1258"></head><body>'
        "<p>Kính gửi: Sở Y tế</p><ol><li>Báo cáo kết quả</li><li>Tổng hợp</li></ol>"
        "<ul><li>Lưu: VT</li></ul><table><tr><td>a | b</td><td><table><tr><td>trong</td>"
        "</tr></table></td></tr></table></body></html>"
    )
    page.write_bytes(_cp1258(body))
    assert unicodedata.normalize("NFC", read_document(page).text) == (
        "Kính gửi: Sở Y tế\n1. Báo cáo kết quả\n2. Tổng hợp\n- Lưu: VT\n| a / b | trong |\n"
    )


def _cp1258(text: str) -> bytes:
    """Windows-1258 as Vietnamese Windows wrote it: a letter with its tone mark apart."""
    out = b""
    for ch in text:
        try:
            out += ch.encode("cp1258")
        except UnicodeEncodeError:
            parts = unicodedata.normalize("NFD", ch)
            out += unicodedata.normalize("NFC", parts[:-1]).encode("cp1258")
            out += parts[-1].encode("cp1258")
    return out


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "empty file"),
        (b"<html><body><script>x()</script></body></html>", "no text"),
    ],
)
def test_html_without_text_is_an_error(tmp_path, content, message):
    page = tmp_path / "trong.html"
    page.write_bytes(content)
    with pytest.raises(IngestError, match=message):
        read_document(page)


def test_html_preformatted_copy_keeps_its_lines(tmp_path):
    """A page that shows a plain-text copy in <pre> (a portal's "bản text"): its lines stay."""
    page = tmp_path / "ban-text.html"
    page.write_text(
        "<p>Trang chủ</p><pre>VĂN PHÒNG CHÍNH PHỦ\nSố: 10185/VPCP-CN\n\nKính gửi: Bộ Giao"
        " thông vận tải.</pre>",
        encoding="utf-8",
    )
    assert read_document(page).text == (
        "Trang chủ\nVĂN PHÒNG CHÍNH PHỦ\nSố: 10185/VPCP-CN\nKính gửi: Bộ Giao thông vận tải.\n"
    )
