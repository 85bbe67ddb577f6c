"""The trigger phrase before a run of agencies and what it makes of them ("Giao Bộ X": lead,
"phối hợp với Bộ Y": support), with the contexts that undo a trigger: a purpose clause ("để
tổng hợp đề nghị Sở Nội vụ …"), a submission ("trình Chính phủ đề nghị …"), a blocker word
before it ("theo đề nghị của …")."""

from __future__ import annotations

from vbparse.extract.agencies.gazetteer import load_gazetteer
from vbparse.extract.agencies.keys import fold_word
from vbparse.extract.agencies.matcher import Mention, Tokens
from vbparse.extract.tasks.role_grammar import OPENING_LEAD, RoleTries, role_tries

__all__ = [
    "MAX_TRIGGER_WORDS",
    "after_lead_trigger",
    "related_after_support",
    "titled_trigger",
    "trigger_before",
    "with_after_cooperation",
]


def trigger_before(
    tokens: Tokens, start: int, floor: int, tries: RoleTries, mentions: list[Mention]
) -> str | None:
    """The role named by the trigger phrase that ends right before token ``start``."""
    reversed_keys = list(reversed(tokens.keys[floor:start]))
    found = tries.triggers.longest(reversed_keys, 0)
    if not found:
        if _forwarded_to(tokens.keys, start, floor, tries) or _sent_to_act(
            tokens.keys, start, floor, tries, mentions
        ):
            return "lead"
        return None
    length, role = found
    before = start - length - 1
    if role == OPENING_LEAD:
        # only at a clause's start: "Chuyển Bộ Giao thông vận tải nghiên cứu, xử lý …", not
        # "Đề án chuyển các cơ sở giáo dục … về Bộ …"
        if before >= floor and tokens.keys[before][:1].isalnum():
            return None
        role = "lead"
    if role == "lead" and before >= floor and tokens.keys[before] in tries.blockers:
        return None
    if role == "lead" and _after_submission(tokens.keys, start - length, floor, tries, mentions):
        return None
    if role == "support" and _in_purpose_clause(tokens.keys, start - length, floor, mentions):
        return None
    if role == "lead" and _purpose_verb_before(tokens.keys, start - length, floor):
        return None
    return role


# How many words a purpose clause's verb may take before its "đề nghị" ("để tổng hợp đề nghị").
_PURPOSE_REACH = 4


def _purpose_verb_before(keys: list[str], trigger: int, floor: int) -> bool:
    """Whether a lead trigger is the verb of a purpose clause ("… theo dõi thông tin phản ánh,
    để tổng hợp đề nghị Sở Nội vụ xem xét", a notice of UBND tỉnh Bình Thuận, real): the body
    after it is whom the leads will propose to, no lead. Not across punctuation ("Để bảo đảm
    tiến độ, đề nghị Sở X …" opens the request)."""
    for k in range(trigger - 1, max(floor, trigger - 1 - _PURPOSE_REACH) - 1, -1):
        if not keys[k][:1].isalnum():
            return False
        if keys[k] == _PURPOSE:
            return True
    return False


def _after_submission(
    keys: list[str], trigger: int, floor: int, tries: RoleTries, mentions: list[Mention]
) -> bool:
    """Whether a lead trigger follows the body something is submitted to ("trình Chính phủ
    đề nghị Ủy ban Thường vụ Quốc hội …"): what follows is the submission's proposal."""
    addressee = next((m for m in mentions if m.last == trigger), None)
    return (
        addressee is not None
        and addressee.lead_in - 1 >= floor
        and keys[addressee.lead_in - 1] in tries.submission_verbs
    )


_PURPOSE = fold_word("để")


def _in_purpose_clause(keys: list[str], trigger: int, floor: int, mentions: list[Mention]) -> bool:
    """Whether a support trigger has its own subject in a purpose clause ("… gửi hồ sơ về Sở
    Tư pháp trước ngày 15/8/2025 để Sở Tư pháp phối hợp với Sở Nội vụ trình …", công văn
    223/STP-BTTP, real): those bodies work with that subject, not with the task's lead."""
    subject = next((m for m in mentions if m.last == trigger), None)
    return (
        subject is not None
        and subject.lead_in - 1 >= floor
        and keys[subject.lead_in - 1] == _PURPOSE
    )


