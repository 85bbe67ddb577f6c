"""Task clauses (nhiệm vụ): which items of the clause tree direct someone to act.

An item is a task when it carries a directive of its own: leaves that have an assignee (their
own, one inherited from the heading they sit under, or the document's addressees), and
parents whose own words, before their sub-items, assign work — a one-line lead-in ending in
":" ("1. Giao Bộ Công an:", "a) Bộ Y tế hoàn thành các nhiệm vụ sau:") only passes its lead
and deadline down. Items that only assess ("1. Về đánh giá kết quả …") are no tasks.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator

import regex

from vbparse.extract.agencies.established import as_established, work_holder
from vbparse.extract.agencies.gazetteer import is_named_committee, load_gazetteer
from vbparse.extract.tasks.addressed import addressed_heading
from vbparse.extract.tasks.contents import lists_contents
from vbparse.extract.tasks.due_dates import take_due_date
from vbparse.extract.tasks.fields import read_task_fields
from vbparse.extract.tasks.headings import (
    described_group,
    directive_start,
    gives_contact,
    header_grammar,
    in_aims_part,
    in_contest_part,
    in_enclosure_list,
    is_lead_in,
    is_opener,
    is_title,
    names_a_member,
    opens_with,
    points_to_provisions,
    states_conditions,
    topic_end,
)
from vbparse.extract.tasks.paragraphs import (
    answers,
    asks_for_contents,
    closing_paragraph_tasks,
    guides,
    lead_in_asks,
    paragraph_tasks,
    preamble_heading,
)
from vbparse.extract.tasks.roles import Roles, find_roles, unique_agencies
from vbparse.extract.tasks.speaker import asks
from vbparse.extract.tasks.units import (
    Resolved,
    TaskContext,
    addressees_besides,
    make_task,
    names_only,
)
from vbparse.extract.time.deadlines import clause_deadline
from vbparse.models import Agency, Deadline, Task
from vbparse.pattern_time import time_left
from vbparse.segment.clause_tree import Clause, ClauseTree

__all__ = ["TaskContext", "find_tasks"]


def find_tasks(tree: ClauseTree, text: str, context: TaskContext) -> Iterator[Task]:
    """Tasks of the body, in document order: directive paragraphs before the first item,
    then the items."""
    # "… đề nghị các Sở báo cáo … với các vấn đề sau:" above the items: the request is the
    # task, the items are the report's contents.
    contents = asks_for_contents(tree, text)
    # "Giao Bộ X thực hiện các nội dung sau:" above the items: they are Bộ X's.
    heading = None if contents else preamble_heading(tree, text, context)
    preamble_tasks = list(paragraph_tasks(tree, text, context, heading is not None))
    # The preamble ends with a request of its own ("… báo cáo … theo biểu mẫu đính kèm."): the
    # items after it that name no one may only state its conditions.
    request = preamble_tasks[-1] if tree.paragraphs and tree.paragraphs[-1].id else None
    item_tasks = list(_item_tasks(tree, text, context, heading, contents, request))
    if heading is not None and not item_tasks:
        # "Bộ Tài chính đề nghị các Cục Thuế phổ biến … các nội dung mới của Luật như sau:"
        # over items that only set out the law (công văn 10315/BTC-TCT, real): the request
        # is the task.
        preamble_tasks.append(_heading_task(tree, text, context, heading, len(preamble_tasks)))
    yield from preamble_tasks
    yield from item_tasks
    yield from closing_paragraph_tasks(tree, text, context, len(preamble_tasks))


def _heading_task(
    tree: ClauseTree, text: str, context: TaskContext, heading: Resolved, numbered: int
) -> Task:
    """The preamble's last paragraph, which introduces the items, as a task of its own."""
    para = tree.paragraphs[-1]
    own = text[para.text_start : para.own_end]
    para.id = f"p{numbered + 1}"
    deadline = clause_deadline(own, offset=para.text_start, doc_date=context.doc_date)
    return make_task(para, own, heading.roles, heading.lead, deadline, context)


