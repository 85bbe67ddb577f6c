"""Roles (lead / support / report_to) of the agencies in one task clause."""

from __future__ import annotations

import pytest
from casefiles import case_ids, load_cases

from vbparse.extract.agencies.keys import fold_phrase
from vbparse.extract.tasks.roles import find_roles

CASES = load_cases("extract/roles")


def _names(agencies) -> set[tuple[str, ...]]:
    return {fold_phrase(a.name) for a in agencies}


def _expected(names: list[str]) -> set[tuple[str, ...]]:
    return {fold_phrase(n) for n in names}


@pytest.mark.parametrize("case", CASES, ids=case_ids(CASES))
def test_roles_find_roles(case):
    roles = find_roles(case["text"], province=case.get("province"), issuer=case.get("issuer"))
    assert _names(roles.lead) == _expected(case["lead"])
    assert _names(roles.support) == _expected(case["support"])
    if "report_to" in case:
        assert _names(roles.report_to) == _expected(case["report_to"])


def test_roles_spans_point_into_the_text():
    text = "Văn phòng Chính phủ chủ trì, phối hợp với Bộ Công an và các cơ quan liên quan."
    offset = 1000
    roles = find_roles(text, offset=offset)
    for agency in (*roles.lead, *roles.support):
        assert text[agency.span.start - offset : agency.span.end - offset] == agency.text


def _f1(pairs: list[tuple[set, set]]) -> float:
    tp = sum(len(gold & got) for gold, got in pairs)
    n_got = sum(len(got) for _, got in pairs)
    n_gold = sum(len(gold) for gold, _ in pairs)
    if not n_got and not n_gold:
        return 1.0
    precision = tp / n_got if n_got else 0.0
    recall = tp / n_gold if n_gold else 0.0
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def test_roles_f1_on_seed_clauses():
    """The brief's bar: lead and support F1 >= 0.95 over the seed clauses."""
    seeds = [c for c in CASES if c["id"][:3].isdigit()]
    leads, supports = [], []
    for case in seeds:
        roles = find_roles(case["text"])
        leads.append((_expected(case["lead"]), _names(roles.lead)))
        supports.append((_expected(case["support"]), _names(roles.support)))
    assert _f1(leads) >= 0.95
    assert _f1(supports) >= 0.95


def test_roles_a_body_with_an_aside_that_states_a_past_fact_leads_nothing():
    """công văn 5706/CT-CS (2025, real Markdown): "Cục Thuế (trước đây là Tổng cục Thuế) đã
    có một số công văn trả lời …" tells what was done; the body the letter asks leads."""
    roles = find_roles(
        "Cục Thuế (trước đây là Tổng cục Thuế) đã có một số công văn trả lời Công ty. "
        "Đề nghị Thuế TP. Hà Nội nghiên cứu quy định để thực hiện thống nhất."
    )
    assert [a.name for a in roles.lead] == ["Thuế thành phố Hà Nội"]
