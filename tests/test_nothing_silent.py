"""Nothing silent (issue 13): documents with no task are listed, warnings counted and shown
with -v, a file cut at a limit says so on stderr, duplicates are reported and marked, and
merged agencies carry their successor."""

import json
import shutil
from pathlib import Path

from cli_runner import run

from vbparse.exit_status import ExitStatus

ROOT = Path(__file__).parents[1]
REAL = ROOT / "tests" / "fixtures" / "real"
SEEDS = ROOT / "tests" / "fixtures" / "seeds"
NO_TASK = REAL / "b17_orig" / "cv_464_stc-vp_2026.pdf"  # a real công văn that directs no one
TWO_PAGES = REAL / "b06_files" / "tb_11_tb-ubnd_2025.pdf"
WARNED = REAL / "b01_vpcp_cv_a" / "cv_1522_vpcp-ktn_2012.txt"  # a web copy that lost its number


def test_summary_lists_documents_with_no_task_and_counts_warnings(tmp_path):
    shutil.copy(NO_TASK, tmp_path / NO_TASK.name)
    shutil.copy(SEEDS / "001_2f45181cd87af165.txt", tmp_path / "a.txt")
    shutil.copy(WARNED, tmp_path / WARNED.name)
    status, _, err = run(tmp_path, "-o", tmp_path / "out.jsonl", "-w", 0)
    assert status == ExitStatus.SUCCESS
    assert "1 documents gave no task:" in err
    assert f"  {tmp_path / NO_TASK.name}" in err
    assert "warnings in 1 documents (-v shows them)" in err or "warnings in 2" in err


def test_verbose_prints_each_documents_warnings(tmp_path):
    shutil.copy(WARNED, tmp_path / WARNED.name)
    _, _, quiet_err = run(tmp_path, "-o", tmp_path / "out.jsonl", "-w", 0)
    status, _, err = run(tmp_path, "-o", tmp_path / "out.jsonl", "-w", 0, "-v")
    assert status == ExitStatus.SUCCESS
    doc = json.loads(
        run(tmp_path, "-o", "-", "--records", "documents", "-w", 0, "-q")[1].splitlines()[0]
    )
    assert doc["warnings"]
    for warning in doc["warnings"]:
        line = f"vbparse: warning: {tmp_path / WARNED.name}: {warning['stage']}: "
        assert line + warning["message"] in err
        assert line not in quiet_err


def test_a_pdf_cut_at_the_page_limit_says_so_on_stderr(tmp_path):
    status, out, err = run(TWO_PAGES, "--max-pages", "1", "-o", "-", "--records", "documents")
    assert status == ExitStatus.SUCCESS
    assert f"vbparse: warning: {TWO_PAGES}: cut short: only the first 1 of 2 pages" in err
    doc = json.loads(out)
    assert doc["source"]["pages"] == 1
    assert {"stage": "limit", "message": "only the first 1 of 2 pages were read"}.items() <= (
        doc["warnings"][0].items()
    )
    _, _, err = run(TWO_PAGES, "--max-pages", "1", "-o", "-", "-q")
    assert "cut short" in err  # -q hides the summary, not this
    _, _, err = run(TWO_PAGES, "--max-pages", "1", "-o", "-", "-qq")
    assert "cut short" not in err


def test_duplicates_are_reported_and_marked_in_the_records(tmp_path):
    seed = SEEDS / "001_2f45181cd87af165.txt"
    shutil.copy(seed, tmp_path / "a.txt")
    shutil.copy(seed, tmp_path / "b.md")  # the same document in another form
    shutil.copy(SEEDS / "002_0284457f90b6ede2.txt", tmp_path / "c.txt")
    status, out, err = run(tmp_path, "-o", "-", "-w", 0)
    assert status == ExitStatus.SUCCESS
    assert f"{tmp_path / 'b.md'}: the same document as {tmp_path / 'a.txt'}" in err
    assert "1 documents are duplicates of an earlier file" in err
    records = [json.loads(line) for line in out.splitlines()]
    marks = {(Path(r["source"]["path"]).name, r["duplicate_of"]) for r in records}
    assert marks == {("a.txt", None), ("b.md", str(tmp_path / "a.txt")), ("c.txt", None)}
    docs = run(tmp_path, "-o", "-", "--records", "documents", "-w", 0, "-q")[1]
    assert [json.loads(line)["duplicate_of"] for line in docs.splitlines()] == [
        None,
        str(tmp_path / "a.txt"),
        None,
    ]


def test_incremental_run_still_marks_and_summarises(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(SEEDS / "001_2f45181cd87af165.txt", folder / "a.txt")
    shutil.copy(SEEDS / "001_2f45181cd87af165.txt", folder / "b.txt")
    out = tmp_path / "out.jsonl"
    run(folder, "-o", out, "--incremental", "-w", 0, "-q")
    first = out.read_bytes()
    _, _, err = run(folder, "-o", out, "--incremental", "-w", 0)
    assert "(2 unchanged" in err and "1 documents are duplicates" in err
    assert out.read_bytes() == first
    (folder / "a.txt").unlink()  # b.txt is now the first of its number and date
    run(folder, "-o", out, "--incremental", "-w", 0, "-q")
    assert all(json.loads(line)["duplicate_of"] is None for line in out.open(encoding="utf-8"))


def test_a_merged_ministry_carries_its_successor():
    from vbparse import parse_file

    doc = parse_file(REAL / "b01_vpcp_cv_a" / "cv_910_vpcp-kgvx_2010.txt")
    # "Giao Bộ Y tế chủ trì, phối hợp với Bộ Kế hoạch và Đầu tư, Bộ Tài chính:" — items 1, 2
    supports = [a for task in doc.tasks for a in task.support if a.id == "bo-ke-hoach-dau-tu"]
    assert len(supports) == 2
    for agency in supports:
        assert agency.name == "Bộ Kế hoạch và Đầu tư"  # as the document wrote it
        assert agency.successor is not None
        assert (agency.successor.id, agency.successor.name) == ("bo-tai-chinh", "Bộ Tài chính")
        assert agency.successor.since.isoformat() == "2025-03-01"
