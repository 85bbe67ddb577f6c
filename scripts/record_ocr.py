"""Record Tesseract's readings of the real corpus's scans into ``tests/fixtures/ocr_cache``.

The accuracy gate reads the real sets' scans with this recording as its OCR cache
(``vbparse.ingest.ocr_cache``): Tesseract is most of the suite's time, and its readings are
a pure function of the engine, the options and the pixels. Everything after Tesseract runs
live in the gate. The smoke test (``tests/test_real_smoke.py``) reads its scans from it
too. Run this after a change to how pages are rendered, deskewed or cropped (the gate's
``test_accuracy_ocr_recording_covers_the_scans`` says when), or after a new batch of scans:
images read before are hits, new ones are read and stored, and with ``--prune`` the entries
this run did not use are deleted.

    python scripts/record_ocr.py [--prune]                      # every scan of the gate
    python scripts/record_ocr.py tests/fixtures/real_new/b103_x  # a new batch's alone
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

from vbparse.batch import parse_all
from vbparse.evaluate import gold_files
from vbparse.ingest.ocr_cache import ENV, engine_identity
from vbparse.ingest.ocr_words import LANG

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures"
RECORDING = FIXTURES / "ocr_cache"
REAL_SETS = ("real", "real_new")
# Real documents read by the smoke test (no gold: every file there is read).
SMOKE = FIXTURES / "real_smoke"
TEXT_FORMS = {".txt", ".md", ".log"}
OCR_FORMS = {".pdf", ".png", ".jpg", ".jpeg", ".tif", ".tiff", ".docx", ".doc", ".odt"}


def scanned_candidates() -> list[Path]:
    """Every file of the real sets with gold that is not a text, and every PDF, image and
    office file of the smoke set: the files that may be OCRed."""
    files = []
    for name in REAL_SETS:
        texts = FIXTURES / name
        gold = {p.stem for p in gold_files(texts)}
        files += [
            p
            for p in texts.glob("*/*")
            if p.is_file() and p.stem in gold and p.suffix.lower() not in TEXT_FORMS
        ]
    files += [p for p in SMOKE.rglob("*") if p.is_file() and p.suffix.lower() in OCR_FORMS]
    return sorted(files)


def main(argv: list[str]) -> int:
    prune = "--prune" in argv
    folders = [Path(a).resolve() for a in argv if not a.startswith("--")]
    if prune and folders:
        print("record_ocr: --prune needs every scan: give no folders", file=sys.stderr)
        return 2
    os.environ[ENV] = str(RECORDING)
    identity = engine_identity(LANG)
    if not identity:
        print("record_ocr: tesseract is not installed", file=sys.stderr)
        return 1
    RECORDING.mkdir(parents=True, exist_ok=True)
    started = time.time() - 1  # mtimes are coarse on some file systems
    files = [
        f for f in scanned_candidates() if not folders or any(f.is_relative_to(d) for d in folders)
    ]
    for done, (path, result) in enumerate(parse_all(files, os.cpu_count() or 1), 1):
        failed = "" if hasattr(result, "tasks") else f"  (failed: {result.error})"
        print(f"[{done}/{len(files)}] {path.relative_to(ROOT)}{failed}", flush=True)
    (RECORDING / "ENGINE").write_text(identity + "\n", encoding="utf-8")
    if prune:
        stale = [p for p in RECORDING.glob("*/*.json.gz") if p.stat().st_mtime < started]
        for path in stale:
            path.unlink()
        print(f"pruned {len(stale)} entries no scan uses")
    kept = list(RECORDING.glob("*/*.json.gz"))
    size = sum(p.stat().st_size for p in kept)
    print(f"{len(kept)} readings, {size / 1e6:.1f} MB in {RECORDING.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
