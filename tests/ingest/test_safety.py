"""Memory bombs are refused before the allocation (issue 14, item 3)."""

import io
import zipfile
import zlib

import pytest

from vbparse.ingest import IngestError, safety
from vbparse.ingest.safety import (
    IngestLimits,
    StreamTooLarge,
    bounded_pdf_streams,
    check_docx_members,
    ingest_limits,
    render_dpi,
)


@pytest.mark.parametrize(
    ("width_pt", "height_pt", "expected"),
    [
        (595, 842, 300),  # A4 at the OCR resolution
        (842, 1191, 300),  # A3 fits too
        (14400, 14400, None),  # a page of 200 × 200 inches is not rendered
        (595 * 75000, 842 * 75000, None),  # a huge /UserUnit
        (2384, 3370, 227),  # A0: rendered at the resolution that fits the pixel limit
    ],
    ids=["a4", "a3", "200-inch", "user-unit", "a0"],
)
def test_safety_render_dpi_caps_page_area_times_dpi(width_pt, height_pt, expected):
    dpi = render_dpi(width_pt, height_pt, 300)
    assert dpi == expected
    if dpi:
        assert (width_pt / 72 * dpi) * (height_pt / 72 * dpi) <= safety.MAX_IMAGE_PIXELS


def _zip(members: dict[str, int]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, size in members.items():
            with archive.open(name, "w", force_zip64=True) as member:
                for _ in range(size // 1_048_576):
                    member.write(b" " * 1_048_576)
    return buffer.getvalue()


def test_safety_docx_member_sizes_checked_before_reading(tmp_path, monkeypatch):
    monkeypatch.setattr(safety, "MAX_DOCX_MEMBER_MB", 4)
    monkeypatch.setattr(safety, "MAX_DOCX_TOTAL_MB", 16)
    path = tmp_path / "bomb.docx"
    path.write_bytes(_zip({"word/document.xml": 10 * 1_048_576}))
    assert path.stat().st_size < 1_048_576
    with pytest.raises(IngestError, match="inflates to 10 MB"):
        check_docx_members(path)
    path.write_bytes(_zip({f"word/media/{i}.bin": 3 * 1_048_576 for i in range(10)}))
    with pytest.raises(IngestError, match="in all"):
        check_docx_members(path)


def test_safety_pdf_streams_inflate_no_further_than_the_limit(monkeypatch):
    from pdfminer import pdftypes

    monkeypatch.setattr(safety, "MAX_PDF_STREAM_MB", 8)

    bomb = zlib.compress(b"\0" * (safety.MAX_PDF_STREAM_MB + 1) * 1_048_576)
    small = zlib.compress(b"abc" * 1000)
    with bounded_pdf_streams():
        assert pdftypes.zlib.decompress(small) == b"abc" * 1000
        with pytest.raises(StreamTooLarge):
            pdftypes.zlib.decompress(bomb)
        with pytest.raises(StreamTooLarge):  # pdfminer's fallback for corrupt streams
            pdftypes.decompress_corrupted(bomb[:-10])
    assert pdftypes.zlib is zlib


def test_safety_text_size_limit(tmp_path):
    from vbparse.ingest.text import read_text_file

    path = tmp_path / "big.txt"
    path.write_bytes(b"a" * 3 * 1_048_576)
    with ingest_limits(IngestLimits(text_mb=2)), pytest.raises(IngestError, match="--max-text-mb"):
        read_text_file(path)
    with ingest_limits(IngestLimits(text_mb=None)):
        assert len(read_text_file(path).text) == 3 * 1_048_576


def test_safety_tiff_read_frame_by_frame(tmp_path, monkeypatch):
    """Only one frame is decoded at a time: each is checked, prepared (a copy), then left
    behind; the prepared copies are read together."""
    from PIL import Image

    from vbparse.ingest import ocr, ocr_files

    frames = [Image.new("L", (300, 200), 255) for _ in range(3)]
    path = tmp_path / "scan.tif"
    frames[0].save(path, save_all=True, append_images=frames[1:])
    seen = []
    reads = []

    def fake_prepare(image):
        seen.append((image.tell(), image.size))
        return ocr.Prepared(image.copy(), None)

    def fake_read(pages):
        reads.append(len(pages))
        word = ocr.Word("Công", 10.0, 10.0, 120.0, 40.0)
        return [ocr.OcrPage(ocr.Page(300.0, 200.0, [word], []), 90.0) for _ in pages]

    monkeypatch.setattr(ocr_files, "check_tesseract", lambda: None)
    monkeypatch.setattr(ocr, "prepare", fake_prepare)
    monkeypatch.setattr(ocr, "read_prepared", fake_read)
    raw = ocr_files.read_image(path)
    assert seen == [(0, (300, 200)), (1, (300, 200)), (2, (300, 200))]
    assert reads == [3]
    assert raw.pages == 3
