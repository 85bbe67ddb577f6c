"""Roles of the agencies in one task clause: who leads (chủ trì), who supports (phối hợp) and
who is reported to (báo cáo).

The clause's agencies (from :func:`vbparse.extract.agencies.matcher.scan_mentions`) are grouped into
runs: mentions joined only by ``run_joiners`` ("Bộ Xây dựng, Bộ Nông nghiệp và Môi trường cùng
các cơ quan liên quan"). The words right before a run decide its role (``roles.yaml``):

- a lead trigger ("Giao", "đề nghị", "yêu cầu") or the subject position (the run opens a
  segment: the clause, or the part after ";", "." or ":") → lead, unless the run is the speaker
  (followed by "giao", "yêu cầu", ...) or an office (the Prime Minister);
- a support trigger ("phối hợp (chặt chẽ) (với)") → support;
- a report trigger ("báo cáo") → report_to;
- anything else ("gửi Bộ X để rà soát", "theo Nghị quyết của Chính phủ") → merely mentioned.

A clause without a lead of its own ("Khẩn trương xây dựng ..., báo cáo Thủ tướng Chính phủ")
returns ``lead == []``: the caller inherits the lead of the heading it sits under.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from vbparse.extract.agencies.keys import Trie, fold_phrase, fold_word, same_name
from vbparse.extract.agencies.matcher import Mention, Tokens, scan_mentions
from vbparse.extract.tasks.role_grammar import (
    RoleTries,
    members_in_brackets,
    role_tries,
)
from vbparse.extract.tasks.role_runs import mention_runs
from vbparse.extract.tasks.triggers import (
    MAX_TRIGGER_WORDS,
    after_lead_trigger,
    related_after_support,
    titled_trigger,
    trigger_before,
    with_after_cooperation,
)
from vbparse.models.agency import Agency
from vbparse.normalize.wrapping import execution_clause

__all__ = ["Roles", "find_roles", "unique_agencies"]


@dataclass
class Roles:
    """The agencies of one clause by role, each list in text order without repeats."""

    lead: list[Agency] = field(default_factory=list)
    support: list[Agency] = field(default_factory=list)
    report_to: list[Agency] = field(default_factory=list)
    # How the lead was found: after a trigger ("Giao Bộ X", "đề nghị các bộ") and/or as the
    # subject that opens the clause ("Bộ X chủ trì …"). A lead that is only the subject of a
    # later sentence ("…; cần có cách làm phù hợp. Bộ X lưu ý …") directs less surely.
    lead_triggered: bool = False
    lead_opens: bool = False
    # The subject of a later sentence ("… đã được chấp thuận. Bộ trưởng Bộ X hướng dẫn …").
    lead_opens_sentence: bool = False


# How many words may stand between a group and the bracket of its members ("Các cơ quan
# đăng ký đầu tư (…)": the group's own words the grammar does not know).
def _is_label(keys: list[str], gap: range) -> bool:
    """True when the gap holds only punctuation and item labels ("a)", "(1)", "-", "2.")."""
    for k in gap:
        key = keys[k]
        if not key[:1].isalnum():
            continue
        nxt = keys[k + 1] if k + 1 < len(keys) else ""
        if len(key) <= 4 and nxt in (")", "."):
            continue
        return False
    return True


def _opener_gap(keys: list[str], gap: range, openers: Trie) -> bool:
    """True for "Để thực hiện tốt ..., " before the subject: an opener, then a comma."""
    if not gap or keys[gap[-1]] != ",":
        return False
    k = gap.start
    while k < gap.stop and not keys[k][:1].isalnum():
        k += 1
    return openers.longest(keys[: gap.stop], k) is not None


def _executors(text: str, tokens: Tokens) -> range:
    """The tokens of an execution clause's subject: from its sentence's start to its verb
    ("Chánh Văn phòng …, Giám đốc Sở …, Thủ trưởng các cơ quan … chịu trách nhiệm thi hành
    Quyết định này"); empty when the clause is none."""
    found = execution_clause().search(text)
    if found is None:
        return range(0)
    sentence = max(text.rfind(". ", 0, found.start()), text.rfind(".\n", 0, found.start())) + 1
    first = bisect.bisect_left(tokens.starts, sentence)
    return range(first, bisect.bisect_left(tokens.starts, found.start()))


def find_roles(
    text: str, *, offset: int = 0, province: str | None = None, issuer: str | None = None
) -> Roles:
    """Lead, support and report_to agencies in ONE task clause's own text (label removed).

    "Giao Bộ Công an:" → lead [Bộ Công an]; "Văn phòng Chính phủ chủ trì, phối hợp với Bộ
    Công an và các cơ quan liên quan triển khai ..." → lead [Văn phòng Chính phủ], support
    [Bộ Công an, Các cơ quan liên quan]; "..., báo cáo Thủ tướng Chính phủ trong tháng 10" →
    report_to [Thủ tướng Chính phủ]. ``province`` and ``issuer`` place bodies named without
    their parent as find_agencies does. Spans are ``offset``-shifted like find_agencies'.
    """
    tokens, mentions = scan_mentions(
        text, offset=offset, province=province, issuer=issuer, bare_provinces=True
    )
    tries = role_tries()
    keys = tokens.keys
    # A bare place acts only as the subject of an action ("thành phố Đà Nẵng cần …") or as
    # the one a lead trigger names ("trân trọng đề nghị Hà Nội đăng cai tổ chức Liên hoan",
    # công văn 2389/BVHTTDL-DSVH, real).
    mentions = [
        m
        for m in mentions
        if not m.bare or tries.place_verbs.longest(keys, m.last) or after_lead_trigger(keys, m)
    ]
    mentions = members_in_brackets(keys, mentions, tries)
    covered = [False] * len(keys)
    for mention in mentions:
        for k in range(mention.lead_in, mention.last):
            covered[k] = True
    roles = Roles()
    last_role, last_end = None, -1
    starts = {m.first for m in mentions} | {m.lead_in for m in mentions}
    executors = _executors(text, tokens)
    executors_led = False  # a body of the execution clause's subject list has been led
    for run in mention_runs(tokens, mentions, tries.joiners):
        start, end = run[0].lead_in, run[-1].last
        seg = start
        while seg > 0 and not (keys[seg - 1] in tries.breaks and not covered[seg - 1]):
            seg -= 1
        if start > seg and keys[start - 1] in tries.dashes and not covered[start - 1]:
            seg = start  # "… – Trường THPT Cao Lãnh 2 thực hiện": who does the item
        role = trigger_before(tokens, start, seg, tries, mentions)
        if role is None and start == seg:
            role = titled_trigger(tokens, seg, tries, mentions)
        if role is None and seg == 0 and _duty_heading_ends(keys, tries) == start:
            role = "lead"  # "Trách nhiệm của Sở Tài chính": whose duties follow
        if role is None and last_role == "support" and _list_goes_on(keys, last_end, start, end):
            # "phối hợp với Liên đoàn Lao động tỉnh; các sở, ngành liên quan; Ủy ban nhân dân
            # các huyện, thành phố." (quyết định 435/QĐ-UBND): a list of bodies that ";"
            # separates goes on with its role.
            role = "support"
        if role is None and (
            # "phối hợp với Hiệp hội mắc ca Việt Nam và các cơ quan liên quan xây dựng …"
            # (công văn 2868/VPCP-NN, real): a body the gazetteer lacks stands between
            related_after_support(keys, seg, start, run, tries)
            # "Phối hợp, trao đổi bằng văn bản với Công an tỉnh …": words of its own between
            or with_after_cooperation(keys, seg, start, covered, tries)
        ):
            role = "support"
        if roles.lead and role in (None, "lead") and _cooperates_after(keys, end, starts):
            # "Sở Tài chính chủ trì, Sở Y tế phối hợp thực hiện": after the clause's lead, a
            # body whose own verb is "phối hợp" supports it
            role = "support"
        in_executors = executors.start <= start and end <= executors.stop
        if role is None and in_executors and (executors_led or not roles.lead):
            # the execution clause's subject list goes on, whatever words an item lost ("Chánh
            # Văn phòng …, Giám đốc Giáo dục và Đào tạo, Thủ trưởng các sở, ban, ngành, … chịu
            # trách nhiệm thi hành Quyết định này", quyết định 440/QĐ-UBND Hải Phòng), and
            # names who executes when the article gave no lead before it, whoever it names
            # first ("Quyết định này có hiệu lực … . Các thành viên Tổ Công tác, Bộ trưởng, Thủ
            # trưởng cơ quan ngang bộ, … chịu trách nhiệm thi hành …", 932/QĐ-TTg, real)
            role = "lead"
        last_role, last_end = role, end
        if role is None:
            gap = range(seg, start)
            subject = (
                _is_label(keys, gap) or _opener_gap(keys, gap, tries.openers)
            ) and not _after_address_label(keys, seg, tries)
            after_name = _after_name_tail(tokens, end)
            spoken = tries.issuer_verbs.longest(keys, after_name)
            # ("thông báo cho/để …" is a body's work, but the issuer's own closing formula:
            # "Văn phòng Chính phủ thông báo để Ủy ban nhân dân tỉnh … biết, thực hiện")
            speaker = spoken is not None and (
                spoken[1]
                or any(same_name(m.agency.name, issuer) for m in run)
                or _to_know(keys, after_name)
            )
            states = tries.statements.longest(keys, _after_date(keys, after_name))
            if subject and not speaker and not (states and states[1]):
                role = "lead"
                run = [
                    m
                    for m in run
                    if m.agency.kind not in tries.never_subject
                    and m.agency.id not in tries.never_subject_ids
                ]
                roles.lead_opens = roles.lead_opens or (seg == 0 and bool(run))
                roles.lead_opens_sentence = roles.lead_opens_sentence or (
                    seg > 0 and keys[seg - 1] == "." and bool(run)
                )
                # the subject right after a request and its colon ("Về việc này, Thủ tướng
                # Chính phủ … yêu cầu: Bộ Lao động - Thương binh và Xã hội, Bảo hiểm xã hội Việt
                # Nam nghiên cứu, báo cáo …", công văn 1634/VPCP-KGVX as luatminhkhue.vn holds
                # it, real b124): the request names it
                roles.lead_triggered = roles.lead_triggered or (
                    bool(run) and _asked_before_colon(tokens, seg, tries, mentions)
                )
        elif role == "lead":
            roles.lead_triggered = True
        if role is None:
            continue
        executors_led = executors_led or (role == "lead" and in_executors)
        target: list[Agency] = getattr(roles, role)
        for mention in run:
            if mention.title_role == "none":
                continue
            target.append(mention.agency)
    roles.lead = unique_agencies(roles.lead)
    roles.support = unique_agencies(roles.support, roles.lead)
    roles.report_to = unique_agencies(roles.report_to)
    return roles


_COOPERATE = fold_phrase("phối hợp")
# What may follow a supporting body's "phối hợp": the clause's end, or doing the work with
# the lead ("Sở Y tế phối hợp thực hiện"); not "phối hợp và hướng dẫn …" (a chain of its own
# tasks: "Chỉ đạo Công an các phường, xã phối hợp và hướng dẫn …", công văn 4085/UBND-ĐT).
_SUPPORT_ENDS = frozenset({".", ";", ",", ")"})
_SUPPORT_WORK = (fold_phrase("thực hiện"), fold_phrase("triển khai"), fold_phrase("tổ chức"))


def _cooperates_after(keys: list[str], end: int, starts: set[int]) -> bool:
    """Whether "phối hợp" follows the run at ``end`` as its own verb, not "phối hợp (với)" a
    body named after it ("tham mưu Ủy ban nhân dân tỉnh phối hợp Bộ Y tế …", kế hoạch
    182/KH-UBND Đồng Nai, real)."""
    after = end + len(_COOPERATE)
    if tuple(keys[end:after]) != _COOPERATE:
        return False
    if after >= len(keys) or keys[after] in _SUPPORT_ENDS:
        return True
    return after not in starts and any(
        tuple(keys[after : after + len(work)]) == work for work in _SUPPORT_WORK
    )


# What may stand between a body's name as matched and its verb: an abbreviation in brackets
# and the name's last words ("Ban Thường vụ Công đoàn Giáo dục (CĐGD) Việt Nam đề nghị …",
# công văn 172/CĐN-TGNC, a real .doc).
_MAX_NAME_TAIL = 4


# The most tokens of an aside in brackets after a body's name.
_MAX_ASIDE = 12


def _after_name_tail(tokens: Tokens, end: int) -> int:
    """Where the words after a mention at ``end`` go on past a bracketed abbreviation and a
    few capitalised words; ``end`` itself when no bracket follows."""
    keys = tokens.keys
    k = end
    if k < len(keys) and keys[k] == "(":
        close = k + 1
        while close < len(keys) and close - k <= 2 and tokens.word(close).isupper():
            close += 1
        if close >= len(keys) or keys[close] != ")":
            # an aside on the body ("Cục Thuế (trước đây là Tổng cục Thuế) đã có …", công văn
            # 5706/CT-CS, real): what the body does follows it
            aside = keys[k + 1 : k + 1 + _MAX_ASIDE]
            return k + 2 + aside.index(")") if ")" in aside else end
        k = close + 1
        while k < len(keys) and k - close <= _MAX_NAME_TAIL and tokens.word(k)[:1].isupper():
            k += 1
    return k


def _duty_heading_ends(keys: list[str], tries: RoleTries) -> int | None:
    """Where a clause that opens with a duty heading ("Trách nhiệm của …") names its bodies."""
    found = tries.duty_headings.longest(keys, 0)
    return found[0] if found else None


def _after_address_label(keys: list[str], seg: int, tries: RoleTries) -> bool:
    """Whether the segment opens after "địa chỉ:" (an address names a place, no subject)."""
    if seg < 2 or keys[seg - 1] != ":":
        return False
    return any(
        tuple(keys[seg - 1 - len(label) : seg - 1]) == label for label in tries.address_labels
    )


_DATE_WORDS = frozenset(fold_word(w) for w in ("ngày", "tháng", "năm", "/", "-", "."))


def _after_date(keys: list[str], at: int) -> int:
    """The token after a date that follows a subject ("Báo … ngày 05 tháng 3 năm 2012, có
    bài"), and a comma after it; ``at`` itself when no date follows."""
    if at >= len(keys) or keys[at] != _NGAY:
        return at
    j = at
    while j < len(keys) and j - at < _DATE_TOKENS and (keys[j] in _DATE_WORDS or keys[j].isdigit()):
        j += 1
    return j + 1 if j < len(keys) and keys[j] == "," else j


_NGAY = fold_word("ngày")
_DATE_TOKENS = 9


def _list_goes_on(keys: list[str], before_end: int, start: int, end: int) -> bool:
    """Whether a run is the next entry of the run before it: only ";" between them, and
    nothing but the list's end after it (";", ".", the text's end)."""
    if [k for k in keys[before_end:start] if k.strip()] != [";"]:
        return False
    return end >= len(keys) or keys[end] in (";", ".")


def _asked_before_colon(
    tokens: Tokens, seg: int, tries: RoleTries, mentions: list[Mention]
) -> bool:
    """Whether the segment at ``seg`` follows a colon that ends a request ("… yêu cầu:", "…
    có ý kiến chỉ đạo:")."""
    if seg < 2 or tokens.keys[seg - 1] != ":":
        return False
    floor = max(0, seg - 1 - MAX_TRIGGER_WORDS)
    return trigger_before(
        tokens, seg - 1, floor, tries, mentions
    ) == "lead" or _ends_with_direction(tokens.keys, seg - 1)


_DIRECTION = fold_phrase("chỉ đạo")


def _ends_with_direction(keys: list[str], end: int) -> bool:
    """Whether the words before ``end`` are "chỉ đạo" ("có ý kiến chỉ đạo:")."""
    return tuple(keys[max(0, end - len(_DIRECTION)) : end]) == _DIRECTION


# how far after "thông báo để" its "biết" may come ("… để các cơ quan, đơn vị biết")
_KNOW_REACH = 30
_KNOW = fold_word("biết")


def _to_know(keys: list[str], at: int) -> bool:
    """Whether the sentence from ``at`` hands the text on for others to know ("Văn phòng Bộ
    thông báo để các cơ quan, đơn vị biết, thực hiện"): its body speaks, it does no work."""
    for key in keys[at : at + _KNOW_REACH]:
        if key in (".", ";"):
            return False
        if key == _KNOW:
            return True
    return False


def unique_agencies(agencies: list[Agency], exclude: list[Agency] | None = None) -> list[Agency]:
    """``agencies`` without repeats (by id, else name), none of ``exclude`` among them."""
    seen = {a.id or a.name for a in exclude or []}
    out = []
    for agency in agencies:
        key = agency.id or agency.name
        if key not in seen:
            seen.add(key)
            out.append(agency)
    return out
