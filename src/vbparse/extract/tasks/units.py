"""What every kind of directive unit (item, paragraph, table row) shares on its way to a
task: the document context, the roles of an unlabelled unit, the addressees it speaks to when
it names no one, and the ``Task`` record itself."""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass, field

import regex

from vbparse.extract.agencies.addressees import addressed_by_head
from vbparse.extract.agencies.keys import same_body, same_name
from vbparse.extract.agencies.matcher import find_agencies
from vbparse.extract.document.number import find_document_numbers
from vbparse.extract.tasks.headings import header_grammar
from vbparse.extract.tasks.roles import Roles, find_roles, unique_agencies
from vbparse.grammars import load_yaml
from vbparse.models import Agency, Deadline, Span, Task
from vbparse.segment.clause_tree import Clause

__all__ = [
    "ADDRESSED_TYPES",
    "Resolved",
    "TaskContext",
    "addressees_besides",
    "issuer_accounts",
    "make_task",
    "names_only",
    "unit_roles",
]


# The types addressed to their bodies, whose closing request to carry them out is the closing
# formula: a công văn, and a công điện ("… thực hiện ngay Công điện này", real b94)
ADDRESSED_TYPES = frozenset({"CV", "CĐ"})


@dataclass
class TaskContext:
    """What the task extractor needs to know about the document around the clauses."""

    task_id_prefix: str
    doc_date: dt.date | None = None
    province: str | None = None
    # The issuing body (canonical name): "Văn phòng Bộ" in a ministry's text is its office.
    issuer: str | None = None
    addressees: list[Agency] = field(default_factory=list)
    # A công văn or a công điện (``ADDRESSED_TYPES``): its closing request to implement it is
    # the closing formula, where a chỉ thị's or a kế hoạch's ("Yêu cầu các sở … nghiêm túc
    # triển khai thực hiện") is a task (real golds)
    letter: bool = False
    # The trích yếu says the letter guides ("V/v hướng dẫn công tác phòng chống dịch đối với lao
    # động ngoài tỉnh …", công văn 4665/SYT-NV Vĩnh Long, real b133): its items state rules
    guidance: bool = False


@dataclass
class Resolved:
    roles: Roles
    lead: list[Agency]
    deadline: Deadline | None


def unit_roles(own: str, offset: int, context: TaskContext) -> Roles:
    """The roles of an unlabelled paragraph; the issuer speaking of itself ("Ủy ban nhân dân
    Thành phố nhận được …") leads nothing, nor do the bodies of a sentence that only says whom
    to contact; a file the issuer passes on is the receivers' to act on."""
    said = _without_contacts(own)
    roles = find_roles(said, offset=offset, province=context.province, issuer=context.issuer)
    roles.lead = [a for a in roles.lead if not same_body(a.name, context.issuer)]
    if not roles.lead and (
        receivers := _forwarded_to(said, offset, context) or _guided(said, offset, context)
    ):
        roles.lead, roles.lead_triggered = receivers, True
    if not roles.lead and (addressed := addressed_by_head(own, offset, context.addressees)):
        # "Đề nghị Công ty căn cứ …" under "Kính gửi: Công ty TNHH …": the addressee
        roles.lead, roles.lead_triggered = addressed, True
    return roles


def _without_contacts(own: str) -> str:
    """``own`` with its contact sentences blanked (``contact_sentences``), offsets kept."""
    for m in header_grammar("contact_sentences").finditer(own):
        own = own[: m.start()] + " " * (m.end() - m.start()) + own[m.end() :]
    return own


@functools.cache
def _section_patterns(section: str) -> dict[str, regex.Pattern[str]]:
    """A mapping of ``header.yaml`` (``forwarding``, ``guiding``), each pattern compiled."""
    return {k: regex.compile(v, regex.I) for k, v in load_yaml("header.yaml")[section].items()}


def _forwarding() -> dict[str, regex.Pattern[str]]:
    return _section_patterns("forwarding")


def _forwarded_to(own: str, offset: int, context: TaskContext) -> list[Agency]:
    """The bodies the issuer, opening the paragraph, passes a file on to for them to act on
    (``forwarding``), or none."""
    # Without an issuer, or without a purpose anywhere in the paragraph (searched below from
    # the verb on), nothing is passed on: the scan is skipped (issue 15, speed; most
    # paragraphs have no "để triển khai …").
    if context.issuer is None or not (
        _forwarding()["purpose"].search(own) or _forwarding()["receivers"].search(own)
    ):
        return []
    found = list(
        find_agencies(own, offset=offset, province=context.province, issuer=context.issuer)
    )
    first = found[0] if found else None
    if first is None or first.span is None or not same_name(first.name, context.issuer):
        return []
    at = first.span.end - offset
    if own[: first.span.start - offset].strip():
        return []
    informs = _forwarding()["informs"].match(own, at)
    receivers = _receivers_after_purpose(own, offset, informs.end(), found[1:]) if informs else []
    if receivers:
        return receivers
    if not (verb := _forwarding()["verb"].match(own, at)):
        return []
    purpose = _forwarding()["purpose"].search(own, verb.end())
    to = _forwarding()["to"].search(own, verb.end(), purpose.start() if purpose else 0)
    if purpose is None or to is None:
        return []
    return [
        a
        for a in found[1:]
        if a.span is not None and to.end() <= a.span.start - offset < purpose.start()
    ]


