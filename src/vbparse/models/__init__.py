"""The pydantic models: the public contract of vbparse's records."""

from vbparse.models.agency import Agency, Successor
from vbparse.models.deadline import Deadline
from vbparse.models.document import (
    SCHEMA_VERSION,
    Document,
    ErrorRecord,
    Source,
    Task,
    TaskRecord,
)
from vbparse.models.number import DocumentNumber, Reference
from vbparse.models.span import ParseWarning, Span

__all__ = [
    "SCHEMA_VERSION",
    "Agency",
    "Deadline",
    "Document",
    "DocumentNumber",
    "ErrorRecord",
    "ParseWarning",
    "Reference",
    "Source",
    "Span",
    "Successor",
    "Task",
    "TaskRecord",
]
