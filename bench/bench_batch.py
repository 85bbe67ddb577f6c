"""Batch throughput, scaling, memory and start-up of vbparse, on the corpus's .txt seeds
replicated (with small variations) to a few thousand documents in a temporary folder.

Prints, in one run on the same documents:
- documents per second with 1 and 2 worker processes (pool start-up included) and the ratio;
- time per document of vbparse's text route (``parse_text``) and of underthesea's
  ``word_tokenize`` alone, on the same texts;
- peak RSS (VmHWM, shared pages included) of each worker process and of the parent over 500
  and 5,000 documents, each run in a fresh interpreter;
- for context, how much faster two busy processes finish than one on this machine right now
  (the ceiling for the 2-worker figure on a shared machine);
- start-up of ``vbparse --version`` and of a first parse (``vbparse one.txt -o -``).

Run: .venv/bin/python bench/bench_batch.py  (about 10 minutes on 2 cores; prints figures,
no thresholds; the figures of record are in bench/RESULTS.md)
Options: --docs 2000 --rss 500,5000 --compare 200 --repeat 5
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEEDS = sorted((ROOT / "corpus").glob("*.txt"))
VBPARSE = Path(sys.executable).with_name("vbparse")

# Small variations so that no two documents are byte-identical: another sequence number for
# the first number of 3+ digits (the số ký hiệu in these seeds), another day for the first
# "d/m/yyyy"-like date, and a varying amount of trailing blank lines.
FIRST_LONG_NUMBER = re.compile(r"\b\d{3,}\b")
FIRST_DAY = re.compile(r"\b([0-2]?\d)(?=\s*[/-]\s*\d{1,2}\s*[/-]\s*\d{4}\b)")


def vary(text: str, i: int) -> str:
    text = FIRST_LONG_NUMBER.sub(lambda m: str(int(m.group()) + i), text, count=1)
    text = FIRST_DAY.sub(lambda m: str(1 + (int(m.group(1)) + i) % 28), text, count=1)
    return text + "\n" * (i % 3)


def make_corpus(folder: Path, count: int) -> list[Path]:
    seeds = [p.read_text(encoding="utf-8") for p in SEEDS]
    files = []
    for i in range(count):
        seed = SEEDS[i % len(SEEDS)]
        path = folder / f"{i // 1000:02d}" / f"{i:05d}_{seed.stem}.txt"
        path.parent.mkdir(exist_ok=True)
        path.write_text(vary(seeds[i % len(seeds)], i // len(seeds)), encoding="utf-8")
        files.append(path)
    return files


def throughput(files: list[Path], workers: int) -> tuple[float, float, float]:
    """Documents per second (pool start-up included), then CPU seconds per document spent in
    the workers and in the parent process."""
    from vbparse.batch import as_json_lines, render_all

    def cpu(who: int) -> float:
        usage = resource.getrusage(who)
        return usage.ru_utime + usage.ru_stime

    own, children = cpu(resource.RUSAGE_SELF), cpu(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    for _ in render_all(files, as_json_lines, workers):
        pass
    wall = time.perf_counter() - t0
    worker_cpu = (cpu(resource.RUSAGE_CHILDREN) - children) / len(files)
    parent_cpu = (cpu(resource.RUSAGE_SELF) - own) / len(files)
    return len(files) / wall, worker_cpu, parent_cpu


def per_document(texts: list[str], repeat: int) -> tuple[float, float]:
    """Median seconds per document: vbparse's text route, and underthesea's word_tokenize."""
    from vbparse import parse_text

    parse_text(texts[0])  # grammars loaded, as in a worker after its first file
    try:
        from underthesea import word_tokenize
    except ImportError:
        word_tokenize = None
    else:
        word_tokenize(texts[0])  # its model loaded
    vb, ut = [], []
    for _ in range(repeat):  # passes alternate, so that both see the same machine load
        t0 = time.perf_counter()
        for text in texts:
            parse_text(text)
        vb.append((time.perf_counter() - t0) / len(texts))
        if word_tokenize is None:
            continue
        t0 = time.perf_counter()
        for text in texts:
            word_tokenize(text)
        ut.append((time.perf_counter() - t0) / len(texts))
    return statistics.median(vb), statistics.median(ut) if ut else float("nan")


def render_with_peak(document):
    """The CLI's render step, plus this worker's pid and peak RSS so far (VmHWM, kB)."""
    from vbparse.batch import as_json_lines

    status = Path("/proc/self/status").read_text()
    hwm = int(re.search(r"VmHWM:\s+(\d+)", status).group(1))
    return as_json_lines(document), os.getpid(), hwm


def rss_child(folder: Path, count: int, workers: int) -> None:
    """In a fresh interpreter: parse the first ``count`` files, print the peak RSS of each
    worker process and of this parent, in MB."""
    from vbparse.batch import discover, render_all

    files = discover([folder])[:count]
    peaks: dict[int, int] = {}
    for _, result in render_all(files, render_with_peak, workers):
        if isinstance(result, tuple):
            _, pid, hwm = result
            peaks[pid] = max(hwm, peaks.get(pid, 0))
    status = Path("/proc/self/status").read_text()
    parent = int(re.search(r"VmHWM:\s+(\d+)", status).group(1))
    print(" ".join(f"{kb / 1024:.1f}" for kb in [parent, *peaks.values()]))


def peak_rss(folder: Path, count: int, workers: int) -> tuple[float, list[float]]:
    args = [sys.executable, __file__, "--rss-child", str(folder), str(count), str(workers)]
    out = subprocess.run(args, check=True, capture_output=True, text=True).stdout.split()
    return float(out[0]), [float(x) for x in out[1:]]


def _spin(n: int = 4_000_000) -> None:
    x = 0
    for i in range(n):
        x += i


def machine_scaling() -> float:
    """How much faster two busy processes finish than one, on this machine right now: the
    ceiling for any 2-worker figure (other users' load lowers it)."""
    import multiprocessing

    def timed(k: int) -> float:
        t0 = time.perf_counter()
        procs = [multiprocessing.Process(target=_spin) for _ in range(k)]
        for proc in procs:
            proc.start()
        for proc in procs:
            proc.join()
        return time.perf_counter() - t0

    one, two = timed(1), timed(2)
    return 2 * one / two


def startup(args: list[str], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        subprocess.run(args, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--docs", type=int, default=2000, help="documents for the throughput runs")
    p.add_argument("--rss", default="500,5000", help="document counts for peak memory")
    p.add_argument("--compare", type=int, default=200, help="documents for the per-doc times")
    p.add_argument("--repeat", type=int, default=5, help="repeats of the timed start-ups")
    p.add_argument("--rss-child", nargs=3, help=argparse.SUPPRESS)
    args = p.parse_args()
    if args.rss_child:
        folder, count, workers = args.rss_child
        rss_child(Path(folder), int(count), int(workers))
        return

    rss_counts = [int(n) for n in args.rss.split(",") if n]
    total = max([args.docs, args.compare, *rss_counts])
    tmp = Path(tempfile.mkdtemp(prefix="vbparse-bench-"))
    try:
        files = make_corpus(tmp, total)
        from vbparse.batch import discover

        files = discover([tmp])
        size = sum(f.stat().st_size for f in files[: args.docs]) / len(files[: args.docs])
        print(f"corpus: {len(files)} documents from {len(SEEDS)} seeds, mean {size:.0f} bytes")
        print(f"machine: {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}")

        sample = files[: args.docs]
        before = machine_scaling()
        runs = {workers: throughput(sample, workers) for workers in (1, 2)}
        after = machine_scaling()
        print(f"\nthroughput on {len(sample)} documents (pool start-up included):")
        for workers, (rate, worker_cpu, parent_cpu) in runs.items():
            print(
                f"  {workers} worker{'s' if workers > 1 else ' '}: {rate:6.1f} docs/s; CPU per doc "
                f"{worker_cpu * 1000:5.1f} ms in workers, {parent_cpu * 1000:4.2f} ms in the parent"
            )
        print(
            f"  scaling  : {runs[2][0] / runs[1][0]:.2f}x (this machine, before/after: two busy "
            f"processes finish {before:.2f}x/{after:.2f}x faster than one)"
        )

        texts = [f.read_text(encoding="utf-8") for f in files[: args.compare]]
        vb, ut = per_document(texts, 3)
        print(f"\nper document, median of 3 passes over {len(texts)} documents, in process:")
        print(f"  vbparse text route (parse_text): {vb * 1000:7.1f} ms")
        print(f"  underthesea word_tokenize alone: {ut * 1000:7.1f} ms")
        print(f"  ratio vbparse / word_tokenize  : {vb / ut:.2f}")

        print("\npeak RSS (VmHWM), 2 workers, fresh interpreter per run:")
        for count in rss_counts:
            parent, workers = peak_rss(tmp, count, 2)
            each = ", ".join(f"{mb:.1f}" for mb in workers)
            print(f"  {count:5d} docs: workers {each} MB; parent {parent:.1f} MB")

        version = startup([str(VBPARSE), "--version"], args.repeat)
        first = startup([str(VBPARSE), str(SEEDS[1]), "-o", "-", "-q"], args.repeat)
        print(f"\nstart-up, median of {args.repeat}:")
        print(f"  vbparse --version            : {version:.2f} s")
        print(f"  vbparse one.txt -o - (1 doc) : {first:.2f} s")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