def _item_tasks(
    tree: ClauseTree,
    text: str,
    context: TaskContext,
    heading: Resolved | None,
    contents: bool,
    request: Task | None,
) -> Iterator[Task]:
    """Tasks of the items of the clause tree, in document order; ``heading``: the roles the
    preamble's lead-in passes to them; ``contents``: the items only list what the preamble
    asks for; ``request``: the preamble's own request, whose conditions items may state."""
    # Under the issuer's guidance ("… hướng dẫn … như sau:") the items state rules: one that
    # names no one is nobody's task.
    # A letter whose trích yếu says it guides is guidance too, unless its lead-in names who is
    # to carry the items out ("… đề nghị BHXH các tỉnh … thực hiện một số nội dung sau:",
    # công văn 296/BHXH-CSYT "V/v hướng dẫn …", real).
    guided = (context.guidance and not lead_in_asks(tree, text)) or guides(tree, text)
    answered = guided and answers(tree, text)
    resolved: dict[int, Resolved] = {}
    skipped: set[int] = set()
    if contents:
        skipped.update(id(c) for root in tree.roots for c in root.walk())
    for clause in tree.walk():
        if id(clause) in skipped:
            continue
        own = text[clause.text_start : clause.own_end]
        contents_listed = lists_contents(clause, own, text)
        if contents_listed:
            skipped.update(id(c) for child in clause.children for c in child.walk())
        fields = read_task_fields(
            clause,
            text,
            doc_date=context.doc_date,
            province=context.province,
            issuer=context.issuer,
        )
        skipped.update(id(bullet) for bullet in fields.bullets)
        # A heading line that names no one ("4. Công tác truyền thông") sits above the
        # paragraph that directs: roles are read from that paragraph.
        skip = directive_start(own, clause.text_start, context.province)
        answer = skip + topic_end(own[skip:])
        roles = find_roles(
            own[answer:],
            offset=clause.text_start + answer,
            province=context.province,
            issuer=context.issuer,
        )
        roles = dataclasses.replace(
            roles, lead=fields.lead or roles.lead, support=roles.support + fields.support
        )
        # "1. Đối với Sở Giáo dục và Đào tạo" above its items: whose they are
        addressed = (
            addressed_heading(own, clause.text_start, context.province, context.issuer)
            if clause.children and not roles.lead
            else []
        )
        if addressed:
            roles = dataclasses.replace(roles, lead=addressed)
        bullet_ids = {id(bullet) for bullet in fields.bullets}
        # items that are all titles ("- Dự án 1: “…”."), contacts ("- Điện thoại: …") or
        # topics and other non-directive leaves ("- Chủ đề 1: …") leave the work to it; items
        # that point to provisions leave it a topic heading ("2. Về kiểm điểm …:")
        has_items = any(
            id(child) not in bullet_ids
            and not is_title(child_text := text[child.text_start : child.own_end])
            and not gives_contact(child_text)
            and not (
                is_opener(child_text)
                and not child.children
                and not points_to_provisions(child_text)
            )
            for child in clause.children
        )
        # A heading naming a described group ("11. Các đơn vị cấp nước sạch trên địa bàn
        # thành phố có trách nhiệm") only says whose the items below are.
        described = (has_items or bool(fields.bullets)) and described_group(
            own, clause.text_start, roles
        )
        if described:
            roles.lead = described
        elif not roles.lead and (holder := work_holder(own, clause.text_start, text)):
            roles.lead = [holder]  # "Điều 2. Chức năng, nhiệm vụ của Đoàn kiểm tra như sau:"
        else:
            roles.lead = [as_established(agency, text) for agency in roles.lead]
        parent = resolved.get(id(clause.parent)) if clause.parent else heading
        if parent is not None:
            roles.lead = _place_unnamed_committee(roles.lead, parent.lead)
        if parent is not None and parent.lead and _asks_on_its_way(own, clause.text_start, roles):
            # "4. Sở Y tế:" / "- Chủ động xây dựng kế hoạch ứng phó bệnh tật, yêu cầu các cơ
            # sở y tế … có dự phòng …" (công văn of UBND Thành phố Hà Nội on air pollution,
            # real b44): the heading's body acts, and asks the others as part of it.
            roles = dataclasses.replace(roles, lead=[])
        if parent is not None and clause.parent is not None and roles.lead:
            above = text[clause.parent.text_start : clause.parent.own_end]
            if header_grammar("cooperation_lead_ins").match(above):
                # "b) Chủ trì, phối hợp" / "- Sở Tài chính … tham mưu …": Sở Tài chính co-operates
                roles = dataclasses.replace(roles, lead=[], support=roles.lead + roles.support)
            elif (
                not roles.lead_triggered
                and not fields.lead
                and header_grammar("subjectless_lead_openers").match(own[answer:])
            ):
                # (its own work, so an item still when sub-items follow: the heading's body leads)
                support = unique_agencies([*roles.support, *roles.lead])
                roles = dataclasses.replace(roles, lead=list(parent.lead), support=support)
        lead = roles.lead or (
            parent.lead
            if parent
            else addressees_besides(_addressed(own, guided, answered, context), roles.support)
        )
        if parent is not None and not roles.lead and not roles.support:
            # "Giao Bộ Y tế chủ trì, phối hợp với Bộ Tài chính:" — its items keep both.
            roles = dataclasses.replace(roles, support=list(parent.roles.support))
        own_deadline = fields.deadline or clause_deadline(
            own, offset=clause.text_start, doc_date=context.doc_date
        )
        deadline = own_deadline
        # A heading's dated deadline bounds its items: an item's own undated "khẩn trương"
        # or "tại Kỳ họp thứ 10" does not replace it.
        inherited = parent.deadline if parent is not None else None
        if inherited is not None and inherited.grain == "year" and inherited.relation in _SPANS:
            # "1. Hoàn thành mục tiêu … trong năm 2025" above its items names the year of a
            # goal, not each item's due date (thông báo kết luận 627/TB-VPCP, real golds)
            inherited = None
        if deadline is None or (deadline.date is None and inherited and inherited.date):
            deadline = inherited or deadline
        resolved[id(clause)] = Resolved(
            roles=roles, lead=lead, deadline=_passed_down(own, clause.text_start, deadline, context)
        )
        siblings = clause.parent.children if clause.parent else tree.roots
        if in_enclosure_list(clause, siblings, text):
            continue
        if (
            request is not None
            and clause.parent is None
            and not roles.lead
            and states_conditions(own)
        ):
            take_due_date(request, own_deadline)
            continue
        has_items = has_items and not contents_listed  # then a leaf: its own words direct
        heading_only = described or (bool(addressed) and has_items)
        if (parent is None or not parent.lead) and _approves_only(own, roles):
            continue
        if not heading_only and _is_task(clause, text, roles, lead, own_deadline, has_items, skip):
            task = make_task(clause, own, roles, lead, deadline, context)
            task.product = fields.product
            yield task


