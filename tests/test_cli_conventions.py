"""CLI conventions (issue 13): subcommands listed in --help, "did you mean", commands win over
same-named folders, usage errors before any work, eval's n/a, the progress display, OCR
options, --incremental keyed on the grammar files."""

import io
import json
import shutil
import time
from pathlib import Path

import pytest
from cli_runner import run

from vbparse.cli import COMMANDS, Environment, main
from vbparse.exit_status import ExitStatus

ROOT = Path(__file__).parents[1]
SEEDS = ROOT / "tests" / "fixtures" / "seeds"
GOLD = ROOT / "tests" / "fixtures" / "gold"
REAL = ROOT / "tests" / "fixtures" / "real"


def test_help_lists_every_command(capsys):
    status, out, _ = run("help")
    assert status == ExitStatus.SUCCESS
    for name in COMMANDS:
        assert name in out
    assert main(["--help"]) == ExitStatus.SUCCESS
    assert "agencies" in capsys.readouterr().out
    status, out, _ = run("help", "schema")
    assert status == ExitStatus.SUCCESS and "--check" in out


@pytest.mark.parametrize(
    ("word", "suggestion"), [("agency", "agencies"), ("evl", "eval"), ("schemas", "schema")]
)
def test_a_mistyped_command_says_did_you_mean(tmp_path, monkeypatch, word, suggestion):
    monkeypatch.chdir(tmp_path)
    status, out, err = run(word)
    assert status == ExitStatus.USAGE and out == ""
    assert f"did you mean '{suggestion}'?" in err


def test_a_folder_named_like_a_command_does_not_take_it_over(tmp_path, monkeypatch):
    (tmp_path / "eval").mkdir()
    shutil.copy(SEEDS / "001_2f45181cd87af165.txt", tmp_path / "eval" / "a.txt")
    monkeypatch.chdir(tmp_path)
    status, out, _ = run("eval", GOLD, SEEDS / "001_2f45181cd87af165.txt")
    assert status == ExitStatus.SUCCESS and "per document" in out  # eval ran
    status, out, _ = run("./eval", "-o", "-", "-q")  # the folder, as a path
    assert status == ExitStatus.SUCCESS and len(out.splitlines()) > 0
    status, out, _ = run("parse", "eval", "-o", "-", "-q")
    assert status == ExitStatus.SUCCESS and len(out.splitlines()) > 0


def test_path_first_still_parses(tmp_path):
    out = tmp_path / "x.jsonl"
    status, _, _ = run(SEEDS / "001_2f45181cd87af165.txt", "-o", out, "-q")
    assert status == ExitStatus.SUCCESS and out.read_text(encoding="utf-8")


def test_output_to_a_folder_is_a_usage_error_before_any_work(tmp_path, monkeypatch):
    from vbparse import batch

    def no_work(*args, **kwargs):
        raise AssertionError("parsed before checking -o")

    monkeypatch.setattr(batch, "render_all", no_work)
    status, _, err = run(SEEDS, "-o", tmp_path)
    assert status == ExitStatus.USAGE and "is a folder" in err
    assert list(tmp_path.iterdir()) == []  # no temporary file left behind


def test_unknown_agency_kind_is_a_usage_error():
    status, out, err = run("agencies", "--kind", "foo")
    assert status == ExitStatus.USAGE and out == ""
    assert "unknown kind" in err and "ministry" in err


