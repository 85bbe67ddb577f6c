"""No traceback, ever (issue 14, item 7): each failure the issue lists is one
``vbparse: error: …`` line and its exit code. (Output paths: ``test_output_paths.py``;
``--timeout inf``: ``test_limits.py``.)"""

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
    folder.mkdir()
    shutil.copy(SEEDS / "001_2f45181cd87af165.txt", folder / "a.txt")
    shutil.copy(SEEDS / "002_0284457f90b6ede2.txt", folder / "b.txt")
    return folder


def _edit_manifest(manifest: Path, change) -> None:
    rows = [json.loads(line) for line in manifest.read_text(encoding="utf-8").splitlines()]
    manifest.write_text("".join(json.dumps(change(r)) + "\n" for r in rows), encoding="utf-8")


@pytest.mark.parametrize(
    "change",
    [
        lambda r: {**r, "lines": str(r["lines"])} if "lines" in r else r,
        lambda r: {**r, "lines": -4} if "lines" in r else r,
        lambda r: {**r, "path": 12} if "path" in r else r,
        lambda r: [r],
        lambda r: {**r, "extra": 1} if "lines" in r else r,
    ],
    ids=["lines-is-text", "lines-negative", "path-is-number", "row-is-list", "unknown-field"],
)
def test_no_traceback_hand_edited_manifest(corpus, tmp_path, change):
    out = tmp_path / "tasks.jsonl"
    assert run(corpus, "-o", out, "--incremental", "-w", 0, "-q")[0] == ExitStatus.SUCCESS
    first = out.read_bytes()
    _edit_manifest(tmp_path / "tasks.jsonl.manifest", change)
    status, _, err = run(corpus, "-o", out, "--incremental", "-w", 0)
    assert status == ExitStatus.SUCCESS, err
    assert "unreadable" in err and "parsing every file" in err and "Traceback" not in err
    assert out.read_bytes() == first


def test_no_traceback_manifest_path_is_a_folder(corpus, tmp_path):
    out = tmp_path / "tasks.jsonl"
    out.write_text("", encoding="utf-8")
    (tmp_path / "tasks.jsonl.manifest").mkdir()
    status, _, err = run(corpus, "-o", out, "--incremental", "-w", 0)
    assert status == ExitStatus.SOME_FAILED
    assert "vbparse: error: cannot write the manifest" in err and "Traceback" not in err
    assert len(out.read_text(encoding="utf-8").splitlines()) == 9  # the records are kept
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]


def test_no_traceback_internal_error_is_one_line(corpus, monkeypatch):
    from vbparse import batch

    def broken(*args, **kwargs):
        raise RuntimeError("a bug")

    monkeypatch.setattr(batch, "discover_with_others", broken)
    status, _, err = run(corpus)
    assert status == ExitStatus.SOME_FAILED
    assert err == "vbparse: error: internal error (please report it): RuntimeError: a bug\n"


def test_no_traceback_reader_of_stdout_goes_away(corpus):
    import os
    import subprocess
    import sys

    src = Path(__file__).resolve().parents[1] / "src"
    command = f"{sys.executable} -m vbparse {corpus} -o - -w 0 -q | head -c 10 >/dev/null"
    done = subprocess.run(
        ["bash", "-o", "pipefail", "-c", command],
        env={**os.environ, "PYTHONPATH": str(src)},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0 and done.stderr == ""
