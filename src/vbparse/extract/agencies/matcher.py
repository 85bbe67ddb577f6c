"""Agencies (cơ quan) named in a text, canonicalised through the gazetteer.

How mentions are found (a plain longest-match over folded tokens, no statistical model):

1. The text is split into word and punctuation tokens; each token is folded (case, tone-mark
   placement, dashes), so "Uỷ ban" and "Ủy ban", "hoá" and "hóa" give the same key.
2. At every token, candidates come from the gazetteer trie (full names and aliases, addressee
   phrasings such as "Bộ trưởng các bộ, Thủ trưởng cơ quan ngang bộ, ..."), from the group
   grammar ("các bộ, ngành, địa phương liên quan", "các sở, ban, ngành cấp tỉnh"), from the
   named-body grammar where no gazetteer name starts (``named_bodies.yaml``: "Cục Quản lý đất
   đai", "Công ty TNHH MTV ..."; id None, the head's kind, see
   :mod:`vbparse.extract.agencies.named_bodies`) and, for table cells, from bare province names. As
   spaCy's EntityRuler does, the longest candidates win and overlapping ones drop.
   Group phrases take qualifiers after any noun ("các bệnh viện chuyên khoa và trung tâm y tế
   khu vực") and an attached parent ("các đơn vị trực thuộc Sở Y tế"); a body type written
   before territories or levels is one group ("Sở Công Thương các tỉnh, thành phố trực thuộc
   Trung ương", also as a heading before ":"; "Thuế tỉnh, thành phố").
3. A group followed by ":" is a list head: its members are read one by one with the gazetteer
   deciding the boundaries, so "Các bộ: Y tế, Văn hóa, Thể thao và Du lịch, Tài chính" is three
   ministries ("Văn hóa, Thể thao và Du lịch" is one short name) and "Ủy ban nhân dân các tỉnh:
   Bắc Ninh, Hà Tĩnh" two Ủy ban nhân dân.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from vbparse.extract.agencies.gazetteer import (
    TOKEN,
    Entry,
    Gazetteer,
    Trie,
    ascii_slug,
    fold_phrase,
    fold_word,
    load_gazetteer,
)
from vbparse.extract.agencies.named_bodies import NamedBody, ends_name, named_body_at
from vbparse.models.agency import Agency
from vbparse.models.span import Span
from vbparse.normalize.tone_marks import fold_tone_marks_str

__all__ = [
    "Gazetteer",
    "Mention",
    "find_agencies",
    "format_gazetteer",
    "load_gazetteer",
    "scan_mentions",
]

_NUMBER_GLUE = "/-–"


@dataclass
class Tokens:
    """The tokens of a text with their folded keys and character offsets."""

    text: str
    keys: list[str]
    starts: list[int]
    ends: list[int]

    @classmethod
    def of(cls, text: str) -> Tokens:
        matches = list(TOKEN.finditer(text))
        return cls(
            text=text,
            keys=[fold_word(m.group()) for m in matches],
            starts=[m.start() for m in matches],
            ends=[m.end() for m in matches],
        )

    def __len__(self) -> int:
        return len(self.keys)

    def word(self, i: int) -> str:
        """Token ``i`` as written."""
        return self.text[self.starts[i] : self.ends[i]]

    def gap(self, i: int) -> str:
        """The characters between token ``i - 1`` and token ``i``."""
        return self.text[self.ends[i - 1] if i else 0 : self.starts[i]]


@dataclass
class Mention:
    """One agency mention with its token extent, as used by the role finder.

    ``first``/``last`` are token indices (``last`` exclusive) of the agency's own words;
    ``lead_in`` is where its context starts: the list head for the first member of a list,
    or a person title written before it ("Bộ trưởng", "Chủ tịch"); ``title_role`` is "none"
    when that title names people rather than the body ("người đứng đầu").
    """

    agency: Agency
    first: int
    last: int
    lead_in: int
    title_role: str = "addressee"
    list_member: bool = False
    # a province or city named bare ("thành phố Đà Nẵng"), read as its people's committee
    bare: bool = False


@dataclass
class _Candidate:
    first: int
    last: int
    entry_id: str | None = None
    group_name: str | None = None
    members: frozenset[str] = frozenset()
    determined: bool = True
    prefixed: bool = False
    area: bool = False  # territories or levels only ("các tỉnh, thành phố", "các cấp")
    nouns: int = 0
    bare: bool = False
    local_name: str | None = None
    local_key: str | None = None
    named: NamedBody | None = None
    consumed: bool = field(default=False, compare=False)

    @property
    def is_group(self) -> bool:
        return self.group_name is not None


@dataclass(frozen=True)
class _GroupTries:
    prefixes: Trie
    nouns: Trie
    qualifiers: Trie  # folded qualifier → (canonical form, final)
    attachments: Trie
    bare_parents: Trie
    bare_parents_keys: tuple[tuple[str, ...], ...]  # longest first
    determiners: frozenset[str]
    joiners: tuple[tuple[tuple[str, ...], str], ...]
    openings: frozenset[str]  # the tokens a group phrase can start with


@dataclass(frozen=True)
class _Noun:
    form: str
    members: frozenset[str]
    area: bool
    level: bool
    standalone: bool
    needs_joiner: bool
    not_before: Trie


_GROUP_TRIES: dict[int, _GroupTries] = {}
_MAX_QUALIFIERS = 2


def _group_tries(gazetteer: Gazetteer) -> _GroupTries:
    cached = _GROUP_TRIES.get(id(gazetteer))
    if cached is not None:
        return cached
    grammar = gazetteer.group_grammar
    prefixes, nouns, qualifiers = Trie(), Trie(), Trie()
    attachments, bare_parents = Trie(), Trie()
    for prefix in grammar.prefixes:
        for form in (prefix.form, *prefix.aliases):
            prefixes.add(fold_phrase(form), prefix.form)
    for noun in grammar.nouns:
        not_before = Trie()
        for word in noun.not_before:
            not_before.add(fold_phrase(word), True)
        nouns.add(
            fold_phrase(noun.form),
            _Noun(
                noun.form,
                frozenset(noun.members),
                noun.area,
                noun.level,
                noun.standalone,
                noun.needs_joiner,
                not_before,
            ),
        )
    for qualifier in grammar.qualifiers:
        if isinstance(qualifier, str):
            qualifiers.add(fold_phrase(qualifier), (qualifier, False))
        else:
            qualifiers.add(fold_phrase(qualifier.form), (qualifier.form, qualifier.final))
    for attachment in grammar.attachments:
        attachments.add(fold_phrase(attachment), attachment)
    for parent in grammar.bare_parents:
        bare_parents.add(fold_phrase(parent), parent)
    joiners = sorted(((fold_phrase(j), j) for j in grammar.joiners), key=lambda item: -len(item[0]))
    tries = _GroupTries(
        prefixes=prefixes,
        nouns=nouns,
        qualifiers=qualifiers,
        attachments=attachments,
        bare_parents=bare_parents,
        bare_parents_keys=tuple(
            sorted((fold_phrase(p) for p in grammar.bare_parents), key=lambda k: -len(k))
        ),
        determiners=frozenset(fold_word(d) for d in grammar.determiners),
        joiners=tuple(joiners),
        openings=frozenset(prefixes.root)
        | frozenset(nouns.root)
        | frozenset(fold_word(d) for d in grammar.determiners),
    )
    _GROUP_TRIES[id(gazetteer)] = tries
    return tries


def _render_joiner(joiner: str) -> str:
    return joiner + " " if joiner.startswith(",") else f" {joiner} "


def _qualifiers(gazetteer: Gazetteer, tokens: Tokens, start: int, parts: list[str]) -> int:
    """Up to two qualifiers from token ``start`` ("cấp tỉnh", "có liên quan"), their canonical
    forms appended to ``parts``; a ``final`` one only where the phrase ends after it. Returns
    the token after the last one."""
    tries = _group_tries(gazetteer)
    j = start
    for _ in range(_MAX_QUALIFIERS):
        found = tries.qualifiers.longest(tokens.keys, j)
        if not found:
            break
        end, (form, final) = found
        if final and not _phrase_ends(gazetteer, tokens, end):
            break
        j = end
        parts.append(" " + form)
    return j


def _phrase_ends(gazetteer: Gazetteer, tokens: Tokens, j: int) -> bool:
    """True when no name goes on at token ``j``: the end, punctuation, a joiner word or a
    stop phrase of the named-body grammar (a verb, a function word)."""
    if j >= len(tokens):
        return True
    word = tokens.word(j)
    if not word[:1].isalnum():
        return True
    if any(
        tuple(tokens.keys[j : j + len(key)]) == key for key, _ in _group_tries(gazetteer).joiners
    ):
        return True
    return word[:1].islower() and ends_name(gazetteer, tokens.keys, j)


def _attachment(gazetteer: Gazetteer, tokens: Tokens, start: int) -> int | None:
    """The end of "(trực) thuộc <body>" at token ``start``: a gazetteer or grammar-named body,
    or a parent written by its head alone ("thuộc Bộ", "thuộc Sở")."""
    tries = _group_tries(gazetteer)
    keys = tokens.keys
    found = tries.attachments.longest(keys, start)
    if not found or found[0] >= len(keys):
        return None
    k = found[0]
    if not tokens.word(k)[:1].isupper():
        return None
    body = gazetteer.full.longest(keys, k)
    named = named_body_at(gazetteer, tokens, k, lambda _: False)
    ends = [e for e in (body[0] if body else None, named.last if named else None) if e]
    if ends:
        return max(ends)
    parent = tries.bare_parents.longest(keys, k)
    if parent and _phrase_ends(gazetteer, tokens, parent[0]):
        return parent[0]
    return None


def _match_group(gazetteer: Gazetteer, tokens: Tokens, start: int) -> _Candidate | None:
    """A generic group phrase starting at token ``start``: [prefix] [các] noun [qualifier]
    (joiner [các] noun [qualifier])* [qualifier] [(trực) thuộc body]. The name is rebuilt
    from the grammar's canonical forms (an attached body keeps its words)."""
    tries = _group_tries(gazetteer)
    keys = tokens.keys
    if keys[start] not in tries.openings:
        return None
    j = start
    parts: list[str] = []
    prefix = tries.prefixes.longest(keys, j)
    if prefix:
        j, form = prefix
        parts.append(form + " ")
    determined = j < len(keys) and keys[j] in tries.determiners
    if determined:
        parts.append(tokens.text[tokens.starts[j] : tokens.ends[j]].lower() + " ")
        j += 1
    noun = _noun_at(tries, keys, j)
    if not noun:
        return None
    j, first_noun = noun
    parts.append(first_noun.form)
    members, count = first_noun.members, 1
    territory = first_noun.area  # every noun so far names territories
    spread = first_noun.area or first_noun.level
    alone = first_noun.standalone and not determined and not prefix
    determined = determined or alone  # "cơ quan thuế": a class of bodies without "các"
    while j < len(keys) and not alone:
        levels = spread and not territory
        step = _next_noun(tries, tokens, j, territory, prefix is not None, levels)
        if step is None:  # a qualifier between two nouns: "các bệnh viện chuyên khoa và ..."
            qualified = _qualifiers(gazetteer, tokens, j, parts)
            step = _next_noun(tries, tokens, qualified, territory, prefix is not None, levels)
            j = qualified
        if step is None:
            break
        j, text, more, with_det = step
        parts.append(text)
        members = members | more.members
        territory = territory and more.area
        spread = spread and (more.area or more.level)
        determined = determined or (more.level and with_det)  # "chính quyền các cấp"
        count += 1
    j = _qualifiers(gazetteer, tokens, j, parts)
    attached = _attachment(gazetteer, tokens, j) if j < len(keys) else None
    if attached:
        written = tokens.text[tokens.starts[j] : tokens.ends[attached - 1]]
        parts.append(" " + fold_tone_marks_str(" ".join(written.split())))
        j = attached
    name = "".join(parts)
    name = name[:1].upper() + name[1:]
    known = gazetteer.full.longest(list(fold_phrase(name)), 0)
    entry_id = None
    if known and known[0] == len(fold_phrase(name)):
        entry_id = known[1]
    return _Candidate(
        first=start,
        last=j,
        entry_id=entry_id,
        group_name=name,
        members=members,
        determined=determined or prefix is not None,
        prefixed=prefix is not None,
        area=spread,
        nouns=count,
    )