def test_schema_to_stdout_is_a_usage_error(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    status, _, err = run("schema", "-o", "-")
    assert status == ExitStatus.USAGE and "give a folder" in err
    assert not (tmp_path / "-").exists()


def test_eval_prints_no_precision_for_nothing_predicted():
    # 0 tasks found, 1 in gold (the letter's task is its last paragraph's "Đồng thời, …")
    doc = REAL / "b17_orig" / "cv_3331_snv-tcbc_2025.pdf"
    status, out, _ = run("eval", REAL / "b17_orig" / "gold", doc)
    assert status == ExitStatus.SUCCESS
    task_line = next(line for line in out.splitlines() if line.startswith("task "))
    assert task_line.split()[1:4] == ["n/a", "0.000", "0.000"]
    assert "1.000" not in task_line


def test_progress_names_the_file_and_keeps_moving_while_it_is_slow():
    from vbparse.progress import BatchProgress

    class Tty(io.StringIO):
        def isatty(self):
            return True

    stream = Tty()
    with BatchProgress(stream, True, 3) as display:
        display.show(1, 0)
        display.waiting_for("corpus/scan/slow_scan.pdf")
        before = len(stream.getvalue())
        time.sleep(1.3)  # nothing finishes meanwhile
        during = stream.getvalue()[before:]
    assert "slow_scan.pdf" in during
    assert "0:00:01" in during  # the elapsed time went on
    assert "[1/3]" in during


def test_progress_lines_go_above_the_display(tmp_path):
    class Tty(io.StringIO):
        def isatty(self):
            return True

    (tmp_path / "bad.txt").write_bytes(b"")
    shutil.copy(SEEDS / "001_2f45181cd87af165.txt", tmp_path / "a.txt")
    env = Environment(stdout=io.StringIO(), stderr=Tty())
    status = main([str(tmp_path), "-o", str(tmp_path / "o.jsonl"), "-w", "0"], env)
    assert status == ExitStatus.SOME_FAILED
    assert f"vbparse: error: {tmp_path / 'bad.txt'}: empty" in env.stderr.getvalue()


def test_ocr_off_makes_a_scan_an_error_and_says_why(tmp_path):
    image = tmp_path / "scan.png"
    from PIL import Image

    Image.new("L", (200, 100), 255).save(image)
    status, _, err = run(image, "--ocr", "off", "-o", "-")
    assert status == ExitStatus.SOME_FAILED and "--ocr off" in err


def test_ocr_options_reach_the_reader(monkeypatch):
    from vbparse import ingest

    seen = []

    def reader(path, limits):
        seen.append(limits)
        return ingest.READERS[".txt"](path, limits)

    monkeypatch.setitem(ingest.READERS, ".md", reader)
    run(
        ROOT / "README.md",
        "--ocr",
        "force",
        "--max-pages",
        "3",
        "--time-limit",
        "9",
        "--ocr-dpi",
        "200",
        "-w",
        "0",
        "-o",
        "-",
        "-q",
    )
    assert seen == [ingest.ReadLimits(ocr="force", max_pages=3, time_limit_s=9.0, dpi=200)]


def test_incremental_parses_again_when_a_grammar_file_changes(tmp_path, monkeypatch):
    from vbparse import grammars

    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(SEEDS / "001_2f45181cd87af165.txt", folder / "a.txt")
    out = tmp_path / "out.jsonl"
    run(folder, "-o", out, "--incremental", "-w", 0, "-q")
    _, _, err = run(folder, "-o", out, "--incremental", "-w", 0)
    assert "(1 unchanged" in err
    copy = tmp_path / "grammars"
    shutil.copytree(grammars.grammar_root(), copy)
    with (copy / "agencies" / "groups.yaml").open("a", encoding="utf-8") as stream:
        stream.write("\n# an edit\n")
    monkeypatch.setattr(grammars, "grammar_root", lambda: copy)
    grammars.grammar_digest.cache_clear()
    try:
        _, _, err = run(folder, "-o", out, "--incremental", "-w", 0)
    finally:
        grammars.grammar_digest.cache_clear()
    assert "(0 unchanged" in err
    manifest = (tmp_path / "out.jsonl.manifest").read_text(encoding="utf-8").splitlines()
    assert "+grammars." in json.loads(manifest[0])["vbparse_version"]


def test_shell_completion_scripts_know_the_commands(tmp_path):
    import subprocess

    status, out, _ = run("completion", "bash")
    assert status == ExitStatus.SUCCESS
    for name in ("parse", "report", "show", "agencies", "--max-pages"):
        assert name in out
    script = tmp_path / "vbparse.bash"
    script.write_text(out, encoding="utf-8")
    assert subprocess.run(["bash", "-n", str(script)], check=False).returncode == 0
    assert run("completion", "zsh")[0] == ExitStatus.SUCCESS
