"""Canonical casing of words a header writes in capitals ("PHÓ CHỦ NHIỆM" → "Phó Chủ nhiệm")."""

from __future__ import annotations

import functools
import unicodedata
from collections.abc import Callable, Iterable

from vbparse.grammars import load_yaml
from vbparse.normalize.tone_marks import fold_tone_marks_str


def without_marks(text: str) -> str:
    """``text`` with every diacritic taken off its letters (đ as d), nothing else changed."""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


# Pure in ``text``; the header's lines are asked about by several of its rules.
@functools.lru_cache(maxsize=4096)
def bare(text: str) -> str:
    """Letters without any diacritic, lower case, spaces collapsed: the key that OCR damage to
    the marks ("THÔNG BẢO" for "THÔNG BÁO", "Cân Thơ" for "Cần Thơ") leaves intact."""
    return " ".join(without_marks(text).lower().split())


def unique_by(values: Iterable[str], key: Callable[[str], str]) -> dict[str, str]:
    """``values`` by ``key``; a key two different values share is left out (it names none)."""
    found: dict[str, set[str]] = {}
    for value in values:
        found.setdefault(key(value), set()).add(value)
    return {k: next(iter(v)) for k, v in found.items() if len(v) == 1}


# Dashes are typography: "BỘ LAO ĐỘNG – THƯƠNG BINH VÀ XÃ HỘI" (an en dash, công văn
# 2864/LĐTBXH-NCC as crawled) is "Bộ Lao động - Thương binh và Xã hội".
_DASHES = str.maketrans({"–": "-", "—": "-", "‑": "-", "−": "-"})


def fold(text: str) -> str:
    """Comparison key: tone placement, case and dash style folded, spaces collapsed."""
    return " ".join(fold_tone_marks_str(text).casefold().translate(_DASHES).split())


@functools.cache
def _known_titles() -> dict[str, str]:
    return {fold(title): title for title in load_yaml("header.yaml")["titles"]}


@functools.cache
def _known_titles_bare() -> dict[str, str]:
    """The known positions by their letters alone; a key two positions share is left out."""
    return unique_by(load_yaml("header.yaml")["titles"], bare)


def known_title(text: str) -> str | None:
    """The canonical casing of ``text`` when it is exactly a known position ("THỦ TƯỚNG"), or
    its letters are one's when OCR lost or changed the marks ("Tong cục truong")."""
    return _known_titles().get(fold(text)) or _known_titles_bare().get(bare(text))


def agency_casing(text: str) -> str | None:
    """The gazetteer's casing of ``text`` when ``text`` is exactly an agency's name written in
    other case ("ỦY BAN NHÂN DÂN TỈNH CAO BẰNG" → "Ủy ban nhân dân tỉnh Cao Bằng")."""
    from vbparse.extract.agencies.matcher import find_agencies

    key = fold(text)
    for agency in find_agencies(text):
        if fold(agency.text) == key and fold(agency.name) == key:
            return agency.name
    return None


def title_case(text: str) -> str:
    """Recase a title written in capitals, part by part (parts split at commas): a known title
    or agency takes its canonical casing, anything else sentence case."""
    parts = []
    for part in text.split(","):
        words = " ".join(part.split())
        if not words:
            continue
        known = known_title(words) or agency_casing(words)
        parts.append(known if known else words[:1].upper() + words[1:].lower())
    return ", ".join(parts)