def _next_noun(
    tries: _GroupTries,
    tokens: Tokens,
    j: int,
    territory: bool,
    prefixed: bool,
    levels: bool = False,
) -> tuple[int, str, _Noun, bool] | None:
    """The next noun of a group at token ``j``, after a joiner (or none) and an optional "các":
    its end, its rendering (joiner, determiner, form), the noun and whether "các" came."""
    keys = tokens.keys
    for joiner_key, joiner in (*tries.joiners, ((), "")):
        k = j + len(joiner_key)
        if tuple(keys[j:k]) != joiner_key:
            continue
        det = ""
        if k < len(keys) and keys[k] in tries.determiners:
            det = tokens.text[tokens.starts[k] : tokens.ends[k]].lower() + " "
            k += 1
        nxt = _noun_at(tries, keys, k)
        if nxt and territory and not (nxt[1].area or nxt[1].level) and prefixed:
            # "Ủy ban nhân dân các xã, phường, chủ đầu tư": two groups (after territories a
            # prefix's group ends before a noun of another sort)
            nxt = None
        if nxt and det and joiner_key and not nxt[1].level and not levels:
            # "các cơ quan, đơn vị, địa phương, các chủ đầu tư": a new "các" after a joiner
            # starts another group (the gold of every real batch splits there); levels stay
            # one ("các cấp, các ngành")
            nxt = None
        if nxt and nxt[1].standalone and not det:
            nxt = None  # "cơ quan thuế, cơ quan hải quan": two classes of bodies
        if nxt and nxt[1].needs_joiner and not joiner_key:
            nxt = None  # "các tỉnh tổ chức ...": a verb, not a noun of the group
        if nxt:
            glue = _render_joiner(joiner) if joiner else " "
            return nxt[0], glue + det + nxt[1].form, nxt[1], bool(det)
    return None


