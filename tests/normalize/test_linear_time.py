"""Normalization stays linear on adversarial text (issue 14): each family of input is timed at
10,000 and 100,000 characters and the larger may take at most 25 times as long (linear growth
is 10x; a quadratic pattern shows 100x). Figures are printed (``pytest -s``); the bound is
generous so that a busy machine does not fail it."""

from __future__ import annotations

import time

import pytest

from vbparse.normalize import normalize

FAMILIES = {
    "run-of-spaces": lambda n: "a" + " " * n + "b",
    "one-long-word": lambda n: "a" * n,
    "spaces-and-newlines": lambda n: "a" + " \n" * (n // 2),
    "blank-lines": lambda n: "\n" * n + "x",
    "bars": lambda n: "|" * n,
    "column-gaps": lambda n: "Số: 1/UBND    " * (n // 14),
    "rules": lambda n: "-" * n,
    "short-lines": lambda n: "a\n" * (n // 2),
    "agency-list": lambda n: "Bộ Y tế, " * (n // 9),
}


def _seconds(text: str) -> float:
    best = float("inf")
    for _ in range(2):
        start = time.perf_counter()
        normalize(text)
        best = min(best, time.perf_counter() - start)
    return best


@pytest.mark.parametrize("family", sorted(FAMILIES))
def test_linear_time_normalize(family):
    make = FAMILIES[family]
    small, large = _seconds(make(10_000)), _seconds(make(100_000))
    print(f"{family}: 10k {small * 1000:.1f} ms, 100k {large * 1000:.1f} ms")
    assert large < max(25 * small, 0.5), f"{family}: {small:.3f} s → {large:.3f} s"
