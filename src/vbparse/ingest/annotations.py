"""Text drawn by a PDF's annotations: the number and day an e-office system stamps at signing.

Provincial and ministerial e-office systems leave "Số:      /UBND-XD" and "ngày    tháng 7"
blank in the page's text and draw the digits, when the clerk signs, in the appearance stream
of an annotation (a signature widget, a stamp or a free-text box) placed over the blank.
pdfplumber's page text leaves annotations out, so every such PDF lost its number and date.

Each annotation's normal appearance (a form XObject) is run through pdfminer's interpreter
like a small page, and its words are placed at the annotation's rectangle on the page, where
the layout reader puts them in reading order with the page's own words. The signer's
certificate details that a signature's appearance also draws ("Ký bởi:", "Email:", "Thời
gian ký:" — ``grammars/header.yaml`` ``signature_certificate``) are left out.
"""

from __future__ import annotations

import functools
import unicodedata
from types import SimpleNamespace
from typing import Any

import regex

from vbparse.grammars import load_yaml
from vbparse.ingest.page_model import Word

# Annotations that draw content (links, popups and markup highlights draw none worth reading).
_DRAWING = {"Widget", "FreeText", "Stamp"}


@functools.cache
def _certificate() -> regex.Pattern[str]:
    phrases = load_yaml("header.yaml")["signature_certificate"]
    return regex.compile("|".join(f"(?:{p})" for p in phrases), regex.IGNORECASE)


def annotation_words(plumber_page: Any) -> list[Word]:
    """Words drawn by the annotations of one pdfplumber page, in page coordinates."""
    words: list[Word] = []
    try:
        annots = plumber_page.annots or []
    except Exception:  # a malformed annotation array must not lose the page's own text
        # pdfplumber resolves every reference of every annotation, and recurses for ever on
        # the cycles of a signed e-office PDF (the widget's /P and /Parent pointing back):
        # each annotation is then read one level deep, as far as its appearance needs.
        try:
            annots = _shallow_annots(plumber_page)
        except Exception:
            return words
    for annot in annots:
        try:
            words += _words_of(annot)
        except Exception:  # a broken appearance stream must not lose the page
            continue
    return words


def _shallow_annots(plumber_page: Any) -> list[dict[str, Any]]:
    """The page's annotations as pdfplumber gives them (``data``, box in page coordinates),
    each resolved one level deep; an unrotated page only."""
    from pdfminer.pdftypes import resolve1

    if getattr(plumber_page, "rotation", 0) % 360:
        return []
    out = []
    for ref in resolve1(plumber_page.page_obj.annots) or []:
        annot = resolve1(ref)
        if not isinstance(annot, dict) or "Rect" not in annot:
            continue
        a, b, c, d = (float(resolve1(v)) for v in resolve1(annot["Rect"]))
        height = plumber_page.height
        out.append(
            {
                "data": annot,
                "x0": min(a, c),
                "x1": max(a, c),
                "top": height - max(b, d),
                "bottom": height - min(b, d),
            }
        )
    return out


def _words_of(annot: dict[str, Any]) -> list[Word]:
    from pdfminer.pdftypes import PDFStream, resolve1
    from pdfminer.psparser import PSLiteral

    data = annot.get("data") or {}
    subtype = resolve1(data.get("Subtype"))
    if not isinstance(subtype, PSLiteral) or subtype.name not in _DRAWING:
        return []
    appearance = resolve1(data.get("AP"))
    normal = resolve1(appearance.get("N")) if isinstance(appearance, dict) else None
    if isinstance(normal, dict):  # one appearance per state: the current one
        state = resolve1(data.get("AS"))
        normal = resolve1(normal.get(state.name)) if isinstance(state, PSLiteral) else None
    if not isinstance(normal, PDFStream):
        return []
    lines = _text_lines(normal)
    if not lines or _certificate().search(" ".join(text for text, *_ in lines)):
        return []
    bx0, by0, bx1, by1 = (float(v) for v in resolve1(normal.attrs.get("BBox")))
    sx = (annot["x1"] - annot["x0"]) / ((bx1 - bx0) or 1.0)
    sy = (annot["bottom"] - annot["top"]) / ((by1 - by0) or 1.0)
    height = by1 - by0
    return [
        Word(
            text,
            annot["x0"] + x0 * sx,
            annot["top"] + (height - y1) * sy,
            annot["x0"] + x1 * sx,
            annot["top"] + (height - y0) * sy,
        )
        for text, x0, y0, x1, y1 in lines
    ]


def _text_lines(stream: Any) -> list[tuple[str, float, float, float, float]]:
    """(word, x0, y0, x1, y1) of the words a form XObject draws, in its BBox coordinates."""
    from pdfminer.converter import PDFPageAggregator
    from pdfminer.layout import LAParams, LTChar, LTTextLine
    from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
    from pdfminer.pdftypes import resolve1

    bbox = [float(v) for v in resolve1(stream.attrs.get("BBox"))]
    form = SimpleNamespace(
        pageid=0,
        mediabox=bbox,
        cropbox=bbox,
        rotate=0,
        resources=resolve1(stream.attrs.get("Resources")) or {},
        contents=[stream],
        attrs={},
    )
    manager = PDFResourceManager()
    # all_texts: e-office appearances draw the digits inside nested form XObjects (figures),
    # whose characters are grouped into lines only when asked to
    device = PDFPageAggregator(manager, laparams=LAParams(all_texts=True))
    PDFPageInterpreter(manager, device).process_page(form)
    words = []
    pending = list(device.get_result())
    while pending:
        item = pending.pop(0)
        if isinstance(item, LTTextLine):
            words += _split_words([c for c in item if isinstance(c, LTChar)])
        elif hasattr(item, "__iter__") and not isinstance(item, LTChar):
            pending[:0] = list(item)
    return words


def _split_words(chars: list[Any]) -> list[tuple[str, float, float, float, float]]:
    words, current = [], []
    for char in [*chars, None]:
        if char is None or not char.get_text().strip():
            if current:
                text = unicodedata.normalize("NFC", "".join(c.get_text() for c in current))
                words.append(
                    (
                        text,
                        min(c.x0 for c in current),
                        min(c.y0 for c in current),
                        max(c.x1 for c in current),
                        max(c.y1 for c in current),
                    )
                )
            current = []
        else:
            current.append(char)
    return words


# An annotation's word is moved onto a line of the page's text when its centre lies within
# this share of its height from that line's and between two of the line's words.
SNAP_HEIGHT_SHARE = 1.0


def snap_to_lines(drawn: list[Word], page_words: list[Word]) -> list[Word]:
    """The annotation words, each moved onto the page line whose blank it fills: a widget
    draws its text from the top of its box, up to a line above the blank it was placed on
    ("12094" 10 pt above "Số: /BNV-CCHC", công văn 12094/BNV-CCHC), which made it a line of
    its own in the reading order."""
    out = []
    for word in drawn:
        cx, cy, height = (word.x0 + word.x1) / 2, (word.top + word.bottom) / 2, word.size
        near = [
            w for w in page_words if abs((w.top + w.bottom) / 2 - cy) <= SNAP_HEIGHT_SHARE * height
        ]
        left = max((w for w in near if w.x1 <= cx), key=lambda w: w.x1, default=None)
        right = min((w for w in near if w.x0 >= cx), key=lambda w: w.x0, default=None)
        if left is None or right is None or abs(left.top - right.top) > 0.3 * height:
            out.append(word)
            continue
        out.append(Word(word.text, word.x0, left.top, word.x1, left.bottom))
    return out