def _noun_at(tries: _GroupTries, keys: list[str], start: int) -> tuple[int, _Noun] | None:
    """The longest group noun at token ``start`` unless a word after it makes it part of
    another word ("các bộ phận")."""
    found = tries.nouns.longest(keys, start)
    if found and found[1].not_before.longest(keys, found[0]):
        return None
    return found


_LOCAL_TRIES: dict[int, tuple[Trie, Trie]] = {}
_MAX_LOCAL_NAME_WORDS = 4


def _match_local_unit(gazetteer: Gazetteer, tokens: Tokens, start: int) -> _Candidate | None:
    """ "Ủy ban nhân dân xã Tân Phong": a committee prefix, a unit word, then the capitalised
    words of the commune's name; named ``Ủy ban nhân dân <unit> <Name>`` (kind local_body)."""
    tries = _LOCAL_TRIES.get(id(gazetteer))
    if tries is None:
        prefixes, units = Trie(), Trie()
        for prefix in gazetteer.local_units.committee_prefixes:
            prefixes.add(fold_phrase(prefix), gazetteer.local_units.committee_prefixes[0])
        for unit in gazetteer.local_units.units:
            units.add(fold_phrase(unit), unit)
        tries = _LOCAL_TRIES[id(gazetteer)] = (prefixes, units)
    prefixes, units = tries
    prefix = prefixes.longest(tokens.keys, start)
    if not prefix:
        return None
    unit = units.longest(tokens.keys, prefix[0])
    if not unit:
        return None
    j = unit[0]
    words = []
    while j < len(tokens) and len(words) < _MAX_LOCAL_NAME_WORDS:
        word = tokens.text[tokens.starts[j] : tokens.ends[j]]
        if not (word[:1].isupper() or word.isdigit()):
            break
        words.append(word)
        j += 1
    if not words:
        return None
    key = f"{unit[1]} {' '.join(words)}"
    return _Candidate(first=start, last=j, local_name=f"{prefix[1]} {key}", local_key=key)


