"""SIGTERM (issue 14, item 6): workers stopped, temporary file removed, whole documents kept,
exit 143."""

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

from vbparse.exit_status import ExitStatus

SEEDS = Path(__file__).parent / "fixtures" / "seeds"
SRC = Path(__file__).resolve().parents[1] / "src"

HANGING_RUN = textwrap.dedent(
    """
    import os, sys, time
    from pathlib import Path
    from vbparse import ingest
    from vbparse.cli import main

    def hang(path, limits=None):
        Path(os.environ["PID_DIR"], str(os.getpid())).touch()
        while True:  # busy, as a worker stuck in a hostile file
            pass

    ingest.READERS[".md"] = hang
    sys.exit(main(sys.argv[1:]))
    """
)


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as stat:
            return stat.read().split(") ")[1][0] != "Z"
    except FileNotFoundError:
        return False


@pytest.mark.skipif(
    "fork" not in multiprocessing.get_all_start_methods() or not Path("/proc").is_dir(),
    reason="patched readers reach the workers only through fork; /proc to see processes",
)
@pytest.mark.parametrize("workers", [0, 2])
def test_termination_sigterm_stops_workers_keeps_whole_documents(tmp_path, workers):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for seed in ("000_3070b849d0d1c768", "001_2f45181cd87af165", "002_0284457f90b6ede2"):
        shutil.copy(SEEDS / f"{seed}.txt", corpus / f"{seed}.txt")
    (corpus / "zz_last.md").write_text("x", encoding="utf-8")  # spins after the others
    pids = tmp_path / "pids"
    pids.mkdir()
    out = tmp_path / "tasks.jsonl"
    args = [sys.executable, "-c", HANGING_RUN, str(corpus), "-o", str(out), "-w", str(workers)]
    env = {**os.environ, "PYTHONPATH": str(SRC), "PID_DIR": str(pids)}
    proc = subprocess.Popen(args, stderr=subprocess.PIPE, text=True, cwd=tmp_path, env=env)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not list(pids.iterdir()):
        time.sleep(0.1)  # until the spinning file has started
    # … and a little longer, for the other worker to finish the three others: 0.5 s was too
    # short on a loaded machine (terminated after 1 of 4 files), the output being written
    # only at the end gives nothing to wait on
    time.sleep(3)
    proc.send_signal(signal.SIGTERM)  # to the vbparse process alone, as a service manager
    _, err = proc.communicate(timeout=30)
    assert proc.returncode == ExitStatus.TERMINATED == 143, err
    assert "terminated after 3 of 4 files" in err and "Traceback" not in err
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert {Path(r["source"]["path"]).name for r in records} == {
        p.name for p in corpus.glob("*.txt")
    }
    assert not list(tmp_path.glob(".tasks.jsonl.*"))  # no temporary file left behind
    spinning = [int(p.name) for p in pids.iterdir() if int(p.name) != proc.pid]
    time.sleep(1)
    assert not [pid for pid in spinning if _alive(pid)]  # no orphaned worker left spinning
