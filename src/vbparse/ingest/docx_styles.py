"""A Word document's styles, indexed once: the look-ups the .docx reader makes per paragraph.

python-docx answers ``Paragraph.style`` and ``Table.style`` by searching ``styles.xml`` on
every call, and for a paragraph without a style of its own by listing every style to find
the default one. Documents made from Word's template carry 160 styles (a 350 kB
``styles.xml``): those searches were 80 % of reading a corpus .docx. Here the styles are
walked once into a table by id, and each answer (a paragraph style's numbering, a table
style's borders) is kept for the next paragraph that asks.

The answers are python-docx's: a missing or wrongly typed style id falls back to the last
style marked default for its type, ``basedOn`` names the first style with that id.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from typing import Any

_ON = ("1", "true", "on")  # ST_OnOff's true values


@functools.cache  # a handful of tags, asked for on every paragraph
def qn(tag: str) -> str:
    """``w:p`` → the Clark name python-docx's elements are tagged with."""
    from docx.oxml.ns import qn as docx_qn

    return docx_qn(tag)


def has_borders(pr: Any, container: str) -> bool:
    """Whether ``pr`` (a ``w:tblPr`` or ``w:tcPr``) draws a border in ``container``."""
    if pr is None:
        return False
    borders = pr.find(qn(container))
    if borders is None:
        return False
    for side in ("top", "left", "bottom", "right", "start", "end", "insideH", "insideV"):
        node = borders.find(qn(f"w:{side}"))
        if node is not None and node.get(qn("w:val"), "none") not in ("none", "nil"):
            return True
    return False


# A run font's attributes, in the order Word uses them for characters above U+007F.
FONT_ATTRS = ("hAnsi", "ascii", "cs", "eastAsia")


def rfonts_names(root: Any) -> frozenset[str]:
    """Every font name a ``w:rFonts`` inside ``root`` gives, in any of its attributes."""
    attrs = [qn(f"w:{attr}") for attr in FONT_ATTRS]
    return frozenset(
        name for fonts in root.iter(qn("w:rFonts")) for attr in attrs if (name := fonts.get(attr))
    )


class StyleIndex:
    """The ``w:style`` elements of one document by id, and its default style per type."""

    def __init__(self, styles: Any) -> None:
        self.root = styles  # the ``w:styles`` element (its docDefaults give the default font)
        self._by_id: dict[str | None, list[Any]] = {}
        self._defaults: dict[str, Any] = {}
        style_id, style_type, default = qn("w:styleId"), qn("w:type"), qn("w:default")
        for style in styles.iterchildren(qn("w:style")):
            self._by_id.setdefault(style.get(style_id), []).append(style)
            if style.get(default) in _ON:  # the last one marked default wins, as in Word
                self._defaults[style.get(style_type)] = style
        self._num_prs: dict[str | None, list[Any]] = {}
        self._table_borders: dict[str | None, bool] = {}
        self._font_names: frozenset[str] | None = None

    def font_names(self) -> frozenset[str]:
        """Every font the styles part names (each ``w:rFonts`` attribute, the document
        defaults' included): the fonts a run can get from a style, found once per part."""
        if self._font_names is None:
            self._font_names = rfonts_names(self.root)
        return self._font_names

    def first(self, style_id: str | None) -> Any | None:
        """The first style with this id (``basedOn`` and python-docx's ``get_by_id``)."""
        found = self._by_id.get(style_id)
        return found[0] if found else None

    def last(self, style_id: str | None) -> Any | None:
        """The last style with this id (a later definition overrides an earlier one)."""
        found = self._by_id.get(style_id)
        return found[-1] if found else None

    def _resolve(self, style_id: str | None, style_type: str) -> Any | None:
        """The style a paragraph or table with ``style_id`` has: the default one of its type
        when the id is absent, unknown or names a style of another type."""
        style = self.first(style_id) if style_id else None
        if style is None or style.get(qn("w:type")) != style_type:
            return self._defaults.get(style_type)
        return style

    def _chain(self, style_id: str | None, style_type: str) -> Iterator[Any]:
        """The style ``style_id`` resolves to, then the styles it is based on."""
        style = self._resolve(style_id, style_type)
        seen: set[str | None] = set()
        while style is not None and style.get(qn("w:styleId")) not in seen:  # a loop ends
            seen.add(style.get(qn("w:styleId")))
            yield style
            based = style.basedOn
            style = self.first(based.val) if based is not None else None

    def num_prs(self, style_id: str | None) -> list[Any]:
        """The ``w:numPr`` (or ``None``) of a paragraph style and its bases, in order."""
        if style_id not in self._num_prs:
            self._num_prs[style_id] = [
                s.pPr.numPr if s.pPr is not None else None
                for s in self._chain(style_id, "paragraph")
            ]
        return self._num_prs[style_id]

    def numbered(self, style_id: str | None) -> bool:
        """Whether a paragraph style, or one it is based on, carries a ``w:numPr``."""
        return any(num_pr is not None for num_pr in self.num_prs(style_id))

    def table_has_borders(self, style_id: str | None) -> bool:
        """Whether a table style, or one it is based on, draws table borders."""
        if style_id not in self._table_borders:
            self._table_borders[style_id] = any(
                has_borders(s.find(qn("w:tblPr")), "w:tblBorders")
                for s in self._chain(style_id, "table")
            )
        return self._table_borders[style_id]