# Where a paragraph ends inside an item's own text: a line break after a sentence's end (a
# fixed-width copy breaks lines inside sentences too).
_PARAGRAPH_END = regex.compile(r"(?<=[.;:!?]\s*)\n")


# A heading's whole-year span ("trong năm 2025", "Từ nay đến hết năm 2025 chỉ còn gần 2
# tháng …") times a goal or the situation, not each item under it.
_SPANS = frozenset({"within", "range"})


def _passed_down(
    own: str, offset: int, deadline: Deadline | None, context: TaskContext
) -> Deadline | None:
    """The deadline an item passes to its sub-items: the one of its own directive (its first
    paragraph) or of the line that introduces them ("(1) Trước ngày 31/7/2025, yêu cầu:"), not
    a date of the situation a paragraph between describes ("Trong tháng 11 năm 2025, do mưa,
    lũ lớn …")."""
    if deadline is None or deadline.span is None:
        return deadline
    breaks = [m.start() for m in _PARAGRAPH_END.finditer(own.rstrip(), timeout=time_left())]
    if len(breaks) < 2:
        return deadline
    at = deadline.span.start - offset
    if at < breaks[0] or at > breaks[-1]:
        return deadline
    first = clause_deadline(own[: breaks[0]], offset=offset, doc_date=context.doc_date)
    last = clause_deadline(
        own[breaks[-1] + 1 :], offset=offset + breaks[-1] + 1, doc_date=context.doc_date
    )
    return first or last


def _addressed(own: str, guided: bool, answered: bool, context: TaskContext) -> list[Agency]:
    """Whom an item that names no one speaks to: the addressees, but under the issuer's
    guidance no one (its items state rules), unless the guidance answers the addressee's letter
    and the item asks something of it ("2) Trường hợp không phân loại được, … đề nghị lấy mẫu
    trưng cầu giám định …" under "Trả lời công văn số 2269/HQBD-NV …, Tổng cục có ý kiến như
    sau:", công văn 504/TCHQ-GSQL as luatminhkhue.vn holds it, real b128)."""
    if not guided or (answered and asks(own)):
        return context.addressees
    return []


