"""No Tesseract outlives its file (issue 14): on a time-out, SIGTERM or Ctrl-C the OCR
subprocesses are killed too, in the vbparse process (-w 0) and in workers.

A stand-in ``tesseract`` (a shell script first on PATH, or pytesseract's command in this
process; ``VBPARSE_TESSERACT=cli``, so that the command line, not the library, reads) answers
the language check and then sleeps, writing its process id first, so the test can look for it
afterwards; the real one takes too little time on a test image to be caught reliably mid-page.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import psutil
import pytest
from cli_runner import as_from_a_terminal, run

from vbparse.exit_status import ExitStatus

SRC = Path(__file__).resolve().parent.parent / "src"
FAKE_TESSERACT = """#!/bin/sh
case "$*" in
  *--list-langs*) printf 'List of available languages in "x" (1):\\nvie\\n'; exit 0;;
  *--version*) echo 'tesseract 5.3.0'; exit 0;;
esac
echo $$ >> '{pids}'
exec sleep 600
"""


@pytest.fixture
def fake_tesseract(tmp_path):
    """(folder holding a ``tesseract`` stand-in, file its process ids are written to)."""
    folder = tmp_path / "bin"
    folder.mkdir()
    pids = tmp_path / "tesseract.pids"
    script = folder / "tesseract"
    script.write_text(FAKE_TESSERACT.format(pids=pids), encoding="utf-8")
    script.chmod(0o755)
    return folder, pids


@pytest.fixture
def scan(tmp_path):
    from PIL import Image, ImageDraw

    folder = tmp_path / "corpus"
    folder.mkdir()
    image = Image.new("L", (600, 300), 255)
    ImageDraw.Draw(image).text((40, 120), "CONG VAN SO 12", fill=0)
    image.save(folder / "scan.png")
    return folder


def still_running(pids: Path) -> list[int]:
    """The stand-ins that are still alive (a zombie has ended and holds nothing)."""
    if not pids.exists():
        return []
    alive = []
    for pid in map(int, pids.read_text().split()):
        try:
            if psutil.Process(pid).status() != psutil.STATUS_ZOMBIE:
                alive.append(pid)
        except psutil.NoSuchProcess:
            continue
    return alive


def _kill_left_over(pids: Path) -> None:
    for pid in still_running(pids):
        os.kill(pid, signal.SIGKILL)


@pytest.mark.parametrize(
    "mode", [["-w", 0, "--max-memory", 0], ["-w", 0], ["-w", 1]], ids=["in-process", "w0", "w1"]
)
def test_ocr_processes_killed_on_timeout(scan, fake_tesseract, tmp_path, monkeypatch, mode):
    import pytesseract

    folder, pids = fake_tesseract
    monkeypatch.setattr(pytesseract.pytesseract, "tesseract_cmd", str(folder / "tesseract"))
    monkeypatch.setenv("VBPARSE_TESSERACT", "cli")  # the stand-in, not the library
    errors = tmp_path / "errors.jsonl"
    try:
        status, _, err = run(scan, "-o", tmp_path / "out.jsonl", "--errors", errors,
                             "--timeout", 3, "-q", *mode)  # fmt: skip
        assert status == ExitStatus.SOME_FAILED and "Traceback" not in err
        [record] = [json.loads(line) for line in errors.read_text().splitlines()]
        assert record["stage"] == "timeout"
        assert pids.exists(), "the stand-in Tesseract never ran"
        time.sleep(0.5)
        assert still_running(pids) == []
    finally:
        _kill_left_over(pids)


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "SIGINT"])
@pytest.mark.parametrize("workers", [0, 1])
def test_ocr_processes_killed_on_signal(scan, fake_tesseract, tmp_path, signum, workers):
    folder, pids = fake_tesseract
    env = {
        **os.environ,
        "PATH": f"{folder}{os.pathsep}{os.environ['PATH']}",
        "PYTHONPATH": str(SRC),
        "VBPARSE_TESSERACT": "cli",  # the stand-in on PATH, not the library
    }
    command = [sys.executable, "-m", "vbparse", str(scan), "-o", str(tmp_path / "out.jsonl"),
               "-w", str(workers), "-q"]  # fmt: skip
    vbparse = subprocess.Popen(
        command, env=env, stderr=subprocess.PIPE, text=True, preexec_fn=as_from_a_terminal
    )
    try:
        deadline = time.monotonic() + 60
        while not pids.exists() and time.monotonic() < deadline:
            time.sleep(0.1)
        assert pids.exists(), "the stand-in Tesseract never ran"
        vbparse.send_signal(signum)
        _, err = vbparse.communicate(timeout=30)
        assert vbparse.returncode == (143 if signum == signal.SIGTERM else 130)
        assert "Traceback" not in err
        time.sleep(0.5)
        assert still_running(pids) == []
    finally:
        vbparse.kill()
        _kill_left_over(pids)
