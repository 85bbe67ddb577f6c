"""The pipeline: ingest → normalize → segment → extract → validate, one document at a time.

Each stage is a function from ``ParsedDocument`` to ``ParsedDocument`` and says in its
docstring which fields it fills (like spaCy's ``assigns``). A failure in a stage becomes a
``StageError`` that names the stage; ``parse_path`` turns it into an ``ErrorRecord`` so that a
batch never stops.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import ValidationError

from vbparse.error_records import out_of_memory, pattern_timed_out
from vbparse.errors import VbparseError
from vbparse.extract.document.header_checks import header_document_type, number_doubts
from vbparse.file_names import display_path
from vbparse.ingest import IngestError, RawText, ReadLimits, read_document
from vbparse.ingest.ocr_text import repair_ocr_output
from vbparse.models import Document, ErrorRecord, ParseWarning, Source, Task
from vbparse.normalize import NormalizedText, normalize
from vbparse.segment.byline import sign_from_byline
from vbparse.segment.clause_tree import ClauseTree
from vbparse.segment.closing import Closing, find_closing, sign_under_heading
from vbparse.segment.header import Header, find_header
from vbparse.segment.ocr_fields import repair_fields
from vbparse.span_pages import add_pages


class StageError(VbparseError):
    """A stage could not go on; ``stage`` names it for the error record."""

    def __init__(self, stage: str, message: str) -> None:
        super().__init__(message)
        self.stage = stage


@dataclass(frozen=True)
class ParseOptions:
    """Choices a caller can make; the defaults suit a batch run.

    ``propose_organisations``: also run underthesea's NER (optional extra ``ner``, slow) and
    report each organisation the gazetteer lacks as a warning with its span.
    ``limits``: OCR mode and the page, time and resolution limits of the readers.
    ``keep_text``: put the normalized text into ``Document.text``, so that every span can be
    resolved without vbparse.
    """

    propose_organisations: bool = False
    limits: ReadLimits = field(default_factory=ReadLimits)
    keep_text: bool = False


@dataclass
class ParsedDocument:
    """The one object every stage reads from and adds to."""

    name: str
    source: Source
    raw: RawText
    options: ParseOptions = field(default_factory=ParseOptions)
    norm: NormalizedText | None = None
    header: Header | None = None
    closing: Closing | None = None
    appendix_start: int | None = None
    appendices: list = field(default_factory=list)
    body_tables: tuple = ()
    tree: ClauseTree | None = None
    document: Document | None = None
    warnings: list[ParseWarning] = field(default_factory=list)
    # The text is an OCR's output: a scan read here, or a text file or text layer that reads
    # as one (``ingest.ocr_text``); its signature block is broken apart as a scan's is.
    ocr_output: bool = False

    @property
    def text(self) -> str:
        assert self.norm is not None
        return self.norm.text

    def warn(self, stage: str, message: str) -> None:
        self.warnings.append(ParseWarning(stage=stage, message=message))


# Text files (and text given to ``parse_text``), and PDF text layers (an e-office system's OCR
# of a signed scan, "dé triển khai" for "để", công văn 40091/CHQ-GSQL, real): the forms whose
# text may be an OCR's output that no repair has touched. (2 of the 38 real PDFs read by their
# text layer are flagged, both such layers; a saved web page is a text copy too.)
_UNREPAIRED_FORMATS = frozenset({"txt", "md", "html", "pdf"})


def stage_normalize(doc: ParsedDocument) -> ParsedDocument:
    """Fills ``norm``: the normalized text and its map back to the source."""
    doc.ocr_output = doc.raw.ocr
    if doc.raw.format in _UNREPAIRED_FORMATS and not doc.raw.ocr:
        # a text file or text layer that holds an OCR's output gets the OCR route's mark repairs
        text, repaired = repair_ocr_output(doc.raw.text)
        doc.ocr_output = repaired
        if repaired:
            doc.raw.text = text
            doc.warn("ingest", "the text reads as OCR output: OCR's mark repairs applied")
    doc.norm = normalize(doc.raw.text)
    for message in doc.raw.warnings:
        # "limit": the file was cut short at a page or time limit (the CLI says so on stderr).
        doc.warn("limit" if message in doc.raw.cut else "ingest", message)
    return doc


def stage_segment(doc: ParsedDocument) -> ParsedDocument:
    """Fills ``header``, ``appendices`` (appendices and attached documents, each attached
    document with its tables and clause tree), ``appendix_start``, ``closing``, the body's
    task tables ``body_tables`` and the body's clause ``tree`` (table lines left out)."""
    from vbparse.segment.appendix import find_appendices
    from vbparse.segment.task_tables import segment_region

    text = doc.text
    doc.header = find_header(text)
    doc.appendices = [a for a in find_appendices(text) if a.span.start >= doc.header.body_start]
    starts = [a.span.start for a in doc.appendices]
    doc.appendix_start = min(starts) if starts else None
    stop = doc.appendix_start if doc.appendix_start is not None else len(text)
    doc.closing = find_closing(
        text, doc.header.body_start, stop, scan=doc.ocr_output, title_type=doc.header.title_type
    )
    sign_from_byline(doc.closing, doc.header.byline)
    if doc.appendix_start is not None:
        sign_under_heading(doc.closing, text, doc.appendix_start)
    body = segment_region(text, doc.header.body_start, doc.closing.body_end)
    doc.body_tables = body.tables
    doc.tree = body.tree
    return doc