def _glued_to_number(tokens: Tokens, first: int, last: int) -> bool:
    """True for "VPCP" in "365/TB-VPCP": a code inside a document number, not an agency."""
    text = tokens.text
    start, end = tokens.starts[first], tokens.ends[last - 1]
    if start > 0 and text[start - 1] in _NUMBER_GLUE:
        return True
    return end < len(text) and text[end] == "/"


def _candidates(gazetteer: Gazetteer, tokens: Tokens, bare_provinces: bool) -> list[_Candidate]:
    found: list[_Candidate] = []
    keys = tokens.keys
    openings = gazetteer.full.root

    def starts_body(j: int) -> bool:
        """Another body starts at token ``j``: a gazetteer name, a group or a named body."""
        if keys[j] in openings and gazetteer.full.longest(keys, j):
            return True
        group = _match_group(gazetteer, tokens, j)
        if (group and group.determined) or _match_local_unit(gazetteer, tokens, j):
            return True
        return named_body_at(gazetteer, tokens, j, lambda _: False) is not None

    known_until = 0
    for i in range(len(tokens)):
        full = gazetteer.full.longest(keys, i) if keys[i] in openings else None
        if full:
            found.append(_Candidate(first=i, last=full[0], entry_id=full[1]))
        group = _match_group(gazetteer, tokens, i)
        if group and not group.determined and keys[group.last : group.last + 1] != [":"]:
            group = None  # a bare noun ("tỉnh và ...") is a group only as a list head
        if group and (not full or group.last > full[0]):
            found.append(group)
        elif group and full and group.last == full[0]:
            found[-1].members = group.members  # a known group that is also a list head
            found[-1].group_name = gazetteer.get(full[1]).name if gazetteer.get(full[1]) else None
        local = _match_local_unit(gazetteer, tokens, i)
        if local and (not full or local.last > full[0]):
            found.append(local)
        # a grammar-named body starts neither where nor inside where a gazetteer name does
        # ("Hội Liên hiệp Phụ nữ tỉnh": no "Liên hiệp ..." inside it)
        named = (
            None if full or i < known_until else named_body_at(gazetteer, tokens, i, starts_body)
        )
        if full:
            known_until = max(known_until, full[0])
        if named:
            found.append(_Candidate(first=i, last=named.last, named=named))
        plural = _plural_body(gazetteer, tokens, i, starts_body)
        if plural:
            found.append(plural)
        if bare_provinces:
            place = gazetteer.members["province"].longest(keys, i)
            if place and (not full or place[0] > full[0]):
                found.append(_Candidate(first=i, last=place[0], entry_id=place[1], bare=True))
    found.extend(_bodies_in_every_area(gazetteer, tokens, found))
    found = [c for c in found if not _glued_to_number(tokens, c.first, c.last)]
    # longest first, then leftmost; drop the overlapping ones (spaCy's filter_spans)
    found.sort(key=lambda c: (-(c.last - c.first), c.first))
    taken = [False] * (len(tokens) + 1)
    chosen: list[_Candidate] = []
    for cand in found:
        if any(taken[cand.first : cand.last]):
            continue
        for k in range(cand.first, cand.last):
            taken[k] = True
        chosen.append(cand)
    chosen.sort(key=lambda c: c.first)
    return chosen