def _guiding() -> dict[str, regex.Pattern[str]]:
    return _section_patterns("guiding")


def _guided(own: str, offset: int, context: TaskContext) -> list[Agency]:
    """The bodies the issuer guides to carry something out ("…, Phòng GD&ĐT hướng dẫn các
    đơn vị trực thuộc triển khai thực hiện …", ``guiding``), or none."""
    if context.issuer is None or not _guiding()["verb"].search(own):
        return []
    found = list(
        find_agencies(own, offset=offset, province=context.province, issuer=context.issuer)
    )
    for k, agency in enumerate(found):
        if agency.span is None or not same_body(agency.name, context.issuer):
            continue
        verb = _guiding()["verb"].match(own, agency.span.end - offset)
        if verb is None:
            continue
        guided, at = _bodies_in_a_row(own, offset, verb.end(), found[k + 1 :])
        if guided and _guiding()["acts"].match(own, at):
            return guided
    return []


def _bodies_in_a_row(
    own: str, offset: int, at: int, found: list[Agency]
) -> tuple[list[Agency], int]:
    """The bodies named one after another from ``at`` on, joined by commas or "và", and
    where the last of them ends."""
    run: list[Agency] = []
    for agency in found:
        if agency.span is None or agency.span.start - offset < at:
            continue
        if own[at : agency.span.start - offset].strip(" \n,;") not in ("", "và"):
            break
        run.append(agency)
        at = agency.span.end - offset
    return run, at


def _receivers_after_purpose(own: str, offset: int, at: int, found: list[Agency]) -> list[Agency]:
    """The bodies named right after the first "để" from ``at`` on, when what the sentence
    asks of them is more than the closing formula's "biết, thực hiện" (``forwarding``)."""
    sentence_end = own.find(".", at)
    end = len(own) if sentence_end < 0 else sentence_end
    purpose = _forwarding()["receivers"].search(own, at, end)
    if purpose is None:
        return []
    receivers, next_at = _bodies_in_a_row(own, offset, purpose.end(), found)
    # (nothing after them: the paragraph was cut before its closing line's "biết, thực hiện")
    if not receivers or not own[next_at:].strip() or _forwarding()["formula"].match(own, next_at):
        return []
    return receivers


def issuer_accounts(own: str, context: TaskContext) -> bool:
    """Whether an unlabelled paragraph is the issuer's account of itself: the issuer named,
    then what it did or holds ("Qua rà soát, Sở Tài chính thống nhất …", ``issuer_states``)."""
    if context.issuer is None:
        return False
    return any(
        same_name(a.name, context.issuer)
        and a.span is not None
        and header_grammar("issuer_states").match(own, a.span.end) is not None
        for a in find_agencies(own, province=context.province, issuer=context.issuer)
    )


def addressees_besides(addressees: list[Agency], support: list[Agency]) -> list[Agency]:
    """The addressees an unnamed directive speaks to, less those it names as support
    ("Kính gửi: Bộ Lao động …; Bộ Tư pháp" / "… phối hợp với Bộ Tư pháp …")."""
    named = {a.id or a.name for a in support}
    return [a for a in addressees if (a.id or a.name) not in named]


def make_task(
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
        lead=as_addressees(lead, context.addressees),
        support=as_addressees(roles.support, context.addressees),
        report_to=roles.report_to,
        deadline=deadline,
        references=references,
        span=Span(start=clause.text_start, end=clause.own_end),
    )


def as_addressees(agencies: list[Agency], addressees: list[Agency]) -> list[Agency]:
    """``agencies``, a body named short for the one addressee whose name it begins ("Cục Hải
    quan" in a letter to "Cục Hải quan tỉnh Đồng Nai", công văn 51/GSQL-TH as luatminhkhue.vn
    holds it, real b129) read as that addressee."""
    return unique_agencies([_as_addressee(a, addressees) for a in agencies])


def _as_addressee(agency: Agency, addressees: list[Agency]) -> Agency:
    longer = [a for a in addressees if a.name.startswith(agency.name + " ")]
    if len(longer) != 1 or agency.kind == "group":
        return agency
    return longer[0].model_copy(update={"text": agency.text, "span": agency.span})


def names_only(
    written: str,
    offset: int,
    bodies: list[Agency],
    filler: regex.Pattern[str],
    *,
    overlaps_allowed: bool,
) -> bool:
    """Whether ``written`` (at ``offset``) holds nothing but the ``bodies`` it names, with
    only ``filler`` before, between and after them; a body whose span starts inside the one
    before is passed over where ``overlaps_allowed``, else ends the check (False)."""
    at = 0
    named = sorted((a.span.start - offset, a.span.end - offset) for a in bodies if a.span)
    if not named:
        return False
    for start, end in named:
        if start < at:
            if overlaps_allowed:
                continue
            return False
        if not filler.fullmatch(written[at:start]):
            return False
        at = end
    return bool(filler.fullmatch(written[at:]))
