"""The .doc/.rtf route of a batch: vbparse over the Word 97–2003 and RTF files of the test
fixtures, side by side with LibreOffice converting the same files, in one run.

Prints wall seconds (LibreOffice runs in child processes, so CPU time of this process would
miss it) for:
- LibreOffice alone, one start per file (what each file's reader did before 2026-12-07);
- LibreOffice alone, one start for all files;
- vbparse on the files as a batch (``vbparse FILES -o -``, 2 workers), which converts them
  ahead, ``GROUP_FILES`` per start;
- vbparse with each file converted in its own reader (the batch's old way), for the ratio.

Run: .venv/bin/python bench/bench_office.py  (about two minutes on 2 cores; needs soffice)
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures"
VBPARSE = Path(sys.executable).with_name("vbparse")


def office_files() -> list[Path]:
    found = [
        p
        for folder in ("real_smoke", "real", "real_new", "legacy")
        for p in sorted((FIXTURES / folder).rglob("*"))
        if p.suffix.lower() in (".doc", ".rtf")
    ]
    return found


def soffice(files: list[Path], out: Path) -> None:
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(
            [
                shutil.which("soffice") or "soffice",
                f"-env:UserInstallation=file://{profile}",
                "--headless",
                "--convert-to",
                "docx:MS Word 2007 XML",
                "--outdir",
                str(out),
                *map(str, files),
            ],
            capture_output=True,
            check=False,
        )


def timed(run) -> float:
    start = time.perf_counter()
    run()
    return time.perf_counter() - start


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--files", type=int, default=0, help="at most this many files (0: all)")
    args = ap.parse_args()
    if shutil.which("soffice") is None:
        print("LibreOffice (soffice) not installed: nothing to measure")
        return 1
    files = office_files()[: args.files or None]
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        each = timed(lambda: [soffice([f], out / "each") for f in files])
        together = timed(lambda: soffice(files, out / "all"))
        batch = [str(VBPARSE), *map(str, files), "-o", str(out / "a.jsonl"), "-q", "-w", "2"]
        ahead = timed(lambda: subprocess.run(batch, capture_output=True, check=False))
        alone_script = (
            "import sys\nfrom vbparse.batch import render_all, keep_document\n"
            "from pathlib import Path\n"
            "files=[Path(p) for p in sys.argv[1:]]\n"
            "import vbparse.batch as b\n"
            "from contextlib import nullcontext\n"
            "# no conversion ahead: each file's reader converts it, as before\n"
            "b.office_converted_ahead = lambda files, options, *a: nullcontext(options)\n"
            "list(render_all(files, keep_document, 2))\n"
        )
        alone = timed(
            lambda: subprocess.run(
                [sys.executable, "-c", alone_script, *map(str, files)],
                capture_output=True,
                check=False,
            )
        )
    n = len(files)
    print(f"{n} .doc/.rtf files of tests/fixtures, wall seconds")
    print(f"  LibreOffice, one start per file   {each:7.1f} s  ({each / n:.2f} s a file)")
    print(f"  LibreOffice, one start for all    {together:7.1f} s  ({together / n:.2f} s a file)")
    print(f"  vbparse batch, converted ahead    {ahead:7.1f} s  ({ahead / n:.2f} s a file)")
    print(f"  vbparse batch, each file alone    {alone:7.1f} s  ({alone / n:.2f} s a file)")
    print(f"  ratio vbparse ahead / LibreOffice one start per file: {ahead / each:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