def _body_type(gazetteer: Gazetteer, cand: _Candidate) -> str | None:
    """The name of a body TYPE that exists in many places: a department named without its
    province ("Sở Y tế") or a unit named by the grammar ("Trung tâm Kiểm soát bệnh tật")."""
    if cand.named is not None:
        return cand.named.name if cand.named.kind in _TYPE_KINDS else None
    entry = gazetteer.get(cand.entry_id) if cand.entry_id else None
    if entry is not None and entry.kind == "local_body" and entry.link is None:
        return entry.name
    return None


_TYPE_KINDS = frozenset({"unit", "local_body", "board", "association"})


def _lower_first(name: str) -> str:
    return name[:1].lower() + name[1:]


def _plural_body(
    gazetteer: Gazetteer, tokens: Tokens, start: int, starts_body: Callable[[int], bool]
) -> _Candidate | None:
    """ "các sở giáo dục và đào tạo", "các Ban Quản lý dự án chuyên ngành": a determiner
    before a body type is the group of every such body; its name keeps the type's words."""
    keys = tokens.keys
    if keys[start] not in _group_tries(gazetteer).determiners or start + 1 >= len(keys):
        return None
    body = None
    department = gazetteer.departments.longest(keys, start + 1)
    if department:
        body = _Candidate(first=start + 1, last=department[0], entry_id=department[1])
    named = named_body_at(gazetteer, tokens, start + 1, starts_body)
    if named and (body is None or named.last > body.last):
        body = _Candidate(first=start + 1, last=named.last, named=named)
    name = _body_type(gazetteer, body) if body else None
    if body is None or name is None:
        return None
    return _Candidate(
        first=start,
        last=body.last,
        group_name=f"{tokens.word(start).capitalize()} {_lower_first(name)}",
    )


