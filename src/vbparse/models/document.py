"""Document, Task and the records written as JSON Lines."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, Field

from vbparse.models.agency import Agency
from vbparse.models.deadline import Deadline
from vbparse.models.number import DocumentNumber, Reference
from vbparse.models.span import ParseWarning, Span

# Bump the minor version for added optional fields, the major one for anything that
# breaks a consumer (a renamed or removed field, a changed meaning).
SCHEMA_VERSION = "1.2"

SourceFormat = Literal["txt", "md", "html", "pdf", "docx", "image"]


class Source(BaseModel):
    """Where a document came from and how it was read."""

    path: str
    sha256: str
    format: SourceFormat
    pages: int | None = None
    ocr: bool = False
    ocr_confidence: float | None = Field(
        default=None, description="Mean Tesseract word confidence (0-100) when OCR was used."
    )


class Task(BaseModel):
    """One directive item (nhiệm vụ): who leads, who supports, what, by when."""

    id: str = Field(description='Path of item labels: "2.a", "3.(1).b", "2[1]", "PL.4".')
    task_id: str = Field(description='Document number (or file stem) + "#" + id.')
    text: str = Field(description="The clause's own words, after its label.")
    lead: list[Agency] = Field(default_factory=list, description="Chủ trì: told to act.")
    support: list[Agency] = Field(default_factory=list, description="Phối hợp.")
    report_to: list[Agency] = Field(default_factory=list, description="Báo cáo: reported to.")
    deadline: Deadline | None = None
    references: list[str] = Field(default_factory=list, description="Cited document numbers.")
    span: Span
    source_ref: str | None = Field(
        default=None, description="Appendix rows: the assigning document (Văn bản giao)."
    )
    pending: list[Agency] = Field(
        default_factory=list, description="Appendix rows: units not yet done."
    )
    status: str | None = Field(default=None, description="Appendix rows: overdue, done, …")
    product: str | None = Field(default=None, description="Task tables: the deliverable.")


class Document(BaseModel):
    """One parsed directive (văn bản chỉ đạo) with its tasks."""

    schema_version: str = SCHEMA_VERSION
    source: Source
    number: str | None = Field(default=None, description='Số ký hiệu, e.g. "10467/VPCP-KGVX".')
    number_parts: DocumentNumber | None = None
    type: str | None = Field(default=None, description="CV for a công văn, else TB, CT, QĐ, …")
    issuer: str | None = None
    place: str | None = None
    date: dt.date | None = None
    subject: str | None = Field(default=None, description="Trích yếu: after V/v, or the title.")
    recipients: list[str] = Field(default_factory=list, description="Kính gửi lines.")
    signer: str | None = None
    signer_title: str | None = None
    signing_authority: str | None = Field(default=None, description='"KT. Bộ trưởng, Chủ nhiệm"')
    references: list[Reference] = Field(default_factory=list)
    cc: list[str] = Field(default_factory=list, description="Nơi nhận lines.")
    tasks: list[Task] = Field(default_factory=list)
    warnings: list[ParseWarning] = Field(default_factory=list)
    duplicate_of: str | None = Field(
        default=None,
        description="Path of an earlier file of the same run with the same number and date.",
    )
    text: str | None = Field(
        default=None,
        description="The normalized text every span points into (with --text, or "
        "ParseOptions(keep_text=True)).",
    )


class TaskRecord(Task):
    """A task flattened with the fields of its document: one JSON line per task."""

    schema_version: str = SCHEMA_VERSION
    doc_number: str | None = None
    doc_type: str | None = None
    doc_date: dt.date | None = None
    issuer: str | None = None
    source: Source
    duplicate_of: str | None = Field(
        default=None,
        description="Path of an earlier file of the same run with the same number and date.",
    )


class ErrorRecord(BaseModel):
    """A file that could not be parsed. The batch goes on; this says which file and why."""

    schema_version: str = SCHEMA_VERSION
    path: str
    error: str = Field(description="What went wrong, in one line.")
    stage: str = Field(
        description="ingest, normalize, segment, extract, validate, write, timeout, memory "
        "or crash."
    )
    kind: Literal["error"] = "error"