def stage_extract(doc: ParsedDocument) -> ParsedDocument:
    """Fills ``document``: header fields, references and tasks (the body's clauses, the
    clauses of attached documents, and the rows of every task table), with warnings for
    gaps."""
    from vbparse.extract.agencies.abbreviations import expand_abbreviations, find_abbreviations
    from vbparse.extract.agencies.defined_terms import (
        find_defined_terms,
        name_as_addressed,
        name_defined_terms,
    )
    from vbparse.extract.document import fields
    from vbparse.extract.document.context import task_context
    from vbparse.extract.tasks.addressed import types_as_addressed
    from vbparse.extract.tasks.addressed_provinces import place_addressed_provinces
    from vbparse.extract.tasks.appendix import find_appendix_tasks, find_attachment_tasks
    from vbparse.extract.tasks.assembly import find_tasks

    assert doc.header is not None and doc.closing is not None and doc.tree is not None
    text, header, closing = doc.text, doc.header, doc.closing
    _check_is_directive(doc)
    if doc.raw.ocr:
        repair_fields(header, closing)
    number, number_text = fields.document_number(header)
    prefix = number_text or doc.name
    context = task_context(header, closing, doc.tree, text, number, prefix)
    province, issuer = context.province, context.issuer
    tasks: list[Task] = place_addressed_provinces(
        list(find_tasks(doc.tree, text, context)), context.addressees
    )
    tasks = types_as_addressed(tasks, context.addressees)
    tasks += find_attachment_tasks(doc.appendices, text, context, taken=[task.id for task in tasks])
    tasks += find_appendix_tasks(
        text,
        doc_number=number_text,
        doc_date=header.date,
        task_id_prefix=prefix,
        province=province,
        appendices=doc.appendices,
        body_tables=doc.body_tables,
        issuer=issuer,
    )
    defined = find_defined_terms(
        text,
        body_start=header.body_start,
        body_end=closing.body_end,
        addressees=context.addressees,
        recipient_lines=len(header.recipients),
        province=province,
        issuer=issuer,
    )
    tasks = name_as_addressed(name_defined_terms(tasks, defined), context.addressees)
    tasks = expand_abbreviations(tasks, find_abbreviations(text))
    regions = [(header.body_start, closing.body_end)]
    regions += [(a.span.start, a.span.end) for a in doc.appendices if a.kind != "copy"]
    document = Document(
        source=doc.source,
        number=number_text,
        number_parts=number,
        type=header_document_type(header, number),
        issuer=issuer,
        place=header.place,
        date=header.date,
        subject=header.subject,
        recipients=header.recipients,
        signer=closing.signer,
        signer_title=closing.signer_title,
        signing_authority=closing.signing_authority,
        references=fields.cited_references(text, regions, number_text),
        cc=closing.cc,
        tasks=tasks,
    )
    doc.warnings.extend(fields.unknown_agency_warnings(tasks))
    if (header.draft_code or header.draft_date) and doc.raw.ocr:
        # A scan's blanks hold what the clerk wrote or stamped, which OCR could not read.
        doc.warn(
            "segment",
            "the scan's number or day is blank or unreadable (handwritten or stamped?): "
            "left null, check them",
        )
    elif header.draft_code or header.draft_date:
        doc.warn("segment", "a draft (dự thảo): the number and the day are left blank")
    for message in number_doubts(header, number, doc.raw.ocr):
        doc.warn("segment", message)
    for field_name in ("number", "date", "issuer", "subject", "type"):
        if getattr(document, field_name) is None:
            doc.warn("segment", f"no {field_name} found in the header")
    document.warnings = doc.warnings
    doc.document = document
    return doc


def _check_is_directive(doc: ParsedDocument) -> None:
    header, closing, tree = doc.header, doc.closing, doc.tree
    assert header is not None and closing is not None and tree is not None
    signs = [
        header.number,
        header.date,
        header.title_type,
        header.subject,
        # a letter's "Kính gửi:" (a web page that kept no number or date line, công văn
        # 3313/BVHTTDL-VHDT as cinet.vn shows it)
        header.recipients,
        closing.cc,
        closing.signer,
        tree.roots,
    ]
    if not any(signs):
        raise StageError(
            "segment",
            "not a directive: no số ký hiệu, date, title, trích yếu, Kính gửi, numbered "
            "items, Nơi nhận or signature found",
        )


