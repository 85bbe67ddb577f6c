"""Footnotes and endnotes of a Word document: part of its text, read after the body.

A directive's footnotes carry content (who attended a meeting, which decision applies), so
they are read, in the order their references appear in the body (footnotes first, then
endnotes), each as ``[mark] text`` the way a plain-text conversion such as pandoc's lays
them out. The mark is the note's number as Word prints it: its place in that order, in the
document's number format (``w:footnotePr``/``w:endnotePr`` in the settings; Word's defaults
are 1, 2, 3 for footnotes and i, ii, iii for endnotes). The mark in the body is not written:
a superscript digit glued to a word ("Thông báo1") would change the word.

python-docx reads neither part; each is parsed with python-docx's own XML parser (its element
classes, so paragraphs read as in the body) when ``vbparse.ingest.docx_package`` is asked for
it. The separator "notes" Word keeps
in the same part (``w:type`` separator, continuationSeparator, continuationNotice) carry no
text and are skipped.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from vbparse.ingest import IngestError
from vbparse.ingest.docx_package import WordPackage
from vbparse.ingest.docx_styles import qn

# (part's relationship, note element, body reference element, settings element, Word's format)
_KINDS = (
    ("footnotes", "w:footnote", "w:footnoteReference", "w:footnotePr", "decimal"),
    ("endnotes", "w:endnote", "w:endnoteReference", "w:endnotePr", "lowerRoman"),
)


def _root(package: WordPackage, name: str) -> Any | None:
    from lxml.etree import XMLSyntaxError

    try:
        return package.part(name)
    except XMLSyntaxError as exc:  # Word refuses such a file too
        raise IngestError(f"not a valid .docx (its {name} part: {exc})") from exc


def _number_format(package: WordPackage, settings_tag: str, default: str) -> str:
    settings = package.part("settings")
    if settings is None:  # python-docx's default settings set no note format
        return default
    fmt = settings.find(f"{qn(settings_tag)}/{qn('w:numFmt')}")
    return fmt.get(qn("w:val"), default) if fmt is not None else default


def note_lines(
    package: WordPackage,
    block_lines: Callable[[Any], Iterator[str]],
    format_number: Callable[[int, str], str],
) -> Iterator[str]:
    """Lines of the document's footnotes, then endnotes, in the order they are referred to;
    ``block_lines`` reads a container's paragraphs as the body reader does."""
    body = package.body
    for name, note_tag, ref_tag, settings_tag, default_fmt in _KINDS:
        root = _root(package, name)
        if root is None:
            continue
        notes = {
            node.get(qn("w:id")): node
            for node in root.iter(qn(note_tag))
            if node.get(qn("w:type"), "normal") == "normal"
        }
        order = list(dict.fromkeys(ref.get(qn("w:id")) for ref in body.iter(qn(ref_tag))))
        fmt = _number_format(package, settings_tag, default_fmt)
        for number, note_id in enumerate((i for i in order if i in notes), start=1):
            lines = [line for line in block_lines(notes[note_id]) if line]
            if lines:
                yield f"[{format_number(number, fmt)}] {lines[0].strip()}"
                yield from lines[1:]
