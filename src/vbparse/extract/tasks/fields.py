"""Field bullets: the lines under an item of a kế hoạch that name its parts rather than add
tasks ("- Cơ quan chủ trì: Sở Nội vụ.", "- Cơ quan phối hợp: …", "- Thời gian hoàn thành: Quý
III/2025", "- Sản phẩm: …"). The label is read with the task-table column grammar
(``grammars/appendix/columns.yaml``), so a field bullet and a table column mean the same.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterator
from dataclasses import dataclass, field

import regex

from vbparse.extract.agencies.matcher import find_agencies
from vbparse.extract.tasks.roles import find_roles, unique_agencies
from vbparse.extract.time.deadlines import parse_deadline
from vbparse.extract.time.patterns import alternation
from vbparse.grammars import load_yaml
from vbparse.models import Agency, Deadline, Span
from vbparse.segment.clause_tree import Clause
from vbparse.segment.lines import split_lines
from vbparse.segment.tables import header_meaning

_FIELD = regex.compile(r"(?P<label>[^:\n]{3,60}?)\s*:\s*(?P<value>\S.*?)[\s.;]*$", regex.DOTALL)
_BULLETS = frozenset({"dash", "plus"})
# A label that goes on to name whom it works with is a directive listing them, no field: "-
# Chủ trì, phối hợp với các cơ quan tuyên truyền: Báo, Đài Phát thanh - Truyền hình tỉnh, …
# để thông tin, tuyên truyền …" (kế hoạch of Sở TT&TT Hải Dương, real b76).
_WITH_OBJECT = regex.compile(r"\bvới\s+\S")
_MEANINGS = frozenset({"lead", "support", "deadline", "product"})


@dataclass
class TaskFields:
    """What an item's field bullets say; empty lists and None where they say nothing."""

    lead: list[Agency] = field(default_factory=list)
    support: list[Agency] = field(default_factory=list)
    deadline: Deadline | None = None
    product: str | None = None
    bullets: list[Clause] = field(default_factory=list)


def field_meaning(
    clause: Clause, text: str, *, any_label: bool = False
) -> tuple[str, str, int] | None:
    """(meaning, value, value offset) when ``clause`` is a field bullet, else None; with
    ``any_label`` a lettered or numbered item ("a) Cơ quan chủ trì: …") counts too."""
    if (clause.kind not in _BULLETS and not any_label) or clause.children:
        return None
    m = _FIELD.match(text, clause.text_start, clause.own_end)
    if m is None:
        return None
    meaning = header_meaning(m.group("label"))
    if meaning not in _MEANINGS or _WITH_OBJECT.search(m.group("label")):
        return None
    return meaning, m.group("value"), m.start("value")


def read_task_fields(
    clause: Clause,
    text: str,
    *,
    doc_date: dt.date | None,
    province: str | None,
    issuer: str | None = None,
) -> TaskFields:
    """The field bullets among ``clause``'s children, read into task fields."""
    fields = TaskFields()
    found = _lettered_fields(clause, text)
    if found is None:
        found = [(child, field_meaning(child, text)) for child in clause.children]
    if not any(f is not None and f[0] in ("lead", "support") for _, f in found):
        found += [(None, f) for f in _field_lines(clause, text)]
    for child, meaning_found in found:
        if meaning_found is None:
            continue
        meaning, value, start = meaning_found
        if child is not None:
            fields.bullets.append(child)
        if meaning in ("lead", "support"):
            _read_bodies(fields, meaning, value, start, province, issuer)
        elif meaning == "deadline":
            deadline = parse_deadline(value, doc_date=doc_date)
            if deadline is not None and deadline.span is not None:
                deadline = deadline.model_copy(update={"span": deadline.span.shift(start)})
            fields.deadline = deadline
        elif meaning == "product":
            fields.product = value
    # (an item's field read both as its bullet and as a line of its text names its bodies once)
    fields.lead = unique_agencies(fields.lead)
    fields.support = unique_agencies(fields.support)
    return fields