def _approves_only(own: str, roles: Roles) -> bool:
    """An item that approves and names no one to act (``item_approvals``: "1. Thống nhất nội
    dung Kế hoạch …" under "… có ý kiến như sau:"); asked only of items no heading gives a lead."""
    return opens_with("item_approvals", own) and not roles.lead_triggered


def _is_task(
    clause: Clause,
    text: str,
    roles: Roles,
    lead: list[Agency],
    deadline: Deadline | None,
    has_items: bool,
    skip: int,
) -> bool:
    own = text[clause.text_start : clause.own_end]
    # An approval or assessment assigns nothing unless it goes on to direct someone
    # ("Đồng ý chủ trương …; giao Bộ X chủ trì …").
    if (
        not own.strip()
        or (is_opener(own) and not roles.lead_triggered)
        # under a topic line ("Về hoàn thuế GTGT:"), a paragraph that cites the provisions
        # ("Tại khoản 3 Điều 1 Luật số 106/2016/QH13 …", công văn 10315/BTC-TCT as OCR text,
        # real b37) and names no one: the answer's grounds
        or (not roles.lead and _cites_under_topic(own))
        or in_aims_part(clause, text)
        or names_a_member(own)
    ):
        return False
    if has_items:
        return bool(roles.lead) and not is_lead_in(own, clause.text_start, roles, deadline, skip)
    if not roles.lead and in_contest_part(clause, text):
        return False
    return bool(lead) and not _names_only(own, clause.text_start, roles)


_TOPIC_LINE = regex.compile(r"(?:\s*(?:Về|Đối với)\s[^\n:]{1,120}:\s*\n)?\s*")


def _cites_under_topic(own: str) -> bool:
    """Whether an item opens, after its topic line if any, by citing a provision."""
    topic = _TOPIC_LINE.match(own)
    return opens_with("cited_provision_openers", own[topic.end() if topic else 0 :])


# What may stand between the bodies of an item that only lists them.
_LIST_FILLER = regex.compile(r"[\s,;.:/()\-–]*(?:\b(?:và|hoặc)\b[\s,;.:/()\-–]*)*")


def _names_only(own: str, offset: int, roles: Roles) -> bool:
    """An item that only names bodies ("- Sở Y tế;", "- Các tổ chức và cá nhân liên quan."):
    a list of addressees or participants, not a task."""
    bodies = [*roles.lead, *roles.support]
    return names_only(own, offset, bodies, _LIST_FILLER, overlaps_allowed=True)


# A sentence's end before the request ("…; yêu cầu …" starts a request of its own).
_SENTENCE_BREAK = regex.compile(r"[.;:!?\n]")


def _asks_on_its_way(own: str, offset: int, roles: Roles) -> bool:
    """Whether an item with no subject of its own names its lead only by a request written
    after its own work in the same sentence ("Chủ động xây dựng kế hoạch …, yêu cầu các cơ sở
    y tế …"): the item's subject, the heading's body, is who requests."""
    if not roles.lead or not roles.lead_triggered or roles.lead_opens:
        return False
    first = min((a.span.start for a in roles.lead if a.span), default=None)
    if first is None:
        return False
    before = own[: first - offset]
    breaks = list(_SENTENCE_BREAK.finditer(before))
    sentence = before[breaks[-1].end() :] if breaks else before
    own_work, comma, _ = sentence.rpartition(",")
    return bool(comma) and len(own_work.split()) >= 3


def _place_unnamed_committee(lead: list[Agency], heading_lead: list[Agency]) -> list[Agency]:
    """ "Ủy ban nhân dân Thành phố chỉ đạo …" under a heading whose lead is one named committee
    ("thành phố Đà Nẵng cần thực hiện các nhiệm vụ sau:") is that committee."""
    named = [a for a in heading_lead if is_named_committee(a)]
    if len(named) != 1:
        return lead
    unnamed = load_gazetteer().unnamed_committee
    return [
        named[0].model_copy(update={"text": a.text, "span": a.span}) if a.id == unnamed else a
        for a in lead
    ]