def _bodies_in_every_area(
    gazetteer: Gazetteer, tokens: Tokens, found: list[_Candidate]
) -> list[_Candidate]:
    """ "Sở Y tế các tỉnh, thành phố trực thuộc Trung ương", "Hội Nông dân các cấp": a body type
    written right before a group of territories or levels is ONE group, that body in each of
    them (not a department plus the provinces). The territories take "các" or are two or more
    ("Sở Y tế tỉnh, thành phố"; a lone "tỉnh" names the issuer's province); a department always
    written with its unit word shares it with the territories ("Thuế tỉnh, thành phố"). Not
    where ":" is followed by the territories' names ("Sở Y tế các tỉnh: Cao Bằng, ...")."""
    keys = tokens.keys
    out = []
    for cand in found:
        if cand.is_group:
            continue
        name, at = _body_type(gazetteer, cand), cand.last
        base = gazetteer.department_bases.get(cand.entry_id or "")
        if base is not None:  # "Thuế tỉnh" + ", thành phố": the unit word starts the area
            name, at = base, cand.first + len(fold_phrase(base))
        if name is None or at >= len(keys):
            continue
        area = _match_group(gazetteer, tokens, at)
        if (
            area is None
            or area.last <= cand.last
            or not area.area
            or area.prefixed
            or not (area.determined or area.nouns > 1)
            or _lists_members(gazetteer, tokens, area)
        ):
            continue
        out.append(
            _Candidate(
                first=cand.first,
                last=area.last,
                group_name=f"{name} {_lower_first(area.group_name or '')}",
            )
        )
    return out


def _lists_members(gazetteer: Gazetteer, tokens: Tokens, group: _Candidate) -> bool:
    """True when ``group`` is followed by ":" and a short name it admits ("các tỉnh: Cao
    Bằng"); not for a heading's colon before its items ("Sở Y tế các tỉnh, thành phố:")."""
    keys = tokens.keys
    if keys[group.last : group.last + 1] != [":"]:
        return False
    return any(gazetteer.members[cls].longest(keys, group.last + 1) for cls in group.members)


def _member_at(
    gazetteer: Gazetteer,
    tokens: Tokens,
    j: int,
    members: frozenset[str],
    by_start: dict[int, _Candidate],
    next_start: int,
) -> _Candidate | None:
    """The list member starting at token ``j``: a chosen candidate, or a short name."""
    best = by_start.get(j)
    for cls in sorted(members):
        short = gazetteer.members[cls].longest(tokens.keys, j)
        if short and short[0] <= next_start and (best is None or short[0] > best.last):
            best = _Candidate(first=j, last=short[0], entry_id=short[1])
    return best


