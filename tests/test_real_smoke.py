"""Real documents read once for failure shapes (``tests/fixtures/real_smoke/``, no gold):
every one parses to a document, never an error, and gives what it plainly says where a
fixed shape was met (``expectations.yaml``, written from the Vietnamese)."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml
from ocr_recording import ocr_recording

from vbparse import parse_file
from vbparse.evaluate import fold
from vbparse.ingest import ReadLimits
from vbparse.ingest.office import convert_ahead
from vbparse.models import Document
from vbparse.pipeline import ParseOptions

SMOKE = Path(__file__).resolve().parent / "fixtures" / "real_smoke"
NOT_DOCUMENTS = {"SOURCES.md", "expectations.yaml"}
DOCUMENTS = sorted(p for p in SMOKE.rglob("*") if p.is_file() and p.name not in NOT_DOCUMENTS)
EXPECTATIONS: dict[str, dict[str, Any]] = yaml.safe_load(
    (SMOKE / "expectations.yaml").read_text(encoding="utf-8")
)
NEEDS_LIBREOFFICE = pytest.mark.skipif(
    shutil.which("soffice") is None,
    reason="LibreOffice not installed (Debian: libreoffice-writer-nogui; make system-deps)",
)


def _param(path: Path):
    marks = [NEEDS_LIBREOFFICE] if path.suffix == ".doc" else []
    return pytest.param(path, id=str(path.relative_to(SMOKE)), marks=marks)


# What the scans gave Tesseract: how many readings the recording held and how many were added.
READINGS: dict[str, int] = {}


@pytest.fixture(scope="module")
def parsed(tmp_path_factory):
    cache: dict[Path, Any] = {}
    # the .doc files converted as a batch converts them: one LibreOffice start for all
    # (one start each was about a minute and a half of the suite's time)
    converted = tmp_path_factory.mktemp("converted")
    convert_ahead(DOCUMENTS, converted)
    options = ParseOptions(limits=ReadLimits(converted_dir=str(converted)))

    def parse(path: Path):
        if path not in cache:
            # the scans' Tesseract readings come from the recording (three scans read live
            # were a minute and a half of the suite's CPU)
            readings: dict[str, int] = {}
            with ocr_recording(readings):
                cache[path] = parse_file(path, options)
            READINGS["added"] = READINGS.get("added", 0) + readings.get("added", 0)
        return cache[path]

    return parse


def _same(got: Any, want: Any) -> bool:
    if isinstance(want, dt.date):
        return got == want
    return got is not None and fold(str(got)) == fold(str(want))


def test_every_expectation_names_a_stored_document():
    assert set(EXPECTATIONS) <= {str(p.relative_to(SMOKE)) for p in DOCUMENTS}


@pytest.mark.parametrize("path", [_param(p) for p in DOCUMENTS])
def test_real_document_parses_to_what_it_says(path, parsed):
    doc = parsed(path)  # raises on an error: every one of these is a readable document
    assert isinstance(doc, Document)
    want = EXPECTATIONS.get(str(path.relative_to(SMOKE)), {})
    for field, value in want.get("fields", {}).items():
        got = getattr(doc, field)
        assert _same(got, value), f"{field}: got {got!r}, the document says {value!r}"
    if "subject_has" in want:
        assert fold(want["subject_has"]) in fold(doc.subject or "")
    if "tasks" in want:
        assert len(doc.tasks) == want["tasks"], [t.id for t in doc.tasks]
    tasks = {t.id: t for t in doc.tasks}
    for key, task_want in want.items():
        if not key.startswith("task "):
            continue
        task_id = key.removeprefix("task ")
        assert task_id in tasks, f"no task {task_id}: {list(tasks)}"
        task = tasks[task_id]
        leads = {fold(agency.name) for agency in task.lead}
        for name in task_want.get("lead_has", []):
            assert fold(name) in leads, f"{task_id}: {name} not among {leads}"
        if "deadline" in task_want:
            assert task.deadline is not None and task.deadline.date == task_want["deadline"]


def test_every_scan_reading_was_recorded(parsed):
    """The smoke scans' page images were all in ``tests/fixtures/ocr_cache`` (else the suite
    reads them live again: run ``python scripts/record_ocr.py --prune`` and commit it)."""
    for path in DOCUMENTS:
        if path.suffix.lower() in {".pdf", ".png", ".jpg", ".tif", ".tiff"}:
            parsed(path)
    assert READINGS.get("added", 0) == 0
