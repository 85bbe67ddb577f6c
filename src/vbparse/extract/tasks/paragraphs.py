"""Unlabelled paragraphs of the body as tasks: the directive paragraphs before the first item
(``p1``, ``p2``, …), the paragraphs after the last item that direct on their own, the preamble's
last paragraph when it introduces the items, and the conditions a paragraph states of the
request before it."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import regex

from vbparse.extract.tasks.closing_requests import is_closing_request
from vbparse.extract.tasks.contents import most_tell_to_act
from vbparse.extract.tasks.due_dates import deadline_after, for_a_purpose, take_due_date
from vbparse.extract.tasks.headings import (
    LEAD_IN_WORDS,
    gives_particulars,
    header_grammar,
    is_opener,
    only_recounts,
    opens_with,
    states_conditions,
    words_besides,
)
from vbparse.extract.tasks.roles import Roles
from vbparse.extract.tasks.speaker import (
    asks,
    issuer_asks_as_subject,
    issuer_opines,
    issuer_requests,
    speaker_at,
)
from vbparse.extract.tasks.units import (
    Resolved,
    TaskContext,
    addressees_besides,
    issuer_accounts,
    make_task,
    unit_roles,
)
from vbparse.extract.time.deadlines import clause_deadline
from vbparse.models import Agency, Task
from vbparse.normalize.unwrap import is_capitals
from vbparse.segment.clause_tree import Clause, ClauseTree, sums_up
from vbparse.segment.lines import quotes_another, without_leading_specks

__all__ = [
    "asks_for_contents",
    "closing_paragraph_tasks",
    "guides",
    "lead_in_asks",
    "paragraph_tasks",
    "preamble_heading",
]


def paragraph_tasks(
    tree: ClauseTree, text: str, context: TaskContext, last_heads_items: bool
) -> Iterator[Task]:
    """Unlabelled paragraphs that direct a body on their own, numbered ``p1``, ``p2``, ….

    A paragraph directs when it names its lead after a trigger ("Giao Bộ Ngoại giao …",
    "Phó Thủ tướng … yêu cầu Bộ X …") or opens with it as the subject ("Bộ Y tế tăng cường
    …"); a body named as the subject of a later sentence of an assessment ("… còn nhiều bất
    cập. Bộ X lưu ý …") is enough only after a lead-in ("… có ý kiến như sau:"). After a
    lead-in a paragraph that names no one and opens no approval or assessment speaks to the
    addressees ("Khẩn trương rà soát …" under "Kính gửi: Bộ Y tế"). Lines in capitals are
    headings, and so is the last paragraph when it introduces the items
    (``last_heads_items``)."""
    paragraphs = [p for p in tree.paragraphs if not is_capitals(text[p.text_start : p.own_end])]
    if last_heads_items and paragraphs and paragraphs[-1] is tree.paragraphs[-1]:
        paragraphs.pop()
    particulars = _items_are_particulars(tree, text)
    lead_ins = [
        i
        for i, p in enumerate(paragraphs)
        if header_grammar("lead_in_endings").search(text[p.text_start : p.own_end])
        and not header_grammar("content_lead_ins").search(text[p.text_start : p.own_end])
        and not (particulars and p is tree.paragraphs[-1])
    ]
    # under the issuer's own opinion ("Cục Thuế có ý kiến như sau:") a paragraph that names
    # no one speaks to the addressees only when it asks something of them
    opinion = bool(lead_ins) and issuer_opines(
        text[paragraphs[lead_ins[0]].text_start : paragraphs[lead_ins[0]].own_end],
        context.issuer,
        province=context.province,
    )
    # A lead-in that asks a body itself ("Bộ Giáo dục và Đào tạo đề nghị các đồng chí Giám
    # đốc Sở chỉ đạo … thực hiện một số nội dung sau:"): the paragraphs under it that name no
    # one are what it asks, and it is the task.
    asking = _asking_lead_in(paragraphs[lead_ins[0]], text, context) if lead_ins else None
    asked = False
    count = 0
    asked_from = 0  # the tasks before the first paragraph under the lead-in
    last: Task | None = None
    for i, para in enumerate(paragraphs):
        # What stands before the lead-in ("… có ý kiến như sau:") is its context: the press
        # report, the proposal, the issuer's receipt of a letter.
        own = text[para.text_start : para.own_end]
        if i in lead_ins or (
            lead_ins
            and i < lead_ins[0]
            and not issuer_requests(own, context.issuer, province=context.province)
        ):
            continue
        introduced = bool(lead_ins) and i > lead_ins[0]
        if lead_ins and i == lead_ins[0] + 1:
            asked_from = count
        if quotes_another(own) or only_recounts(own):
            # a passage quoted from another document, or the history of the matter: its
            # requests are not this document's
            continue
        if last is not None and states_conditions(own):
            take_due_date(
                last, clause_deadline(own, offset=para.text_start, doc_date=context.doc_date)
            )
            continue
        roles = unit_roles(own, para.text_start, context)
        # "Bộ X có báo cáo …; Phó Thủ tướng Y yêu cầu Bộ Z …": what precedes the speaker is
        # context, its bodies lead nothing.
        if (speaker := speaker_at(own)) is not None:
            roles.lead = [
                a for a in roles.lead if a.span is None or a.span.start >= para.text_start + speaker
            ]
            roles.lead_opens = roles.lead_opens and speaker == 0
        if roles.lead_triggered or (roles.lead_opens and not is_opener(own)):
            lead = roles.lead
            if not lead and _issuer_asks_addressees(own, tree, context, introduced, count):
                # the issuer opens it and asks the addressees ("Bộ Văn hóa, Thể thao và Du
                # lịch lưu ý: Giảm bớt quy mô …", công văn 3111/BVHTTDL-DSVH, real b120)
                lead = addressees_besides(context.addressees, roles.support)
        elif roles.lead and header_grammar("approval_openers").match(own):
            lead = roles.lead  # "Đồng ý …. Bộ X tổ chức …": the approved body's task
        elif introduced and roles.lead_opens_sentence and not is_opener(own):
            # under "… có ý kiến như sau:", a body that opens a later sentence ("Nguyên tắc …
            # đã được chấp thuận. Bộ trưởng Bộ X hướng dẫn …", công văn 3046/VPCP-KTTH, real)
            lead = roles.lead
        elif (
            introduced
            and not roles.lead
            and not is_opener(own)
            and not issuer_accounts(own, context)
            and not (opinion and not asks(own))
        ):
            if asking is not None and not opens_with(
                "directive_verbs", without_leading_specks(own)
            ):
                # (not when a paragraph under it directed on its own: what follows that one,
                # "Trong quá trình triển khai thực hiện, nếu có gặp khó khăn, vướng mắc; kịp
                # thời báo cáo về Phòng …", letters of Phòng GD&ĐT TP Cà Mau, real b113, is
                # a note on it)
                if not asked and count == asked_from:
                    asked = True
                    count += 1
                    last = _lead_in_task(asking, text, f"p{count}", para, context)
                    yield last
                continue
            # what the lead-in asks, of the body it names ("Trưởng phòng … đề nghị Hiệu
            # trưởng các trường trực thuộc thực hiện nội dung như sau:" / "Triển khai thực
            # hiện nghiêm túc …", real b113) or of the addressees
            lead = (
                asking.lead
                if asking is not None
                else addressees_besides(context.addressees, roles.support)
            )
        elif (
            not tree.roots
            and not count
            and not roles.lead
            and not introduced
            and not is_opener(own)
            and not own.rstrip().endswith(":")
            and issuer_asks_as_subject(own, context.issuer, province=context.province)
        ):
            # a letter's first request, in which the issuer asks someone it names by no body's
            # name ("Giám đốc Sở Y tế yêu cầu Thủ trưởng đơn vị triển khai …", công văn
            # 2307/SYT-NVY Kiên Giang, real scan): the addressees
            lead = addressees_besides(context.addressees, roles.support)
        else:
            continue
        if not lead or (
            count and context.letter and is_closing_request(own, para.text_start, roles)
        ):
            continue
        deadline = clause_deadline(own, offset=para.text_start, doc_date=context.doc_date)
        if (deadline is None or for_a_purpose(own, para.text_start, deadline)) and i + 1 < len(
            paragraphs
        ):
            deadline = deadline_after(paragraphs[i + 1], text, context) or deadline
        count += 1
        para.id = f"p{count}"
        last = make_task(para, own, roles, lead, deadline, context)
        yield last


def _issuer_asks_addressees(
    own: str, tree: ClauseTree, context: TaskContext, introduced: bool, count: int
) -> bool:
    """Whether a paragraph that names no lead is the issuer asking its addressees: under a
    lead-in, or as the first request of a letter without items ("…, Bộ Văn hóa, Thể thao và Du
    lịch trân trọng đề nghị và rất mong sớm nhận được ý kiến của …", công văn 4340/BVHTTDL-DSVH)."""
    if introduced:
        return issuer_requests(own, context.issuer, province=context.province)
    return (
        not tree.roots
        and not count
        and issuer_asks_as_subject(own, context.issuer, province=context.province)
    )


@dataclass
class _AskingLeadIn:
    """A lead-in that asks a body to act, with its roles and whom it asks."""

    para: Clause
    roles: Roles
    lead: list[Agency]


def _asking_lead_in(para: Clause, text: str, context: TaskContext) -> _AskingLeadIn | None:
    """``para``, a lead-in, when it asks a body: one it names after a trigger, or the
    addressees when the issuer asks ("Bộ … đề nghị các đồng chí Giám đốc Sở …")."""
    own = text[para.text_start : para.own_end]
    roles = unit_roles(own, para.text_start, context)
    if roles.lead_triggered and roles.lead:
        return _AskingLeadIn(para, roles, roles.lead)
    if issuer_requests(own, context.issuer, province=context.province):
        return _AskingLeadIn(para, roles, addressees_besides(context.addressees, roles.support))
    return None


def _lead_in_task(
    asking: _AskingLeadIn, text: str, task_id: str, first: Clause, context: TaskContext
) -> Task:
    """The lead-in as task ``task_id``; its due date, when it names none, is the one of the
    first paragraph under it, ``first``."""
    para = asking.para
    own = text[para.text_start : para.own_end]
    deadline = clause_deadline(own, offset=para.text_start, doc_date=context.doc_date)
    if deadline is None:
        under = text[first.text_start : first.own_end]
        deadline = clause_deadline(under, offset=first.text_start, doc_date=context.doc_date)
    para.id = task_id
    return make_task(para, own, asking.roles, asking.lead, deadline, context)


def asks_for_contents(tree: ClauseTree, text: str) -> bool:
    """Whether the preamble's last paragraph asks for a report of the items' contents, or
    for work whose particulars alone the items give ("… đề nghị Hiệu trưởng các trường tổ
    chức cuộc thi … như sau:" over "1. Thời gian dự thi: …", "2. Đối tượng dự thi: …", a
    letter of Phòng GD&ĐT Quận 11, real): the request is the task. Not where most items open
    by telling their reader to act ("… yêu cầu Bộ Xây dựng … rà soát …, trong đó lưu ý các nội
    dung sau:" / "1. Rà soát, thể chế hóa …" / "2. Rà soát kỹ …", thông báo 480/TB-VPCP, real
    b132): they are the lead-in's tasks."""
    last = _lead_in(tree)
    if last is None:
        return False
    if header_grammar("content_lead_ins").search(text[last.text_start : last.own_end]):
        return not most_tell_to_act(tree.roots, text)
    return _items_are_particulars(tree, text)


def _items_are_particulars(tree: ClauseTree, text: str) -> bool:
    """Whether every item only gives particulars ("Thời gian dự thi: …", ``is_opener``)."""
    return bool(tree.roots) and all(
        not root.children and gives_particulars(text[root.text_start : root.own_end])
        for root in tree.roots
    )


def closing_paragraph_tasks(
    tree: ClauseTree, text: str, context: TaskContext, numbered: int
) -> Iterator[Task]:
    """Paragraphs after the last item that direct on their own ("Yêu cầu Thủ trưởng các cơ
    quan … nghiêm túc triển khai"), numbered on from the preamble's: a named lead is needed
    (after a trigger, or opening the paragraph), the issuer speaking of itself is none."""
    count = numbered
    for para in tree.closing_paragraphs:
        own = text[para.text_start : para.own_end]
        roles = unit_roles(own, para.text_start, context)
        # a summing-up names who carries the document out as the subject of a later clause
        # ("Trên đây là Kế hoạch …; các cơ quan, đơn vị … nghiêm túc tổ chức thực hiện")
        directs = roles.lead_triggered or roles.lead_opens or sums_up(own)
        if not roles.lead or not directs or (is_opener(own) and not sums_up(own)):
            continue
        if context.letter and not sums_up(own) and is_closing_request(own, para.text_start, roles):
            # (a summing-up's request is the task the real golds count: "Trên đây là hướng dẫn
            # của Sở …, đề nghị Ủy ban nhân dân phường, xã … nghiêm túc thực hiện")
            continue
        deadline = clause_deadline(own, offset=para.text_start, doc_date=context.doc_date)
        count += 1
        para.id = f"p{count}"
        yield make_task(para, own, roles, roles.lead, deadline, context)


def preamble_heading(tree: ClauseTree, text: str, context: TaskContext) -> Resolved | None:
    """The roles and deadline of the preamble's last paragraph when it introduces the items
    and names who does them ("Giao Bộ Y tế chủ trì, phối hợp với Bộ Tài chính:", "Ủy ban nhân
    dân tỉnh yêu cầu các sở thực hiện các nội dung sau:")."""
    last = _lead_in(tree)
    if last is None:
        return None
    own = text[last.text_start : last.own_end]
    announced = bool(header_grammar("lead_in_endings").search(own))
    if not announced and not own.rstrip().endswith(":"):
        return None
    # "Ủy ban nhân dân tỉnh ban hành Kế hoạch … như sau:" introduces, it assigns nothing.
    roles = unit_roles(own, last.text_start, context)
    if not roles.lead or (not roles.lead_triggered and not roles.lead_opens):
        return None
    # A bare colon ends a lead-in only when the line is little more than its bodies ("Giao Bộ
    # Y tế chủ trì, phối hợp với Bộ Kế hoạch và Đầu tư, Bộ Tài chính:").
    if (
        not announced
        and not _ends_with_triggered_lead(own, last.text_start, roles)
        and words_besides(own, last.text_start, roles) > LEAD_IN_WORDS
    ):
        return None
    roles.support = _after_the_lead(roles.support, roles.lead)
    # Its dates are the situation's ("mưa lớn từ ngày 14/11"), not the items' due dates.
    return Resolved(roles=roles, lead=roles.lead, deadline=None)


def _after_the_lead(support: list[Agency], lead: list[Agency]) -> list[Agency]:
    """The bodies a lead-in's request joins to its lead: not those named before the request,
    in its grounds ("Căn cứ Công văn số 151/SYT-NV … về việc khẩn trương phối hợp với ngành
    Giáo dục và Đào tạo tổ chức tiêu độc …, Sở Giáo dục và Đào tạo yêu cầu …", công văn
    133/SGDĐT-CTTT Vĩnh Long, real scan b85)."""
    starts = [a.span.start for a in lead if a.span is not None]
    if not starts:
        return support
    return [a for a in support if a.span is None or a.span.start > min(starts)]


# Words after a lead-in's last body that only say which of them ("chủ trì cụm thi").
QUALIFIER_WORDS = 4


def _ends_with_triggered_lead(own: str, offset: int, roles: Roles) -> bool:
    """Whether the paragraph ends with its trigger's bodies and the colon: "Xét đề nghị của
    Bộ Tài chính tại văn bản số …, Thủ tướng Chính phủ giao Bộ Tài chính:" (công văn
    2713/VPCP-KTTH, real) introduces the items however long what it answers is; so does one
    whose bodies a few words qualify ("… đề nghị các sở GDĐT, các đại học, học viện và các
    trường đại học chủ trì cụm thi:", công văn 3029/BGDĐT-KTKĐCLGD, real)."""
    if not roles.lead_triggered:
        return False
    ends = [agency.span.end for agency in roles.lead if agency.span is not None]
    if not ends:
        return False
    rest = own[max(ends) - offset :].strip()
    return rest.endswith(":") and len(rest[:-1].split()) <= QUALIFIER_WORDS


def guides(tree: ClauseTree, text: str) -> bool:
    """Whether the preamble's last paragraph introduces the items as the issuer's guidance."""
    last = _lead_in(tree)
    return last is not None and bool(
        header_grammar("guidance_lead_ins").search(text[last.text_start : last.own_end])
    )


# A request or an assignment in a lead-in ("… đề nghị BHXH các tỉnh … thực hiện một số nội
# dung sau:", "giao Sở Y tế …"; not "giao thông").
_ASKS = regex.compile(r"\b(?:[Đđ]ề\s+nghị|[Yy]êu\s+cầu|[Cc]hỉ\s+đạo|[Gg]iao(?:\s+cho)?\s+\p{Lu})")


def lead_in_asks(tree: ClauseTree, text: str) -> bool:
    """Whether the preamble's last paragraph, above the items, asks or assigns."""
    last = _lead_in(tree)
    return last is not None and _ASKS.search(text, last.text_start, last.own_end) is not None


# A reply's lead-in ("Trả lời công văn số 2269/HQBD-NV … , Tổng cục có ý kiến như sau:").
_REPLY = regex.compile(r"\s*(?:Trả\s+lời|Phúc\s+đáp)\b")


def answers(tree: ClauseTree, text: str) -> bool:
    """Whether the preamble's last paragraph, asked of a tree ``guides`` holds true of, opens
    by answering the addressee's letter ("Trả lời …", "Phúc đáp …")."""
    last = _lead_in(tree)
    return last is not None and _REPLY.match(text, last.text_start, last.own_end) is not None


def _lead_in(tree: ClauseTree) -> Clause | None:
    """The preamble's last paragraph when items follow it: the paragraph that may introduce
    them (asked by ``asks_for_contents``, ``preamble_heading``, ``guides``, ``lead_in_asks``
    and ``answers``)."""
    return tree.paragraphs[-1] if tree.paragraphs and tree.roots else None
