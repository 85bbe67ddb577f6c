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

import regex
from pydantic import ValidationError

from vbparse.extract.document_number import (
    as_cong_van,
    document_type,
    issuer_names,
    parse_document_number,
)
from vbparse.extract.references import find_references
from vbparse.ingest import IngestError, RawText, read_document
from vbparse.models import Document, ErrorRecord, ParseWarning, Source, Task
from vbparse.normalize import NormalizedText, normalize
from vbparse.segment.casing import agency_casing, fold, title_case
from vbparse.segment.clause_tree import ClauseTree, build_clause_tree
from vbparse.segment.closing import Closing, find_closing
from vbparse.segment.header import Header, find_header


class StageError(Exception):
    """A stage could not go on; ``stage`` names it for the error record."""

    def __init__(self, stage: str, message: str) -> None:
        super().__init__(message)
        self.stage = stage


@dataclass(frozen=True)
class ParseOptions:
    """Choices a caller can make; the defaults suit a batch run.

    ``propose_organisations``: also run underthesea's NER (optional extra ``ner``, slow) and
    report each organisation the gazetteer lacks as a warning with its span.
    """

    propose_organisations: bool = False


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
    tree: ClauseTree | None = None
    document: Document | None = None
    warnings: list[ParseWarning] = field(default_factory=list)

    @property
    def text(self) -> str:
        assert self.norm is not None
        return self.norm.text

    def warn(self, stage: str, message: str) -> None:
        self.warnings.append(ParseWarning(stage=stage, message=message))


def stage_normalize(doc: ParsedDocument) -> ParsedDocument:
    """Fills ``norm``: the normalized text and its map back to the source."""
    doc.norm = normalize(doc.raw.text)
    for message in doc.raw.warnings:
        doc.warn("ingest", message)
    return doc


def stage_segment(doc: ParsedDocument) -> ParsedDocument:
    """Fills ``header``, ``appendices``, ``appendix_start``, ``closing`` and the body's
    clause ``tree``."""
    from vbparse.segment.appendix import find_appendices

    text = doc.text
    doc.header = find_header(text)
    doc.appendices = [a for a in find_appendices(text) if a.span.start >= doc.header.body_start]
    starts = [a.span.start for a in doc.appendices]
    doc.appendix_start = min(starts) if starts else None
    stop = doc.appendix_start if doc.appendix_start is not None else len(text)
    doc.closing = find_closing(text, doc.header.body_start, stop)
    doc.tree = build_clause_tree(text, doc.header.body_start, doc.closing.body_end)
    return doc


def stage_extract(doc: ParsedDocument) -> ParsedDocument:
    """Fills ``document``: header fields, references and tasks, with warnings for gaps."""
    from vbparse.extract.appendix_tasks import find_appendix_tasks
    from vbparse.extract.tasks import TaskContext, find_tasks

    assert doc.header is not None and doc.closing is not None and doc.tree is not None
    text, header, closing = doc.text, doc.header, doc.closing
    number = header.number and parse_document_number(header.number)
    if number and header.subject_is_vv and not header.title_type:
        # A V/v trích yếu is a công văn's (NĐ 30/2020): "12/CT-TTHT" is Cục Thuế's, no Chỉ thị.
        number = number if _party_shaped(header.number) else as_cong_van(number)
    number_text = number and _normalized_number(header.number)
    _check_is_directive(doc)
    prefix = number_text or doc.name
    province = _issuer_province(header)
    context = TaskContext(
        task_id_prefix=prefix,
        doc_date=header.date,
        province=province,
        addressees=_addressees(header, province),
    )
    tasks: list[Task] = list(find_tasks(doc.tree, text, context))
    tasks += find_appendix_tasks(
        text,
        doc_number=number_text,
        doc_date=header.date,
        task_id_prefix=prefix,
        province=province,
        appendices=doc.appendices,
    )
    document = Document(
        source=doc.source,
        number=number_text or None,
        number_parts=number or None,
        type=document_type(number) if number else header.title_type,
        issuer=_issuer(header, number, closing),
        place=header.place,
        date=header.date,
        subject=header.subject,
        recipients=header.recipients,
        signer=closing.signer,
        signer_title=closing.signer_title,
        signing_authority=closing.signing_authority,
        references=_references(doc, number_text or None),
        cc=closing.cc,
        tasks=tasks,
    )
    _warn_unknown_agencies(doc, tasks)
    for field_name in ("number", "date", "issuer", "subject", "type"):
        if getattr(document, field_name) is None:
            doc.warn("segment", f"no {field_name} found in the header")
    document.warnings = doc.warnings
    doc.document = document
    return doc


def _party_shaped(written: str) -> bool:
    """ "57-NQ/TW": the Party's numbers carry their type right after the running number."""
    return bool(regex.match(r"\s*\d+\s*[-–]", written))


def _warn_unknown_agencies(doc: ParsedDocument, tasks: list[Task]) -> None:
    """Bodies recognised by their form but absent from the gazetteer: kept in the records,
    and named once each in a warning so that the gazetteer can be extended."""
    seen: set[str] = set()
    for task in tasks:
        for agency in (*task.lead, *task.support, *task.report_to, *task.pending):
            if agency.id is None and agency.name not in seen:
                seen.add(agency.name)
                doc.warnings.append(
                    ParseWarning(
                        stage="agencies",
                        message=f"{agency.kind} not in the gazetteer: {agency.name!r}",
                        span=agency.span,
                    )
                )


def _normalized_number(written: str | None) -> str | None:
    from vbparse.extract.document_number import normalize_number

    return normalize_number(written) if written else None


