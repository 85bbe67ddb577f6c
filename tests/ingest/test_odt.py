"""OpenDocument text (.odt), read through LibreOffice as .doc and .rtf are: a real Word letter
saved as .odt by LibreOffice gives the same document fields, recipients and tasks as the .docx
itself (a draft: its number and day are blank in both)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from vbparse import parse_file
from vbparse.evaluate import SCALAR_FIELDS

# công văn of UBND tỉnh Lâm Đồng (real .docx, tests/fixtures/real/b15_orig/SOURCES.md)
LETTER = (
    Path(__file__).resolve().parents[1]
    / "fixtures"
    / "real"
    / "b15_orig"
    / "cv_ubnd-nc-2388-c04_2026.docx"
)


@pytest.mark.skipif(
    shutil.which("soffice") is None,
    reason="LibreOffice not installed (Debian: libreoffice-writer-nogui; make system-deps)",
)
def test_odt_reads_as_its_docx(tmp_path):
    profile = (tmp_path / "profile").as_uri()
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation={profile}",
            "--headless",
            "--convert-to",
            "odt",
            "--outdir",
            str(tmp_path),
            str(LETTER),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    odt = tmp_path / f"{LETTER.stem}.odt"
    from_docx, from_odt = parse_file(LETTER), parse_file(odt)
    assert from_odt.issuer == "Ủy ban nhân dân tỉnh Lâm Đồng"
    assert from_odt.recipients == from_docx.recipients and from_odt.recipients
    for field in SCALAR_FIELDS:
        assert getattr(from_odt, field) == getattr(from_docx, field), field
    assert [(t.id, [a.name for a in t.lead]) for t in from_odt.tasks] == [
        (t.id, [a.name for a in t.lead]) for t in from_docx.tasks
    ]
    assert from_odt.tasks
