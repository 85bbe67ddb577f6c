"""Diacritic accuracy on viparse-corpus, per file extension: vbparse's readers and viparse's
``load`` side by side, scored by the corpus's own ``scripts/score.py``.

    .venv/bin/python bench/bench_legacy.py --corpus PATH [--tools vbparse,viparse] [--ext .doc]

The corpus (github TrizenX/viparse-corpus, MIT; 96 hand-transcribed Vietnamese government
documents in TCVN3 and VNI: .doc, .rtf, .pdf, .xls, .ppt) is not copied into this repository:
give its checkout with ``--corpus`` or ``VIPARSE_CORPUS``. Documents are the files under
``corpus/public-domain/`` that have a transcript ``ground-truth/<stem>.txt``.

What is scored is the text a reader hands to the pipeline (``read_document(path).text`` for
vbparse, ``viparse.load(path, output="text")`` for viparse), before any normalizing stage.
A file a tool refuses or fails on is scored as an empty prediction, so it counts as 0 with all
its diacritics in the denominator (the corpus's scorer alone would leave it out of the mean).
viparse is optional (``pip install 'viparse[pdf,office,rtf]'``, Python ≥ 3.11); without it
only vbparse's column is filled. Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from types import ModuleType

TOOLS = ("vbparse", "viparse")


def load_scorer(corpus: Path) -> ModuleType:
    """The corpus's own scorer, imported from its checkout."""
    path = corpus / "scripts" / "score.py"
    spec = importlib.util.spec_from_file_location("viparse_corpus_score", path)
    if spec is None or spec.loader is None:
        raise SystemExit(f"no scorer at {path}")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look themselves up by module name
    spec.loader.exec_module(module)
    return module


def documents(corpus: Path) -> list[Path]:
    """Every public-domain file that has a transcript, sorted by name."""
    truth = corpus / "ground-truth"
    found = [
        p
        for p in (corpus / "corpus" / "public-domain").rglob("*")
        if p.is_file() and not p.name.startswith(".") and (truth / f"{p.stem}.txt").is_file()
    ]
    return sorted(found, key=lambda p: p.name)


def read_vbparse(path: Path) -> str:
    from vbparse.ingest import read_document

    return read_document(path).text


def read_viparse(path: Path) -> str:
    import viparse

    return "\n".join(d.text for d in viparse.load(str(path), output="text", encoding="auto"))


READERS: dict[str, Callable[[Path], str]] = {"vbparse": read_vbparse, "viparse": read_viparse}


def predict(job: tuple[str, str, str, str]) -> tuple[str, str, str, str | None, float, object]:
    """Read one file with one tool and score it: (tool, path, text, failure, seconds, score).

    Any failure is caught and named; it scores as an empty prediction."""
    tool, name, corpus, truth_name = job
    started = time.perf_counter()
    try:
        text, failure = READERS[tool](Path(name)), None
    except Exception as exc:  # a refusal or a crash both score 0
        text, failure = "", f"{type(exc).__name__}: {str(exc)[:160]}"
    seconds = time.perf_counter() - started
    truth = Path(truth_name).read_text(encoding="utf-8")
    score = load_scorer(Path(corpus)).score_pair(Path(name).stem, text, truth)
    return tool, name, text, failure, seconds, score


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", type=Path, default=os.environ.get("VIPARSE_CORPUS"))
    ap.add_argument("--tools", default=",".join(TOOLS))
    ap.add_argument("--ext", default=".doc,.pdf,.rtf", help="extensions to read; 'all': every one")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--save", type=Path, help="keep the predictions in this folder")
    ap.add_argument("-v", "--verbose", action="store_true", help="per-document figures")
    args = ap.parse_args()
    if args.corpus is None or not (args.corpus / "scripts" / "score.py").is_file():
        # `make bench` runs every bench: without the corpus this one says so and stops.
        print("skipped: give a viparse-corpus checkout with --corpus or VIPARSE_CORPUS")
        return 0
    tools = [t for t in args.tools.split(",") if t]
    if "viparse" in tools and importlib.util.find_spec("viparse") is None:
        print("viparse not installed: its column is left out", file=sys.stderr)
        tools.remove("viparse")
    wanted = {e.strip().lower() for e in args.ext.split(",") if e.strip() and e != "all"}
    docs = [p for p in documents(args.corpus) if not wanted or p.suffix.lower() in wanted]
    scorer = load_scorer(args.corpus)
    truth_dir = args.corpus / "ground-truth"

    jobs = [
        (tool, str(p), str(args.corpus), str(truth_dir / f"{p.stem}.txt"))
        for p in docs
        for tool in tools
    ]
    results: dict[tuple[str, str], tuple[str, str | None, float, object]] = {}
    with ProcessPoolExecutor(max_workers=max(args.workers, 1)) as pool:
        for tool, name, text, failure, seconds, score in pool.map(predict, jobs):
            results[(tool, name)] = (text, failure, seconds, score)

    save = args.save or Path(tempfile.mkdtemp(prefix="bench-legacy-"))
    by_ext: dict[str, dict[str, list]] = defaultdict(lambda: defaultdict(list))
    for path in docs:
        for tool in tools:
            text, failure, seconds, score = results[(tool, str(path))]
            (save / tool).mkdir(parents=True, exist_ok=True)
            (save / tool / f"{path.stem}.txt").write_text(text, encoding="utf-8")
            by_ext[path.suffix.lower()][tool].append((score, failure, seconds))
            if args.verbose:
                dia = score.diacritic_accuracy
                shown = f"{dia:.3f}" if dia is not None else "  -  "
                print(f"  {tool:8s} {shown} {seconds:6.1f}s {path.name} {failure or ''}")

    header = "| ext | docs | " + " | ".join(f"{t} diacritic (failed)" for t in tools) + " |"
    print(header)
    print("|---|---:|" + "---:|" * len(tools))
    overall: dict[str, list] = defaultdict(list)
    for ext in sorted(by_ext):
        cells = []
        for tool in tools:
            rows = by_ext[ext][tool]
            overall[tool] += rows
            cells.append(_cell(scorer, rows))
        print(f"| {ext} | {len(by_ext[ext][tools[0]])} | " + " | ".join(cells) + " |")
    print(f"| all | {len(docs)} | " + " | ".join(_cell(scorer, overall[t]) for t in tools) + " |")
    for tool in tools:
        seconds = sum(r[2] for r in overall[tool])
        print(f"{tool}: {seconds:.0f} s reading {len(docs)} files")
        for ext in sorted(by_ext):
            for score, failure, _ in by_ext[ext][tool]:
                if failure:
                    print(f"  {tool} failed {score.document}{ext}: {failure}")
    print(f"predictions in {save}")
    return 0


def _cell(scorer: ModuleType, rows: list) -> str:
    summary = scorer.aggregate([r[0] for r in rows], [])
    failed = sum(1 for r in rows if r[1])
    dia = summary["diacritic_accuracy"]
    return f"{dia:.3f} ({failed})" if dia is not None else f"- ({failed})"


if __name__ == "__main__":
    raise SystemExit(main())