def _expand(
    gazetteer: Gazetteer,
    tokens: Tokens,
    head: _Candidate,
    by_start: dict[int, _Candidate],
    starts: list[int],
) -> list[tuple[_Candidate, int]]:
    """The members of the list after ``head:``, each with its lead-in token (the head's first
    token for the first member). Empty when no member follows the colon."""
    keys = tokens.keys
    if head.last >= len(keys) or keys[head.last] != ":":
        return []
    tries = _group_tries(gazetteer)
    items: list[tuple[_Candidate, int]] = []
    j = head.last + 1
    lead_in = head.first
    while j < len(keys):
        next_start = min((s for s in starts if s > j), default=len(keys))
        item = _member_at(gazetteer, tokens, j, head.members, by_start, next_start)
        if item is None:
            break
        item.consumed = True
        if item.is_group and item.members and item.last < len(keys) and keys[item.last] == ":":
            nested = _expand(gazetteer, tokens, item, by_start, starts)
            if nested:
                first, _ = nested[0]
                items.append((first, lead_in))
                items.extend(nested[1:])
                return items
        items.append((item, lead_in))
        lead_in = item.last
        k = item.last
        step = None
        for joiner_key, _ in tries.joiners:
            if tuple(keys[k : k + len(joiner_key)]) == joiner_key:
                step = k + len(joiner_key)
                break
        if step is None:
            break
        j = step
    return items


@dataclass(frozen=True)
class _Placement:
    """Where bodies named without their parent belong: the issuer's province (its Ủy ban nhân
    dân id) and the issuer's canonical name ("Văn phòng Bộ" of "Bộ Y tế")."""

    province_id: str | None = None
    issuer: str | None = None


def _placement(gazetteer: Gazetteer, province: str | None, issuer: str | None) -> _Placement:
    name = None
    if issuer:
        entry = gazetteer.get(issuer)
        if entry is None:
            key = fold_phrase(issuer)
            found = gazetteer.full.longest(list(key), 0)
            entry = gazetteer.get(found[1]) if found and found[0] == len(key) else None
        name = entry.name if entry is not None else " ".join(issuer.split())
    return _Placement(gazetteer.resolve_province(province), name)


def _with_parent(gazetteer: Gazetteer, name: str, issuer: str | None) -> str:
    """ "Văn phòng Bộ" → "Văn phòng Bộ Y tế" when the issuer is "Bộ Y tế": a unit named with its
    parent's head noun alone (``bare_parents``) is the issuer's own unit."""
    if not issuer:
        return name
    words, key = name.split(), fold_phrase(name)
    issuer_key = fold_phrase(issuer)
    for parent in _group_tries(gazetteer).bare_parents_keys:
        n = len(parent)
        # one word per token, so the parent's words can be cut off the written name
        fits = len(words) == len(key) and len(key) > n
        if fits and key[-n:] == parent and issuer_key[:n] == parent:
            return " ".join([*words[:-n], issuer])
    return name


def _to_agency(
    gazetteer: Gazetteer, tokens: Tokens, cand: _Candidate, offset: int, placement: _Placement
) -> Agency:
    start, end = tokens.starts[cand.first], tokens.ends[cand.last - 1]
    text = tokens.text[start:end]
    span = Span(start=start + offset, end=end + offset)
    province_id = placement.province_id
    entry: Entry | None = gazetteer.get(cand.entry_id) if cand.entry_id else None
    if entry is not None and province_id:
        specific = gazetteer.department_ids.get((entry.id, province_id))
        if specific:
            entry = gazetteer.get(specific)
    if entry is not None:
        return Agency(name=entry.name, id=entry.id, kind=entry.kind, text=text, span=span)
    if cand.named is not None:
        name = _with_parent(gazetteer, cand.named.name, placement.issuer)
        return Agency(name=name, id=None, kind=cand.named.kind, text=text, span=span)
    if cand.local_name:
        # "ubnd-xa-tan-phong", plus the province's slug when the issuer's province is known
        local_id = "ubnd-" + ascii_slug(cand.local_key or "")
        if province_id:
            local_id += "-" + province_id.split("-", 2)[-1]
        return Agency(name=cand.local_name, id=local_id, kind="local_body", text=text, span=span)
    name = cand.group_name or text
    return Agency(name=name, id=f"group-{ascii_slug(name)}", kind="group", text=text, span=span)


