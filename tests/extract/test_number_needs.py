"""What every document number holds (``number._NUMBER_NEEDS``: a digit, a "/" or dash, a
capital) is found wherever the number pattern matches, so skipping a text without it changes
nothing (issue 15, speed): checked on every fixture text and on each number's own text."""

from __future__ import annotations

from pathlib import Path

import pytest

from vbparse.extract.document import number
from vbparse.extract.document.number import find_document_numbers, number_regex
from vbparse.grammars import load_yaml

ROOT = Path(__file__).resolve().parents[2]
TEXTS = sorted(
    p
    for folder in (ROOT / "tests" / "fixtures", ROOT / "corpus")
    for p in folder.rglob("*")
    if p.suffix in (".txt", ".md") and p.name != "SOURCES.md"
)


def test_number_needs_found_in_every_number_of_the_fixture_texts() -> None:
    found = 0
    for path in TEXTS:
        for line in path.read_text(encoding="utf-8").splitlines():
            for match in number_regex().finditer(line):
                found += 1
                assert number._NUMBER_NEEDS.search(match.group(0)), match.group(0)
    assert found > 1000


@pytest.mark.parametrize(
    "text, numbers",
    [
        ("Hạn: 30/6/2025; 15-7-2025", []),  # dates only: no capital after the "/"
        ("Công văn số 10467/VPCP-KGVX ngày 30/6/2025", ["10467/VPCP-KGVX"]),
        ("theo 07- TB/CQTTBCĐ", ["07-TB/CQTTBCĐ"]),
        ("Quyết định 15/2010/QĐ-UBND", ["15/2010/QĐ-UBND"]),
        ("số 563/UBND –CN.XDCB", ["563/UBND-CN.XDCB"]),
    ],
)
def test_numbers_found_with_their_needs(text: str, numbers: list[str]) -> None:
    assert [n for n, _, _ in find_document_numbers(text)] == numbers


@pytest.mark.parametrize("example", load_yaml("numbers.yaml")["examples"], ids=lambda e: e["text"])
def test_numbers_grammar_examples_parse_as_written(example: dict) -> None:
    """Each example of ``numbers.yaml`` splits into the parts written beside it."""
    parts = number.parse_document_number(example["text"])
    assert parts is not None
    assert number.normalize_number(example["text"]) == example["number"]
    for key in ("type", "issuer_code", "unit", "year"):
        if key in example:
            assert getattr(parts, key) == example[key], key
