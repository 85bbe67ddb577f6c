"""Task records from appendix tables (phụ lục danh mục nhiệm vụ), body task tables and the
clauses of attached documents (văn bản ban hành kèm theo).

Each table row is one task. Its cells are read by column meaning (see
``vbparse.segment.tables``): the task cell gives ``text``; the assigning-document cell
(văn bản giao nhiệm vụ) gives ``source_ref``; the lead, support and pending (đơn vị chưa
hoàn thành) cells give agencies through the agencies extractor; the deadline cell goes
through ``parse_deadline``; the appendix title and the row's status-bearing cells give
``status`` (``grammars/appendix/status.yaml``).

The clauses of an attached document are tasks as a body's are (``vbparse.extract.tasks.assembly``);
only their ids are decided here, so that they never collide with the main body's.

Fills: ``Task.id``, ``task_id``, ``text``, ``span`` (the task cell), ``lead``, ``support``,
``deadline``, ``references``, ``source_ref``, ``pending``, ``status``, ``product``.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import regex
from pydantic import BaseModel

from vbparse.extract.agencies.matcher import find_agencies
from vbparse.extract.document.references import find_references
from vbparse.extract.tasks.assembly import TaskContext, find_tasks
from vbparse.extract.time.deadlines import parse_deadline
from vbparse.grammars import GrammarError, load_yaml, validate_rows
from vbparse.models import Agency, Span, Task
from vbparse.segment.appendix import Appendix, find_appendices
from vbparse.segment.tables import Cell, Meaning, Row, Table

STATUS_GRAMMAR = "appendix/status.yaml"
ROLES_GRAMMAR = "appendix/roles.yaml"

# Columns whose words may say how far a row has got (never the task text itself).
_STATUS_COLUMNS: tuple[Meaning, ...] = ("pending", "status", "progress", "note")
_DONE = "done"  # the status id (status.yaml) of a row that is wholly done


def find_appendix_tasks(
    text: str,
    *,
    doc_number: str | None,
    doc_date: dt.date | None,
    task_id_prefix: str,
    province: str | None = None,
    appendices: list[Appendix] | None = None,
    body_tables: Iterable[Table] = (),
    issuer: str | None = None,
) -> Iterator[Task]:
    """One task per row of every task table of the document, in order: the body's
    (``body_tables``, from ``vbparse.segment.task_tables.segment_region``), then those of
    each appendix or attached document.

    Ids are "PL.<n>" with n the row's TT; when a later table numbers its rows from 1 again,
    its rows become "PL<k>.<n>", k being its ordinal among the document's tables.
    ``doc_number`` (the document's own number) is left out of ``references``;
    ``doc_date`` completes deadlines without a year; ``province`` resolves "Ủy ban nhân dân
    tỉnh" in a provincial document and ``issuer`` (the document's issuer, canonical) "Văn
    phòng Bộ" in a ministry's. ``appendices``: those the segmenter already found in
    ``text``, so that they are not looked for twice. An appendix title's status ("… QUÁ
    HẠN") applies to its rows; an attached document's title names a plan, not a status.
    """
    sources: list[tuple[Table, str | None]] = [(table, None) for table in body_tables]
    for appendix in find_appendices(text) if appendices is None else appendices:
        title_status = _title_status(appendix.title) if appendix.kind == "appendix" else None
        sources.extend((table, title_status) for table in appendix.tables)
    used: set[str] = set()
    for ordinal, (table, title_status) in enumerate(sources, start=1):
        keys = {row.key for row in table.rows}
        prefix = "PL" if not (keys & used) else f"PL{ordinal}"
        used |= keys
        yield from find_table_tasks(
            table,
            id_prefix=prefix,
            doc_number=doc_number,
            doc_date=doc_date,
            task_id_prefix=task_id_prefix,
            province=province,
            title_status=title_status,
            issuer=issuer,
        )


def find_attachment_tasks(
    appendices: Iterable[Appendix],
    text: str,
    context: TaskContext,
    *,
    taken: Iterable[str] = (),
) -> Iterator[Task]:
    """Tasks of the clauses of each attached document (văn bản ban hành kèm theo: the Kế
    hoạch a Quyết định issues), read as a body is, with the document's ``context``.

    Ids are the clause ids, as in a body ("II.1.a"), when none of an attachment's ids is
    ``taken`` (the main body's) or used by an earlier attachment; otherwise every id of that
    attachment gets its type code in front ("QC.Điều 1"), and the code with the attachment's
    ordinal among the document's attachments ("QC2.Điều 1") if that is taken too. Appendices
    (no clause tree) yield nothing; their rows come from ``find_appendix_tasks``.
    """
    used = set(taken)
    attachments = [a for a in appendices if a.kind == "attachment" and a.tree is not None]
    for ordinal, attachment in enumerate(attachments, start=1):
        assert attachment.tree is not None
        tasks = list(find_tasks(attachment.tree, text, context))
        ids = [task.id for task in tasks]
        prefix = ""
        code = attachment.doc_type or "A"
        for candidate in ("", f"{code}.", f"{code}{ordinal}."):
            prefix = candidate
            if not {f"{candidate}{i}" for i in ids} & used:
                break
        for task in tasks:
            if prefix:
                task_id = f"{prefix}{task.id}"
                task = task.model_copy(
                    update={"id": task_id, "task_id": f"{context.task_id_prefix}#{task_id}"}
                )
            used.add(task.id)
            yield task


def find_table_tasks(
    table: Table,
    *,
    id_prefix: str,
    doc_number: str | None,
    doc_date: dt.date | None,
    task_id_prefix: str,
    province: str | None = None,
    title_status: str | None = None,
    issuer: str | None = None,
) -> Iterator[Task]:
    """One task per row of one task table (from ``find_task_tables`` on a body region, or
    an appendix): id ``<id_prefix>.<TT>``, or ``<id_prefix>.<group>.<TT>`` when each group
    row (I, II) numbers its rows from 1 again; ``title_status`` applies to rows that say
    nothing of their own status."""
    keys = [row.key for row in table.rows]
    by_group = len(set(keys)) < len(keys)  # numbering restarts in each group (I: 1, 2; II: 1)
    for row in table.rows:
        key = f"{row.group_label}.{row.key}" if by_group and row.group_label else row.key
        task = _row_task(
            table,
            row,
            task_id=f"{id_prefix}.{key}",
            doc_number=doc_number,
            doc_date=doc_date,
            task_id_prefix=task_id_prefix,
            province=province,
            title_status=title_status,
            issuer=issuer,
        )
        if task is not None:
            yield task


def _row_task(
    table: Table,
    row: Row,
    *,
    task_id: str,
    doc_number: str | None,
    doc_date: dt.date | None,
    task_id_prefix: str,
    province: str | None,
    title_status: str | None,
    issuer: str | None,
) -> Task | None:
    task_cell = table.cell(row, "task")
    if task_cell is None or task_cell.empty:
        return None

    lead = _agencies(table.cell(row, "lead"), province=province, issuer=issuer)
    if not lead:
        lead = _leading_agencies(task_cell, province=province, issuer=issuer)
    support_cell = table.cell(row, "support")
    if support_cell is not None:
        support = _agencies(support_cell, province=province, issuer=issuer)
    else:
        support = _support_in_text(task_cell, province=province, issuer=issuer)

    deadline = None
    deadline_cell = table.cell(row, "deadline")
    if deadline_cell is not None and not deadline_cell.empty:
        deadline = parse_deadline(deadline_cell.text, doc_date=doc_date)
        if deadline is not None and deadline.span is not None and not deadline_cell.parts:
            deadline = deadline.model_copy(
                update={"span": deadline.span.shift(deadline_cell.span.start)}
            )

    statuses = _cell_statuses(
        cell for m in _STATUS_COLUMNS if (cell := table.cell(row, m)) is not None
    )
    status = _row_status(statuses, title_status)

    pending: list[Agency] = []
    pending_cell = table.cell(row, "pending")
    if pending_cell is not None and not pending_cell.empty:
        if _cell_statuses([pending_cell]):
            # The cell reports progress instead of naming units: what is not done is
            # the lead's, unless the row says it is all done.
            pending = [] if status == _DONE else list(lead)
        else:
            pending = _agencies(pending_cell, province=province, issuer=issuer, bare_provinces=True)

    source_ref = None
    source_cell = table.cell(row, "source_ref")
    if source_cell is not None and not source_cell.empty:
        refs = _references([source_cell], doc_number)
        source_ref = refs[0] if refs else None

    product_cell = table.cell(row, "product")
    product = None
    if product_cell is not None and not product_cell.empty:
        product = " ".join(product_cell.text.split())

    return Task(
        id=task_id,
        task_id=f"{task_id_prefix}#{task_id}",
        text=task_cell.text,
        span=task_cell.span,
        lead=lead,
        support=support,
        deadline=deadline,
        references=_references(row.cells, doc_number),
        source_ref=source_ref,
        pending=pending,
        status=status,
        product=product,
    )


# --------------------------------------------------------------------------- agencies


def _pieces(cell: Cell) -> list[tuple[str, int]]:
    """(text, absolute start) of each piece of a cell (one, or several for a cell that a
    pipe table continued on later rows)."""
    if not cell.parts:
        return [(cell.text, cell.span.start)]
    return list(zip(cell.text.split("\n"), (p.start for p in cell.parts), strict=True))


def _agencies(
    cell: Cell | None,
    *,
    province: str | None,
    issuer: str | None = None,
    bare_provinces: bool = False,
) -> list[Agency]:
    if cell is None or cell.empty:
        return []
    found: list[Agency] = []
    for piece, start in _pieces(cell):
        agencies = find_agencies(
            piece, offset=start, bare_provinces=bare_provinces, province=province, issuer=issuer
        )
        found.extend(_whole_items(piece, start, list(agencies)))
    return _unique(found)


# An agency cell lists names one per line or separated by ";" (commas may sit inside a name:
# "Cục Cảnh sát phòng cháy, chữa cháy và cứu nạn, cứu hộ").
_CELL_ITEM = regex.compile(r"[^;\n]+")
# What may follow a name the gazetteer cut short, up to the end of its item: more words of
# the name (", chữa cháy và cứu nạn, cứu hộ", " thuộc Bộ"), no brackets, digits or clauses.
_NAME_REST = regex.compile(r"(?:,\s*|\s+)\p{Ll}[\p{L}\s,\-–—]{0,80}?\s*[.]?")
_NAME_REST_WORDS = 12


def _whole_items(piece: str, start: int, agencies: list[Agency]) -> list[Agency]:
    """Agencies of one cell piece, each one the gazetteer knows only in part (a body it
    lacks, a generic group) stretched over the rest of its item when that rest names no
    other agency: a cell of an agency column names agencies and nothing else."""
    out: list[Agency] = []
    for item in _CELL_ITEM.finditer(piece):
        inside = [
            a
            for a in agencies
            if a.span is not None and item.start() <= a.span.start - start < item.end()
        ]
        out.extend(inside)
        if not inside:
            continue
        last = inside[-1]
        assert last.span is not None
        rest = piece[last.span.end - start : item.end()].rstrip()
        if (
            (last.id is not None and last.kind != "group")
            or not rest
            or not _NAME_REST.fullmatch(rest)
            or len(rest.split()) > _NAME_REST_WORDS
        ):
            continue
        end = last.span.end + len(rest.rstrip(" ."))
        words = piece[last.span.start - start : end - start]
        out[-1] = Agency(
            name=f"{last.name}{rest.rstrip(' .')}" if last.kind == "group" else words,
            id=last.id,
            kind=last.kind,
            text=words,
            span=Span(start=last.span.start, end=end),
        )
    return out


def _unique(agencies: Iterable[Agency]) -> list[Agency]:
    seen: set[str] = set()
    out: list[Agency] = []
    for agency in agencies:
        if agency.name not in seen:
            seen.add(agency.name)
            out.append(agency)
    return out


def _leading_agencies(
    cell: Cell, *, province: str | None, issuer: str | None = None
) -> list[Agency]:
    """Agencies that open a task text as its subject ("Bộ Tư pháp, Bộ Y tế khẩn trương
    …", "Bộ Tài chính - …"): used only when the row has no lead cell."""
    text, start = _pieces(cell)[0]
    out: list[Agency] = []
    pos = 0
    for agency in find_agencies(text, offset=start, province=province, issuer=issuer):
        local = agency.span.start - start if agency.span else -1
        if not regex.fullmatch(_roles().joiners, text[pos:local]):
            break
        out.append(agency)
        pos = agency.span.end - start if agency.span else pos
    return _unique(out)


@dataclass(frozen=True)
class _Roles:
    support: regex.Pattern[str]
    joiners: str


class _RolePhrase(BaseModel):
    phrase: str
    examples: list[str] = []


class _RolesFile(BaseModel):
    support: list[_RolePhrase]
    joiners: str


@functools.cache
def _roles() -> _Roles:
    (data,) = validate_rows(ROLES_GRAMMAR, [load_yaml(ROLES_GRAMMAR)], _RolesFile)
    try:
        support = regex.compile("|".join(f"(?:{p.phrase})" for p in data.support), regex.IGNORECASE)
        regex.compile(data.joiners)
    except regex.error as exc:
        raise GrammarError(f"{ROLES_GRAMMAR}: bad pattern: {exc}") from exc
    return _Roles(support=support, joiners=data.joiners)


def _support_in_text(
    cell: Cell, *, province: str | None, issuer: str | None = None
) -> list[Agency]:
    """Agencies named right after "phối hợp với" in a task text."""
    out: list[Agency] = []
    for piece, start in _pieces(cell):
        agencies = list(find_agencies(piece, offset=start, province=province, issuer=issuer))
        for marker in _roles().support.finditer(piece):
            pos = marker.end()
            for agency in agencies:
                if agency.span is None or agency.span.start - start < pos:
                    continue
                gap = piece[pos : agency.span.start - start]
                if not regex.fullmatch(_roles().joiners, gap):
                    break
                out.append(agency)
                pos = agency.span.end - start
    return _unique(out)


# --------------------------------------------------------------------------- references


def _references(cells: Iterable[Cell], doc_number: str | None) -> list[str]:
    out: list[str] = []
    for cell in cells:
        if cell.empty:
            continue
        for piece, start in _pieces(cell):
            for reference in find_references(piece, offset=start, own_number=doc_number):
                if reference.number not in out:
                    out.append(reference.number)
    return out


# --------------------------------------------------------------------------- status


class _StatusPhrase(BaseModel):
    phrase: str
    status: str
    weak: bool = False


class _Combination(BaseModel):
    all_of: list[str]
    status: str


class _StatusFile(BaseModel):
    title: list[_StatusPhrase]
    cell: list[_StatusPhrase]
    combine: list[_Combination]


@dataclass(frozen=True)
class _StatusGrammar:
    title: regex.Pattern[str]
    title_status: dict[str, str]
    cell: regex.Pattern[str]
    cell_phrase: dict[str, _StatusPhrase]
    combine: tuple[_Combination, ...]


def _fold(text: str) -> str:
    return regex.sub(r"\s+", " ", text).strip().casefold()


def _alternation(phrases: Iterable[str], *, line_start: bool = False) -> regex.Pattern[str]:
    """Longest phrase first, whole words; with ``line_start`` only at the start of a line
    (maybe after a bullet) or right after "[", where a cell states a status rather than tells
    a story ("Đã hoàn thành", "[CHƯA HOÀN THÀNH]", not "… hoàn thành dự thảo")."""
    ordered = sorted({_fold(p) for p in phrases}, key=len, reverse=True)
    body = "|".join(regex.escape(p).replace(r"\ ", r"\s+") for p in ordered)
    if line_start:
        return regex.compile(
            rf"(?m)(?:^[\s\[(\-–—•*]*|\[\s*)\K(?:{body})(?![\p{{L}}\d])", regex.IGNORECASE
        )
    return regex.compile(rf"(?<![\p{{L}}\d])(?:{body})(?![\p{{L}}\d])", regex.IGNORECASE)


@functools.cache
def _status_grammar() -> _StatusGrammar:
    (data,) = validate_rows(STATUS_GRAMMAR, [load_yaml(STATUS_GRAMMAR)], _StatusFile)
    return _StatusGrammar(
        title=_alternation(p.phrase for p in data.title),
        title_status={_fold(p.phrase): p.status for p in data.title},
        cell=_alternation((p.phrase for p in data.cell), line_start=True),
        cell_phrase={_fold(p.phrase): p for p in data.cell},
        combine=tuple(data.combine),
    )


def _title_status(title: str | None) -> str | None:
    """Status the appendix title gives every row ("… QUÁ HẠN" → "overdue")."""
    if not title:
        return None
    grammar = _status_grammar()
    match = grammar.title.search(title)
    return None if match is None else grammar.title_status[_fold(match.group(0))]


def _cell_statuses(cells: Iterable[Cell]) -> list[_StatusPhrase]:
    grammar = _status_grammar()
    found: list[_StatusPhrase] = []
    for cell in cells:
        for match in grammar.cell.finditer(cell.text):
            phrase = grammar.cell_phrase[_fold(match.group(0))]
            if all(p.status != phrase.status for p in found):
                found.append(phrase)
    return found


def _row_status(found: list[_StatusPhrase], title_status: str | None) -> str | None:
    """A row's status: a combination its cells carry ("done" + "not done" → "partly
    done"), else its own strong status, else the title's, else its own weak one."""
    statuses = {p.status for p in found}
    for rule in _status_grammar().combine:
        if set(rule.all_of) <= statuses:
            return rule.status
    strong = [p.status for p in found if not p.weak]
    if strong:
        return strong[0]
    if title_status is not None:
        return title_status
    return found[0].status if found else None
