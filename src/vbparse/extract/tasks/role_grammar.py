"""The role grammar (``roles.yaml``) as tries over folded words, built once, and the one step
of reading roles that needs only it: a group whose members follow in brackets."""

from __future__ import annotations

import functools
from dataclasses import dataclass, replace

from vbparse.extract.agencies.gazetteer import load_gazetteer
from vbparse.extract.agencies.keys import Trie, fold_phrase, fold_word, phrase_trie
from vbparse.extract.agencies.matcher import Mention

__all__ = ["OPENING_LEAD", "RoleTries", "members_in_brackets", "role_tries"]


# The role of a trigger that names a lead only at a clause's start.
OPENING_LEAD = "opening_lead"


@dataclass(frozen=True)
class RoleTries:
    joiners: frozenset[tuple[str, ...]]
    triggers: Trie  # reversed trigger keys → role
    blockers: frozenset[str]
    submission_verbs: frozenset[str]
    address_labels: tuple[tuple[str, ...], ...]
    breaks: frozenset[str]
    dashes: frozenset[str]
    joiner_words: frozenset[str]
    issuer_verbs: Trie
    openers: Trie
    never_subject: frozenset[str]
    never_subject_ids: frozenset[str]
    place_verbs: Trie
    statements: Trie  # verbs after a subject that state a fact → True; exceptions → False
    bracket_openers: Trie
    duty_headings: Trie
    forwarding_verbs: Trie
    distant_support_verbs: frozenset[tuple[str, ...]]
    distant_support_reach: int


@functools.cache
def role_tries() -> RoleTries:
    grammar = load_gazetteer().roles
    triggers = Trie()
    for role, rows in (
        ("lead", grammar.lead_triggers),
        ("support", grammar.support_triggers),
        ("report_to", grammar.report_triggers),
        (OPENING_LEAD, grammar.opening_lead_triggers),
    ):
        for row in rows:
            triggers.add(tuple(reversed(fold_phrase(row.phrase))), role)
    issuer_verbs = phrase_trie(grammar.issuer_verbs)
    for phrase in grammar.issuer_verb_exceptions:
        issuer_verbs.add(fold_phrase(phrase), False)
    statements = phrase_trie(grammar.statement_verbs)
    for phrase in grammar.statement_exceptions:
        statements.add(fold_phrase(phrase), False)
    return RoleTries(
        joiners=frozenset(fold_phrase(j) for j in grammar.run_joiners) | {()},
        triggers=triggers,
        blockers=frozenset(fold_word(b) for b in grammar.lead_trigger_blockers),
        submission_verbs=frozenset(fold_word(v) for v in grammar.submission_verbs),
        address_labels=tuple(fold_phrase(label) for label in grammar.address_labels),
        breaks=frozenset(fold_word(b) for b in grammar.segment_breaks),
        dashes=frozenset(fold_word(d) for d in grammar.run_dashes),
        joiner_words=frozenset(fold_word(j) for j in ("và", ",", "cùng")),
        issuer_verbs=issuer_verbs,
        openers=phrase_trie(grammar.openers),
        never_subject=frozenset(grammar.never_subject_kinds),
        never_subject_ids=frozenset(grammar.never_subject_ids),
        place_verbs=phrase_trie(grammar.place_subject_verbs),
        statements=statements,
        bracket_openers=phrase_trie(grammar.bracket_member_openers),
        duty_headings=phrase_trie(grammar.duty_headings),
        forwarding_verbs=phrase_trie(grammar.forwarding_verbs),
        distant_support_verbs=frozenset(fold_phrase(v) for v in grammar.distant_support_verbs),
        distant_support_reach=grammar.distant_support_reach,
    )


_WORDS_BEFORE_BRACKET = 6


def members_in_brackets(
    keys: list[str], mentions: list[Mention], tries: RoleTries
) -> list[Mention]:
    """A group whose members follow in brackets ("Các cơ quan đăng ký đầu tư (Sở Tài chính,
    Ban quản lý Khu Kinh tế Phú Yên):") is those members: they take the group's place and its
    context, and the run ends at the closing bracket. A bracket that opens otherwise ("(trừ
    Sở Y tế)", "(sau đây gọi là …)") or holds anything but the list is left alone."""
    out: list[Mention] = []
    i = 0
    while i < len(mentions):
        group = mentions[i]
        members = _bracketed_after(keys, mentions, i, tries) if group.agency.kind == "group" else []
        if members:
            members[0] = replace(members[0], lead_in=group.lead_in, title_role=group.title_role)
            out.extend(members)
            i += 1 + len(members)
        else:
            out.append(group)
            i += 1
    return out


def _bracketed_after(
    keys: list[str], mentions: list[Mention], i: int, tries: RoleTries
) -> list[Mention]:
    """The mentions that fill the bracket opening a few words after mention ``i``, the last
    one's ``last`` set past the closing bracket; empty when there is no such list."""
    k = mentions[i].last
    while k < len(keys) and k - mentions[i].last <= _WORDS_BEFORE_BRACKET and keys[k][:1].isalpha():
        k += 1
    if k >= len(keys) or keys[k] != "(":
        return []
    at = k + 1
    opener = tries.bracket_openers.longest(keys, at)
    if opener:
        at = opener[0] + (keys[opener[0] : opener[0] + 1] == [":"])
    inside: list[Mention] = []
    for mention in mentions[i + 1 :]:
        if mention.lead_in != at:
            break
        at = mention.last
        if at < len(keys) and keys[at] == ")":
            return [*inside, replace(mention, last=at + 1)]
        inside.append(mention)
        if tuple(keys[at : at + 1]) in tries.joiners:
            at += 1
        elif tuple(keys[at : at + 2]) in tries.joiners:
            at += 2
        else:
            break
    return []
