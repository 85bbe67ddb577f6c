"""Document numbers (số ký hiệu): find them in text, parse them into their parts.

Three shapes occur (Nghị định 30/2020/NĐ-CP Phụ lục I; Hướng dẫn 36-HD/VPTW):
administrative ``10467/VPCP-KGVX`` / ``365/TB-VPCP``, normative ``180/2025/NĐ-CP``, and Party
``57-NQ/TW``. OCR and copy-paste add stray spaces and dashes ("07- TB/CQTTBCĐ", "02 –KH/BCĐTW",
"107/2021 /NĐ-CP"); ``normalize_number`` removes them.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator

import regex

from vbparse.grammars import load_tsv, load_yaml
from vbparse.models import DocumentNumber, Span
from vbparse.pattern_time import time_left

_DASHES = "-–—‐‑"
_SPACE_RUN = regex.compile(r"\s+")
_DASH_RUN = regex.compile(f"[{_DASHES}]")
# What every số ký hiệu holds: a digit (the sequence number's last, or its year's), then
# (after spaces) the "/" or dash that opens its codes, then (after spaces) the code's first
# capital. Found fast (a class first, no look-behind): a text without it is not searched
# with the whole pattern, which tries every position. The capital keeps out the texts whose
# only digits before a "/" are dates ("30/6/2025": most table cells and clauses).
_NUMBER_NEEDS = regex.compile(rf"\d[ ]*(?:/|[{regex.escape(_DASHES)}])[ ]*[A-ZĐ]")
_NUMBER_PART = regex.compile(r"[/-]")


@functools.cache
def document_type_codes() -> dict[str, str]:
    """Type code → name, from ``grammars/document_types.tsv``."""
    return {row["code"]: row["name"] for row in load_tsv("document_types.tsv")}


@functools.cache
def issuer_names() -> dict[str, str]:
    """Issuer code → name of the body, from ``grammars/issuer_codes.tsv``."""
    return {row["code"]: row["name"] for row in load_tsv("issuer_codes.tsv")}


@functools.cache
def number_regex() -> regex.Pattern[str]:
    """A số ký hiệu anywhere in text.

    Separators may carry stray spaces, but only before an all-capitals code, so that
    "57-NQ/TW - Ban Chỉ đạo" does not swallow the words after the number.
    """
    code = load_yaml("numbers.yaml")["code"]
    # A unit's code may carry a dot after a loose separator too ("563/UBND –CN.XDCB").
    caps = r"[A-ZĐ][A-ZĐ0-9&]+(?:\.[A-ZĐ0-9]+)*"
    dash = f"[{_DASHES}]"
    sep_tight = rf"(?:/|{dash})"
    # Stray spaces, never a line break: "- 2 -" above a table's "TT" is no number.
    sep_loose = rf"(?:[ ]*(?:/|{dash})[ ]*)"
    tail = rf"(?:{sep_tight}{code}|{sep_loose}{caps}(?![\p{{L}}\d]))"
    head = rf"(?:{sep_tight}{code}|{sep_loose}{caps}(?![\p{{L}}\d]))"
    pattern = (
        # The dashes escaped: "/-–" in a class is the range "/" to "–", which took in ":"
        # ("Số:10988/BNV-CQĐP" was no number).
        rf"(?<![\p{{L}}\d/{regex.escape(_DASHES)}])(?P<seq>\d{{1,6}})"
        rf"(?:[ ]*/[ ]*(?P<year>(?:19|20)\d{{2}})(?=[ ]*/))?"
        rf"(?P<codes>{head}{tail}*)"
        rf"(?![\p{{L}}\d])"
    )
    return regex.compile(pattern)


def normalize_number(text: str) -> str:
    """``"07- TB/CQTTBCĐ"`` → ``"07-TB/CQTTBCĐ"``: no spaces, plain hyphens."""
    return _DASH_RUN.sub("-", _SPACE_RUN.sub("", text))


def parse_document_number(text: str) -> DocumentNumber | None:
    """Split a số ký hiệu into its parts; None when ``text`` is not one."""
    match = number_regex().fullmatch(text.strip())
    if match is None:
        return None
    number = normalize_number(match.group(0))
    seq = match.group("seq")
    year = int(match.group("year")) if match.group("year") else None
    rest = number[len(seq) :]
    if year is not None:
        rest = rest[len(str(year)) + 1 :]
    types = document_type_codes()
    if rest.startswith("-"):
        # Party shape: 57-NQ/TW, 17317-CV/VPTW.
        type_code, _, issuer = rest[1:].partition("/")
        parts = issuer.split("-")
        return DocumentNumber(
            seq=seq,
            year=year,
            type=type_code or None,
            issuer_code=parts[0] or None,
            unit="-".join(parts[1:]) or None,
        )
    tokens = [t for t in _NUMBER_PART.split(rest.lstrip("/")) if t]
    if tokens and tokens[0] in types and len(tokens) > 1:
        return DocumentNumber(
            seq=seq,
            year=year,
            type=tokens[0],
            issuer_code=tokens[1],
            unit="-".join(tokens[2:]) or None,
        )
    return DocumentNumber(
        seq=seq,
        year=year,
        type=None,
        issuer_code=tokens[0] if tokens else None,
        unit="-".join(tokens[1:]) or None,
    )


def as_cong_van(parts: DocumentNumber) -> DocumentNumber:
    """Read a slash-shaped number as a công văn's: "12/CT-TTHT" of Cục Thuế has issuer CT
    and unit TTHT, though "CT" alone would read as Chỉ thị. Party numbers keep their type."""
    if parts.type is None or parts.type == "CV":
        return parts
    unit = "-".join(p for p in (parts.issuer_code, parts.unit) if p) or None
    return parts.model_copy(update={"type": None, "issuer_code": parts.type, "unit": unit})


def document_type(parts: DocumentNumber | None) -> str | None:
    """The document's type code: the number's own code, or CV for a number without one."""
    if parts is None:
        return None
    return parts.type or "CV"


def find_document_numbers(text: str, *, offset: int = 0) -> Iterator[tuple[str, Span, str]]:
    """Every số ký hiệu in ``text``: (normalized number, span, text as written)."""
    if not _NUMBER_NEEDS.search(text, timeout=time_left()):
        return
    for match in number_regex().finditer(text, timeout=time_left()):
        written = match.group(0)
        yield (
            normalize_number(written),
            Span(start=offset + match.start(), end=offset + match.end()),
            written,
        )
