"""Tesseract read in this process (``vbparse.ingest.tesseract_api``): the same words as the
command line on real scan pages, one API object per process, the command line kept where the
library is not to be used, and the file's time limit kept inside the library."""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

import pytest
from scan_pages import reading, scan_page

from vbparse.ingest import ocr, ocr_words, tesseract_api
from vbparse.limits import TimeLimitExceeded, file_deadline

needs_library = pytest.mark.skipif(
    shutil.which("tesseract") is None or tesseract_api.api(ocr_words.LANG) is None,
    reason="tesseract and libtesseract not installed (Debian: tesseract-ocr tesseract-ocr-vie)",
)


@needs_library
def test_tesseract_api_reads_pages_zones_and_cells_as_the_command_line(monkeypatch):
    # Seed 004's appendix (a ruled table, its row labels read cell by cell) and seed 000's
    # last page (a signature zone read again with --psm 6): every run of ``read_prepared``.
    prepared = [
        ocr.prepare(scan_page("004_a135c2dc3c7e6627", 5)),
        ocr.prepare(scan_page("000_3070b849d0d1c768", 1)),
    ]
    in_process = [reading(r, notes=True) for r in ocr.read_prepared(prepared)]
    monkeypatch.setenv("VBPARSE_TESSERACT", "cli")
    assert tesseract_api.read_tsv([prepared[0].image], "vie", "--psm 3", 60.0) is None
    command_line = [reading(r, notes=True) for r in ocr.read_prepared(prepared)]
    assert in_process == command_line
    assert any(w[0] == "TT" for w in in_process[0][0])  # the table's labels, from the cells


@needs_library
def test_tesseract_api_tsv_is_the_command_lines_column_for_column(monkeypatch):
    # The TSV data of a run of three crops (page_num included: the image's place in the run).
    image = ocr.prepare(scan_page("004_a135c2dc3c7e6627", 5)).image
    crops = [image.crop((0, 0, image.width, 400)), image.crop((0, 0, 60, 40)), image]
    in_process = ocr_words.tesseract_data(crops, "--psm 6")
    monkeypatch.setenv("VBPARSE_TESSERACT", "cli")
    assert in_process == ocr_words.tesseract_data(crops, "--psm 6")
    assert [set(data["page_num"]) for data in in_process] == [{1}, {2}, {3}]


@needs_library
def test_tesseract_api_one_per_process_made_again_after_fork():
    first = tesseract_api.api("vie")
    assert first is not None and tesseract_api.api("vie") is first
    read, write = os.pipe()
    child = os.fork()
    if child == 0:  # a forked worker makes its own
        os.write(write, b"1" if tesseract_api.api("vie") is not first else b"0")
        os._exit(0)
    os.waitpid(child, 0)
    assert os.read(read, 1) == b"1"


def test_tesseract_api_command_line_kept_for_other_options_and_modes(monkeypatch):
    from PIL import Image

    grey = Image.new("L", (40, 20), 255)
    assert tesseract_api.psm_of("--psm 6") == 6
    assert tesseract_api.read_tsv([grey], "vie", "--psm 6 -c foo=1", 60.0) is None
    assert tesseract_api.read_tsv([grey.convert("1")], "vie", "--psm 6", 60.0) is None
    monkeypatch.setenv("VBPARSE_TESSERACT", "cli")
    assert tesseract_api.api("vie") is None


@needs_library
def test_tesseract_api_stops_at_the_files_time_limit():
    # Three full pages take about 5 s; the file's alarm, due in 0.3 s, becomes Tesseract's
    # deadline, so the read stops and the alarm's exception is raised as the library returns.
    # (The bound leaves room for a loaded machine: 2.7 s was met on one beside an eval run.)
    page = ocr.prepare(scan_page("004_a135c2dc3c7e6627", 1, dpi=300)).image
    started = time.monotonic()
    with pytest.raises(TimeLimitExceeded), file_deadline(0.3):
        ocr_words.tesseract_data([page, page, page], "--psm 3")
    assert time.monotonic() - started < 3.5


@needs_library
def test_tesseract_api_leptonica_errors_not_printed():
    # Tesseract hands Leptonica boxes outside the page on a few real scans ("Error in
    # boxClipToRectangle"); the command line's stderr was swallowed, this process's is not.
    import subprocess
    import sys

    code = (
        "import ctypes, ctypes.util\n"
        "from vbparse.ingest import tesseract_api\n"
        "assert tesseract_api.api('vie') is not None\n"
        "ctypes.CDLL(ctypes.util.find_library('lept')).boxClipToRectangle(None, 10, 10)\n"
    )
    src = str(Path(tesseract_api.__file__).resolve().parents[2])
    env = {**os.environ, "PYTHONPATH": src}
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
    assert done.returncode == 0 and done.stderr == ""
