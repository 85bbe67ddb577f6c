"""Work skipped where it cannot find anything (issue 15, speed) gives what the full work
gives: the forwarding check of a paragraph scanned only when it has an issuer and a purpose
phrase, a text's tokens read through ``map``, and a support verb looked for only where the
word before a group ends one."""

from __future__ import annotations

from pathlib import Path

import pytest

from vbparse.extract.agencies import candidates
from vbparse.extract.agencies.gazetteer import load_gazetteer
from vbparse.extract.agencies.keys import TOKEN, fold_word, same_name
from vbparse.extract.agencies.matcher import find_agencies
from vbparse.extract.agencies.tokens import Tokens
from vbparse.extract.tasks import units
from vbparse.extract.tasks.units import TaskContext
from vbparse.models import Agency

FIXTURES = Path(__file__).parents[1] / "fixtures"


def _paragraphs() -> list[str]:
    paths = sorted((FIXTURES / "real").rglob("*.txt"))[::5]
    lines = [ln for p in paths for ln in p.read_text(encoding="utf-8").splitlines()]
    return [ln for ln in lines if len(ln) > 20]


def _forwarded_to_scanning_always(own: str, offset: int, context: TaskContext) -> list[Agency]:
    """``units._forwarded_to`` scanning every paragraph (as it was)."""
    found = list(
        find_agencies(own, offset=offset, province=context.province, issuer=context.issuer)
    )
    first = found[0] if found else None
    if first is None or first.span is None or not same_name(first.name, context.issuer):
        return []
    at = first.span.end - offset
    forwarding = units._forwarding()
    if own[: first.span.start - offset].strip() or not (verb := forwarding["verb"].match(own, at)):
        return []
    purpose = forwarding["purpose"].search(own, verb.end())
    to = forwarding["to"].search(own, verb.end(), purpose.start() if purpose else 0)
    if purpose is None or to is None:
        return []
    return [
        a
        for a in found[1:]
        if a.span is not None and to.end() <= a.span.start - offset < purpose.start()
    ]


@pytest.mark.parametrize("issuer", [None, "Sở Tài chính", "Bộ Tài chính", "Ủy ban nhân dân"])
def test_forwarded_to_as_scanning_every_paragraph(issuer: str | None) -> None:
    context = TaskContext(task_id_prefix="t", issuer=issuer)
    paragraphs = _paragraphs()
    assert len(paragraphs) > 500
    for own in paragraphs:
        expected = _forwarded_to_scanning_always(own, 7, context)
        assert units._forwarded_to(own, 7, context) == expected, own


def test_forwarded_to_still_finds_the_receivers() -> None:
    own = "Sở Tài chính gửi kèm theo Công văn này đến Sở Y tế, Sở Xây dựng để triển khai thực hiện."
    context = TaskContext(task_id_prefix="t", issuer="Sở Tài chính")
    receivers = units._forwarded_to(own, 0, context)
    assert [a.name for a in receivers] == ["Sở Y tế", "Sở Xây dựng"]
    assert receivers == _forwarded_to_scanning_always(own, 0, context)


def test_tokens_as_reading_each_match() -> None:
    for own in [*_paragraphs()[::3], "", " ", "Ủy ban nhân dân tỉnh, Sở Y-tế (Đã ký)"]:
        matches = list(TOKEN.finditer(own))
        assert Tokens.of(own) == Tokens(
            own,
            [fold_word(m.group()) for m in matches],
            [m.start() for m in matches],
            [m.end() for m in matches],
        )


def _after_support_verb_reversing_always(
    gazetteer, keys: list[str], start: int, lead: bool
) -> bool:
    """``candidates._after_support_verb`` copying and reversing the words before every start
    (as it was)."""
    candidates._after_support_verb(gazetteer, keys, start, lead=lead)  # builds the trie
    trie = candidates._SUPPORT_VERBS[(id(gazetteer), lead)]
    before = keys[max(0, start - candidates._MAX_SUPPORT_WORDS) : start]
    return trie.longest(list(reversed(before)), 0) is not None


def test_after_support_verb_as_reversing_every_time() -> None:
    gazetteer = load_gazetteer()
    found = 0
    for own in _paragraphs()[::2]:
        keys = Tokens.of(own).keys
        for start in range(len(keys) + 1):
            for lead in (False, True):
                expected = _after_support_verb_reversing_always(gazetteer, keys, start, lead)
                assert candidates._after_support_verb(gazetteer, keys, start, lead=lead) == expected
                found += expected
    assert found > 20