def _read_bodies(
    fields: TaskFields,
    meaning: str,
    value: str,
    start: int,
    province: str | None,
    issuer: str | None,
) -> None:
    """The bodies a "who does it" field names, into ``fields.lead`` or ``fields.support``."""
    roles = find_roles(value, offset=start, province=province, issuer=issuer)
    if meaning == "lead" and roles.lead and roles.support:
        # "Đơn vị thực hiện: Văn phòng UBND tỉnh chủ trì, phối hợp với Sở …": the field names
        # both (kế hoạch of Ban Chỉ đạo 02 cấp Lâm Đồng, real docx)
        fields.lead.extend(roles.lead)
        fields.support.extend(roles.support)
        return
    # A field that says what its bodies do names some only as whom they report to or advise
    # ("Cơ quan thực hiện: Sở Nội vụ chủ trì tham mưu Ủy ban nhân dân Thành phố ban hành Kế
    # hoạch; Sở Tư pháp và …", kế hoạch 172/KH-UBND TP.HCM; "… để tổng hợp báo cáo Chủ tịch UBND
    # tỉnh", 7360/KH-UBND Lai Châu, real): those are not its doers.
    reported = {a.span for a in roles.report_to}
    agencies = find_agencies(value, offset=start, province=province, issuer=issuer)
    named = [a for a in agencies if a.span not in reported] or list(_posts(value, start))
    getattr(fields, meaning).extend(named)


@functools.cache
def _comrade() -> regex.Pattern[str]:
    return regex.compile(alternation(load_yaml("agencies/titles.yaml")["comrade_words"]), regex.I)


@functools.cache
def _post_break() -> regex.Pattern[str]:
    """Where one post of a list ends: ";", or a comma before a capitalised word or a comrade
    word ("…, Trưởng đoàn thể xã, các đồng chí Chuyên viên …"; not "…, phụ trách lĩnh vực")."""
    return regex.compile(rf"\s*;\s*|,\s+(?=\p{{Lu}}|(?i:{_comrade().pattern})(?!\w))")


def _posts(value: str, start: int) -> Iterator[Agency]:
    """The posts a field names through their holders ("Đồng chí Phó chủ tịch Thường trực, phụ
    trách lĩnh vực …" → "Phó chủ tịch Thường trực, phụ trách lĩnh vực …"; "Các đ/c Phó Chủ
    tịch" → "Các Phó Chủ tịch"); nothing unless the value opens with a comrade word."""
    comrade = _comrade()
    if not comrade.match(value):
        return
    end = len(value.rstrip(" .;,"))
    cuts = [0, *(m for b in _post_break().finditer(value, 0, end) for m in b.span()), end]
    for at, stop in zip(cuts[::2], cuts[1::2], strict=True):
        part = value[at:stop]
        word = comrade.match(part)
        post = part[word.end() :].strip() if word else part.strip()
        if not post:
            continue
        many = word is not None and word.group().casefold().startswith("các")
        name = f"Các {post}" if many else post[:1].upper() + post[1:]
        yield Agency(
            name=name, kind="post", text=part, span=Span(start=start + at, end=start + stop)
        )


def _field_lines(clause: Clause, text: str) -> list[tuple[str, str, int]]:
    """Field lines in the item's own text, below its first line, without a bullet ("Đơn vị
    chủ trì thực hiện: Các Sở, ngành …" / "Đơn vị phối hợp: Sở Nội vụ, Sở Tư pháp.",
    kế hoạch 141/KH-UBND Bắc Ninh), when they name who does it."""
    out: list[tuple[str, str, int]] = []
    lines = [ln for ln in split_lines(text, clause.text_start, clause.own_end) if not ln.is_blank]
    for line in lines[1:]:
        m = _FIELD.match(text, line.start, line.end)
        if m is None:
            continue
        meaning = header_meaning(m.group("label"))
        if meaning in ("lead", "support", "deadline"):
            out.append((meaning, m.group("value"), m.start("value")))
    return out if any(f[0] in ("lead", "support") for f in out) else []


_EMPTY_FIELD = regex.compile(r"(?P<label>[^:\n]{3,60}?)\s*:[\s]*$")


