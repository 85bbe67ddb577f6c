"""Outputs by extension or --format: each file is read back with the library an analyst's
tool would use (csv, openpyxl, sqlite3), on real documents and on corpus/."""

import csv
import datetime as dt
import io
import json
import shutil
import sqlite3
from pathlib import Path

import pytest
from cli_runner import run

from vbparse.exit_status import ExitStatus

ROOT = Path(__file__).parents[2]
REAL = ROOT / "tests" / "fixtures" / "real"
CORPUS = ROOT / "corpus"
# Real files of three forms: two công văn web copies naming Bộ Kế hoạch và Đầu tư, a
# thông báo PDF, a PDF công văn that yields no task, and a DOCX.
REAL_FILES = [
    REAL / "b01_vpcp_cv_a" / "cv_910_vpcp-kgvx_2010.txt",
    REAL / "b01_vpcp_cv_a" / "cv_2858_vpcp-dp_2011.txt",
    REAL / "b06_files" / "tb_11_tb-ubnd_2025.pdf",
    REAL / "b17_orig" / "cv_464_stc-vp_2026.pdf",
    REAL / "b06_files" / "cv_ubnd-nc-hd46-bca_2025.docx",
]


@pytest.fixture(scope="module")
def real(tmp_path_factory):
    folder = tmp_path_factory.mktemp("real")
    for path in REAL_FILES:
        shutil.copy(path, folder / path.name)
    return folder


@pytest.fixture(scope="module")
def real_tasks(real, tmp_path_factory):
    """The JSON Lines task records of the real files (what the tables must show)."""
    out = tmp_path_factory.mktemp("jsonl") / "tasks.jsonl"
    status, _, err = run(real, "-o", out, "-w", 0, "-q")
    assert status == ExitStatus.SUCCESS, err
    return [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]


def test_csv_is_excel_ready_one_row_per_task(real, real_tasks, tmp_path):
    out = tmp_path / "tasks.csv"
    status, _, err = run(real, "-o", out, "-w", 0)
    assert status == ExitStatus.SUCCESS, err
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")  # the BOM Excel needs for UTF-8
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    assert not data.lstrip(b"\xef\xbb\xbf").startswith(b"{")  # not JSON Lines
    assert list(rows[0])[:11] == [
        "document number",
        "date",
        "type",
        "issuer",
        "clause",
        "lead",
        "support",
        "deadline",
        "status",
        "task",
        "source file",
    ]
    assert [r["task_id"] for r in rows] == [t["task_id"] for t in real_tasks]
    by_id = {r["task_id"]: r for r in rows}
    for task in real_tasks:
        row = by_id[task["task_id"]]
        assert row["document number"] == (task["doc_number"] or "")
        assert row["date"] == (task["doc_date"] or "")
        assert row["task"] == task["text"]
        for agency in task["lead"]:
            assert agency["name"] in row["lead"]
    bkhdt = [r for r in rows if "Bộ Kế hoạch và Đầu tư" in r["lead"]]
    assert bkhdt and all("(now Bộ Tài chính)" in r["lead"] for r in bkhdt)


def test_format_option_overrides_the_extension(real, tmp_path):
    out = tmp_path / "tasks.txt"
    status, _, _ = run(real, "-o", out, "--format", "csv", "-w", 0, "-q")
    assert status == ExitStatus.SUCCESS
    assert out.read_bytes().startswith(b"\xef\xbb\xbfdocument number,")


def test_xlsx_has_filters_frozen_header_dates_and_a_documents_sheet(real, real_tasks, tmp_path):
    from openpyxl import load_workbook

    out = tmp_path / "tasks.xlsx"
    status, _, err = run(real, "-o", out, "-w", 0)
    assert status == ExitStatus.SUCCESS, err
    book = load_workbook(out)
    tasks, documents = book["Tasks"], book["Documents"]
    header = [c.value for c in tasks[1]]
    assert header[0] == "document number" and all(c.font.bold for c in tasks[1])
    assert tasks.freeze_panes == "A2"
    assert tasks.auto_filter.ref == tasks.dimensions
    assert tasks.max_row == len(real_tasks) + 1
    dates = [row[1] for row in tasks.iter_rows(min_row=2) if row[1].value is not None]
    assert dates and all(isinstance(d.value, dt.datetime) for d in dates)  # real date cells
    assert {d.number_format for d in dates} == {"yyyy-mm-dd"}
    task_col = header.index("task") + 1
    width = tasks.column_dimensions[tasks.cell(1, task_col).column_letter].width
    assert 30 < width <= 62  # fitted to the texts, capped
    doc_rows = {r[0]: r for r in documents.iter_rows(min_row=2, values_only=True)}
    assert len(doc_rows) == len(REAL_FILES)
    no_task = next(r for p, r in doc_rows.items() if p.endswith("cv_464_stc-vp_2026.pdf"))
    doc_header = [c.value for c in documents[1]]
    assert no_task[doc_header.index("tasks")] == 0
    # the documents' warnings are there to read
    assert any(r[doc_header.index("warnings")] for r in doc_rows.values())


