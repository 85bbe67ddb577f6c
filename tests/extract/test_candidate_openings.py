"""The agency matcher enters its per-token loop only at tokens some candidate can start at
(issue 15, speed): the candidates are those of the loop over every token."""

from __future__ import annotations

from pathlib import Path

import pytest

from vbparse.extract.agencies import candidates, type_groups
from vbparse.extract.agencies.gazetteer import load_gazetteer
from vbparse.extract.agencies.tokens import Tokens

FIXTURES = Path(__file__).parents[1] / "fixtures"


class _Everything:
    """An opening set that admits every token: the loop as it was, over all of them."""

    def __contains__(self, _key: object) -> bool:
        return True


def _texts() -> list[str]:
    paths = sorted((FIXTURES / "real").rglob("*.txt"))[::6]
    return [p.read_text(encoding="utf-8")[:6000] for p in paths]


@pytest.mark.parametrize("bare_provinces", [False, True])
def test_candidates_found_at_opening_tokens_only_are_all_of_them(
    bare_provinces: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    gazetteer = load_gazetteer()
    texts = _texts()
    assert len(texts) > 10
    tokens = [Tokens.of(text) for text in texts]
    fast = [candidates.find_candidates(gazetteer, t, bare_provinces) for t in tokens]
    monkeypatch.setattr(candidates, "_openings", lambda *_: _Everything())
    every = [candidates.find_candidates(gazetteer, t, bare_provinces) for t in tokens]
    assert fast == every
    assert sum(map(len, fast)) > 100


def test_openings_hold_each_kind_of_first_word() -> None:
    gazetteer = load_gazetteer()
    words = candidates._openings(gazetteer, True)
    assert set(gazetteer.full.root) <= words
    assert set(gazetteer.members["province"].root) <= words
    without = candidates._openings(gazetteer, False)
    assert without <= words and set(gazetteer.full.root) <= without
    # the department bases' first words too: their pass reads the opening tokens only
    assert set(type_groups.department_bases_trie(gazetteer).root) <= without
