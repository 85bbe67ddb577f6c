"""Short names a directive defines for bodies it has just named ("các bộ, cơ quan ngang bộ
(gọi tắt là bộ)", the Kính gửi list "(Sau đây gọi chung là các đơn vị)") and the tasks that
use them: a task led by "các bộ, tỉnh" is led by the bodies those short names stand for.

The grammar is data (``grammars/agencies/defined_terms.yaml``); the bodies are the document's
own agency mentions, found by the matcher, so a definition names what the text names.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import regex

from vbparse.extract.agencies.keys import fold_word
from vbparse.extract.agencies.matcher import scan_mentions
from vbparse.grammars import load_yaml
from vbparse.models import Agency, Task
from vbparse.pattern_time import time_left

__all__ = ["DefinedTerms", "find_defined_terms", "name_as_addressed", "name_defined_terms"]

_WORDS = regex.compile(r"[\p{L}\p{N}]+")
# How far before a definition its bodies are looked for.
_WINDOW = 600


@dataclass(frozen=True)
class _Grammar:
    definition: regex.Pattern[str]
    list_gap: regex.Pattern[str]
    joiners: regex.Pattern[str]
    max_bodies: int
    determiners: frozenset[str]
    addressed_as: tuple[tuple[str, ...], ...]
    addressed_as_units: tuple[tuple[str, ...], ...]
    addressed_in_full: tuple[str, ...]
    person_titles: tuple[tuple[str, ...], ...]
    list_head: regex.Pattern[str]
    max_listed: int
    list_reach: int
    said_above: tuple[str, ...]


@functools.cache
def _grammar() -> _Grammar:
    g: dict[str, Any] = load_yaml("agencies/defined_terms.yaml")
    return _Grammar(
        definition=regex.compile(g["definition"], regex.IGNORECASE),
        list_gap=regex.compile(g["list_gap"], regex.IGNORECASE),
        joiners=regex.compile(g["joiners"], regex.IGNORECASE),
        max_bodies=int(g["max_bodies"]),
        determiners=frozenset(fold_word(w) for w in g["determiners"]),
        person_titles=tuple(map(_words_key, g["addressee_person_titles"])),
        addressed_as=tuple(map(_words_key, g["addressed_as"])),
        addressed_as_units=tuple(map(_words_key, g["addressed_as_units"])),
        addressed_in_full=tuple(t.casefold() for t in g["addressed_in_full"]),
        list_head=regex.compile(g["list_head"]),
        max_listed=int(g["max_listed"]),
        list_reach=int(g["list_reach"]),
        said_above=tuple(t.casefold() for t in g["said_above"]),
    )


@dataclass(frozen=True)
class Term:
    """The bodies a short name stands for; a list's head stands for its members only in the
    text right after the list (``reach``: the characters where a mention of it counts)."""

    bodies: list[Agency]
    reach: tuple[int, int] | None = None
    # the name stands for the bodies only where they are told to act (``addressed_as_units``)
    lead_only: bool = False

    def covers(self, agency: Agency) -> bool:
        if self.reach is None or agency.span is None:
            return True
        return self.reach[0] <= agency.span.start < self.reach[1]


# A short name's folded words → what it stands for.
DefinedTerms = dict[tuple[str, ...], Term]


def _words_key(words: str) -> tuple[str, ...]:
    """The folded words of ``words``."""
    return tuple(fold_word(w) for w in _WORDS.findall(words))


def _key(words: str) -> tuple[str, ...]:
    """The words' key without the words before a short name that do not change whom it
    names: a determiner ("các"), the head of the bodies ("thủ trưởng các đơn vị" names the
    units, as the task's mention of it does)."""
    keys = _words_key(words)
    g = _grammar()
    title = next((t for t in g.person_titles if keys[: len(t)] == t and len(keys) > len(t)), ())
    keys = keys[len(title) :]
    while keys and keys[0] in g.determiners:
        keys = keys[1:]
    return keys


def find_defined_terms(
    text: str,
    *,
    body_start: int,
    addressees: list[Agency],
    body_end: int | None = None,
    recipient_lines: int = 0,
    province: str | None = None,
    issuer: str | None = None,
) -> DefinedTerms:
    """Every short name ``text`` defines for bodies, with those bodies; a definition right
    after the Kính gửi lines names the addressees (``recipient_lines`` of them)."""
    g = _grammar()
    terms: DefinedTerms = {term: Term(list(addressees)) for term in g.addressed_as if addressees}
    if addressees:
        terms.update(
            (term, Term(list(addressees), lead_only=True)) for term in g.addressed_as_units
        )
    previous = 0
    for m in g.definition.finditer(text, timeout=time_left()):
        term = _key(m.group("term"))
        start = max(previous, m.start() - _WINDOW)
        previous = m.end()
        if not term or term in terms:
            continue
        if addressees and (m.start() < body_start or not text[body_start : m.start()].strip()):
            bodies, count = list(addressees), recipient_lines
        else:
            bodies = list(_bodies_before(text, start, m.start(), province, issuer))
            count = len(bodies)
        if bodies and count <= g.max_bodies:
            terms[term] = Term(bodies)
    for term, members in _lists(text, body_start, body_end, province, issuer):
        terms.setdefault(term, members)
    return terms


def _lists(
    text: str, body_start: int, body_end: int | None, province: str | None, issuer: str | None
) -> Iterator[tuple[tuple[str, ...], Term]]:
    """The body's lists under a group head ("đề nghị các Bộ, cơ quan: Kế hoạch và Đầu tư, Giao
    thông vận tải, Tài chính, Tư pháp, Ủy ban nhân dân tỉnh Tuyên Quang …"), each as the head's
    words and its members: the head said again later ("đề nghị các Bộ, cơ quan gửi ý kiến …",
    công văn 7352/VPCP-CN, real) names those members."""
    g = _grammar()
    end = len(text) if body_end is None else body_end
    for m in g.list_head.finditer(text, body_start, end, timeout=time_left()):
        if not _said_again(text, m.group("head"), m.end(), m.end() + _WINDOW + g.list_reach):
            continue  # the head is not said again within reach: nothing to name (most lists)
        _, mentions = scan_mentions(
            text[m.start() : m.start() + _WINDOW],
            offset=m.start(),
            province=province,
            issuer=issuer,
        )
        members = [x for x in mentions if x.list_member and x.first > 0]
        colon = m.group("head")
        if members and members[0].lead_in == 0 and len(members) <= g.max_listed:
            last = members[-1].agency.span
            after = last.end if last else m.end()
            yield _key(colon), Term([x.agency for x in members], (after, after + g.list_reach))


def _said_again(text: str, head: str, start: int, end: int) -> bool:
    """Whether the head's words come again in ``text[start:end]`` (any case and spacing)."""
    return _head_pattern(head).search(text, start, end) is not None


@functools.lru_cache(maxsize=256)
def _head_pattern(head: str) -> regex.Pattern[str]:
    """A list head's words said again without a list of their own ("các Bộ, cơ quan gửi ý
    kiến", not "các Vụ: TH"), in any case and spacing."""
    words = _WORDS.findall(head)
    pattern = r"(?<!\w)" + r"\W+".join(regex.escape(w) for w in words) + r"(?!\w)(?!\s*:)"
    return regex.compile(pattern, regex.IGNORECASE)


def _bodies_before(
    text: str, start: int, end: int, province: str | None, issuer: str | None
) -> Iterator[Agency]:
    """The run of agency mentions that ends right before ``end``, separated only by list
    punctuation and "và", in text order."""
    gap = _grammar().list_gap
    _, mentions = scan_mentions(text[start:end], offset=start, province=province, issuer=issuer)
    run: list[Agency] = []
    edge = end
    for mention in reversed(mentions):
        span = mention.agency.span
        if span is None or not gap.match(text[span.end : edge]):
            break
        run.append(mention.agency)
        edge = span.start
    yield from reversed(run)


def name_defined_terms(tasks: list[Task], terms: DefinedTerms) -> list[Task]:
    """Each task's lead and support with the short names replaced by the bodies they stand
    for ("các bộ, tỉnh" → "Các bộ, cơ quan ngang bộ", "Ủy ban nhân dân các tỉnh, thành phố
    trực thuộc Trung ương")."""
    if not terms:
        return tasks
    # Each agency's words as keys, read once per text: the tasks name the same bodies again
    # and again (a document's 300 mentions have about 60 texts).
    keys: dict[str, list[tuple[str, ...]]] = {}
    by_role = {"lead": terms, "support": {k: t for k, t in terms.items() if not t.lead_only}}
    for task in tasks:
        for role, role_terms in by_role.items():
            named: list[Agency] = []
            for agency in getattr(task, role):
                for body in _stands_for(agency, role_terms, keys) or [agency]:
                    if all(body.name != seen.name for seen in named):
                        named.append(body)
            setattr(task, role, named)
    return tasks


def _text_keys(text: str) -> list[tuple[str, ...]]:
    """The key of ``text`` whole, then the key of each of its parts between joiners."""
    parts = [p for p in _grammar().joiners.split(text) if p.strip()]
    return [_key(text), *map(_key, parts)]


def _stands_for(
    agency: Agency, terms: DefinedTerms, keys: dict[str, list[tuple[str, ...]]]
) -> list[Agency]:
    """The bodies ``agency``'s words name when they are defined short names (all of them);
    ``keys`` keeps each text's keys (``_text_keys``) for the next mention of it."""
    text_keys = keys.get(agency.text)
    if text_keys is None:
        text_keys = keys[agency.text] = _text_keys(agency.text)
    whole = terms.get(text_keys[0])
    if whole is not None and whole.covers(agency):
        return [b.model_copy(update={"span": agency.span}) for b in whole.bodies]
    bodies: list[Agency] = []
    for part_key in text_keys[1:]:
        defined = terms.get(part_key)
        if defined is None or not defined.covers(agency):
            return []
        bodies.extend(b.model_copy(update={"span": agency.span}) for b in defined.bodies)
    return bodies


def name_as_addressed(tasks: list[Task], addressees: list[Agency]) -> list[Task]:
    """A group a task names short that the Kính gửi names in full (the short name and one of
    ``addressed_in_full``) is that group: "Ủy ban nhân dân các tỉnh, thành phố" in a text
    addressed to "Chủ tịch Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương" (công
    điện 220/CĐ-TTg, real: its gold writes the full name)."""
    full = [a for a in addressees if a.kind == "group"]
    if not addressees:
        return tasks
    for task in tasks:
        for role in ("lead", "support"):
            named: list[Agency] = []
            for agency in getattr(task, role):
                above = _said_above(agency, addressees) or _placed_addressees(agency, addressees)
                named.extend(b for b in above if all(b.name != seen.name for seen in named))
                if not above:
                    named.append(_as_addressed(agency, full) if full else agency)
            setattr(task, role, named)
    return tasks


def _placed_addressees(agency: Agency, addressees: list[Agency]) -> list[Agency]:
    """The addressees a body named without its place is: "Giám đốc Sở Lao động - Thương binh
    và Xã hội có trách nhiệm" in a ministry's letter to "Sở Lao động - Thương binh và Xã hội
    tỉnh Thanh Hóa" (and other provinces'; công văn 5115/LĐTBXH-KHTC, real) is that Sở of each
    province addressed. Only a body whose entry has places (its id is their stem)."""
    if agency.id is None or agency.kind == "group":
        return []
    return [
        a
        for a in addressees
        if a.id is not None and a.id.startswith(f"{agency.id}-") and a.name.startswith(agency.name)
    ]


def _said_above(agency: Agency, addressees: list[Agency]) -> list[Agency]:
    """The addressees a group names as those said above: "4. Các Sở Xây dựng nêu trên" under
    "Sở Xây dựng các tỉnh, thành phố: Gia Lai, Đắk Lắk, Khánh Hòa, Lâm Đồng" (công điện
    96/CĐ-BXD, real: its gold names the four)."""
    if agency.kind != "group":
        return []
    folded = agency.name.casefold()
    for tail in _grammar().said_above:
        if not folded.endswith(f" {tail}"):
            continue
        short = _without_determiner(folded[: -len(tail) - 1].rstrip(" ,"))
        return [
            a.model_copy(update={"span": agency.span})
            for a in addressees
            if a.kind != "group" and f"{a.name.casefold()} ".startswith(f"{short} ")
        ]
    return []


def _as_addressed(agency: Agency, full: list[Agency]) -> Agency:
    """The Kính gửi's group for a group named short, or for the one body of its kind a letter
    to every such body names ("Kính gửi: Các Sở Giáo dục và Đào tạo" … "đề nghị Sở GDĐT …",
    công văn 7991/BGDĐT-GDTrH; "Kính gửi: Các Thuế tỉnh, thành phố" … "Thuế tỉnh, thành phố",
    5363/CT-CS, real): its "các" aside, the same words."""
    one_of_a_kind = (
        (agency.id is not None or _department_type(agency.name))
        and agency.span is not None
        and not _placed(agency)
    )
    if agency.kind != "group" and not one_of_a_kind:
        return agency
    short = _without_determiner(agency.name)
    tails = ("", *(f" {tail}" for tail in _grammar().addressed_in_full))
    for addressee in full:
        name = _without_determiner(addressee.name)
        same = addressee.name.casefold() == agency.name.casefold()
        # a department named alone in a letter to that department of every province ("đề
        # nghị các đồng chí Giám đốc Sở Tư pháp của các tỉnh, thành phố …" under "Kính gửi:
        # Giám đốc Sở Tư pháp các tỉnh, thành phố", công văn 8204/BTP-BTTP, real)
        # … or all of them ("Tổng cục Thuế yêu cầu các Cục Thuế …" under "Kính gửi: Cục Thuế
        # các tỉnh, thành phố trực thuộc Trung ương", công văn 1770/TCT-TTKT, real OCR text)
        plural = agency.kind == "group" and _department_type(short)
        in_every = (
            plural or (one_of_a_kind and not agency.name.casefold().startswith("các "))
        ) and name.startswith(f"{short} các ")
        if not same and (in_every or any(name == f"{short}{tail}" for tail in tails)):
            return agency.model_copy(update={"name": addressee.name, "id": addressee.id})
    return agency


@functools.cache
def _department_types() -> frozenset[str]:
    """The names of the provincial departments written with their unit ("Cục Thuế tỉnh X"):
    named alone ("Cục Thuế", a named unit without id), each is that department in general."""
    from vbparse.extract.agencies.gazetteer import load_gazetteer

    return frozenset(name.casefold() for name in load_gazetteer().department_bases.values())


def _department_type(name: str) -> bool:
    return name.casefold() in _department_types()


def _without_determiner(name: str) -> str:
    folded = name.casefold()
    return folded[len("các ") :] if folded.startswith("các ") else folded


def _placed(agency: Agency) -> bool:
    """Whether a body is named with its place ("Sở Y tế tỉnh Lâm Đồng"): then it is one body."""
    return any(f" {unit} " in f" {agency.name.casefold()} " for unit in ("tỉnh", "thành phố"))
