"""Footnotes and endnotes of a Word document: part of its text, read after the body.

A directive's footnotes carry content (who attended a meeting, which decision applies), so
they are read, in the order their references appear in the body (footnotes first, then
endnotes), each as ``[mark] text`` the way a plain-text conversion such as pandoc's lays
them out. The mark is the note's number as Word prints it: its place in that order, in the
document's number format (``w:footnotePr``/``w:endnotePr`` in the settings; Word's defaults
are 1, 2, 3 for footnotes and i, ii, iii for endnotes). The mark in the body is not written:
a superscript digit glued to a word ("Thông báo1") would change the word.

python-docx reads neither part, so each is parsed here with python-docx's own XML parser
(its element classes, so paragraphs read as in the body). The separator "notes" Word keeps
in the same part (``w:type`` separator, continuationSeparator, continuationNotice) carry no
text and are skipped.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from vbparse.ingest import IngestError
from vbparse.ingest.docx_styles import qn

_RELATIONSHIP = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
# (part's relationship, note element, body reference element, settings element, Word's format)
_KINDS = (
    ("footnotes", "w:footnote", "w:footnoteReference", "w:footnotePr", "decimal"),
    ("endnotes", "w:endnote", "w:endnoteReference", "w:endnotePr", "lowerRoman"),
)


@dataclass
class NoteContainer:
    """A note read like a body: its element, and the document part its styles live in."""

    _element: Any
    part: Any


def _part(document: Any, name: str) -> Any | None:
    for rel in document.part.rels.values():
        if not rel.is_external and rel.reltype == _RELATIONSHIP + name:
            return rel.target_part
    return None


def _root(part: Any, name: str) -> Any:
    from docx.oxml import parse_xml
    from lxml.etree import XMLSyntaxError

    element = getattr(part, "element", None)
    if element is not None:
        return element
    try:
        return parse_xml(part.blob)
    except XMLSyntaxError as exc:  # Word refuses such a file too
        raise IngestError(f"not a valid .docx (its {name} part: {exc})") from exc


def _number_format(document: Any, settings_tag: str, default: str) -> str:
    try:
        settings = document.settings.element
    except (KeyError, NotImplementedError, AttributeError):
        return default
    fmt = settings.find(f"{qn(settings_tag)}/{qn('w:numFmt')}")
    return fmt.get(qn("w:val"), default) if fmt is not None else default


def note_lines(
    document: Any,
    block_lines: Callable[[Any], Iterator[str]],
    format_number: Callable[[int, str], str],
) -> Iterator[str]:
    """Lines of the document's footnotes, then endnotes, in the order they are referred to;
    ``block_lines`` reads a container's paragraphs as the body reader does."""
    body = document.element.body
    for name, note_tag, ref_tag, settings_tag, default_fmt in _KINDS:
        part = _part(document, name)
        if part is None:
            continue
        notes = {
            node.get(qn("w:id")): node
            for node in _root(part, name).iter(qn(note_tag))
            if node.get(qn("w:type"), "normal") == "normal"
        }
        order = list(dict.fromkeys(ref.get(qn("w:id")) for ref in body.iter(qn(ref_tag))))
        fmt = _number_format(document, settings_tag, default_fmt)
        for number, note_id in enumerate((i for i in order if i in notes), start=1):
            lines = [line for line in block_lines(NoteContainer(notes[note_id], part)) if line]
            if lines:
                yield f"[{format_number(number, fmt)}] {lines[0].strip()}"
                yield from lines[1:]
