"""A batch's .doc, .rtf and .odt files converted ahead, many per LibreOffice start
(``vbparse.ingest.office.convert_ahead``), read as each converted alone reads."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from vbparse.batch import parse_all, render_all
from vbparse.ingest import ReadLimits, office, read_document
from vbparse.models import ErrorRecord
from vbparse.pipeline import ParseOptions, parse_path

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
REAL_DOCS = [
    FIXTURES / "real_smoke" / "s4_office_doc" / name
    for name in ("ct_07_2008_ct-btttt.doc", "cv_172_cdn-tgnc_2013.doc", "qd_93_2007_qd-ttg.doc")
]
RTF = FIXTURES / "legacy" / "2004-A33.rtf"

pytestmark = pytest.mark.skipif(
    shutil.which("soffice") is None,
    reason="LibreOffice not installed (Debian: libreoffice-writer-nogui; make system-deps)",
)


def _starts(monkeypatch) -> list[int]:
    """Count LibreOffice starts (each call converts one group)."""
    starts: list[int] = []
    run = office._run_stopping_all

    def counted(command, workdir):
        starts.append(sum(part.endswith((".doc", ".rtf", ".odt")) for part in command))
        return run(command, workdir)

    monkeypatch.setattr(office, "_run_stopping_all", counted)
    return starts


def test_office_ahead_one_start_converts_the_group_as_each_alone(tmp_path, monkeypatch):
    starts = _starts(monkeypatch)
    folder = tmp_path / "converted"
    folder.mkdir()
    note = tmp_path / "note.txt"
    note.write_text("Kính gửi: Sở Y tế", encoding="utf-8")  # not an office file: left alone
    converted = office.convert_ahead([*REAL_DOCS, RTF, note], folder)
    assert converted == 4
    assert starts == [4]
    assert sorted(p.name for p in folder.iterdir()) == sorted(
        f"{office.content_key(p)}.docx" for p in [*REAL_DOCS, RTF]
    )
    ahead = ReadLimits(converted_dir=str(folder))
    for path in (REAL_DOCS[0], RTF):
        assert read_document(path, ahead).text == read_document(path).text
    # read from the folder, not converted again
    starts.clear()
    read_document(REAL_DOCS[1], ahead)
    assert starts == []


def test_office_ahead_a_damaged_file_gives_what_it_gives_alone(tmp_path):
    """LibreOffice reads a damaged .doc as plain text: converted ahead or alone, the file
    ends as the same error record (no directive in it)."""
    broken = tmp_path / "hong.doc"
    broken.write_bytes(b"\xd0\xcf\x11\xe0 not really a Word file" * 20)
    folder = tmp_path / "converted"
    folder.mkdir()
    office.convert_ahead([broken, REAL_DOCS[0]], folder)
    options = ParseOptions(limits=ReadLimits(converted_dir=str(folder)))
    alone = parse_path(broken)
    after = parse_path(broken, options)
    assert isinstance(after, ErrorRecord)
    assert after == alone


def test_office_ahead_a_group_over_its_time_leaves_nothing_running(tmp_path, monkeypatch):
    monkeypatch.setattr(office, "CONVERT_TIMEOUT_S", 0.01)
    folder = tmp_path / "converted"
    folder.mkdir()
    assert office.convert_ahead(REAL_DOCS, folder) < len(REAL_DOCS)
    monkeypatch.undo()
    # the files left out are converted alone when read
    limits = ReadLimits(converted_dir=str(folder))
    assert "93/2007/QĐ-TTg" in read_document(REAL_DOCS[2], limits).text


def test_office_ahead_batch_converts_once_and_says_so(tmp_path, monkeypatch):
    starts = _starts(monkeypatch)
    copy = tmp_path / "ban_sao.doc"  # the same bytes under another name: converted once
    shutil.copyfile(REAL_DOCS[0], copy)
    files = [*REAL_DOCS, copy]
    notes: list[str] = []
    got = dict(render_all(files, lambda d: d.number, 0, note=notes.append))
    assert starts == [3]
    assert notes == ["LibreOffice: 3/3 .doc/.rtf/.odt converted"]
    assert got[copy] == got[REAL_DOCS[0]] == "07/2008/CT-BTTTT"
    # one office file alone: nothing to gain, converted in its reader as before
    starts.clear()
    assert [d.number for _p, d in parse_all(REAL_DOCS[2:])] == ["93/2007/QĐ-TTg"]
    assert starts == []  # no start ahead: its reader converted it