def stage_propose_organisations(doc: ParsedDocument) -> ParsedDocument:
    """Adds to ``document.warnings`` the organisations underthesea finds in the body and
    appendices that the gazetteer lacks (only with ``options.propose_organisations``)."""
    if not doc.options.propose_organisations or doc.document is None:
        return doc
    from vbparse.extract.agencies.org_ner import find_proposed_organisations

    assert doc.header is not None
    start = doc.header.body_start
    for agency in find_proposed_organisations(doc.text[start:], offset=start):
        doc.document.warnings.append(
            ParseWarning(
                stage="ner",
                message=f"organisation not in the gazetteer: {agency.text!r}",
                span=agency.span,
            )
        )
    return doc


def stage_pages(doc: ParsedDocument) -> ParsedDocument:
    """Sets ``page`` on every span of ``document`` when the source has pages (PDF, images):
    the span's start is carried back to the source text and looked up in its page starts."""
    if doc.document is None or doc.norm is None or not doc.raw.page_starts:
        return doc
    add_pages(doc.document, doc.raw.page_starts, doc.norm.source_index)
    return doc


def stage_successors(doc: ParsedDocument) -> ParsedDocument:
    """Sets ``successor`` on every agency the gazetteer knows was merged or renamed, and
    ``Document.text`` when ``options.keep_text``."""
    from vbparse.extract.tasks.successors import add_successors

    assert doc.document is not None
    for task in doc.document.tasks:
        add_successors([*task.lead, *task.support, *task.report_to, *task.pending])
    if doc.options.keep_text:
        doc.document.text = doc.text
    return doc


Stage = Callable[[ParsedDocument], ParsedDocument]

# The stage table, in order (the ``[nlp] pipeline`` of spaCy, as a plain list).
STAGES: list[tuple[str, Stage]] = [
    ("normalize", stage_normalize),
    ("segment", stage_segment),
    ("extract", stage_extract),
    ("propose_organisations", stage_propose_organisations),
    ("pages", stage_pages),
    ("successors", stage_successors),
]


def run(doc: ParsedDocument) -> Document:
    doc = run_stages(doc)
    assert doc.document is not None
    return doc.document


def run_stages(doc: ParsedDocument) -> ParsedDocument:
    """Every stage on ``doc``; the result keeps what the stages found on the way (the header,
    the clause tree) besides the ``Document`` (``vbparse show`` draws them)."""
    for name, stage in STAGES:
        try:
            doc = stage(doc)
        except StageError:
            raise
        except ValidationError as exc:
            raise StageError("validate", f"record failed validation: {exc.errors()[0]}") from exc
        except Exception as exc:  # a bug in one stage must not stop a batch
            raise StageError(name, f"{type(exc).__name__}: {exc}") from exc
    return doc


def _source(path: Path, data: bytes, raw: RawText) -> Source:
    return Source(
        path=display_path(path),
        sha256=hashlib.sha256(data).hexdigest(),
        format=raw.format,
        pages=raw.pages,
        ocr=raw.ocr,
        ocr_confidence=raw.ocr_confidence,
    )


def parse_file(path: str | Path, options: ParseOptions | None = None) -> Document:
    """Parse one file; raises ``IngestError`` or ``StageError`` when it cannot."""
    parsed = parse_file_stages(path, options)
    assert parsed.document is not None
    return parsed.document


def parse_file_stages(path: str | Path, options: ParseOptions | None = None) -> ParsedDocument:
    """Parse one file and keep every stage's findings (``parse_file`` keeps the Document)."""
    path = Path(path)
    options = options or ParseOptions()
    raw = read_document(path, options.limits)
    source = _source(path, path.read_bytes(), raw)
    return run_stages(ParsedDocument(name=path.stem, source=source, raw=raw, options=options))


def parse_text(text: str, *, name: str = "<text>", options: ParseOptions | None = None) -> Document:
    """Parse a directive given as text."""
    raw = RawText(text=text, format="txt")
    source = _source(Path(name), text.encode("utf-8"), raw)
    options = options or ParseOptions()
    return run(ParsedDocument(name=Path(name).stem, source=source, raw=raw, options=options))


def parse_path(path: Path, options: ParseOptions | None = None) -> Document | ErrorRecord:
    """Parse one file, turning any failure into an ``ErrorRecord`` for that file."""
    shown = display_path(path)
    try:
        return parse_file(path, options)
    except IngestError as exc:
        return ErrorRecord(path=shown, error=str(exc), stage="ingest")
    except StageError as exc:
        if isinstance(exc.__cause__, MemoryError):
            return out_of_memory(shown)
        if isinstance(exc.__cause__, TimeoutError):
            return pattern_timed_out(shown, exc.stage)
        return ErrorRecord(path=shown, error=str(exc), stage=exc.stage)
    except MemoryError:
        return out_of_memory(shown)
    except TimeoutError:  # before OSError, whose subclass it is
        return pattern_timed_out(shown, "ingest")
    except OSError as exc:
        return ErrorRecord(path=shown, error=f"cannot read: {exc.strerror}", stage="ingest")
    except Exception as exc:  # a reader's bug on one odd file must not stop the batch
        return ErrorRecord(
            path=shown, error=f"reader failed: {type(exc).__name__}: {exc}", stage="ingest"
        )
