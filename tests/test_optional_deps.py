"""Heavy and copyleft packages stay optional: ``vbparse --help`` and a text parse work with
spaCy, underthesea, pdfplumber, python-docx and pytesseract blocked (docling's pattern)."""

import subprocess
import sys
from pathlib import Path

SEED = Path(__file__).parent / "fixtures" / "seeds" / "001_2f45181cd87af165.txt"
BLOCK = """
import sys
class _Block:
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in {"spacy", "underthesea", "pdfplumber", "docx", "pytesseract"}:
            raise ImportError(f"blocked for the test: {name}")
sys.meta_path.insert(0, _Block())
"""


def _run(code: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", BLOCK + code], capture_output=True, text=True, timeout=60
    )


def test_optional_deps_help_without_heavy_packages():
    result = _run("from vbparse.cli import main; raise SystemExit(main(['--help']))")
    assert result.returncode == 0, result.stderr
    assert "usage: vbparse" in result.stdout


def test_optional_deps_text_parse_without_heavy_packages():
    result = _run(f"from vbparse import parse_file; print(len(parse_file({str(SEED)!r}).tasks))")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "7"
