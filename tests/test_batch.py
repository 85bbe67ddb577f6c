"""Batches: same output for any number of workers, a hung or crashed file becomes an error
record, incremental runs, Ctrl-C, progress only on a terminal."""

import io
import json
import multiprocessing
import os
import shutil
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from cli_runner import as_from_a_terminal

from vbparse.batch import in_order
from vbparse.cli import Environment, main
from vbparse.engines.window import Window
from vbparse.exit_status import ExitStatus

SEEDS = Path(__file__).parent / "fixtures" / "seeds"

needs_fork = pytest.mark.skipif(
    "fork" not in multiprocessing.get_all_start_methods(),
    reason="patched readers reach the workers only through fork",
)


class TtyStringIO(io.StringIO):
    def isatty(self) -> bool:
        return True


def run(*args, stderr=None):
    env = Environment(stdout=io.StringIO(), stderr=stderr or io.StringIO())
    status = main(list(map(str, args)), env)
    return status, env.stdout.getvalue(), env.stderr.getvalue()


def lines_of(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


@pytest.fixture
def corpus(tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    for seed in ("000_3070b849d0d1c768", "001_2f45181cd87af165", "002_0284457f90b6ede2"):
        shutil.copy(SEEDS / f"{seed}.txt", folder / f"{seed}.txt")
    return folder


def test_batch_output_identical_for_any_number_of_workers(corpus, tmp_path):
    outputs = []
    for workers in (0, 1, 2):
        out = tmp_path / f"w{workers}.jsonl"
        status, _, _ = run(corpus, "-o", out, "-w", workers, "-q")
        assert status == ExitStatus.SUCCESS
        outputs.append(out.read_bytes())
    assert outputs[0] == outputs[1] == outputs[2]
    paths = [r["source"]["path"] for r in lines_of(tmp_path / "w2.jsonl")]
    assert paths == sorted(paths) and len(set(paths)) == 3


@pytest.mark.parametrize(
    "finish_order",
    [[0, 1, 2, 3, 4, 5], [5, 4, 3, 2, 1, 0], [1, 0, 3, 2, 5, 4], [2, 0, 1, 5, 3, 4]],
    ids=["in-order", "reversed", "pairs-swapped", "mixed"],
)
def test_batch_reorder_buffer_yields_in_path_order(finish_order):
    results = list(in_order((i, f"r{i}") for i in finish_order))
    assert results == [(i, f"r{i}") for i in range(6)]


def test_batch_window_stops_at_size_past_first_unfinished_file():
    window = Window(total=10, size=3)
    assert [window.take() for _ in range(4)] == [0, 1, 2, None]  # 0 is slow: no more
    window.finish(2)
    window.finish(1)
    assert window.take() is None  # the buffer would grow past 3 while 0 is still running
    window.finish(0)
    assert [window.take() for _ in range(4)] == [3, 4, 5, None]
    for index in (3, 4, 5):
        window.finish(index)
    assert [window.take() for _ in range(4)] == [6, 7, 8, None]
    for index in (6, 7, 8):
        window.finish(index)
    assert window.take() == 9 and not window.done
    window.finish(9)
    assert window.take() is None and window.done


def _hang(path, limits):
    time.sleep(60)


def _die(path, limits):
    os.kill(os.getpid(), signal.SIGKILL)


@needs_fork
@pytest.mark.parametrize(
    ("reader", "stage", "message", "extra"),
    [
        # 8 s: the other files parse well within it even in workers that start cold under
        # a loaded machine (1 s timed out a cold worker's first file)
        (_hang, "timeout", "no result after 8 s", ["--timeout", "8"]),
        (_die, "crash", "killed by SIGKILL", []),
    ],
    ids=["hung-file-times-out", "killed-worker-crashes"],
)
def test_batch_failed_worker_becomes_error_record_and_batch_goes_on(
    corpus, tmp_path, monkeypatch, reader, stage, message, extra
):
    from vbparse import ingest

    monkeypatch.setitem(ingest.READERS, ".md", reader)
    (corpus / "001_bad.md").write_text("x", encoding="utf-8")  # in the middle of the order
    errors, out = tmp_path / "errors.jsonl", tmp_path / "out.jsonl"
    status, _, err = run(corpus, "-o", out, "--errors", errors, "-w", 2, "-q", *extra)
    assert status == ExitStatus.SOME_FAILED
    [record] = lines_of(errors)
    assert record["stage"] == stage and message in record["error"]
    assert record["path"].endswith("001_bad.md")
    assert f"001_bad.md: {record['error']}" in err
    docs = {Path(r["source"]["path"]).name for r in lines_of(out)}
    assert docs == {p.name for p in corpus.glob("*.txt")}  # the others all parsed


def test_batch_incremental_parses_only_new_or_changed_files(corpus, tmp_path, monkeypatch):
    import vbparse

    out = tmp_path / "tasks.jsonl"
    status, _, err = run(corpus, "-o", out, "--incremental", "-w", 0)
    assert status == ExitStatus.SUCCESS and "(0 unchanged" in err
    first = out.read_text(encoding="utf-8")
    status, _, err = run(corpus, "-o", out, "--incremental", "-w", 0)
    assert "3 documents read" in err and "(3 unchanged" in err
    assert out.read_text(encoding="utf-8") == first

    shutil.copy(SEEDS / "003_391edc665e6ab0ab.txt", corpus / "003.txt")  # the folder grew
    changed = corpus / "000_3070b849d0d1c768.txt"
    changed.write_text(changed.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    status, _, err = run(corpus, "-o", out, "--incremental", "-w", 0)
    assert "4 documents read" in err and "(2 unchanged" in err
    full = tmp_path / "full.jsonl"
    run(corpus, "-o", full, "-w", 0, "-q")
    assert out.read_bytes() == full.read_bytes()  # same records, same order as a full run

    monkeypatch.setattr(vbparse, "__version__", "99.0")  # a new vbparse parses everything
    status, _, err = run(corpus, "-o", out, "--incremental", "-w", 0)
    assert "(0 unchanged" in err


def test_batch_incremental_ignores_an_edited_output(corpus, tmp_path):
    out = tmp_path / "tasks.jsonl"
    run(corpus, "-o", out, "--incremental", "-w", 0, "-q")
    with out.open("a", encoding="utf-8") as stream:
        stream.write('{"hand": "edited"}\n')
    status, _, err = run(corpus, "-o", out, "--incremental", "-w", 0)
    assert status == ExitStatus.SUCCESS
    assert "changed since the run" in err and "(0 unchanged" in err
    assert all("hand" not in r for r in lines_of(out))


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--incremental", "-o", "-"], "--incremental needs an output file"),
        (["--engine", "dask"], "--engine dask needs --scheduler"),
        (["--scheduler", "tcp://localhost:8786"], "--scheduler goes with --engine dask"),
        (["--timeout", "-3"], "positive number of seconds, or 0 for no limit"),
        (["-w", "-1"], "must be 0 or more"),
    ],
    ids=[
        "incremental-to-stdout",
        "dask-without-scheduler",
        "scheduler-without-dask",
        "negative-timeout",
        "negative-workers",
    ],
)
def test_batch_bad_options_are_usage_errors(corpus, args, message):
    status, out, err = run(corpus, *args)
    assert status == ExitStatus.USAGE and out == ""
    assert message in err


def test_batch_progress_only_on_a_terminal_and_not_with_quiet(corpus, tmp_path):
    _, _, err = run(corpus, "-o", tmp_path / "a.jsonl", "-w", 0, stderr=TtyStringIO())
    assert "docs/s, 0 failed" in err and "[3/3] 100%" in err
    _, _, err = run(corpus, "-o", tmp_path / "b.jsonl", "-w", 0, "-q", stderr=TtyStringIO())
    assert err == ""
    _, _, err = run(corpus, "-o", tmp_path / "c.jsonl", "-w", 0)
    assert "docs/s" not in err and "3 documents read" in err


INTERRUPTED_RUN = textwrap.dedent(
    """
    import sys, time
    from vbparse import ingest
    from vbparse.cli import main

    def hang(path, limits):
        time.sleep(60)

    ingest.READERS[".md"] = hang
    sys.exit(main(sys.argv[1:]))
    """
)


@needs_fork
def test_batch_ctrl_c_leaves_whole_json_lines_and_says_how_far(corpus, tmp_path):
    (corpus / "zz_last.md").write_text("x", encoding="utf-8")  # hangs after the others
    out = tmp_path / "tasks.jsonl"
    args = [sys.executable, "-c", INTERRUPTED_RUN, str(corpus), "-o", str(out), "-w", "2"]
    args += ["--incremental"]
    proc = subprocess.Popen(
        args,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
        cwd=tmp_path,
        preexec_fn=as_from_a_terminal,
    )
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:  # until the three .txt files' records are out
        written = [p for p in tmp_path.glob(".tasks.jsonl.*") if "manifest" not in p.name]
        text = written[0].read_bytes().decode("utf-8", "replace") if written else ""
        text = text[: text.rfind("\n") + 1]  # whole lines only: the writer may be mid-way
        if len({json.loads(line)["source"]["path"] for line in text.splitlines()}) == 3:
            break
        time.sleep(0.1)
    else:
        os.killpg(proc.pid, signal.SIGKILL)
        pytest.fail(f"the three documents were not written in 30 s: {proc.communicate()[1]}")
    os.killpg(proc.pid, signal.SIGINT)  # Ctrl-C reaches the whole process group
    _, err = proc.communicate(timeout=30)
    assert proc.returncode == ExitStatus.CTRL_C, err
    assert "interrupted after 3 of 4 files" in err and "--incremental to go on" in err
    records = lines_of(out)  # every line is whole JSON
    assert {Path(r["source"]["path"]).name for r in records} == {
        p.name for p in corpus.glob("*.txt")
    }
    assert not list(tmp_path.glob(".tasks.jsonl.*"))  # no temporary file left behind


def test_batch_dask_engine_without_dask_installed_is_usage_error(corpus, monkeypatch):
    monkeypatch.setitem(sys.modules, "distributed", None)  # as if the extra were missing
    monkeypatch.delitem(sys.modules, "vbparse.engines.dask", raising=False)
    status, out, err = run(corpus, "--engine", "dask", "--scheduler", "tcp://localhost:8786")
    assert status == ExitStatus.USAGE and out == ""
    assert "pip install 'vbparse[dask]'" in err


def test_batch_names_the_files_of_other_types_it_passed_over(tmp_path):
    """A folder's files vbparse does not read (data, a spreadsheet) are not
    parsed, and the run says so once, by type, instead of passing them over silently;
    hidden files (".DS_Store", a ".git" folder) are not counted."""
    from cli_runner import run

    letter = next(SEEDS.glob("*.txt"))
    shutil.copy(letter, tmp_path / letter.name)
    (tmp_path / "danh-sach.json").write_text("{}", encoding="utf-8")
    (tmp_path / "bang.xlsx").write_bytes(b"PK")
    (tmp_path / "cu").mkdir()
    (tmp_path / "cu" / "ban-sao.json").write_text("{}", encoding="utf-8")
    (tmp_path / ".DS_Store").write_bytes(b"\0")
    status, _, err = run(tmp_path, "-o", tmp_path / "out.jsonl")
    assert status == ExitStatus.SUCCESS
    assert "passed over 3 files of types vbparse does not read (2 .json, 1 .xlsx)" in err
    assert (tmp_path / "out.jsonl").read_text(encoding="utf-8").strip()
