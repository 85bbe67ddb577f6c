"""Output paths never destroy input and are checked before any work (issue 14, items 4 and 7)."""

import errno
import json
import os
import shutil
from pathlib import Path

import pytest
from cli_runner import run

from vbparse.exit_status import ExitStatus

SEEDS = Path(__file__).parent / "fixtures" / "seeds"


@pytest.fixture
def corpus(tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    shutil.copy(SEEDS / "001_2f45181cd87af165.txt", folder / "a.txt")
    shutil.copy(SEEDS / "002_0284457f90b6ede2.txt", folder / "b.txt")
    return folder


# A character device that no run can replace (no file can be created in /dev/pts), so that
# this test, run against code without the check, destroys nothing (it once replaced
# /dev/null with a regular file).
_PTY_FDS = os.openpty()
_PTY = os.ttyname(_PTY_FDS[1])


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


def _no_temporary_files(*folders: Path) -> bool:
    return not [p for folder in folders for p in folder.glob(".*.jsonl.*")]


@pytest.mark.parametrize(
    ("make_args", "message"),
    [
        (lambda c, t: ["-o", c / "a.txt", "--format", "jsonl"], "is the input file"),
        (lambda c, t: ["-o", "-", "--errors", c / "b.txt"], "is the input file"),
        (lambda c, t: ["-o", t / "same.jsonl", "--errors", t / "same.jsonl"], "the same file"),
        (lambda c, t: ["-o", t], "is a folder"),
        (lambda c, t: ["--errors", t], "is a folder"),
        (lambda c, t: ["-o", _PTY, "--format", "jsonl"], "not a regular file"),
        (lambda c, t: ["-o", "-", "--errors", "/dev/full"], "not a regular file"),
        (lambda c, t: ["-o", t / "fifo.jsonl"], "not a regular file"),
        (lambda c, t: ["-o", t / "link-to-input.jsonl"], "is the input file"),
        (lambda c, t: ["-o", t / "missing" / "out.jsonl"], "does not exist"),
        (lambda c, t: ["-o", c / "a.txt" / "out.jsonl"], "is not a folder"),
    ],
    ids=[
        "output-is-input",
        "errors-is-input",
        "output-is-errors",
        "output-is-folder",
        "errors-is-folder",
        "output-is-device",
        "errors-is-dev-full",
        "output-is-fifo",
        "output-links-to-input",
        "parent-missing",
        "parent-is-a-file",
    ],
)
def test_output_paths_refused_before_any_work(corpus, tmp_path, make_args, message):
    os.mkfifo(tmp_path / "fifo.jsonl")
    (tmp_path / "link-to-input.jsonl").symlink_to(corpus / "a.txt")
    before = _snapshot(corpus)
    status, out, err = run(corpus, *make_args(corpus, tmp_path), "-q")
    assert status == ExitStatus.USAGE and out == ""
    assert err.startswith("vbparse: error: ") and message in err and "Traceback" not in err
    assert _snapshot(corpus) == before  # no input touched
    assert _no_temporary_files(corpus, tmp_path)


def test_output_paths_symlink_is_written_through(corpus, tmp_path):
    real = tmp_path / "real.jsonl"
    real.write_text("old\n", encoding="utf-8")
    link = tmp_path / "link.jsonl"
    link.symlink_to(real)
    status, _, _ = run(corpus, "-o", link, "-q")
    assert status == ExitStatus.SUCCESS
    assert link.is_symlink() and link.resolve() == real.resolve()
    assert len(real.read_text(encoding="utf-8").splitlines()) == 9


def test_output_paths_dash_is_stdout(corpus, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    status, out, _ = run(corpus, "-o", "-", "-q")
    assert status == ExitStatus.SUCCESS and len(out.splitlines()) == 9
    assert not (tmp_path / "-").exists()


def test_output_paths_unwritable_folder_is_refused_before_parsing(corpus, tmp_path, monkeypatch):
    import tempfile

    from vbparse import batch

    def refuse(*args, **kwargs):
        raise PermissionError(errno.EACCES, "Permission denied")

    def never(*args, **kwargs):
        raise AssertionError("parsing started")

    monkeypatch.setattr(tempfile, "mkstemp", refuse)  # a read-only or immutable folder
    monkeypatch.setattr(batch, "parse_path", never)
    status, _, err = run(corpus, "-o", tmp_path / "out.jsonl", "-w", 0)
    assert status == ExitStatus.USAGE
    assert "cannot write in" in err and "Permission denied" in err


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes in read-only folders")
def test_output_paths_read_only_folder(corpus, tmp_path):
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        status, _, err = run(corpus, "-o", folder / "out.jsonl")
    finally:
        folder.chmod(0o755)
    assert status == ExitStatus.USAGE and "cannot write in" in err


def test_output_paths_full_disk_at_the_end_is_a_clean_error(corpus, tmp_path, monkeypatch):
    def full(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "replace", full)
    out, errors = tmp_path / "out.jsonl", tmp_path / "errors.jsonl"
    status, _, err = run(corpus, "-o", out, "--errors", errors, "-w", 0, "-q")
    assert status == ExitStatus.SOME_FAILED
    assert "vbparse: error: cannot write -o" in err and "No space left" in err
    assert not out.exists() and not errors.exists()
    assert _no_temporary_files(tmp_path)


def test_output_paths_errors_file_written_whole_and_input_kept(corpus, tmp_path):
    (corpus / "bad.txt").write_bytes(b"\x00\x01" * 10)
    errors = tmp_path / "errors.jsonl"
    status, _, _ = run(corpus, "-o", tmp_path / "out.jsonl", "--errors", errors, "-q")
    assert status == ExitStatus.SOME_FAILED
    [record] = [json.loads(line) for line in errors.read_text(encoding="utf-8").splitlines()]
    assert record["path"].endswith("bad.txt")
    assert _no_temporary_files(tmp_path)
