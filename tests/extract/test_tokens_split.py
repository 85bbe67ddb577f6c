"""The agency matcher's tokens read from a captured split and running sums of the pieces'
lengths, their keys looked up before ``fold_word`` is asked (issue 15, speed): the same tokens,
keys and offsets as ``TOKEN``'s matches give, on every fixture text and every short string."""

from __future__ import annotations

import itertools
from pathlib import Path

from vbparse.extract.agencies import tokens
from vbparse.extract.agencies.keys import TOKEN, fold_word
from vbparse.extract.agencies.tokens import Tokens

ROOT = Path(__file__).resolve().parents[2]


def _from_matches(text: str) -> Tokens:
    matches = list(TOKEN.finditer(text))
    return Tokens(
        text=text,
        keys=[fold_word(m.group()) for m in matches],
        starts=[m.start() for m in matches],
        ends=[m.end() for m in matches],
    )


def test_tokens_as_the_matches_give_on_the_fixture_texts() -> None:
    paths = sorted((ROOT / "tests" / "fixtures").rglob("*.txt")) + sorted(
        (ROOT / "corpus").glob("*.txt")
    )
    assert len(paths) > 250
    for path in paths:
        text = path.read_text(encoding="utf-8")
        assert Tokens.of(text) == _from_matches(text), path.name


def test_tokens_as_the_matches_give_on_every_short_string() -> None:
    # spaces and breaks, letters (one with a combining mark), a digit, "_", punctuation
    alphabet = [" ", "\n", "a", "Đ", "\u0301", "1", "_", ",", "/"]
    for length in range(5):
        for chars in itertools.product(alphabet, repeat=length):
            text = "".join(chars)
            assert Tokens.of(text) == _from_matches(text), repr(text)


def test_keys_kept_are_bounded(monkeypatch) -> None:
    monkeypatch.setattr(tokens, "_KEYS_KEPT", 10)
    tokens._KEYS.clear()
    words = " ".join(f"từ{n}" for n in range(30))
    assert Tokens.of(words) == _from_matches(words)
    assert len(tokens._KEYS) == 30  # cleared only before a text with an unseen word
    assert Tokens.of("Bộ Y tế") == _from_matches("Bộ Y tế")
    assert len(tokens._KEYS) == 3
