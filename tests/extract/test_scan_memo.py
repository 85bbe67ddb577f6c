"""A text scanned again for agencies starts from the tokens and candidates of its first scan
(issue 15, speed: ``matcher._candidates``): every scan gives what a scan of a fresh process
gives, whatever the offset, province or issuer of the scans before it."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest

from vbparse.extract.agencies import matcher
from vbparse.extract.agencies.candidates import find_candidates
from vbparse.extract.agencies.gazetteer import load_gazetteer
from vbparse.extract.agencies.keys import ascii_slug, fold_phrase
from vbparse.extract.agencies.tokens import Tokens

FIXTURES = Path(__file__).parents[1] / "fixtures"

# (offset, province, issuer, bare provinces) of the scans made one after another
_ARGS = [
    (0, None, None, False),
    (120, "Quảng Bình", "Ủy ban nhân dân tỉnh Quảng Bình", False),
    (7, None, "Bộ Y tế", True),
    (0, None, None, True),
    (0, None, None, False),
]


def _paragraphs() -> list[str]:
    paths = sorted((FIXTURES / "real").rglob("*.txt"))[::6]
    out: list[str] = []
    for path in paths:
        out += [p for p in path.read_text(encoding="utf-8").split("\n\n") if p.strip()][:40]
    return out


def _fresh(text: str, offset: int, province: str | None, issuer: str | None, bare: bool):
    """The scan with nothing kept from the scans before it."""
    matcher._SCANNED.clear()
    return matcher.scan_mentions(
        text, offset=offset, province=province, issuer=issuer, bare_provinces=bare
    )


def test_scans_of_a_scanned_text_as_fresh_scans() -> None:
    paragraphs = _paragraphs()
    assert len(paragraphs) > 100
    for text in paragraphs:
        expected = [_fresh(text, *args) for args in _ARGS]
        matcher._SCANNED.clear()
        for args, (tokens, mentions) in zip(_ARGS, expected, strict=True):
            offset, province, issuer, bare = args
            again = matcher.scan_mentions(
                text, offset=offset, province=province, issuer=issuer, bare_provinces=bare
            )
            assert again[0] == tokens
            assert again[1] == mentions, (text[:120], args)


@pytest.mark.parametrize(
    "text",
    [
        "Các bộ: Y tế, Văn hóa, Thể thao và Du lịch, Tài chính phối hợp thực hiện.",
        "Bí thư Tỉnh ủy và Chủ tịch Ủy ban nhân dân các tỉnh: Đắk Lắk, Khánh Hòa.",
        "Ủy ban nhân dân các tỉnh: Bắc Ninh, Hà Tĩnh; các bộ, ngành liên quan.",
    ],
)
def test_a_list_read_twice_keeps_its_members(text: str) -> None:
    # A list's members are marked as taken by its head during a scan; the marks are cleared
    # before a second scan of the same candidates, which reads the same members.
    first = _fresh(text, 0, None, None, False)[1]
    assert any(m.list_member for m in first)
    assert matcher.scan_mentions(text)[1] == first
    assert matcher.scan_mentions(text)[1] == first


def test_candidates_kept_per_gazetteer_and_text() -> None:
    gazetteer = load_gazetteer()
    text = "Giao Bộ Tài chính chủ trì, phối hợp với các bộ, ngành liên quan."
    matcher._SCANNED.clear()
    tokens, chosen = matcher._candidates(gazetteer, text, False)
    assert tokens == Tokens.of(text)
    assert matcher._candidates(gazetteer, text, False)[1] is chosen  # served again
    assert chosen == find_candidates(gazetteer, Tokens.of(text), False)
    other = copy.copy(gazetteer)
    assert matcher._candidates(other, text, False)[1] is not chosen  # never another's
    assert matcher._candidates(gazetteer, text, True)[1] is not chosen  # bare provinces


def test_long_texts_not_kept() -> None:
    gazetteer = load_gazetteer()
    text = "Giao Bộ Tài chính chủ trì. " * (matcher._SCANNED_LONGEST // 20)
    assert len(text) > matcher._SCANNED_LONGEST
    matcher._SCANNED.clear()
    _, chosen = matcher._candidates(gazetteer, text, False)
    assert not matcher._SCANNED
    assert matcher._candidates(gazetteer, text, False)[1] == chosen


def test_kept_phrase_keys_and_slugs_as_computed() -> None:
    for phrase in ("Ủy ban nhân dân tỉnh Cà Mau", "Bộ KH&CN", "các sở, ban, ngành"):
        assert fold_phrase(phrase) == fold_phrase.__wrapped__(phrase)
        assert ascii_slug(phrase) == ascii_slug.__wrapped__(phrase)