def _lettered_fields(
    clause: Clause, text: str
) -> list[tuple[Clause, tuple[str, str, int] | None]] | None:
    """The item's lettered children read as its fields, or None when they are items.

    Lettered items are the task's fields ("a) Cơ quan chủ trì: Sở Nội vụ; b) Cơ quan phối hợp:
    …; c) Thời gian thực hiện: …", kế hoạch 70/KH-UBND Cần Thơ), also when one of them holds
    the task's words ("a) Nhiệm vụ: …") or gathers field bullets ("b) Cơ quan thực hiện:" over
    "- Đơn vị chủ trì: …", "- Đơn vị phối hợp: …", kế hoạch 308/KH-UBND Hà Nội), provided they
    name who does it, each part once; otherwise "a) Thời gian: …" under an event is an item of
    its own, and "a) Cơ quan chủ trì" twice is several tasks the segmenter could not split."""
    out: list[tuple[Clause, tuple[str, str, int] | None]] = []
    for child in clause.children:
        if child.children:
            head = _EMPTY_FIELD.match(text, child.text_start, child.own_end)
            label = head.group("label") if head is not None else _bare_label(child, text)
            meaning = header_meaning(label) if label else None
            if meaning == "task":  # "a) Nhiệm vụ:" over the task's bullets
                out.append((child, ("task", "", child.text_start)))
                out.extend(
                    (grand, ("task", "", grand.text_start))
                    for grand in child.walk()
                    if grand is not child
                )
                continue
            grouped = None
            if meaning in ("lead", "support"):
                grouped = _group_fields(child, meaning, text)
            if grouped is None:
                out.append((child, None))
                continue
            out.append((child, ("group", "", child.text_start)))
            out.extend(grouped)
            continue
        m = _FIELD.match(text, child.text_start, child.own_end)
        if m is not None and header_meaning(m.group("label")) == "task":
            out.append((child, ("task", m.group("value"), m.start("value"))))
            continue
        out.append((child, field_meaning(child, text, any_label=True)))
    meanings = [f[0] for _, f in out if f is not None and f[0] in _MEANINGS]
    if not {"lead", "support"} & set(meanings) or len(meanings) != len(set(meanings)):
        return None
    return out


# A field's label standing alone as a heading over its bodies ("2. Cơ quan chủ trì, phối hợp"
# / "a) Cơ quan chủ trì" / "- Ban Chỉ đạo quốc gia." …, kế hoạch 252/KH-BCĐQG1237, a real web
# copy): a short first line, no colon needed.
_MAX_LABEL = 60


def _bare_label(clause: Clause, text: str) -> str | None:
    first = text[clause.text_start : clause.own_end].split("\n", 1)[0]
    label = first.strip(" *_:\t")
    return label if 0 < len(label) <= _MAX_LABEL else None


def _group_fields(
    group: Clause, meaning: str, text: str
) -> list[tuple[Clause, tuple[str, str, int] | None]] | None:
    """The fields under a field heading: field bullets ("- Đơn vị chủ trì: …"), field headings
    of their own ("a) Cơ quan chủ trì" over names), or bare names, which are the heading's
    field together (one field, read from the first name to the last). None when a line under
    it says more than names ("2. Trách nhiệm thực hiện" over "- Sở Nội vụ hướng dẫn khen
    thưởng …", kế hoạch 982/KH-UBND Nghệ An, real: the items are tasks)."""
    out: list[tuple[Clause, tuple[str, str, int] | None]] = []
    names: list[Clause] = []
    for grand in group.children:
        if (found := field_meaning(grand, text)) is not None:
            out.append((grand, found))
        elif grand.children and (label := _bare_label(grand, text)):
            inner = header_meaning(label)
            nested = _group_fields(grand, inner, text) if inner in ("lead", "support") else None
            if nested is None:
                return None
            out.append((grand, ("group", "", grand.text_start)))
            out.extend(nested)
        elif grand.kind in _BULLETS and _only_names(text[grand.text_start : grand.own_end]):
            names.append(grand)
        else:
            return None
    if names:
        start, end = names[0].text_start, names[-1].own_end
        out.append((names[0], (meaning, text[start:end], start)))
        out.extend((name, ("group", "", name.text_start)) for name in names[1:])
    return out


# Words a line of names may hold besides the names ("và", "các", "cấp", a number's mark).
_MAX_WORDS_BESIDES_NAMES = 3
_LETTER_WORD = regex.compile(r"\p{L}+")


def _only_names(line: str) -> bool:
    """Whether a bullet holds bodies' names and hardly anything else ("Ban Chỉ đạo các quân
    khu; Ban Chỉ đạo các tỉnh.")."""
    chars = list(line)
    for agency in find_agencies(line):
        if agency.span is not None:
            chars[agency.span.start : agency.span.end] = " " * (agency.span.end - agency.span.start)
    # a capitalised word is a name's the gazetteer lacks ("Mặt trận Tổ quốc Việt Nam")
    rest = [w for w in _LETTER_WORD.findall("".join(chars)) if not w[:1].isupper()]
    return len(rest) <= _MAX_WORDS_BESIDES_NAMES
