"""The command line: exit codes, stderr, stdout carrying only JSON Lines (httpie style)."""

import json
import shutil
from pathlib import Path

import pytest
from cli_runner import run

from vbparse.exit_status import ExitStatus

SEEDS = Path(__file__).parent / "fixtures" / "seeds"


@pytest.fixture
def corpus(tmp_path):
    folder = tmp_path / "corpus"
    (folder / "sub").mkdir(parents=True)
    shutil.copy(SEEDS / "001_2f45181cd87af165.txt", folder / "a.txt")
    shutil.copy(SEEDS / "002_0284457f90b6ede2.txt", folder / "sub" / "b.md")
    return folder


def test_cli_tasks_to_stdout(corpus):
    status, out, err = run(corpus, "-o", "-", "-q")
    assert status == ExitStatus.SUCCESS
    records = [json.loads(line) for line in out.splitlines()]
    assert len(records) == 9
    assert {r["doc_number"] for r in records} == {"10467/VPCP-KGVX", "8664/VPCP-KGVX"}
    assert all(r["schema_version"] and r["task_id"].startswith(r["doc_number"]) for r in records)
    assert err == ""


def test_cli_documents_to_file_in_path_order(corpus, tmp_path):
    (tmp_path / "out").mkdir()
    out_file = tmp_path / "out" / "docs.jsonl"
    status, out, err = run(corpus, "-o", out_file, "--records", "documents")
    assert status == ExitStatus.SUCCESS and out == ""
    docs = [json.loads(line) for line in out_file.read_text(encoding="utf-8").splitlines()]
    assert [Path(d["source"]["path"]).name for d in docs] == ["a.txt", "b.md"]
    assert "2 documents read, 9 tasks, 0 files failed" in err


def test_cli_bad_files_become_error_records(corpus, tmp_path):
    (corpus / "empty.txt").write_bytes(b"")
    (corpus / "binary.txt").write_bytes(b"\x00\x01\x02\xff" * 10)
    (corpus / "latin1.txt").write_bytes("Quyết định".encode()[:-1] + b"\xe9\xff")
    (corpus / "note.txt").write_text("Danh sách mua sắm: bút, giấy.", encoding="utf-8")
    errors = tmp_path / "errors.jsonl"
    status, out, err = run(corpus, "--errors", errors, "-q")
    assert status == ExitStatus.SOME_FAILED
    assert len(out.splitlines()) == 9  # the good files' tasks are all there
    records = [json.loads(line) for line in errors.read_text(encoding="utf-8").splitlines()]
    by_name = {Path(r["path"]).name: r for r in records}
    assert set(by_name) == {"empty.txt", "binary.txt", "latin1.txt", "note.txt"}
    assert "empty" in by_name["empty.txt"]["error"]
    assert "not a directive" in by_name["note.txt"]["error"]
    for name in by_name:
        assert f"vbparse: error: {corpus / name}:" in err  # errors shown even with -q


def test_cli_missing_path_is_usage_error(tmp_path):
    status, out, err = run(tmp_path / "nope")
    assert status == ExitStatus.USAGE
    assert "no such file" in err and out == ""


def test_cli_unknown_option_is_usage_error():
    status, _, err = run("--frobnicate", "x")
    assert status == ExitStatus.USAGE
    assert "vbparse: error:" in err


def test_cli_eval_thresholds(tmp_path):
    gold = Path(__file__).parent / "fixtures" / "gold"
    seed = SEEDS / "001_2f45181cd87af165.txt"
    status, out, _ = run("eval", gold, seed, "--min", "body_task_f1=0.9")
    assert status == ExitStatus.SUCCESS
    assert "lead" in out and "per document" in out
    status, _, err = run("eval", gold, seed, "--min", "task_f1=1.01")
    assert status == ExitStatus.SOME_FAILED and "below the minimum" in err
    status, _, err = run("eval", gold, seed, "--min", "nonsense=1")
    assert status == ExitStatus.USAGE


def test_cli_eval_scores_a_refused_file_as_missed(tmp_path):
    """A file with gold that the parser refuses ("not a directive") still counts: its tasks
    are all missed, and the exit status says a file failed."""
    import json

    (tmp_path / "note.txt").write_text("Ghi chú: không có gì.\n", encoding="utf-8")
    gold = {
        "doc": {"number": "1/BYT-KCB", "type": "CV"},
        "tasks": [
            {
                "id": "p1",
                "lead": ["Bộ Y tế"],
                "support": [],
                "deadline": None,
                "text_start": "Giao Bộ Y tế",
            }
        ],
    }
    (tmp_path / "gold").mkdir()
    (tmp_path / "gold" / "note.json").write_text(json.dumps(gold), encoding="utf-8")
    status, out, err = run("eval", tmp_path / "gold", tmp_path / "note.txt", "--json")
    assert status == ExitStatus.SOME_FAILED and "not a directive" in err
    assert json.loads(out)["task_f1"] == 0.0


def test_cli_schema_check(tmp_path):
    status, _, _ = run("schema", "-o", tmp_path)
    assert status == ExitStatus.SUCCESS
    assert run("schema", "-o", tmp_path, "--check")[0] == ExitStatus.SUCCESS
    (tmp_path / "task.schema.json").write_text("{}", encoding="utf-8")
    status, _, err = run("schema", "-o", tmp_path, "--check")
    assert status == ExitStatus.SOME_FAILED and "out of date" in err


def test_cli_agencies_lists_gazetteer():
    status, out, _ = run("agencies", "--kind", "ministry")
    assert status == ExitStatus.SUCCESS
    assert "Bộ Khoa học và Công nghệ" in out


def test_cli_reader_crash_becomes_error_record(corpus, monkeypatch):
    from vbparse import ingest

    def broken(path, limits):
        raise ValueError("min() arg is an empty sequence")

    monkeypatch.setitem(ingest.READERS, ".md", broken)
    status, out, err = run(corpus, "-q", "-w", "1")
    assert status == ExitStatus.SOME_FAILED
    assert len(out.splitlines()) == 7  # a.txt's tasks were kept
    assert "reader failed: ValueError" in err


def test_cli_unknown_bodies_are_kept_and_named_in_warnings(tmp_path):
    unseen = Path(__file__).parent / "fixtures" / "unseen" / "u6_thong_bao_ket_luan_bo.txt"
    status, out, _ = run(unseen, "--records", "documents", "-q")
    assert status == ExitStatus.SUCCESS
    doc = json.loads(out)
    leads = {a["name"]: a for t in doc["tasks"] for a in t["lead"]}
    assert leads["Cục Quản lý đất đai"]["id"] is None
    assert "unit not in the gazetteer: 'Cục Quản lý đất đai'" in [
        w["message"] for w in doc["warnings"]
    ]
