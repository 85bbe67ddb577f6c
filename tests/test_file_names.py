"""Any file name works (issue 14, item 5): records carry a path that round-trips."""

import io
import json
import os
import shutil
from pathlib import Path

import pytest

from vbparse.cli import Environment, main
from vbparse.exit_status import ExitStatus
from vbparse.file_names import display_path, path_from_display

SEEDS = Path(__file__).parent / "fixtures" / "seeds"


@pytest.mark.parametrize(
    "raw",
    [
        b"plain.txt",
        "Quyết định 12.txt".encode(),
        b"latin1-\xe9t\xe9.txt",
        b"\xff\xfe\x00x"[:3] + b".txt",
        b"back\\x41slash\xc3.txt",
        b"dir\xa0/file.md",
    ],
    ids=["ascii", "utf8", "latin1", "bom-bytes", "literal-escape", "folder"],
)
def test_file_names_display_round_trips(raw):
    shown = display_path(os.fsdecode(raw))
    shown.encode("utf-8")  # valid UTF-8, no surrogates
    assert os.fsencode(path_from_display(shown)) == raw


def test_file_names_display_shows_bad_bytes_as_escapes():
    assert display_path(os.fsdecode(b"a\xffb.txt")) == "a\\xffb.txt"
    assert display_path("Quyết định.txt") == "Quyết định.txt"


def _run(*args):
    env = Environment(stdout=io.StringIO(), stderr=io.StringIO())
    status = main(list(map(str, args)), env)
    return status, env.stdout.getvalue(), env.stderr.getvalue()


def test_file_names_not_utf8_parsed_and_failed_files_all_written(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    good = folder / os.fsdecode(b"good-\xff\xfe.txt")
    shutil.copy(SEEDS / "001_2f45181cd87af165.txt", good)
    shutil.copy(SEEDS / "002_0284457f90b6ede2.txt", folder / "plain.txt")
    (folder / os.fsdecode(b"bad-\xe9.txt")).write_bytes(b"")
    out, errors = tmp_path / "out.jsonl", tmp_path / "errors.jsonl"
    status, _, err = _run(folder, "-o", out, "--errors", errors, "--incremental", "-w", 2)
    assert status == ExitStatus.SOME_FAILED and "Traceback" not in err
    paths = {json.loads(line)["source"]["path"] for line in out.read_text("utf-8").splitlines()}
    assert {Path(p).name for p in paths} == {"good-\\xff\\xfe.txt", "plain.txt"}
    assert {os.fsencode(path_from_display(p)) for p in paths} == {
        os.fsencode(good),
        os.fsencode(folder / "plain.txt"),
    }
    [record] = [json.loads(line) for line in errors.read_text("utf-8").splitlines()]
    assert record["path"].endswith("bad-\\xe9.txt") and "empty file" in record["error"]
    assert "bad-\\xe9.txt: empty file" in err
    # the manifest holds the same escaped paths: a second run reuses every good document
    status, _, err = _run(folder, "-o", out, "--errors", errors, "--incremental", "-w", 0)
    assert "(2 unchanged since the last run" in err
