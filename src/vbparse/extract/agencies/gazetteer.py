"""The agency gazetteer (danh mục cơ quan): every body directives assign work to, with a stable
id, its canonical full name, kind and aliases, loaded from ``grammars/agencies/*.yaml``.

Files and what the loader derives from them:

- ``ministries.yaml``, ``central_bodies.yaml``: plain entry lists; a ministry's list-member short
  form ("Y tế" in "Các bộ: Y tế, Tài chính") comes from every name/alias that starts with "Bộ ".
- ``provinces.yaml``: one entry per Ủy ban nhân dân; the full forms ("UBND tỉnh X", "Ủy ban
  nhân dân thành phố X", "UBND TP. X") are built from its committee prefixes and unit words;
  the bare place names serve list members and table cells.
- ``party_bodies.yaml``: entries, plus one Party committee per ministry ("Đảng ủy Bộ X", linked
  to Bộ X) and per province ("Tỉnh ủy X").
- ``local_bodies.yaml``: one department per province ("Sở Tài chính tỉnh X") and state companies.
- ``groups.yaml``: the generic groups with ids, and the grammar of group phrases.
- ``titles.yaml``: person titles before an agency, and fixed addressee phrasings.
- ``named_bodies.yaml``: the grammar of bodies the gazetteer lacks but a text names the
  standard way ("Cục Quản lý đất đai": head noun + capitalised name, ended by stop words).

Matching keys and the trie are in :mod:`vbparse.extract.agencies.keys`; the files' models in
:mod:`vbparse.extract.agencies.files`.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from vbparse.extract.agencies.files import (
    AddresseeRow,
    DepartmentRow,
    EntryRow,
    GroupGrammar,
    LocalUnits,
    NamedBodyGrammar,
    ProvinceRow,
    RoleGrammar,
    TitleRow,
)
from vbparse.extract.agencies.keys import (
    Trie,
    ascii_slug,
    fold_phrase,
    fold_word,
    joiner_variants,
    without_ampersands,
)
from vbparse.grammars import GrammarError, load_yaml, validate_rows
from vbparse.models.agency import Agency


@dataclass(frozen=True)
class Entry:
    """One agency of the gazetteer."""

    id: str
    name: str
    kind: str
    aliases: tuple[str, ...] = ()
    valid_until: dt.date | None = None
    became: str | None = None
    link: str | None = None
    source: str = ""


@dataclass
class Gazetteer:
    """All agencies with the tries that find them.

    ``full`` maps full names and aliases to entry ids; ``members`` maps list-member short forms
    per class ("ministry": "Y tế" → bo-y-te; "province": "Cao Bằng" → ubnd-tinh-cao-bang);
    ``departments`` maps a department named without its province to the department id;
    ``department_bases`` gives, for a department always written with its unit word ("Thuế
    tỉnh"), its name without it ("Thuế"), so "Thuế tỉnh, thành phố" reads as one group;
    ``provincial_alone`` maps the names of a department the province has only one of ("Ban
    Quản lý khu kinh tế") to its id: written alone in a province's document it is that
    province's own.
    """

    entries: list[Entry]
    full: Trie
    members: dict[str, Trie]
    departments: Trie
    department_ids: dict[tuple[str, str], str]
    department_bases: dict[str, str]
    # a department whose name puts the place right after it ("Báo và Phát thanh, Truyền hình
    # Lâm Đồng"): its name with the unit word, for a mention that writes it ("… Truyền hình
    # tỉnh"), as most real golds name it then
    unit_names: dict[str, str]
    provincial_alone: dict[tuple[str, ...], str]
    places: dict[tuple[str, ...], str]
    group_grammar: GroupGrammar
    local_units: LocalUnits
    titles: list[tuple[tuple[str, ...], str]]
    roles: RoleGrammar
    named_bodies: NamedBodyGrammar
    conflicts: list[str]
    # "Ủy ban nhân dân tỉnh" written without its place (provinces.yaml ``unnamed``)
    unnamed_committee: str = ""
    _by_id: dict[str, Entry] = field(default_factory=dict)

    def get(self, entry_id: str) -> Entry | None:
        """The entry with this id, or None."""
        return self._by_id.get(entry_id)

    def resolve_province(self, province: str | None) -> str | None:
        """The Ủy ban nhân dân id for an issuer's province given as id, place or name."""
        if not province:
            return None
        if province in self._by_id:
            return province
        key = fold_phrase(province)
        if key in self.places:
            return self.places[key]
        found = self.full.longest(list(key), 0)
        if found and found[0] == len(key):
            return found[1]
        for unit_len in (1, 2):  # "tỉnh Cao Bằng", "thành phố Hà Nội"
            if key[unit_len:] in self.places:
                return self.places[key[unit_len:]]
        return None


def _rows(name: str, key: str | None = None) -> list[dict[str, Any]]:
    data = load_yaml(f"agencies/{name}")
    rows = data.get(key, []) if key else data
    if not isinstance(rows, list):
        raise GrammarError(f"agencies/{name}: expected a list{f' under {key!r}' if key else ''}")
    return rows


_AND = fold_word("và")


def _entries(name: str, key: str | None = None) -> Iterator[Entry]:
    for row in validate_rows(f"agencies/{name}", _rows(name, key), EntryRow):
        yield Entry(
            id=row.id,
            name=row.name,
            kind=row.kind,
            aliases=tuple(row.aliases),
            valid_until=row.valid_until,
            became=row.became,
            link=row.link,
            source=name,
        )


@functools.cache
def load_gazetteer() -> Gazetteer:
    """Load and index every agency grammar file (cached)."""
    entries: list[Entry] = []
    department_ids: dict[tuple[str, str], str] = {}
    members: dict[str, Trie] = {
        "ministry": Trie(),
        "province": Trie(),
        "department": Trie(),
        "named": Trie(),
    }
    places: dict[tuple[str, ...], str] = {}
    unit_places: dict[tuple[str, ...], str] = {}
    derived_aliases: dict[str, list[str]] = {}

    entries.extend(_entries("ministries.yaml"))
    ministries = [e for e in entries if e.kind == "ministry"]

    provinces_data = load_yaml("agencies/provinces.yaml")
    prefixes = provinces_data["committee_prefixes"]
    unit_words: dict[str, list[str]] = provinces_data["unit_words"]
    provinces = validate_rows(
        "agencies/provinces.yaml", _rows("provinces.yaml", "entries"), ProvinceRow
    )
    unnamed = EntryRow.model_validate(provinces_data["unnamed"])
    entries.append(Entry(**unnamed.model_dump(), source="provinces.yaml"))
    for row in provinces:
        department_ids[(unnamed.id, row.id)] = row.id
        all_places = [row.place, *row.places]
        aliases = list(row.aliases)
        for prefix in prefixes:
            for place in all_places:
                aliases.append(f"{prefix} {place}")
                for unit in unit_words[row.kind]:
                    aliases.append(f"{prefix} {unit} {place}")
        entries.append(
            Entry(
                id=row.id,
                name=row.name,
                kind=row.kind,
                aliases=tuple(aliases),
                valid_until=row.valid_until,
                became=row.became,
                source="provinces.yaml",
            )
        )
        for place in all_places:
            places[fold_phrase(place)] = row.id
            # "tỉnh Quảng Ninh", "thành phố Đà Nẵng": the bare place with its unit word
            for unit in unit_words[row.kind]:
                unit_places[fold_phrase(f"{unit} {place}")] = row.id

    party = load_yaml("agencies/party_bodies.yaml")
    entries.extend(_entries("party_bodies.yaml", "entries"))
    for committee in party.get("ministry_committees", []):
        for ministry in ministries:
            if ministry.valid_until and not committee.get("valid_until"):
                continue
            entries.append(
                Entry(
                    id=f"{committee['id_prefix']}-{ministry.id}",
                    name=f"{committee['prefix']} {ministry.name}",
                    kind="party_body",
                    aliases=tuple(f"{committee['prefix']} {a}" for a in ministry.aliases),
                    valid_until=committee.get("valid_until") or ministry.valid_until,
                    link=ministry.id,
                    source="party_bodies.yaml",
                )
            )
    for row in provinces:
        word = party["province_committees"][row.kind]
        entries.append(
            Entry(
                id=f"{ascii_slug(word)}-{ascii_slug(row.place)}",
                name=f"{word} {row.place}",
                kind="party_body",
                aliases=tuple(f"{word} {p}" for p in row.places),
                valid_until=row.valid_until,
                became=None,
                link=row.id,
                source="party_bodies.yaml",
            )
        )

    entries.extend(_entries("central_bodies.yaml"))

    departments = validate_rows(
        "agencies/local_bodies.yaml", _rows("local_bodies.yaml", "departments"), DepartmentRow
    )
    joiners = frozenset(fold_phrase(" ".join(_rows("local_bodies.yaml", "name_joiners"))))
    department_trie = Trie()
    # other spellings of the departments named without a unit word, by id (their entries'
    # names and aliases are the department's own: found once, used for both tries)
    department_spellings: dict[str, list[tuple[str, ...]]] = {}
    department_bases: dict[str, str] = {}
    unit_names: dict[str, str] = {}
    provincial_alone: dict[tuple[str, ...], str] = {}
    for dept in departments:
        if dept.unit_required:
            department_bases[dept.id] = dept.name
        names = [dept.name, *dept.aliases]
        if dept.alone_in_province:
            provincial_alone.update((fold_phrase(n), dept.id) for n in names)
        generic_aliases = [] if dept.unit_required else names[1:]
        generic_name = dept.name
        if dept.unit_required:
            generic_name = f"{dept.name} tỉnh"
            generic_aliases = [f"{n} {u}" for n in names for u in ("tỉnh", "thành phố")]
            generic_aliases.remove(generic_name)
        entries.append(
            Entry(
                id=dept.id,
                name=generic_name,
                kind="local_body",
                aliases=tuple(generic_aliases),
                valid_until=dept.valid_until,
                became=dept.became,
                source="local_bodies.yaml",
            )
        )
        for generic in (generic_name, *generic_aliases):
            department_trie.add(fold_phrase(generic), dept.id)
        if not dept.unit_required:
            spellings = department_spellings[dept.id] = list(
                _other_spellings(dept.name, dept.aliases, joiners)
            )
            for variant in spellings:
                if department_trie.get(variant) is None:
                    department_trie.add(variant, dept.id)
        for row in provinces:
            unit = "tỉnh" if row.kind == "province" else "thành phố"
            place_slug = ascii_slug(row.place)
            dept_id = f"{dept.id}-{place_slug}"
            aliases = []
            for n in names:
                for place in (row.place, *row.places):
                    if not dept.unit_required:
                        aliases.append(f"{n} {place}")
                    for u in unit_words[row.kind]:
                        aliases.append(f"{n} {u} {place}")
            name = (
                f"{dept.name} {unit} {row.place}"
                if dept.unit_in_name
                else f"{dept.name} {row.place}"
            )
            if not dept.unit_in_name:
                unit_names[dept_id] = f"{dept.name} {unit} {row.place}"
            if name in aliases:
                aliases.remove(name)
            entries.append(
                Entry(
                    id=dept_id,
                    name=name,
                    kind="local_body",
                    aliases=tuple(aliases),
                    valid_until=dept.valid_until or row.valid_until,
                    became=f"{dept.became}-{place_slug}" if dept.became else None,
                    link=row.id,
                    source="local_bodies.yaml",
                )
            )
            department_ids[(dept.id, row.id)] = dept_id
    entries.extend(_entries("local_bodies.yaml", "entries"))

    groups = load_yaml("agencies/groups.yaml")
    group_grammar = GroupGrammar.model_validate(groups["grammar"])
    # "Các Sở: Tài chính, Xây dựng": a department's short name is its name without the group
    # noun that admits department members
    heads = [fold_phrase(n.form) for n in group_grammar.nouns if "department" in n.members]
    # Former departments too: a list of 2024 names them ("Giao các sở: Nông nghiệp và Phát
    # triển nông thôn, Thông tin và Truyền thông, Xây dựng …", UBND tỉnh Bình Thuận, real);
    # a current department's short name is added after, so it wins where the two agree.
    for dept in sorted(departments, key=lambda d: d.valid_until is None):
        if dept.unit_required:
            continue
        for form in (dept.name, *dept.aliases):
            key = fold_phrase(form)
            for head in heads:
                if key[: len(head)] == head and len(key) > len(head):
                    short = key[len(head) :]
                    members["department"].add(short, dept.id)
                    # "Giám đốc các Sở: …, Giáo dục Đào tạo, Kế hoạch Đầu tư, …" (quyết định
                    # 15/2010/QĐ-UBND Hà Nội, a real .doc): the short name without its "và"
                    if _AND in short[1:-1]:
                        members["department"].add(tuple(w for w in short if w != _AND), dept.id)
    local_units = LocalUnits.model_validate(load_yaml("agencies/local_bodies.yaml")["local_units"])
    entries.extend(_entries("groups.yaml", "entries"))
    # "các Tập đoàn: Bưu chính Viễn thông Việt Nam, Công nghiệp - Viễn thông Quân đội": a
    # body's short name is its name without the group noun that admits "named" members
    named_heads = [fold_phrase(n.form) for n in group_grammar.nouns if "named" in n.members]
    for entry in entries:
        for form in (entry.name, *entry.aliases):
            key = fold_phrase(form)
            for head in named_heads:
                if key[: len(head)] == head and len(key) > len(head):
                    members["named"].add(key[len(head) :], entry.id)

    titles_data = load_yaml("agencies/titles.yaml")
    titles = [
        (fold_phrase(t.form), t.role)
        for t in validate_rows("agencies/titles.yaml", titles_data["titles"], TitleRow)
    ]
    titles.sort(key=lambda title: -len(title[0]))
    for row in validate_rows("agencies/titles.yaml", titles_data["addressees"], AddresseeRow):
        derived_aliases.setdefault(row.target, []).extend(row.phrases)

    roles = RoleGrammar.model_validate(load_yaml("agencies/roles.yaml"))
    named_bodies = NamedBodyGrammar.model_validate(load_yaml("agencies/named_bodies.yaml"))

    by_id: dict[str, Entry] = {}
    conflicts: list[str] = []
    for entry in entries:
        if entry.id in by_id:
            conflicts.append(f"duplicate id {entry.id}")
        by_id[entry.id] = entry
    for target, phrases in derived_aliases.items():
        if target not in by_id:
            raise GrammarError(f"agencies/titles.yaml: unknown target id {target!r}")
        old = by_id[target]
        by_id[target] = Entry(**{**old.__dict__, "aliases": (*old.aliases, *phrases)})
    entries = list(by_id.values())

    full = Trie()
    for entry in entries:
        for alias in (entry.name, *entry.aliases):
            key = fold_phrase(alias)
            displaced = full.add(key, entry.id)
            if displaced is not None:
                conflicts.append(f"alias {alias!r} names both {displaced} and {entry.id}")
            for alias in (entry.name, *entry.aliases):
                key = fold_phrase(alias)
                if key[:1] == ("bô5",) and len(key) > 1:
                    members["ministry"].add(key[1:], entry.id)
                elif not alias.isupper():
                    members["ministry"].add(key, entry.id)
        if entry.kind == "government_agency":
            members["ministry"].add(fold_phrase(entry.name), entry.id)
    for entry in entries:  # after every written name, so that none is displaced
        spellings = department_spellings.get(entry.id, [])
        if entry.kind == "ministry":
            spellings = list(_other_spellings(entry.name, entry.aliases, joiners))
        for variant in spellings:
            if full.get(variant) is None:
                full.add(variant, entry.id)
    for key, entry_id in (*places.items(), *unit_places.items()):
        members["province"].add(key, entry_id)
    for entry in entries:
        for attr in ("became", "link"):
            target = getattr(entry, attr)
            if target and target not in by_id:
                conflicts.append(f"{entry.id}: {attr} {target!r} is not an id")

    return Gazetteer(
        entries=entries,
        full=full,
        members=members,
        departments=department_trie,
        department_ids=department_ids,
        department_bases=department_bases,
        unit_names=unit_names,
        provincial_alone=provincial_alone,
        places=places,
        group_grammar=group_grammar,
        local_units=local_units,
        titles=titles,
        roles=roles,
        named_bodies=named_bodies,
        conflicts=conflicts,
        unnamed_committee=unnamed.id,
        _by_id=by_id,
    )


def _other_spellings(
    name: str, aliases: Iterable[str], joiners: frozenset[str]
) -> Iterator[tuple[str, ...]]:
    """Keys of the spellings copies use beside the written ones: the name's joiners swapped
    or left out, and abbreviations without their "&" ("Sở GDĐT")."""
    yield from joiner_variants(fold_phrase(name), joiners)
    for alias in aliases:
        if (joined := without_ampersands(fold_phrase(alias))) is not None:
            yield joined


def is_named_committee(agency: Agency) -> bool:
    """Whether ``agency`` is one province's or city's People's Committee, named with its
    place (not "Ủy ban nhân dân tỉnh" written without one)."""
    return (
        agency.kind in ("province", "city")
        and bool(agency.id)
        and agency.id != load_gazetteer().unnamed_committee
    )


def iter_aliases(entry: Entry) -> Iterable[str]:
    """The canonical name followed by every alias of an entry."""
    yield entry.name
    yield from entry.aliases
