"""Tesseract's readings kept across runs (``VBPARSE_OCR_CACHE``): a page read again gives the
same reading without Tesseract, a damaged entry is read again, a folder that cannot be
written costs the cache and nothing else, and without the variable nothing is stored."""

from __future__ import annotations

import shutil

import pytest
from scan_pages import reading, scan_page

from vbparse.ingest import ocr, ocr_cache, ocr_words

needs_tesseract = pytest.mark.skipif(
    shutil.which("tesseract") is None or not ocr_cache.engine_identity(ocr_words.LANG),
    reason="tesseract with Vietnamese data not installed (Debian: tesseract-ocr-vie)",
)


@pytest.fixture(scope="module")
def page():
    # Seed 000's last page: its body, then its signature zone read again with --psm 6.
    return ocr.prepare(scan_page("000_3070b849d0d1c768", 1))


def _no_tesseract(images, config):
    raise AssertionError("Tesseract was run for a reading the cache holds")


@needs_tesseract
def test_ocr_cache_gives_the_same_reading_without_tesseract(page, tmp_path, monkeypatch):
    live = reading(ocr.read_prepared([page])[0], notes=True)
    monkeypatch.setenv(ocr_cache.ENV, str(tmp_path))
    first = reading(ocr.read_prepared([page])[0], notes=True)
    entries = sorted(tmp_path.glob("*/*.json.gz"))
    assert entries  # the page and its zone, stored
    monkeypatch.setattr(ocr_words, "_read_data", _no_tesseract)
    again = reading(ocr.read_prepared([page])[0], notes=True)
    assert live == first == again
    assert sorted(tmp_path.glob("*/*.json.gz")) == entries


@needs_tesseract
def test_ocr_cache_reads_a_damaged_entry_again(page, tmp_path, monkeypatch):
    monkeypatch.setenv(ocr_cache.ENV, str(tmp_path))
    image = page.image
    (first,) = ocr_words.tesseract_data([image], "--psm 3")
    (entry,) = tmp_path.glob("*/*.json.gz")
    entry.write_bytes(b"not gzip")
    assert ocr_words.tesseract_data([image], "--psm 3") == [first]
    assert ocr_cache._load(entry) == first  # stored again, whole


@needs_tesseract
def test_ocr_cache_keys_tell_options_and_pixels_apart(page):
    image = page.image
    key = ocr_cache.image_key(image, "vie", "--psm 3")
    assert key == ocr_cache.image_key(image.copy(), "vie", "--psm 3")
    assert key != ocr_cache.image_key(image, "vie", "--psm 6")
    assert key != ocr_cache.image_key(
        image.crop((0, 0, image.width, image.height - 1)), "vie", "--psm 3"
    )


@needs_tesseract
def test_ocr_cache_folder_that_cannot_be_written_only_loses_the_cache(page, tmp_path, monkeypatch):
    blocked = tmp_path / "file"
    blocked.write_text("a file where the folder should be")
    monkeypatch.setenv(ocr_cache.ENV, str(blocked))
    crop = page.image.crop((0, 0, page.image.width, 300))
    assert ocr_words.tesseract_data([crop], "--psm 6")[0]["text"]


def test_ocr_cache_off_without_the_variable(monkeypatch, tmp_path):
    monkeypatch.delenv(ocr_cache.ENV, raising=False)
    calls = []
    result = ocr_cache.cached_readings(
        ["image"], "vie", "--psm 3", lambda images: calls.append(images) or [{}]
    )
    assert result == [{}] and calls == [["image"]]
    assert ocr_cache.cache_folder() is None
