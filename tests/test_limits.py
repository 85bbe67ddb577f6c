"""Every file is bounded in time and memory by default (issue 14, item 1)."""

import json
import multiprocessing
import shutil
import time
from pathlib import Path

import pytest
import regex
from cli_runner import run
from hostile.pdfbytes import reference_loop_pdf

from vbparse.cli import build_parser
from vbparse.exit_status import ExitStatus
from vbparse.limits import DEFAULT_MEMORY_MB, DEFAULT_TIMEOUT_S, TimeLimitExceeded, file_deadline

SEEDS = Path(__file__).parent / "fixtures" / "seeds"
needs_fork = pytest.mark.skipif(
    "fork" not in multiprocessing.get_all_start_methods(),
    reason="patched readers reach the workers only through fork",
)


def lines_of(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


@pytest.fixture
def corpus(tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    for seed in ("000_3070b849d0d1c768", "001_2f45181cd87af165"):
        shutil.copy(SEEDS / f"{seed}.txt", folder / f"{seed}.txt")
    return folder


def test_limits_on_by_default():
    args = build_parser().parse_args(["parse", "x"])
    assert args.timeout == DEFAULT_TIMEOUT_S == 300
    assert args.max_memory == DEFAULT_MEMORY_MB
    assert build_parser().parse_args(["parse", "x", "--timeout", "0"]).timeout is None


@pytest.mark.parametrize("value", ["inf", "-inf", "nan", "-1", "abc"])
def test_limits_bad_timeout_is_usage_error(corpus, value):
    status, out, err = run(corpus, "--timeout", value)
    assert status == ExitStatus.USAGE and out == ""
    assert "vbparse: error: argument --timeout" in err and "Traceback" not in err


@pytest.mark.parametrize("value", ["-5", "lots", "1.5"])
def test_limits_bad_memory_is_usage_error(corpus, value):
    status, _, err = run(corpus, "--max-memory", value)
    assert status == ExitStatus.USAGE and "argument --max-memory" in err


@pytest.mark.parametrize("workers", [0, 2])
def test_limits_reference_loop_pdf_does_not_hang_the_batch(corpus, tmp_path, workers):
    (corpus / "000_loop.pdf").write_bytes(reference_loop_pdf())  # first in path order
    out, errors = tmp_path / "out.jsonl", tmp_path / "errors.jsonl"
    started = time.monotonic()
    status, _, _ = run(corpus, "-o", out, "--errors", errors, "-w", workers, "-q")
    assert time.monotonic() - started < 60
    assert status == ExitStatus.SOME_FAILED
    [record] = lines_of(errors)
    assert record["stage"] == "ingest" and "could not be read in" in record["error"]
    assert {Path(r["source"]["path"]).name for r in lines_of(out)} == {
        p.name for p in corpus.glob("*.txt")
    }


def _spin(path, limits=None):
    while True:  # a reader stuck in pure Python, as pdfminer in a reference loop
        pass


def _hog(path, limits=None):
    """A decompression bomb as a reader sees it: 8 GB asked for in 64 MB blocks. Left
    untouched (``numpy.empty``), they take address space but no RAM, so that where nothing
    caps the address space the test fails instead of filling the machine's memory."""
    import numpy as np

    from vbparse.ingest import IngestError

    hoard = [np.empty(64 * 2**20, dtype=np.uint8) for _ in range(128)]
    raise IngestError(f"{len(hoard) * 64} MB allocated: no memory limit applied")


@pytest.mark.parametrize("workers", [0, 2])
def test_limits_timeout_stops_a_spinning_file_in_process_and_in_workers(
    corpus, tmp_path, monkeypatch, workers
):
    from vbparse import ingest

    monkeypatch.setitem(ingest.READERS, ".md", _spin)
    (corpus / "001_spin.md").write_text("x", encoding="utf-8")
    errors, out = tmp_path / "errors.jsonl", tmp_path / "out.jsonl"
    args = ["-o", out, "--errors", errors, "-w", workers, "--timeout", "4", "-q"]
    status, _, _ = run(corpus, *args)
    assert status == ExitStatus.SOME_FAILED
    [record] = lines_of(errors)
    assert record["stage"] == "timeout" and "no result after 4 s" in record["error"]
    assert len({r["source"]["path"] for r in lines_of(out)}) == 2


@needs_fork
@pytest.mark.parametrize("workers", [0, 2])
def test_limits_memory_overrun_is_an_error_record_and_batch_goes_on(
    corpus, tmp_path, monkeypatch, workers
):
    from vbparse import ingest

    monkeypatch.setitem(ingest.READERS, ".md", _hog)
    (corpus / "001_hog.md").write_text("x", encoding="utf-8")
    errors, out = tmp_path / "errors.jsonl", tmp_path / "out.jsonl"
    args = ["-o", out, "--errors", errors, "-w", workers, "--max-memory", _cap_mb()]
    status, _, err = run(corpus, *args)
    assert status == ExitStatus.SOME_FAILED and "Traceback" not in err
    [record] = lines_of(errors)
    assert record["stage"] == "memory" and "--max-memory" in record["error"]
    assert len({r["source"]["path"] for r in lines_of(out)}) == 2


def _cap_mb() -> int:
    """A cap 1 GB above this process's address space now (with ``-w 0`` the file is parsed
    in this process, whose address space the cap counts too)."""
    import psutil

    return psutil.Process().memory_info().vms // 2**20 + 1024


def test_limits_deadline_stops_a_backtracking_regex():
    started = time.monotonic()
    with pytest.raises(TimeLimitExceeded), file_deadline(0.5):
        regex.match(r"(a|aa)+$", "a" * 60 + "b")
    assert time.monotonic() - started < 5


def test_limits_inner_deadline_is_told_from_the_outer_one():
    with (
        pytest.raises(TimeLimitExceeded) as caught,
        file_deadline(0.3) as outer,
        file_deadline(30) as inner,
    ):
        time.sleep(5)
    assert caught.value.owner is outer and outer is not inner
    with (
        file_deadline(30) as outer,
        pytest.raises(TimeLimitExceeded) as caught,
        file_deadline(0.2) as inner,
    ):
        time.sleep(5)
    assert outer is not inner
    assert caught.value.owner is inner


def _deaf(path, limits=None):
    import signal

    signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})  # as C code that never checks
    while True:
        pass


@needs_fork
def test_limits_parent_kills_a_worker_deaf_to_its_alarm(corpus, tmp_path, monkeypatch):
    from vbparse import ingest
    from vbparse.engines import local

    monkeypatch.setitem(ingest.READERS, ".md", _deaf)
    monkeypatch.setattr(local, "KILL_GRACE_S", 1.0)
    (corpus / "001_deaf.md").write_text("x", encoding="utf-8")
    errors, out = tmp_path / "errors.jsonl", tmp_path / "out.jsonl"
    status, _, _ = run(corpus, "-o", out, "--errors", errors, "-w", 2, "--timeout", "4", "-q")
    assert status == ExitStatus.SOME_FAILED
    [record] = lines_of(errors)
    assert record["stage"] == "timeout" and "its worker was stopped" in record["error"]
    assert len({r["source"]["path"] for r in lines_of(out)}) == 2
