"""Normalize's passes that are skipped or found faster give what the full work gives (issue
15, speed): the repeated line steps are not asked when the first pass of them changed
nothing, and the runs of spaces between words are found from their two spaces."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
import regex

from vbparse import normalize
from vbparse.ingest import read_document
from vbparse.normalize.offsets import NormalizedText

ROOT = Path(__file__).resolve().parents[2]
TEXTS = sorted(
    p
    for folder in (ROOT / "tests" / "fixtures", ROOT / "corpus")
    for p in folder.rglob("*")
    if p.suffix in (".txt", ".md") and p.name != "SOURCES.md"
)
DOCX = sorted((ROOT / "corpus" / "docx").glob("*.docx"))

# The pattern the run of spaces between words was found with before (look-behind first).
_SPACE_RUN_BEFORE = regex.compile(r"(?<=\S)[ ]{2,}(?=\S)")


def _normalize_every_pass(source: str) -> NormalizedText:
    """Normalize as it was written before the shortcut: one pass, then the line steps again
    until they change nothing."""
    text = normalize._line_steps(normalize._character_steps(NormalizedText.identity(source)))
    for _ in range(normalize._MAX_PASSES - 1):
        again = normalize._line_steps(text)
        if again.text == text.text:
            break
        text = again
    return text


@pytest.mark.parametrize("path", TEXTS[::4] + DOCX, ids=lambda p: p.name)
def test_normalize_as_with_every_pass(path: Path) -> None:
    source = read_document(path).text
    fast, full = normalize.normalize(source), _normalize_every_pass(source)
    assert (fast.text, fast.source_index) == (full.text, full.source_index)


def test_normalize_skips_the_repeated_line_steps_only_when_they_changed_nothing(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    calls: list[str] = []
    line_steps = normalize._line_steps

    def counted(text: NormalizedText) -> NormalizedText:
        calls.append(text.text)
        return line_steps(text)

    monkeypatch.setattr(normalize, "_line_steps", counted)
    # Nothing for the line steps to do: asked once.
    normalize.normalize("Kính gửi: Bộ Y tế.\n\nGiao Bộ Y tế thực hiện.\n")
    assert len(calls) == 1
    # A line joined: asked again, until a pass changes nothing.
    calls.clear()
    normalize.normalize("Giao Bộ Y tế chủ trì\nthực hiện kế hoạch.\n")
    assert len(calls) == 2


def _spaced_texts() -> list[str]:
    """Every short text of spaces, tabs, breaks and letters."""
    alphabet = [" ", "\n", "\t", "a", "."]
    return [
        "".join(chars)
        for length in range(7)
        for chars in itertools.product(alphabet, repeat=length)
    ]


def test_space_run_found_from_its_two_spaces_as_with_the_look_behind() -> None:
    texts = _spaced_texts() + [p.read_text(encoding="utf-8") for p in TEXTS]
    for text in texts:
        fast = [m.span() for m in normalize._SPACE_RUN.finditer(text)]
        assert fast == [m.span() for m in _SPACE_RUN_BEFORE.finditer(text)], repr(text[:80])
