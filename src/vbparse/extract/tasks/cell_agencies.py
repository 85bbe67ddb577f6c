"""Agencies in a task table's cells: a lead, support or pending cell read item by item, and,
where the row has no such cell, the agencies that open the task text as its subject or follow
"phối hợp với" in it (``grammars/appendix/roles.yaml``)."""

from __future__ import annotations

import functools
from collections.abc import Iterable
from dataclasses import dataclass

import regex
from pydantic import BaseModel

from vbparse.extract.agencies.matcher import find_agencies
from vbparse.grammars import GrammarError, load_yaml, validate_rows
from vbparse.models import Agency, Span
from vbparse.pattern_time import time_left
from vbparse.segment.tables import Cell

__all__ = ["cell_agencies", "cell_pieces", "leading_agencies", "support_in_text"]


ROLES_GRAMMAR = "appendix/roles.yaml"


def cell_pieces(cell: Cell) -> list[tuple[str, int]]:
    """(text, absolute start) of each piece of a cell (one, or several for a cell that a
    pipe table continued on later rows)."""
    if not cell.parts:
        return [(cell.text, cell.span.start)]
    return list(zip(cell.text.split("\n"), (p.start for p in cell.parts), strict=True))


def cell_agencies(
    cell: Cell | None,
    *,
    province: str | None,
    issuer: str | None = None,
    bare_provinces: bool = False,
) -> list[Agency]:
    if cell is None or cell.empty:
        return []
    found: list[Agency] = []
    for piece, start in cell_pieces(cell):
        agencies = find_agencies(
            piece, offset=start, bare_provinces=bare_provinces, province=province, issuer=issuer
        )
        found.extend(_whole_items(piece, start, list(agencies), province, issuer))
    return _unique(found)


# An agency cell lists names one per line or separated by ";" (commas may sit inside a name:
# "Cục Cảnh sát phòng cháy, chữa cháy và cứu nạn, cứu hộ").
_CELL_ITEM = regex.compile(r"[^;\n]+")


# What may follow a name the gazetteer cut short, up to the end of its item: more words of
# the name (", chữa cháy và cứu nạn, cứu hộ", " thuộc Bộ"), no brackets, digits or clauses.
_NAME_REST = regex.compile(r"(?:,\s*|\s+)\p{Ll}[\p{L}\s,\-–—]{0,80}?\s*[.]?")


_NAME_REST_WORDS = 12


def _whole_items(
    piece: str, start: int, agencies: list[Agency], province: str | None, issuer: str | None
) -> list[Agency]:
    """Agencies of one cell piece, each one the gazetteer knows only in part (a body it
    lacks, a generic group) stretched over the rest of its item when that rest names no
    other agency: a cell of an agency column names agencies and nothing else."""
    out: list[Agency] = []
    for item in _CELL_ITEM.finditer(piece, timeout=time_left()):
        inside = [
            a
            for a in agencies
            if a.span is not None and item.start() <= a.span.start - start < item.end()
        ]
        out.extend(inside)
        if not inside:
            out.extend(
                _bare_kinds(item.group(), start + item.start())
                or _name_in_lower_case(item.group(), start + item.start(), province, issuer)
            )
            continue
        last = inside[-1]
        assert last.span is not None
        rest = piece[last.span.end - start : item.end()].rstrip()
        if (
            (last.id is not None and last.kind != "group")
            or not rest
            or not _NAME_REST.fullmatch(rest)
            or len(rest.split()) > _NAME_REST_WORDS
        ):
            continue
        end = last.span.end + len(rest.rstrip(" ."))
        words = piece[last.span.start - start : end - start]
        out[-1] = Agency(
            name=f"{last.name}{rest.rstrip(' .')}" if last.kind == "group" else words,
            id=last.id,
            kind=last.kind,
            text=words,
            span=Span(start=last.span.start, end=end),
        )
    return out


_DETERMINER = "các "
# What may stand around a cell item's words.
_ITEM_EDGES = " \t.,"


def _bare_kinds(item: str, start: int) -> list[Agency]:
    """Kinds of body an agency cell names without "các" ("Sở, ban, ngành có liên quan" in the
    PHỐI HỢP column of kế hoạch 552/KH-UBND Đồng Tháp, real): the group they make, named by
    the item's words, when they make one group and nothing else."""
    words = item.strip(_ITEM_EDGES)
    if not words:
        return []
    group = _whole_probe(_DETERMINER + words, None, None)
    if group is None or group.kind != "group":
        return []
    return [_as_item(group, item, start, name=words[:1].upper() + words[1:])]


