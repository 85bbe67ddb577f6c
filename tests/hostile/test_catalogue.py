"""The hostile-input catalogue in one batch with good real documents (issue 14, item 7):
every input reported with its expected outcome, no traceback, the good documents neither
lost nor changed. Prints the batch's time and the peak RSS of its largest process; with
``VBPARSE_HOSTILE_MEASURE=1`` also each input's time and peak RSS, parsed alone."""

from __future__ import annotations

import json
import os
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from hostile.catalogue import CASES, GOOD, make_catalogue
from vbparse.file_names import display_path

SRC = Path(__file__).resolve().parents[2] / "src"


def _vbparse(*args: object, cwd: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    command = [sys.executable, "-m", "vbparse", *map(str, args)]
    return subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, timeout=300)


def _records(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


@pytest.fixture(scope="module")
def batch(tmp_path_factory):
    """The catalogue and the good documents in one folder, parsed in one batch run."""
    root = tmp_path_factory.mktemp("hostile")
    folder = root / "inputs"
    make_catalogue(folder)
    good = []
    for path in GOOD:
        shutil.copy(path, folder / f"g_{path.name}")
        good.append(Path("inputs") / f"g_{path.name}")
    started = time.monotonic()
    done = _vbparse(
        "inputs", "-o", "docs.jsonl", "--records", "documents", "--errors", "errors.jsonl",
        "-w", 2, cwd=root,
    )  # fmt: skip
    seconds = time.monotonic() - started
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(
        f"\nhostile catalogue: {len(CASES)} inputs + {len(GOOD)} good documents in "
        f"{seconds:.1f} s; peak RSS of the largest process {peak_mb:.0f} MB"
    )
    alone = _vbparse(*good, "-o", "alone.jsonl", "--records", "documents", "-w", 0, cwd=root)
    assert alone.returncode == 0, alone.stderr
    return root, done, good


def test_catalogue_has_at_least_forty_inputs():
    assert len(CASES) >= 40
    assert len({case.name for case in CASES}) == len(CASES)


def test_catalogue_batch_reports_every_input_without_a_traceback(batch):
    root, done, _ = batch
    assert done.returncode == 1, done.stderr  # some files failed, the batch went on
    assert "Traceback" not in done.stderr and "Warning" not in done.stderr
    assert not list(root.glob(".*.jsonl.*"))  # no temporary file left
    errors = {Path(r["path"]).name: r for r in _records(root / "errors.jsonl")}
    parsed = {Path(r["source"]["path"]).name: r for r in _records(root / "docs.jsonl")}
    for line in done.stderr.splitlines():
        assert line.startswith("vbparse: "), line
    wrong = []
    for case in CASES:
        name = display_path(case.name)
        if case.outcome == "error":
            record = errors.get(name)
            if record is None:
                wrong.append(
                    f"{name}: expected an error record, got {name in parsed and 'a parse'}"
                )
            elif (case.stage and record["stage"] != case.stage) or case.says not in record["error"]:
                wrong.append(f"{name}: expected {case.stage}/{case.says!r}, got {record}")
        else:
            document = parsed.get(name)
            if document is None:
                wrong.append(f"{name}: expected a parse, got {errors.get(name)}")
            elif case.outcome == "warning" and not any(
                case.says in w["message"] for w in document["warnings"]
            ):
                wrong.append(f"{name}: expected a warning {case.says!r}: {document['warnings']}")
    assert not wrong, "\n".join(wrong)
    assert len(errors) + len(parsed) == len(CASES) + len(GOOD)


def test_catalogue_good_documents_neither_lost_nor_changed(batch):
    root, _, good = batch
    in_batch = {r["source"]["path"]: r for r in _records(root / "docs.jsonl")}
    alone = _records(root / "alone.jsonl")
    assert sorted(r["source"]["path"] for r in alone) == sorted(str(p) for p in good)
    for record in alone:
        assert in_batch[record["source"]["path"]] == record
        assert record["tasks"]


def test_catalogue_nothing_leaks_or_escapes(batch):
    root, _, _ = batch
    output = (root / "docs.jsonl").read_text(encoding="utf-8")
    assert "root:x:0:0" not in output  # XXE: /etc/passwd never read
    assert not Path("/tmp/vbparse-zip-slip").exists()  # zip-slip names never extracted
    assert not Path("/etc/vbparse-absolute").exists()


@pytest.mark.skipif(not os.environ.get("VBPARSE_HOSTILE_MEASURE"), reason="set to measure")
def test_catalogue_each_input_alone(tmp_path):
    """Each input parsed alone in a forked process: its time and peak RSS, worst first."""
    from vbparse.batch import keep_document, parse_one

    rows = []
    for path in make_catalogue(tmp_path):
        started = time.monotonic()
        pid = os.fork()
        if pid == 0:
            parse_one(str(path), keep_document, time_s=300)
            os._exit(0)
        _, _, usage = os.wait4(pid, 0)
        rows.append((time.monotonic() - started, usage.ru_maxrss / 1024, display_path(path.name)))
    for seconds, peak, name in sorted(rows, reverse=True):
        print(f"{seconds:7.2f} s {peak:7.0f} MB  {name}")
    print(f"slowest: {max(rows)[2]}; largest: {max(rows, key=lambda r: r[1])[2]}")
