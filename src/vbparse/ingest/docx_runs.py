"""The text of one Word paragraph, run by run, with each run's font (for legacy encodings).

python-docx's ``Paragraph.text`` drops ``<w:softHyphen/>`` (TCVN3's "ư" is byte 0xAD, the
soft-hyphen slot, and a ``.doc`` converted by LibreOffice carries it as that element), runs
inside tracked insertions and smart tags, and every run's font. This reader keeps all of
them: each run becomes a ``Piece`` (its raw characters, U+00AD included, and the legacy
encoding its font names), decoded by ``vbparse.ingest.legacy_runs``.

A run's font is Word's: the run's own ``w:rFonts``, else its character style, else the
paragraph style and the styles it is based on, else the document defaults. For characters
above U+007F Word uses the ``hAnsi`` font, so that one is read first.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from typing import Any

from vbparse.ingest.docx_styles import FONT_ATTRS, StyleIndex, qn, rfonts_names
from vbparse.ingest.docx_xml import first_child
from vbparse.ingest.legacy_runs import Piece, decode_pieces, font_encoding

# Containers whose runs are part of the paragraph's text: tracked insertions and text
# moved here (``w:moveTo``) are, tracked deletions and the place text moved from
# (``w:del``, ``w:moveFrom``) are not: Word marks them as no longer the document.
_INLINE_CONTAINERS = (
    "hyperlink",
    "ins",
    "moveTo",
    "smartTag",
    "customXml",
    "fldSimple",
    "sdt",
    "sdtContent",
)


def _rfonts_name(rpr: Any) -> str | None:
    if rpr is None:
        return None
    fonts = first_child(rpr, qn("w:rFonts"))
    if fonts is None:
        return None
    for attr in FONT_ATTRS:
        name = fonts.get(qn(f"w:{attr}"))
        if name:
            return name
    return None


class FontResolver:
    """Word's font for a run: run → character style → paragraph style chain → defaults."""

    def __init__(self, styles_root: Any, body: Any, styles: StyleIndex) -> None:
        self._index = styles
        self._fonts: dict[str, tuple[str | None, str | None]] = {}
        self._paragraph_fonts: dict[str, str | None] = {}  # by paragraph style id
        # Each body paragraph's pieces, read once for the prior and kept for its text.
        self._pieces: dict[Any, list[Piece]] = {}
        self.default: str | None = None
        defaults = styles_root.find(qn("w:docDefaults"))
        if defaults is not None:
            rpr = defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}")
            self.default = _rfonts_name(rpr)
        # Whether any font the body or its styles name stands for a legacy encoding: most
        # documents name none, and then no body run's font needs resolving (its encoding is
        # None whatever it resolves to) and every paragraph reads as written.
        self._legacy_fonts = any(
            font_encoding(name) for name in rfonts_names(body) | styles.font_names()
        )
        self.prior = self._prior(body)

    def _style(self, style_id: str) -> tuple[str | None, str | None]:
        """(the style's own font, the id it is based on), read when first asked for: most of
        a document's styles are never used."""
        if style_id not in self._fonts:
            style = self._index.last(style_id)
            if style is None:
                self._fonts[style_id] = (None, None)
            else:
                based = style.find(qn("w:basedOn"))
                self._fonts[style_id] = (
                    _rfonts_name(style.find(qn("w:rPr"))),
                    based.get(qn("w:val")) if based is not None else None,
                )
        return self._fonts[style_id]

    def _prior(self, body: Any) -> str | None:
        """The legacy encoding that most of the document's non-ASCII text is set in."""
        weights: Counter[str] = Counter()
        for p in body.iter(qn("w:p")):
            pieces = self._pieces[p] = self._read_pieces(p, resolve=self._legacy_fonts)
            for piece in pieces:
                if piece.encoding is not None:
                    weights[piece.encoding] += sum(1 for c in piece.text if ord(c) > 0x7F)
        return weights.most_common(1)[0][0] if weights else None

    def _read_pieces(self, p: Any, *, resolve: bool = True) -> list[Piece]:
        """The runs of ``w:p`` as pieces; without ``resolve``, their fonts are not looked up
        (a body none of whose fonts is a legacy one: each encoding would be None)."""
        if not resolve:
            return [Piece(_run_text(r), None) for r in _runs(p)]
        paragraph_font = self.paragraph_font(p)
        return [
            Piece(_run_text(r), font_encoding(self.run_font(r, paragraph_font))) for r in _runs(p)
        ]

    def pieces(self, p: Any) -> list[Piece]:
        """The runs of ``w:p`` as pieces: a body paragraph's as read for the prior, a note's
        read now."""
        pieces = self._pieces.get(p)
        return self._read_pieces(p) if pieces is None else pieces

    def style_font(self, style_id: str | None) -> str | None:
        seen: set[str] = set()
        while style_id and style_id not in seen:
            seen.add(style_id)
            font, style_id = self._style(style_id)
            if font:
                return font
        return None

    def paragraph_font(self, p: Any) -> str | None:
        ppr = first_child(p, qn("w:pPr"))
        style = first_child(ppr, qn("w:pStyle")) if ppr is not None else None
        style_id = style.get(qn("w:val")) if style is not None else "Normal"
        if style_id not in self._paragraph_fonts:  # a style's answer is the same each time
            self._paragraph_fonts[style_id] = (
                self.style_font(style_id) or self.style_font("Normal") or self.default
            )
        return self._paragraph_fonts[style_id]

    def run_font(self, r: Any, paragraph_font: str | None) -> str | None:
        rpr = first_child(r, qn("w:rPr"))
        own = _rfonts_name(rpr)
        if own:
            return own
        if rpr is not None:
            char_style = first_child(rpr, qn("w:rStyle"))
            if char_style is not None:
                font = self.style_font(char_style.get(qn("w:val")))
                if font:
                    return font
        return paragraph_font


def _run_text(r: Any) -> str:
    """A run's characters as Word shows them; a soft hyphen stays U+00AD (decoded later)."""
    out = []
    for child in r:
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "t":
            out.append(child.text or "")
        elif tag in ("tab", "ptab"):
            out.append("\t")
        elif tag in ("br", "cr"):
            out.append("" if child.get(qn("w:type")) == "page" else "\n")
        elif tag == "softHyphen":
            out.append("\u00ad")
        elif tag == "noBreakHyphen":
            out.append("-")
    return "".join(out)


def _runs(container: Any) -> Iterator[Any]:
    for child in container:
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "r":
            yield child
        elif tag in _INLINE_CONTAINERS:
            yield from _runs(child)


def paragraph_text(p: Any, fonts: FontResolver) -> str:
    """The decoded text of one ``w:p`` element."""
    pieces = fonts.pieces(p)
    if fonts.prior is None and all(piece.encoding is None for piece in pieces):
        # No legacy encoding anywhere: ``decode_pieces`` would give the runs as written.
        return "".join(piece.text for piece in pieces)
    return decode_pieces([piece for piece in pieces if piece.text], fonts.prior)