def titled_trigger(
    tokens: Tokens, seg: int, tries: RoleTries, mentions: list[Mention]
) -> str | None:
    """The role of a trigger written before the heads' title and a colon, the bodies after
    it: "Giao Giám đốc: Sở Văn hóa, Thể thao và Du lịch, Sở Thông tin và Truyền thông …"
    (công văn 454/UBND-NCTH Hậu Giang, real)."""
    keys = tokens.keys
    if seg < 2 or keys[seg - 1] != ":":
        return None
    for title, _ in load_gazetteer().titles:
        first = seg - 1 - len(title)
        if first > 0 and tuple(keys[first : seg - 1]) == title:
            return trigger_before(tokens, first, max(0, first - MAX_TRIGGER_WORDS), tries, mentions)
    return None


def after_lead_trigger(keys: list[str], mention: Mention) -> bool:
    before = list(reversed(keys[max(0, mention.first - MAX_TRIGGER_WORDS) : mention.first]))
    found = role_tries().triggers.longest(before, 0)
    return found is not None and found[1] == "lead"


# the longest trigger phrase, in tokens
MAX_TRIGGER_WORDS = 6


def _sent_to_act(
    keys: list[str], start: int, floor: int, tries: RoleTries, mentions: list[Mention]
) -> bool:
    """Whether the body at ``start`` is the one a forwarded document is sent to, to act on it
    ("Văn phòng Chính phủ xin gửi bản sao công văn số 5403/YTDP … của Bộ Y tế gửi Quý Bộ để
    nghiên cứu và có ý kiến …", công văn 2620/VPCP-VX as luatminhkhue.vn holds it, real b139)."""
    if start - 1 < floor or keys[start - 1] != _SENT:
        return False
    mention = next((m for m in mentions if m.first == start), None)
    if mention is None or mention.last >= len(keys) or keys[mention.last] != _PURPOSE:
        return False
    return _forwarding_verb_before(keys, start - 1, floor, tries)


_SENT = fold_word("gửi")


def _forwarded_to(keys: list[str], start: int, floor: int, tries: RoleTries) -> bool:
    """Whether the body at ``start`` is the one a document is forwarded to, named in the purpose
    clause after the forwarding verb ("Văn phòng Chính phủ xin chuyển công văn số 5005/TTr-UBND
    … để Bộ Xây dựng nghiên cứu, tổng hợp …", công văn 7336/VPCP-KTN as luatminhkhue.vn holds
    it, real b121): that body acts on it."""
    if start - 1 < floor or keys[start - 1] != _PURPOSE:
        return False
    return _forwarding_verb_before(keys, start - 1, floor, tries)


def _forwarding_verb_before(keys: list[str], end: int, floor: int, tries: RoleTries) -> bool:
    """Whether a forwarding verb ("xin chuyển", "xin gửi") starts between ``floor`` and ``end``."""
    return any(tries.forwarding_verbs.longest(keys, k) for k in range(floor, end))


# How far after a support phrase the related bodies closing its list may stand (tokens).
_RELATED_REACH = 14
_RELATED = (fold_word("liên"), fold_word("quan"))


def related_after_support(
    keys: list[str], seg: int, start: int, run: list[Mention], tries: RoleTries
) -> bool:
    """Whether a run of "… các cơ quan (có) liên quan" closes the list a support phrase
    opened earlier in the segment, past names the gazetteer lacks: "phối hợp với Hiệp hội mắc
    ca Việt Nam và các cơ quan liên quan" (công văn 2868/VPCP-NN, real)."""
    last = run[-1]
    if last.agency.kind != "group" or tuple(keys[last.last - 2 : last.last]) != _RELATED:
        return False
    if start - 1 < seg or keys[start - 1] not in tries.joiner_words:
        return False
    for k in range(start - 1, max(seg, start - _RELATED_REACH) - 1, -1):
        found = tries.triggers.longest(list(reversed(keys[max(seg, k - 6) : k])), 0)
        if found is not None:
            return found[1] == "support"
    return False


_VOI = fold_word("với")


def with_after_cooperation(
    keys: list[str], seg: int, start: int, covered: list[bool], tries: RoleTries
) -> bool:
    """Whether the run at ``start`` follows "với", a cooperation verb a few words before it in
    the segment and no body between (roles.yaml ``distant_support_verbs``): not "phối hợp với
    Sở Nội vụ làm việc với Ban Chấp hành Hiệp hội …", whose second "với" names whom the two
    meet (công văn of UBND tỉnh Bình Thuận, real docx)."""
    with_at = start - 1
    if with_at <= seg or keys[with_at] != _VOI:
        return False
    for at in range(with_at - 1, max(seg, with_at - tries.distant_support_reach) - 1, -1):
        if covered[at]:
            return False
        # (right before "với" the verb is the ordinary trigger's, which knows its blockers)
        if any(
            tuple(keys[at : at + len(v)]) == v and at + len(v) < with_at
            for v in tries.distant_support_verbs
        ):
            return True
    return False
