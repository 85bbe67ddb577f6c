"""What task assembly needs to know about the document around its clauses (``TaskContext``):
the issuer and its province, found from the header, the signature and the body in that
order, and whom the items that name no one speak to."""

from __future__ import annotations

from vbparse.extract.document import fields, issuer_lines
from vbparse.extract.document.header_checks import header_document_type
from vbparse.extract.tasks.speaker import guided_addressees
from vbparse.extract.tasks.units import ADDRESSED_TYPES, TaskContext
from vbparse.models import Agency, DocumentNumber
from vbparse.segment.clause_tree import ClauseTree
from vbparse.segment.closing import Closing
from vbparse.segment.header import Header

__all__ = ["task_context"]


def task_context(
    header: Header,
    closing: Closing,
    tree: ClauseTree,
    text: str,
    number: DocumentNumber | None,
    task_id_prefix: str,
) -> TaskContext:
    """The document's ``TaskContext``: its issuer (placed in its province), the province, the
    addressees, whether it is a letter and whether its trích yếu says it guides."""
    province = issuer_lines.issuer_province(header)
    issuer = issuer_lines.issuer(header, number, closing)
    if province is None and (province := fields.place_province(header, issuer)):
        issuer = issuer_lines.placed_issuer(issuer, province)
    province = (
        province
        or fields.addressed_province(header)
        or fields.subject_province(header)
        or fields.body_province(header, text)
    )
    issuer = issuer or fields.signing_committee(province, closing)
    return TaskContext(
        task_id_prefix=task_id_prefix,
        doc_date=header.date,
        province=province,
        issuer=issuer,
        addressees=_addressees(header, closing, tree, text, province, issuer),
        letter=header_document_type(header, number) in ADDRESSED_TYPES,
        guidance=fields.subject_guides(header),
    )


def _addressees(
    header: Header,
    closing: Closing,
    tree: ClauseTree,
    text: str,
    province: str | None,
    issuer: str | None,
) -> list[Agency]:
    """The Kính gửi's bodies; with none, those the issuer's lead-in guides ("Sở GDĐT hướng dẫn
    các Phòng GDĐT, … thực hiện … như sau:"); none for a text handed on "để … biết" only (an
    item that names no one is then no one's task)."""
    if closing.informs_only:
        return []
    return fields.addressees(header, province, issuer) or guided_addressees(
        ((text[p.text_start : p.own_end], p.text_start) for p in tree.paragraphs),
        issuer,
        province=province,
    )