def _absorb_titles(gazetteer: Gazetteer, tokens: Tokens, first: int, floor: int) -> tuple[int, str]:
    """Extend a mention back over person titles ("Chủ tịch", "Các đồng chí")."""
    role = "addressee"
    keys = tokens.keys
    changed = True
    while changed:
        changed = False
        for title, title_role in gazetteer.titles:  # longest first
            n = len(title)
            if first - n >= floor and tuple(keys[first - n : first]) == title:
                first -= n
                if title_role == "none":
                    role = "none"
                changed = True
                break
    return first, role


def scan_mentions(
    text: str,
    *,
    offset: int = 0,
    bare_provinces: bool = False,
    province: str | None = None,
    issuer: str | None = None,
) -> tuple[Tokens, list[Mention]]:
    """The tokens of ``text`` and every agency mention in it, lists expanded, in text order."""
    gazetteer = load_gazetteer()
    tokens = Tokens.of(text)
    placement = _placement(gazetteer, province, issuer)
    chosen = _candidates(gazetteer, tokens, bare_provinces)
    by_start = {c.first: c for c in chosen}
    starts = sorted(by_start)
    out: list[Mention] = []
    previous_end = 0
    for cand in chosen:
        if cand.consumed:
            continue
        items = _expand(gazetteer, tokens, cand, by_start, starts) if cand.is_group else []
        if items:
            for item, lead_in in items:
                agency = _to_agency(gazetteer, tokens, item, offset, placement)
                out.append(Mention(agency, item.first, item.last, lead_in, list_member=True))
            out[-len(items)].lead_in, out[-len(items)].title_role = _absorb_titles(
                gazetteer, tokens, cand.first, previous_end
            )
            previous_end = items[-1][0].last
            continue
        if (cand.is_group and not cand.determined) or (cand.bare and not bare_provinces):
            continue
        lead_in, role = _absorb_titles(gazetteer, tokens, cand.first, previous_end)
        agency = _to_agency(gazetteer, tokens, cand, offset, placement)
        out.append(Mention(agency, cand.first, cand.last, lead_in, role, bare=cand.bare))
        previous_end = cand.last
    return tokens, out


def find_agencies(
    text: str,
    *,
    offset: int = 0,
    bare_provinces: bool = False,
    province: str | None = None,
    issuer: str | None = None,
) -> Iterator[Agency]:
    """Every agency mention, canonical, in text order, lists expanded.

    "Các bộ: Y tế, Văn hóa, Thể thao và Du lịch, Nông nghiệp và Môi trường, Tài chính" yields 4
    ministries; "Ủy ban nhân dân các tỉnh: Bắc Ninh, Hà Tĩnh" 2 Ủy ban nhân dân tỉnh; a generic
    group ("các bộ, ngành, địa phương") one Agency of kind "group" whose name keeps its words;
    a body the gazetteer lacks but the text names the standard way ("Cục Quản lý đất đai chủ
    trì") an Agency with ``id=None``, its words as name and its head's kind ("unit").
    ``bare_provinces=True`` (table cells: "Đồng Nai, Hà Tĩnh") maps bare province names to their
    Ủy ban nhân dân. ``province`` (the issuer's, as id, place or name) places a department
    named alone ("Sở Tài chính") in that province. ``issuer`` (the issuing body, as id or
    name) completes a unit named with its parent's head alone: "Văn phòng Bộ" in a document of
    Bộ Y tế is "Văn phòng Bộ Y tế". Spans are ``offset``-shifted.
    """
    _, mentions = scan_mentions(
        text, offset=offset, bare_provinces=bare_provinces, province=province, issuer=issuer
    )
    for mention in mentions:
        yield mention.agency


def format_gazetteer(kind: str | None = None) -> Iterator[str]:
    """One tab-separated line per gazetteer entry: id, kind, name, aliases (joined by " | "),
    and the succession ("until 2025-02-28 → bo-tai-chinh") when the body no longer exists."""
    for entry in load_gazetteer().entries:
        if kind and entry.kind != kind:
            continue
        line = f"{entry.id}\t{entry.kind}\t{entry.name}\t{' | '.join(entry.aliases)}"
        if entry.valid_until:
            line += f"\tuntil {entry.valid_until.isoformat()}"
            if entry.became:
                line += f" → {entry.became}"
        yield line
