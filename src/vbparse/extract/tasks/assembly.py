"""Task clauses (nhiệm vụ): which items of the clause tree direct someone to act.

An item is a task when it carries a directive of its own: leaves that have an assignee (their
own, one inherited from the heading they sit under, or the document's addressees), and
parents whose own words, before their sub-items, assign work — a one-line lead-in ending in
":" ("1. Giao Bộ Công an:", "a) Bộ Y tế hoàn thành các nhiệm vụ sau:") only passes its lead
and deadline down. Items that only assess ("1. Về đánh giá kết quả …") are no tasks.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field

import regex

from vbparse.extract.agencies.gazetteer import is_named_committee, load_gazetteer
from vbparse.extract.document.number import find_document_numbers
from vbparse.extract.tasks.fields import read_task_fields
from vbparse.extract.tasks.headings import (
    LEAD_IN_WORDS,
    described_group,
    directive_start,
    header_grammar,
    in_aims_part,
    in_enclosure_list,
    is_lead_in,
    is_opener,
    states_conditions,
    topic_end,
    words_besides,
)
from vbparse.extract.tasks.roles import Roles, find_roles, speaker_at
from vbparse.extract.time.deadlines import clause_deadline
from vbparse.models import Agency, Deadline, Span, Task
from vbparse.normalize.unwrap import is_capitals
from vbparse.pattern_time import time_left
from vbparse.segment.clause_tree import Clause, ClauseTree
from vbparse.segment.lines import quotes_another


@dataclass
class TaskContext:
    """What the task extractor needs to know about the document around the clauses."""

    task_id_prefix: str
    doc_date: dt.date | None = None
    province: str | None = None
    # The issuing body (canonical name): "Văn phòng Bộ" in a ministry's text is its office.
    issuer: str | None = None
    addressees: list[Agency] = field(default_factory=list)


@dataclass
class _Resolved:
    roles: Roles
    lead: list[Agency]
    deadline: Deadline | None


def find_tasks(tree: ClauseTree, text: str, context: TaskContext) -> Iterator[Task]:
    """Tasks of the body, in document order: directive paragraphs before the first item,
    then the items."""
    # "… đề nghị các Sở báo cáo … với các vấn đề sau:" above the items: the request is the
    # task, the items are the report's contents.
    contents = _asks_for_contents(tree, text)
    # "Giao Bộ X thực hiện các nội dung sau:" above the items: they are Bộ X's.
    heading = None if contents else _preamble_heading(tree, text, context)
    # Under the issuer's guidance ("… hướng dẫn … như sau:") the items state rules: one that
    # names no one is nobody's task.
    addressees = [] if _guides(tree, text) else context.addressees
    paragraph_tasks = list(_paragraph_tasks(tree, text, context, heading is not None))
    yield from paragraph_tasks
    resolved: dict[int, _Resolved] = {}
    skipped: set[int] = set()
    if contents:
        skipped.update(id(c) for root in tree.roots for c in root.walk())
    # The preamble ends with a request of its own ("… báo cáo … theo biểu mẫu đính kèm."): the
    # items after it that name no one may only state its conditions.
    request = paragraph_tasks[-1] if tree.paragraphs and tree.paragraphs[-1].id else None
    for clause in tree.walk():
        if id(clause) in skipped:
            continue
        own = text[clause.text_start : clause.own_end]
        if header_grammar("content_lead_ins").search(own) and clause.children:
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
        bullet_ids = {id(bullet) for bullet in fields.bullets}
        has_items = any(id(child) not in bullet_ids for child in clause.children)
        # A heading naming a described group ("11. Các đơn vị cấp nước sạch trên địa bàn
        # thành phố có trách nhiệm") only says whose the items below are.
        described = (has_items or bool(fields.bullets)) and described_group(
            own, clause.text_start, roles
        )
        if described:
            roles.lead = described
        parent = resolved.get(id(clause.parent)) if clause.parent else heading
        if parent is not None:
            roles.lead = _place_unnamed_committee(roles.lead, parent.lead)
        lead = roles.lead or (
            parent.lead if parent else _addressees_besides(addressees, roles.support)
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
        if deadline is None or (deadline.date is None and inherited and inherited.date):
            deadline = inherited or deadline
        resolved[id(clause)] = _Resolved(
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
            _take_due_date(request, own_deadline)
            continue
        if not described and _is_task(clause, text, roles, lead, own_deadline, has_items, skip):
            task = _task(clause, own, roles, lead, deadline, context)
            task.product = fields.product
            yield task
    yield from _closing_paragraph_tasks(tree, text, context, len(paragraph_tasks))


# Where a paragraph ends inside an item's own text: a line break after a sentence's end (a
# fixed-width copy breaks lines inside sentences too).
_PARAGRAPH_END = regex.compile(r"(?<=[.;:!?]\s*)\n")


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


def _paragraph_tasks(
    tree: ClauseTree, text: str, context: TaskContext, last_heads_items: bool
) -> Iterator[Task]:
    """Unlabelled paragraphs that direct a body on their own, numbered ``p1``, ``p2``, ….

    A paragraph directs when it names its lead after a trigger ("Giao Bộ Ngoại giao …",
    "Phó Thủ tướng … yêu cầu Bộ X …") or opens with it as the subject ("Bộ Y tế tăng cường
    …"); a body named as the subject of a later sentence of an assessment ("… còn nhiều bất
    cập. Bộ X lưu ý …") is not enough. After a lead-in ("… có ý kiến như sau:") a paragraph
    that names no one and opens no approval or assessment speaks to the addressees
    ("Khẩn trương rà soát …" under "Kính gửi: Bộ Y tế"). Lines in capitals are headings, and
    so is the last paragraph when it introduces the items (``last_heads_items``)."""
    paragraphs = [p for p in tree.paragraphs if not is_capitals(text[p.text_start : p.own_end])]
    if last_heads_items and paragraphs and paragraphs[-1] is tree.paragraphs[-1]:
        paragraphs.pop()
    lead_ins = [
        i
        for i, p in enumerate(paragraphs)
        if header_grammar("lead_in_endings").search(text[p.text_start : p.own_end])
        and not header_grammar("content_lead_ins").search(text[p.text_start : p.own_end])
    ]
    count = 0
    last: Task | None = None
    for i, para in enumerate(paragraphs):
        # What stands before the lead-in ("… có ý kiến như sau:") is its context: the press
        # report, the proposal, the issuer's receipt of a letter.
        if (lead_ins and i <= lead_ins[0]) or i in lead_ins:
            continue
        introduced = bool(lead_ins)
        own = text[para.text_start : para.own_end]
        if quotes_another(own):
            continue  # a passage quoted from another document: its requests are not ours
        if last is not None and states_conditions(own):
            _take_due_date(
                last, clause_deadline(own, offset=para.text_start, doc_date=context.doc_date)
            )
            continue
        roles = _unit_roles(own, para.text_start, context)
        # "Bộ X có báo cáo …; Phó Thủ tướng Y yêu cầu Bộ Z …": what precedes the speaker is
        # context, its bodies lead nothing.
        if (speaker := speaker_at(own)) is not None:
            roles.lead = [
                a for a in roles.lead if a.span is None or a.span.start >= para.text_start + speaker
            ]
            roles.lead_opens = roles.lead_opens and speaker == 0
        if roles.lead_triggered or (roles.lead_opens and not is_opener(own)):
            lead = roles.lead
        elif introduced and not roles.lead and not is_opener(own):
            lead = _addressees_besides(context.addressees, roles.support)
        else:
            continue
        if not lead:
            continue
        deadline = clause_deadline(own, offset=para.text_start, doc_date=context.doc_date)
        if deadline is None and i + 1 < len(paragraphs):
            deadline = _deadline_after(paragraphs[i + 1], text, context)
        count += 1
        para.id = f"p{count}"
        last = _task(para, own, roles, lead, deadline, context)
        yield last


def _take_due_date(task: Task, deadline: Deadline | None) -> None:
    """A request's due date set by the condition after it ("Thời hạn gửi báo cáo trước ngày
    28/02/2010."), when the request names none itself."""
    if task.deadline is None and deadline is not None and deadline.relation == "by":
        task.deadline = deadline


def _asks_for_contents(tree: ClauseTree, text: str) -> bool:
    """Whether the preamble's last paragraph asks for a report of the items' contents."""
    if not tree.paragraphs or not tree.roots:
        return False
    last = tree.paragraphs[-1]
    return bool(header_grammar("content_lead_ins").search(text[last.text_start : last.own_end]))


def _deadline_after(para: Clause, text: str, context: TaskContext) -> Deadline | None:
    """The due date a paragraph that directs no one of its own sets for the directive before
    it ("Thời gian gửi báo cáo trước ngày 20 tháng 3 năm 2009.", công văn 1479/VPCP-KTTH)."""
    own = text[para.text_start : para.own_end]
    roles = _unit_roles(own, para.text_start, context)
    if roles.lead_triggered or (roles.lead_opens and roles.lead and not is_opener(own)):
        return None
    deadline = clause_deadline(own, offset=para.text_start, doc_date=context.doc_date)
    return deadline if deadline is not None and deadline.relation == "by" else None


# A group that names the provincial committees in general ("Ủy ban nhân dân các tỉnh, thành
# phố"): in a text addressed to named provinces it means those.
_PROVINCES_GROUP = ("group-uy-ban-nhan-dan-cac-tinh",)


def place_addressed_provinces(tasks: list[Task], addressees: list[Agency]) -> list[Task]:
    """In a text addressed to named provinces ("Chủ tịch Ủy ban nhân dân các tỉnh, thành
    phố: Hà Tĩnh, Quảng Trị, Huế"), "Ủy ban nhân dân các tỉnh, thành phố" in a task is those
    provinces' committees, each named."""
    named = [a for a in addressees if is_named_committee(a)]
    if len(named) < 2:
        return tasks
    for task in tasks:
        for role in ("lead", "support"):
            agencies = getattr(task, role)
            if any(_is_provinces_group(a) for a in agencies):
                placed: list[Agency] = []
                for agency in agencies:
                    for one in named if _is_provinces_group(agency) else [agency]:
                        if one.id not in {p.id for p in placed}:
                            placed.append(one)
                setattr(task, role, placed)
    return tasks


def _is_provinces_group(agency: Agency) -> bool:
    return agency.kind == "group" and (agency.id or "").startswith(_PROVINCES_GROUP)


def _closing_paragraph_tasks(
    tree: ClauseTree, text: str, context: TaskContext, numbered: int
) -> Iterator[Task]:
    """Paragraphs after the last item that direct on their own ("Yêu cầu Thủ trưởng các cơ
    quan … nghiêm túc triển khai"), numbered on from the preamble's: a named lead is needed
    (after a trigger, or opening the paragraph), the issuer speaking of itself is none."""
    count = numbered
    for para in tree.closing_paragraphs:
        own = text[para.text_start : para.own_end]
        roles = _unit_roles(own, para.text_start, context)
        if not roles.lead or not (roles.lead_triggered or roles.lead_opens) or is_opener(own):
            continue
        deadline = clause_deadline(own, offset=para.text_start, doc_date=context.doc_date)
        count += 1
        para.id = f"p{count}"
        yield _task(para, own, roles, roles.lead, deadline, context)


def _preamble_heading(tree: ClauseTree, text: str, context: TaskContext) -> _Resolved | None:
    """The roles and deadline of the preamble's last paragraph when it introduces the items
    and names who does them ("Giao Bộ Y tế chủ trì, phối hợp với Bộ Tài chính:", "Ủy ban nhân
    dân tỉnh yêu cầu các sở thực hiện các nội dung sau:")."""
    if not tree.paragraphs or not tree.roots:
        return None
    last = tree.paragraphs[-1]
    own = text[last.text_start : last.own_end]
    announced = bool(header_grammar("lead_in_endings").search(own))
    if not announced and not own.rstrip().endswith(":"):
        return None
    # "Ủy ban nhân dân tỉnh ban hành Kế hoạch … như sau:" introduces, it assigns nothing.
    roles = _unit_roles(own, last.text_start, context)
    if not roles.lead or (not roles.lead_triggered and not roles.lead_opens):
        return None
    # A bare colon ends a lead-in only when the line is little more than its bodies ("Giao Bộ
    # Y tế chủ trì, phối hợp với Bộ Kế hoạch và Đầu tư, Bộ Tài chính:").
    if not announced and words_besides(own, last.text_start, roles) > LEAD_IN_WORDS:
        return None
    # Its dates are the situation's ("mưa lớn từ ngày 14/11"), not the items' due dates.
    return _Resolved(roles=roles, lead=roles.lead, deadline=None)


def _guides(tree: ClauseTree, text: str) -> bool:
    """Whether the preamble's last paragraph introduces the items as the issuer's guidance."""
    if not tree.paragraphs or not tree.roots:
        return False
    last = tree.paragraphs[-1]
    return bool(header_grammar("guidance_lead_ins").search(text[last.text_start : last.own_end]))


def _unit_roles(own: str, offset: int, context: TaskContext) -> Roles:
    """The roles of an unlabelled paragraph; the issuer speaking of itself ("Ủy ban nhân dân
    Thành phố nhận được …") leads nothing."""
    roles = find_roles(own, offset=offset, province=context.province, issuer=context.issuer)
    roles.lead = [a for a in roles.lead if context.issuer is None or a.name != context.issuer]
    return roles


def _addressees_besides(addressees: list[Agency], support: list[Agency]) -> list[Agency]:
    """The addressees an unnamed directive speaks to, less those it names as support
    ("Kính gửi: Bộ Lao động …; Bộ Tư pháp" / "… phối hợp với Bộ Tư pháp …")."""
    named = {a.id or a.name for a in support}
    return [a for a in addressees if (a.id or a.name) not in named]


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
        or in_aims_part(clause, text)
    ):
        return False
    if has_items and not header_grammar("content_lead_ins").search(own):
        return bool(roles.lead) and not is_lead_in(own, clause.text_start, roles, deadline, skip)
    return bool(lead)


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


def _task(
    clause: Clause,
    own: str,
    roles: Roles,
    lead: list[Agency],
    deadline: Deadline | None,
    context: TaskContext,
) -> Task:
    # The text keeps a heading line that names no one ("1. Đối với việc hợp nhất các Hội
    # công chứng viên" / "Căn cứ …, Ủy ban nhân dân tỉnh chỉ đạo …", công văn 3917/BTP-BTTP):
    # it says what the directive is about (directive_start only keeps it out of the roles).
    references: list[str] = []
    for number, _, _ in find_document_numbers(own):
        if number not in references:
            references.append(number)
    return Task(
        id=clause.id,
        task_id=f"{context.task_id_prefix}#{clause.id}",
        text=own.strip(),
        lead=lead,
        support=roles.support,
        report_to=roles.report_to,
        deadline=deadline,
        references=references,
        span=Span(start=clause.text_start, end=clause.own_end),
    )
