"""Look-ups that skip work (issue 15, speed) give what the full work gives, on the texts of
the fixtures: person titles compared only when they end with the word before a mention, the
số ký hiệu pattern run only on a text holding a digit then "/" or a dash, and a document's
placement (its province and issuer) read once."""

from __future__ import annotations

from pathlib import Path

import pytest

from vbparse.extract.agencies import person_titles, placement
from vbparse.extract.agencies.gazetteer import load_gazetteer
from vbparse.extract.agencies.keys import fold_phrase
from vbparse.extract.agencies.tokens import Tokens
from vbparse.extract.document import number

FIXTURES = Path(__file__).parents[1] / "fixtures"


def _texts() -> list[str]:
    paths = sorted((FIXTURES / "real").rglob("*.txt"))[::4]
    return [p.read_text(encoding="utf-8") for p in paths]


def _absorb_every_title(gazetteer, tokens: Tokens, first: int, floor: int) -> tuple[int, str]:
    """``absorb_titles`` comparing every title at every step (as it was)."""
    role, keys, changed = "addressee", tokens.keys, True
    heads = {fold_phrase(h) for h in gazetteer.named_bodies.heads_in_titles}
    if floor < first < len(keys):
        lower = tokens.word(first)[:1].islower()
        for title, _ in gazetteer.titles:  # the head written as its title's last word
            if not (lower or title in heads):
                continue
            n = len(title) - 1
            if n and first - n >= floor and tuple(keys[first - n : first + 1]) == title:
                first -= n
                break
    while changed:
        changed = False
        for title, title_role in gazetteer.titles:
            n = len(title)
            opens = gazetteer.title_openings.get(title)
            if opens is not None and (first >= len(keys) or keys[first] not in opens):
                continue
            if first - n >= floor and tuple(keys[first - n : first]) == title:
                first -= n
                if title_role == "none" or (title_role == "party" and role != "none"):
                    role = title_role
                changed = True
                break
    return first, role


def test_absorb_titles_as_comparing_every_title() -> None:
    gazetteer = load_gazetteer()
    texts = _texts()
    assert len(texts) > 10
    for text in texts:
        tokens = Tokens.of(text[:8000])
        for first in range(len(tokens.keys) + 1):
            for floor in (0, max(0, first - 3)):
                expected = _absorb_every_title(gazetteer, tokens, first, floor)
                assert person_titles.absorb_titles(gazetteer, tokens, first, floor) == expected


@pytest.mark.parametrize(
    "text",
    [
        "57-NQ/TW",
        "Số: 365/TB-VPCP",
        "12 / 2024 / NĐ-CP",
        "07- TB/CQTTBCĐ",
        "năm 2024",
        "",
        "3–",
        "1234567/UBND-VX 123456/UBND 12/2024/NĐ-CP-X 5/5/5 1-2-3 NQ12/TW 9/ BNV",
    ],
)
def test_document_numbers_need_a_digit_then_a_separator(text: str) -> None:
    every = [m.group(0) for m in number.number_regex().finditer(text)]
    assert [written for _, _, written in number.find_document_numbers(text)] == every


def test_document_numbers_found_where_the_whole_pattern_finds_them() -> None:
    for text in _texts():
        every = [(m.start(), m.group(0)) for m in number.number_regex().finditer(text)]
        found = number.find_document_numbers(text)
        assert [(span.start, written) for _, span, written in found] == every


@pytest.mark.parametrize(
    ("province", "issuer"),
    [
        (None, None),
        (None, "Văn phòng Chính phủ"),
        ("Cà Mau", "Ủy ban nhân dân tỉnh Cà Mau"),
        ("tỉnh Lâm Đồng", "Sở Nội vụ"),
        ("nowhere", "a body the gazetteer lacks"),
    ],
)
def test_placement_kept_is_the_placement_read(province: str | None, issuer: str | None) -> None:
    gazetteer = load_gazetteer()
    expected = placement._placement(gazetteer, province, issuer)
    assert placement.placement_for(gazetteer, province, issuer) == expected
    assert placement.placement_for(gazetteer, province, issuer) == expected  # from the cache