def _check_is_directive(doc: ParsedDocument) -> None:
    header, closing, tree = doc.header, doc.closing, doc.tree
    assert header is not None and closing is not None and tree is not None
    signs = [
        header.number,
        header.date,
        header.title_type,
        header.subject,
        closing.cc,
        closing.signer,
        tree.roots,
    ]
    if not any(signs):
        raise StageError(
            "segment",
            "not a directive: no số ký hiệu, date, title, trích yếu, numbered items, "
            "Nơi nhận or signature found",
        )


def _issuer(header: Header, number, closing: Closing) -> str | None:
    names = issuer_names()
    by_fold = {fold(name): name for name in names.values()}
    if header.issuer_lines:
        # One name may take two lines ("ỦY BAN NHÂN DÂN" / "TỈNH CAO BẰNG"); or the first line
        # is the parent body and the last the issuer ("BỘ TÀI CHÍNH" / "CỤC THUẾ"), as
        # Nghị định 30/2020 lays out "cơ quan chủ quản" above "cơ quan ban hành".
        lines = [" ".join(line.text.split()) for line in header.issuer_lines]
        for written in (" ".join(lines), lines[-1]):
            if known := by_fold.get(fold(written)) or agency_casing(written):
                return known
        return title_case(lines[-1])
    if number and number.issuer_code in names:
        return names[number.issuer_code]
    if closing.closing_issuer:
        return by_fold.get(fold(closing.closing_issuer), closing.closing_issuer)
    return None


def _issuer_province(header: Header) -> str | None:
    """The province whose People's Committee (or one of its bodies) issued the document, so
    that a bare "Sở Tài chính" in its body is that province's department."""
    from vbparse.extract.agencies import find_agencies

    written = "\n".join(line.text for line in header.issuer_lines)
    for agency in find_agencies(written):
        if agency.kind in ("province", "city") and agency.id:
            return agency.id
    return None


def _addressees(header: Header, province: str | None):
    from vbparse.extract.agencies import find_agencies

    return [
        agency for line in header.recipients for agency in find_agencies(line, province=province)
    ]


def _references(doc: ParsedDocument, own_number: str | None):
    assert doc.header is not None and doc.closing is not None
    text = doc.text
    regions = [(doc.header.body_start, doc.closing.body_end)]
    if doc.appendix_start is not None:
        regions.append((doc.appendix_start, len(text)))
    seen: dict[str, object] = {}
    for start, end in regions:
        for ref in find_references(text[start:end], offset=start, own_number=own_number):
            seen.setdefault(ref.number, ref)
    return list(seen.values())


def stage_propose_organisations(doc: ParsedDocument) -> ParsedDocument:
    """Adds to ``document.warnings`` the organisations underthesea finds in the body and
    appendices that the gazetteer lacks (only with ``options.propose_organisations``)."""
    if not doc.options.propose_organisations or doc.document is None:
        return doc
    from vbparse.extract.org_ner import find_proposed_organisations

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


Stage = Callable[[ParsedDocument], ParsedDocument]

# The stage table, in order (the ``[nlp] pipeline`` of spaCy, as a plain list).
STAGES: list[tuple[str, Stage]] = [
    ("normalize", stage_normalize),
    ("segment", stage_segment),
    ("extract", stage_extract),
    ("propose_organisations", stage_propose_organisations),
]


def run(doc: ParsedDocument) -> Document:
    for name, stage in STAGES:
        try:
            doc = stage(doc)
        except StageError:
            raise
        except ValidationError as exc:
            raise StageError("validate", f"record failed validation: {exc.errors()[0]}") from exc
        except Exception as exc:  # a bug in one stage must not stop a batch
            raise StageError(name, f"{type(exc).__name__}: {exc}") from exc
    assert doc.document is not None
    return doc.document


def _source(path: Path, data: bytes, raw: RawText) -> Source:
    return Source(
        path=str(path),
        sha256=hashlib.sha256(data).hexdigest(),
        format=raw.format,
        pages=raw.pages,
        ocr=raw.ocr,
        ocr_confidence=raw.ocr_confidence,
    )


def parse_file(path: str | Path, options: ParseOptions | None = None) -> Document:
    """Parse one file; raises ``IngestError`` or ``StageError`` when it cannot."""
    path = Path(path)
    raw = read_document(path)
    source = _source(path, path.read_bytes(), raw)
    return run(
        ParsedDocument(name=path.stem, source=source, raw=raw, options=options or ParseOptions())
    )


def parse_text(text: str, *, name: str = "<text>") -> Document:
    """Parse a directive given as text."""
    raw = RawText(text=text, format="txt")
    source = _source(Path(name), text.encode("utf-8"), raw)
    return run(ParsedDocument(name=Path(name).stem, source=source, raw=raw))


def parse_path(path: Path, options: ParseOptions | None = None) -> Document | ErrorRecord:
    """Parse one file, turning any failure into an ``ErrorRecord`` for that file."""
    try:
        return parse_file(path, options)
    except IngestError as exc:
        return ErrorRecord(path=str(path), error=str(exc), stage="ingest")
    except StageError as exc:
        return ErrorRecord(path=str(path), error=str(exc), stage=exc.stage)
    except OSError as exc:
        return ErrorRecord(path=str(path), error=f"cannot read: {exc.strerror}", stage="ingest")
    except Exception as exc:  # a reader's bug on one odd file must not stop the batch
        return ErrorRecord(
            path=str(path), error=f"reader failed: {type(exc).__name__}: {exc}", stage="ingest"
        )
