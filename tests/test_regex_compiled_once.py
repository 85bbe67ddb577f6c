"""Patterns are compiled once, at import or when their grammar loads (issue 15): a call such as
``regex.sub(r"\\s+", " ", text)`` looks its pattern up in the module's cache on every call
(2,721 lookups while parsing one document), ``_SPACE_RUN.sub(" ", text)`` does not."""

from __future__ import annotations

import ast
import cProfile
import pstats
from pathlib import Path

import pytest

import vbparse

PACKAGE_ROOT = Path(vbparse.__file__).parent
FIXTURES = Path(__file__).parent / "fixtures"
# the module-level functions of re/regex that take a pattern and compile or look it up
LOOKUPS = frozenset(
    {"sub", "subn", "search", "match", "fullmatch", "finditer", "findall", "split", "splititer"}
)


def pattern_lookups(source: str) -> list[tuple[int, str]]:
    """(line, call) of every ``re.<f>(pattern, …)`` / ``regex.<f>(pattern, …)`` in ``source``."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and isinstance(node.func.value, ast.Name)
            and node.func.value.id in ("re", "regex")
            and node.func.attr in LOOKUPS
        ):
            found.append((node.lineno, f"{node.func.value.id}.{node.func.attr}"))
    return found


def test_regex_compiled_once_no_pattern_lookup_in_the_package():
    calls = [
        f"{path.relative_to(PACKAGE_ROOT)}:{line}: {call}"
        for path in sorted(PACKAGE_ROOT.rglob("*.py"))
        for line, call in pattern_lookups(path.read_text(encoding="utf-8"))
    ]
    assert not calls, "compile these patterns once:\n" + "\n".join(calls)


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ('regex.sub(r"\\s+", " ", text)', [(1, "regex.sub")]),
        ("import re\nre.finditer(r'x', text)", [(2, "re.finditer")]),
        ('_SPACE.sub(" ", text)', []),
        ('PATTERN = regex.compile(r"\\s+")', []),
    ],
)
def test_regex_compiled_once_finds_lookups(source, expected):
    assert pattern_lookups(source) == expected


def test_regex_compiled_once_parsing_compiles_nothing_after_the_first_document():
    from vbparse import parse_file

    path = next((FIXTURES / "seeds").glob("*.txt"))
    parse_file(path)  # grammars loaded and compiled
    profiler = cProfile.Profile()
    profiler.runcall(parse_file, path)
    stats = pstats.Stats(profiler).stats  # type: ignore[attr-defined]
    compiles = sum(
        calls
        for (file, _line, name), (_cc, calls, *_rest) in stats.items()
        if name == "_compile" and Path(file).parent.name in ("regex", "re")
    )
    assert compiles == 0