def _name_in_lower_case(
    item: str, start: int, province: str | None, issuer: str | None
) -> list[Agency]:
    """A body a cell names with its second word in lower case ("Ban quản lý dự án đầu tư xây
    dựng tỉnh", the "Đơn vị chủ trì" cell of Phụ lục 1 of kế hoạch 1914/KH-UBND Hải Dương,
    real PDF b71): the body the name written the standard way makes, when it is one named
    body over the whole item."""
    words = item.strip(_ITEM_EDGES).split()
    if len(words) < _LOWER_NAME_WORDS or not words[1][:1].islower() or not words[0][:1].isupper():
        return []
    probe = " ".join([words[0], words[1][:1].upper() + words[1][1:], *words[2:]])
    body = _whole_probe(probe, province, issuer)
    if body is None or body.kind == "group":
        return []
    return [_as_item(body, item, start)]


# A body's name: its head and at least two more words ("Ban quản lý dự án …").
_LOWER_NAME_WORDS = 3


def _whole_probe(probe: str, province: str | None, issuer: str | None) -> Agency | None:
    """The one agency ``probe`` (a cell item written another way) names over all its words."""
    found = list(find_agencies(probe, province=province, issuer=issuer))
    if len(found) != 1 or found[0].span is None:
        return None
    if (found[0].span.start, found[0].span.end) != (0, len(probe)):
        return None
    return found[0]


def _as_item(agency: Agency, item: str, start: int, name: str | None = None) -> Agency:
    """``agency`` with the words and span of the cell item (at ``start``) it was read from."""
    words = item.strip(_ITEM_EDGES)
    at = start + item.index(words)
    update: dict[str, object] = {"text": words, "span": Span(start=at, end=at + len(words))}
    if name is not None:
        update["name"] = name
    return agency.model_copy(update=update)


def _unique(agencies: Iterable[Agency]) -> list[Agency]:
    seen: set[str] = set()
    out: list[Agency] = []
    for agency in agencies:
        if agency.name not in seen:
            seen.add(agency.name)
            out.append(agency)
    return out


def leading_agencies(
    cell: Cell, *, province: str | None, issuer: str | None = None
) -> list[Agency]:
    """Agencies that open a task text as its subject ("Bộ Tư pháp, Bộ Y tế khẩn trương
    …", "Bộ Tài chính - …"): used only when the row has no lead cell."""
    text, start = cell_pieces(cell)[0]
    out: list[Agency] = []
    pos = 0
    for agency in find_agencies(text, offset=start, province=province, issuer=issuer):
        local = agency.span.start - start if agency.span else -1
        if not _roles().joiners.fullmatch(text[pos:local]):
            break
        out.append(agency)
        pos = agency.span.end - start if agency.span else pos
    return _unique(out)


@dataclass(frozen=True)
class _Roles:
    support: regex.Pattern[str]
    joiners: regex.Pattern[str]


class _RolePhrase(BaseModel):
    phrase: str
    examples: list[str] = []


class _RolesFile(BaseModel):
    support: list[_RolePhrase]
    joiners: str


@functools.cache
def _roles() -> _Roles:
    (data,) = validate_rows(ROLES_GRAMMAR, [load_yaml(ROLES_GRAMMAR)], _RolesFile)
    try:
        support = regex.compile("|".join(f"(?:{p.phrase})" for p in data.support), regex.IGNORECASE)
        joiners = regex.compile(data.joiners)
    except regex.error as exc:
        raise GrammarError(f"{ROLES_GRAMMAR}: bad pattern: {exc}") from exc
    return _Roles(support=support, joiners=joiners)


def support_in_text(cell: Cell, *, province: str | None, issuer: str | None = None) -> list[Agency]:
    """Agencies named right after "phối hợp với" in a task text."""
    out: list[Agency] = []
    for piece, start in cell_pieces(cell):
        markers = list(_roles().support.finditer(piece, timeout=time_left()))
        if not markers:  # most task texts name no partner: the agency scan is skipped
            continue
        agencies = list(find_agencies(piece, offset=start, province=province, issuer=issuer))
        for marker in markers:
            pos = marker.end()
            for agency in agencies:
                if agency.span is None or agency.span.start - start < pos:
                    continue
                gap = piece[pos : agency.span.start - start]
                if not _roles().joiners.fullmatch(gap):
                    break
                out.append(agency)
                pos = agency.span.end - start
    return _unique(out)
