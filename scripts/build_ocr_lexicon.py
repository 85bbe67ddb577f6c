"""Write ``grammars/ocr_lexicon.tsv``: the syllable pairs of typed directives, with counts.

OCR of a Vietnamese scan misreads tone and vowel marks ("tô chức", "thành phô", "Giám đóc");
``vbparse.ingest.ocr_lexicon`` puts a pair right when the typed directives never write it and
write one pair of the same letters, marks aside, often. The pairs are counted here, once, from
the typed documents of ``tests/fixtures/real`` (.txt, .md, .docx: web copies, Markdown, Word
files; never a scan's or a PDF's text) and ``corpus/``, after vbparse's own normalization.
A typed copy of a document the corpus also holds as a scan is left out (same number in its
gold), so no scan is put right by its own words.

    python scripts/build_ocr_lexicon.py          # rewrites grammars/ocr_lexicon.tsv
    python scripts/build_ocr_lexicon.py --check  # exit 1 when the file is out of date
"""

from __future__ import annotations

import collections
import itertools
import json
import re
import sys
from pathlib import Path

from vbparse.ingest import read_document
from vbparse.normalize import normalize

ROOT = Path(__file__).resolve().parents[1]
REAL = ROOT / "tests" / "fixtures" / "real"
OUT = ROOT / "grammars" / "ocr_lexicon.tsv"
TYPED = {".txt", ".md", ".docx"}
SCANNED = {".pdf", ".png", ".jpg", ".jpeg", ".tif", ".tiff"}
# Pairs seen once are as likely a typo or a site's damage as the language.
MIN_COUNT = 2
_WORD = re.compile(r"[^\W\d_]+")


def _gold_number(path: Path) -> str | None:
    gold = path.parent / "gold" / f"{path.stem}.json"
    if not gold.exists():
        return None
    return json.loads(gold.read_text(encoding="utf-8"))["doc"].get("number")


def typed_sources() -> list[Path]:
    real = [p for p in sorted(REAL.rglob("*")) if "gold" not in p.parts]
    scanned = {_gold_number(p) for p in real if p.suffix.lower() in SCANNED} - {None}
    typed = [
        p
        for p in real
        if p.suffix.lower() in TYPED
        and (p.parent / "gold" / f"{p.stem}.json").exists()
        and _gold_number(p) not in scanned
    ]
    corpus = [p for p in sorted((ROOT / "corpus").rglob("*")) if p.suffix.lower() in TYPED]
    return typed + corpus


def count_pairs(paths: list[Path]) -> collections.Counter[tuple[str, str]]:
    pairs: collections.Counter[tuple[str, str]] = collections.Counter()
    for path in paths:
        text = normalize(read_document(path).text).text
        for line in text.split("\n"):
            words = list(_WORD.finditer(line))
            for a, b in itertools.pairwise(words):
                if line[a.end() : b.start()] == " ":
                    pairs[(a.group().lower(), b.group().lower())] += 1
    return pairs


def lexicon_text() -> str:
    """The file as the typed documents give it now."""
    paths = typed_sources()
    pairs = count_pairs(paths)
    kept = sorted((pair, n) for pair, n in pairs.items() if n >= MIN_COUNT)
    head = (
        "# Syllable pairs of typed Vietnamese directives and how often they occur, written\n"
        f"# by scripts/build_ocr_lexicon.py from {len(paths)} typed documents\n"
        "# (tests/fixtures/real and corpus/; no scan, no PDF). Read by\n"
        "# vbparse.ingest.ocr_lexicon (OCR text only).\n"
        "first\tsecond\tcount\n"
    )
    return head + "".join(f"{a}\t{b}\t{n}\n" for (a, b), n in kept)


def main(argv: list[str]) -> int:
    text = lexicon_text()
    if "--check" in argv:
        same = OUT.read_text(encoding="utf-8") == text
        print(f"{OUT.relative_to(ROOT)}: {'up to date' if same else 'out of date: rebuild it'}")
        return 0 if same else 1
    OUT.write_text(text, encoding="utf-8", newline="\n")
    print(f"{text.count(chr(10)) - 5} pairs -> {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
