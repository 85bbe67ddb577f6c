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

The cells' agencies are read in :mod:`vbparse.extract.tasks.cell_agencies`, the rows' status in
:mod:`vbparse.extract.tasks.row_status`.

Fills: ``Task.id``, ``task_id``, ``text``, ``span`` (the task cell), ``lead``, ``support``,
``deadline``, ``references``, ``source_ref``, ``pending``, ``status``, ``product``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable, Iterator

import regex

from vbparse.extract.document.number import find_document_numbers
from vbparse.extract.tasks.assembly import TaskContext, find_tasks
from vbparse.extract.tasks.cell_agencies import (
    cell_agencies,
    cell_pieces,
    leading_agencies,
    support_in_text,
)
from vbparse.extract.tasks.headings import opens_with
from vbparse.extract.tasks.row_status import (
    DONE,
    STATUS_COLUMNS,
    cell_statuses,
    status_of_row,
    status_of_title,
)
from vbparse.extract.time.deadlines import parse_deadline
from vbparse.models import Agency, Task
from vbparse.segment.appendix import Appendix, find_appendices
from vbparse.segment.tables import Cell, Row, Table


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
        title_status = status_of_title(appendix.title) if appendix.kind == "appendix" else None
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
        guide = opens_with("guide_titles", attachment.title)
        read_as = dataclasses.replace(context, addressees=[]) if guide else context
        tasks = list(find_tasks(attachment.tree, text, read_as))
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


_HEADER_YEAR = regex.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")


def _column_year(table: Table) -> dt.date | None:
    """The year the deadline column's header gives its days ("Thời gian (Năm 2026)": cells
    "ngày 23 tháng 1" are in 2026, kế hoạch tuyên truyền CCHC of UBND tỉnh Lâm Đồng), as the
    first day of that year to read them from; None when the header gives none."""
    index = table.column("deadline")
    if index is None or index >= len(table.header):
        return None
    years = _HEADER_YEAR.findall(table.header[index].text)
    return dt.date(int(years[0]), 1, 1) if len(years) == 1 else None


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

    lead = cell_agencies(table.cell(row, "lead"), province=province, issuer=issuer)
    if not lead:
        lead = leading_agencies(task_cell, province=province, issuer=issuer)
    support_cell = table.cell(row, "support")
    if support_cell is not None:
        support = cell_agencies(support_cell, province=province, issuer=issuer)
    else:
        support = support_in_text(task_cell, province=province, issuer=issuer)

    deadline = None
    deadline_cell = table.cell(row, "deadline")
    if deadline_cell is not None and not deadline_cell.empty:
        deadline = parse_deadline(deadline_cell.text, doc_date=_column_year(table) or doc_date)
        if deadline is not None and deadline.span is not None and not deadline_cell.parts:
            deadline = deadline.model_copy(
                update={"span": deadline.span.shift(deadline_cell.span.start)}
            )

    statuses = cell_statuses(
        cell for m in STATUS_COLUMNS if (cell := table.cell(row, m)) is not None
    )
    status = status_of_row(statuses, title_status)

    pending: list[Agency] = []
    pending_cell = table.cell(row, "pending")
    if pending_cell is not None and not pending_cell.empty:
        if cell_statuses([pending_cell]):
            # The cell reports progress instead of naming units: what is not done is
            # the lead's, unless the row says it is all done.
            pending = [] if status == DONE else list(lead)
        else:
            pending = cell_agencies(
                pending_cell, province=province, issuer=issuer, bare_provinces=True
            )

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


def _references(cells: Iterable[Cell], doc_number: str | None) -> list[str]:
    """The numbers the cells cite, each once, the document's own left out: only the number
    of each reference is kept, so the numbers are read without building a ``Reference``
    (its parts and date) for each."""
    out: list[str] = []
    for cell in cells:
        if cell.empty:
            continue
        for piece, _ in cell_pieces(cell):
            for number, _, _ in find_document_numbers(piece):
                if number != doc_number and number not in out:
                    out.append(number)
    return out
