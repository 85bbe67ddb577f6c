"""Tesseract's recorded readings of the real documents' scans, for the tests that parse them.

``tests/fixtures/ocr_cache`` (``scripts/record_ocr.py`` writes it) holds what Tesseract read
from every page image of the scans in ``tests/fixtures/real``, ``real_new`` and
``real_smoke``. Tesseract's reading is a pure function of the engine, its options and the
pixels, and it is most of a scan's time: served from the recording, everything before it
(rendering, deskew, crops) and after it runs live. On another Tesseract or model the scans
are read live and nothing is recorded.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path

from vbparse.ingest.ocr_cache import ENV as OCR_CACHE_ENV
from vbparse.ingest.ocr_cache import engine_identity
from vbparse.ingest.ocr_words import LANG

OCR_RECORDING = Path(__file__).parent / "fixtures" / "ocr_cache"


def recording_applies() -> bool:
    """Whether ``OCR_RECORDING`` was recorded with this machine's Tesseract and model."""
    engine = OCR_RECORDING / "ENGINE"
    return engine.is_file() and engine.read_text(encoding="utf-8").strip() == engine_identity(LANG)


def _recorded_readings() -> set[Path]:
    return set(OCR_RECORDING.glob("*/*.json.gz"))


@contextlib.contextmanager
def ocr_recording(readings: dict[str, int]) -> Iterator[None]:
    """Scans parsed inside read Tesseract's output from ``OCR_RECORDING``. ``readings`` gets
    how many readings the recording held and how many this run had to add (a reading not
    recorded is made live and stored)."""
    if not recording_applies():
        yield
        return
    before = _recorded_readings()
    old = os.environ.get(OCR_CACHE_ENV)
    os.environ[OCR_CACHE_ENV] = str(OCR_RECORDING)
    try:
        yield
    finally:
        if old is None:
            os.environ.pop(OCR_CACHE_ENV)
        else:
            os.environ[OCR_CACHE_ENV] = old
        readings.update(recorded=len(before), added=len(_recorded_readings() - before))