def test_sqlite_upserts_by_task_id_and_keeps_first_seen(real, real_tasks, tmp_path, monkeypatch):
    from vbparse.output import sqlite as sqlite_out

    out = tmp_path / "tasks.sqlite"
    monkeypatch.setattr(sqlite_out, "run_time", lambda: "2026-01-01T00:00:00+00:00")
    assert run(real, "-o", out, "-w", 0, "-q")[0] == ExitStatus.SUCCESS
    monkeypatch.setattr(sqlite_out, "run_time", lambda: "2026-02-01T00:00:00+00:00")
    (real / "cv_2858_vpcp-dp_2011.txt").rename(real / "gone.bak")  # one document went away
    try:
        assert run(real, "-o", out, "-w", 0, "-q")[0] == ExitStatus.SUCCESS
    finally:
        (real / "gone.bak").rename(real / "cv_2858_vpcp-dp_2011.txt")
    db = sqlite3.connect(out)
    tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert {"documents", "tasks", "agencies"} <= tables
    rows = db.execute("SELECT task_id, first_seen, last_seen, document_path FROM tasks").fetchall()
    assert len(rows) == len({t["task_id"] for t in real_tasks})  # one row per task_id
    for _task_id, first, last, path in rows:
        assert first == "2026-01-01T00:00:00+00:00"
        expected = "2026-01-01" if path.endswith("cv_2858_vpcp-dp_2011.txt") else "2026-02-01"
        assert last.startswith(expected)
    successors = db.execute(
        "SELECT successor_name FROM agencies WHERE agency_id = 'bo-ke-hoach-dau-tu'"
    ).fetchall()
    assert successors and {s for (s,) in successors} == {"Bộ Tài chính"}
    assert db.execute("SELECT COUNT(*) FROM documents").fetchone()[0] == len(REAL_FILES)


def test_outputs_on_corpus_text_and_docx(tmp_path):
    """corpus/ (its text and DOCX forms; the scans are parsed in test_accuracy): every
    format holds the same tasks."""
    folder = tmp_path / "corpus"
    shutil.copytree(CORPUS / "docx", folder / "docx")
    for path in CORPUS.glob("*.txt"):
        shutil.copy(path, folder / path.name)
    counts = {}
    for name in ("t.jsonl", "t.csv", "t.xlsx", "t.sqlite"):
        status, _, err = run(folder, "-o", tmp_path / name, "-w", 0, "-q")
        assert status == ExitStatus.SUCCESS, err
    counts["jsonl"] = len((tmp_path / "t.jsonl").read_text(encoding="utf-8").splitlines())
    text = (tmp_path / "t.csv").read_text(encoding="utf-8-sig")
    counts["csv"] = len(list(csv.DictReader(io.StringIO(text))))
    from openpyxl import load_workbook

    counts["xlsx"] = load_workbook(tmp_path / "t.xlsx")["Tasks"].max_row - 1
    db = sqlite3.connect(tmp_path / "t.sqlite")
    # the same document in two forms has the same task_ids: one row each in SQLite
    counts["sqlite"] = db.execute("SELECT COUNT(*) FROM tasks").fetchone()[0]
    assert counts["jsonl"] == counts["csv"] == counts["xlsx"] > 0
    lines = (tmp_path / "t.jsonl").read_text(encoding="utf-8").splitlines()
    ids = {json.loads(line)["task_id"] for line in lines}
    assert counts["sqlite"] == len(ids)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["-o", "tasks.pdf"], "cannot tell the format"),
        (["-o", "-", "--format", "xlsx"], "cannot go to stdout"),
        (["-o", "t.csv", "--records", "documents"], "--records documents is for JSON Lines"),
        (["-o", "t.sqlite", "--incremental"], "--incremental is for JSON Lines"),
        (["-o", "t.jsonl", "--text"], "--text goes with --records documents"),
    ],
    ids=["unknown-extension", "table-to-stdout", "csv-documents", "incremental-sqlite", "text"],
)
def test_output_usage_errors_before_any_work(real, tmp_path, monkeypatch, args, message):
    monkeypatch.chdir(tmp_path)
    status, out, err = run(real, *args)
    assert status == ExitStatus.USAGE and message in err and out == ""
    assert list(tmp_path.iterdir()) == []  # nothing written, not even a temporary file
