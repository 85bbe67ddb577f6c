"""Speed of vbparse's text route beside underthesea's ``word_tokenize``, on the same texts, in
one run (issue 15: target ratio ≤ 0.15).

Texts: every .txt and .md document of ``tests/fixtures/real/`` (those with a gold record) and
the clean fixtures (``corpus/*.txt`` and the .txt of ``tests/fixtures/{seeds,unseen,heldout,
heldout3,heldout4}``). Both sides start from the file: vbparse runs ``parse_file`` (read, normalize,
segment, extract, validate), underthesea reads the file and runs ``word_tokenize`` on its
text. Times are this process's CPU seconds (``time.process_time``: on a shared machine wall
time mostly measures the neighbours). Each side is warmed up once (grammars compiled, model
loaded); then passes alternate (vbparse, underthesea, vbparse, ...) so that both see the same
machine, and the median pass is reported.

``--profile`` also profiles vbparse on the largest text and prints the functions with the
most own time and how often the ``regex`` module compiled (or looked up) a pattern.

Run: .venv/bin/python bench/bench_text.py [--repeat 5] [--profile]
(prints figures, no thresholds; the figures of record are in bench/RESULTS.md)
"""

from __future__ import annotations

import argparse
import cProfile
import io
import pstats
import statistics
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures"
CLEAN_SETS = ("seeds", "unseen", "heldout", "heldout3", "heldout4")


def texts() -> list[Path]:
    """The real documents' texts, then the clean fixtures."""
    real = sorted(
        p
        for p in (FIXTURES / "real").rglob("*")
        if p.suffix in (".txt", ".md") and (p.parent / "gold" / f"{p.stem}.json").exists()
    )
    clean = sorted((ROOT / "corpus").glob("*.txt"))
    for name in CLEAN_SETS:
        clean += sorted((FIXTURES / name).glob("*.txt"))
    return real + clean


def timed_pass(run: Callable[[Path], object], paths: list[Path]) -> float:
    """CPU seconds for one pass of ``run`` over ``paths``."""
    t0 = time.process_time()
    for path in paths:
        run(path)
    return time.process_time() - t0


def compare(paths: list[Path], repeat: int) -> tuple[float, float]:
    """Median pass time of vbparse's text route and of underthesea's word_tokenize."""
    try:
        from underthesea import word_tokenize
    except ImportError:
        raise SystemExit("bench_text: underthesea is missing: pip install -e '.[bench]'") from None

    from vbparse import parse_file

    def vbparse_route(path: Path) -> object:
        return parse_file(path)

    def underthesea_route(path: Path) -> object:
        return word_tokenize(path.read_text(encoding="utf-8"))

    vbparse_route(paths[0])
    underthesea_route(paths[0])
    vb, ut = [], []
    for _ in range(repeat):
        vb.append(timed_pass(vbparse_route, paths))
        ut.append(timed_pass(underthesea_route, paths))
    return statistics.median(vb), statistics.median(ut)


def profile_largest(paths: list[Path], top: int) -> None:
    """Own-time profile of vbparse on the largest text, and the regex compile calls."""
    from vbparse import parse_file

    largest = max(paths, key=lambda p: p.stat().st_size)
    parse_file(largest)  # grammars loaded, as in a worker after its first file
    profiler = cProfile.Profile(time.process_time)
    profiler.enable()
    parse_file(largest)
    profiler.disable()
    stats = pstats.Stats(profiler)
    compiles = sum(
        calls
        for (file, _line, name), (_cc, calls, *_rest) in stats.stats.items()  # type: ignore[attr-defined]
        if name == "_compile" and "regex" in file
    )
    out = io.StringIO()
    pstats.Stats(profiler, stream=out).sort_stats("tottime").print_stats(top)
    print(f"\nprofile of {largest.relative_to(ROOT)} ({largest.stat().st_size:,} bytes)")
    print(f"regex _compile calls in one parse: {compiles:,}")
    print(out.getvalue())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5, help="timed passes per side")
    parser.add_argument("--profile", action="store_true", help="profile the largest text")
    parser.add_argument("--top", type=int, default=25, help="functions shown by --profile")
    args = parser.parse_args()
    paths = texts()
    size = sum(p.stat().st_size for p in paths)
    print(f"{len(paths)} texts, {size:,} bytes; {args.repeat} alternating passes, median")
    vb, ut = compare(paths, args.repeat)
    sides = (("vbparse text route (parse_file)", vb), ("underthesea word_tokenize", ut))
    for label, seconds in sides:
        per_doc = 1000 * seconds / len(paths)
        print(f"  {label:32s} {seconds:8.2f} s CPU  {per_doc:7.1f} ms/doc")
    print(f"  ratio vbparse / word_tokenize:   {vb / ut:8.3f}  (target ≤ 0.15)")
    if args.profile:
        profile_largest(paths, args.top)


if __name__ == "__main__":
    main()
