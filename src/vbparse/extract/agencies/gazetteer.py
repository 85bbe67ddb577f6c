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

Each file is read into entries in :mod:`vbparse.extract.agencies.entries`, and the tries are
built from them in :mod:`vbparse.extract.agencies.tries`; matching keys and the trie are in
:mod:`vbparse.extract.agencies.keys`, the files' models in :mod:`vbparse.extract.agencies.files`.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TypeVar

from vbparse.extract.agencies.entries import (
    Entry,
    file_entries,
    load_local_bodies,
    load_party_bodies,
    load_provinces,
    load_titles,
)
from vbparse.extract.agencies.files import GroupGrammar, LocalUnits, NamedBodyGrammar, RoleGrammar
from vbparse.extract.agencies.keys import Trie, fold_phrase
from vbparse.extract.agencies.tries import (
    department_members,
    department_trie,
    name_tries,
    named_members,
    province_members,
)
from vbparse.grammars import GrammarError, load_yaml
from vbparse.models.agency import Agency

__all__ = [
    "Entry",
    "Gazetteer",
    "is_named_committee",
    "iter_aliases",
    "load_gazetteer",
    "per_gazetteer",
]


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
    # a title that stands only before mentions opening with one of these words
    title_openings: dict[tuple[str, ...], frozenset[str]]
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


_Built = TypeVar("_Built")


def per_gazetteer(build: Callable[[Gazetteer], _Built]) -> Callable[[Gazetteer], _Built]:
    """``build`` run once per gazetteer: the tries and indexes a module reads from its
    grammar. What it built is kept with the gazetteer itself, so that another gazetteer at
    the same id (the first one freed) is never served it."""
    built: dict[int, tuple[Gazetteer, _Built]] = {}

    @functools.wraps(build)
    def once(gazetteer: Gazetteer) -> _Built:
        hit = built.get(id(gazetteer))
        if hit is None or hit[0] is not gazetteer:
            hit = built[id(gazetteer)] = (gazetteer, build(gazetteer))
        return hit[1]

    return once


@functools.cache
def load_gazetteer() -> Gazetteer:
    """Load and index every agency grammar file (cached).

    The files are read in a fixed order (ministries, provinces, Party bodies, central
    bodies, local bodies, groups): a duplicate id keeps the later entry, and an alias that
    names two entries is reported and goes to the later one, as each trie keeps the later of
    two equal keys.
    """
    ministries = list(file_entries("ministries.yaml"))
    provinces = load_provinces()
    party = load_party_bodies([e for e in ministries if e.kind == "ministry"], provinces.rows)
    central = list(file_entries("central_bodies.yaml"))
    local = load_local_bodies(provinces)
    department_ids = {(provinces.unnamed.id, row.id): row.id for row in provinces.rows}
    department_ids.update(local.department_ids)
    departments, department_spellings = department_trie(
        local.departments, local.generic, local.joiners
    )
    group_grammar = GroupGrammar.model_validate(load_yaml("agencies/groups.yaml")["grammar"])
    local_units = LocalUnits.model_validate(load_yaml("agencies/local_bodies.yaml")["local_units"])
    groups = list(file_entries("groups.yaml", "entries"))
    written = [*ministries, *provinces.entries, *party, *central, *local.entries, *groups]
    titles = load_titles()
    roles = RoleGrammar.model_validate(load_yaml("agencies/roles.yaml"))
    named_bodies = NamedBodyGrammar.model_validate(load_yaml("agencies/named_bodies.yaml"))

    conflicts: list[str] = []
    by_id = _by_id(written, titles.addressee_aliases, conflicts)
    entries = list(by_id.values())
    full, ministry_members = name_tries(entries, department_spellings, local.joiners, conflicts)
    for entry in entries:
        for attr in ("became", "link"):
            target = getattr(entry, attr)
            if target and target not in by_id:
                conflicts.append(f"{entry.id}: {attr} {target!r} is not an id")

    return Gazetteer(
        entries=entries,
        full=full,
        members={
            "ministry": ministry_members,
            "province": province_members(provinces.places, provinces.unit_places),
            "department": department_members(local.departments, group_grammar),
            "named": named_members(written, group_grammar),
        },
        departments=departments,
        department_ids=department_ids,
        department_bases=local.department_bases,
        unit_names=local.unit_names,
        provincial_alone=local.provincial_alone,
        places=provinces.places,
        group_grammar=group_grammar,
        local_units=local_units,
        titles=titles.titles,
        title_openings=titles.openings,
        roles=roles,
        named_bodies=named_bodies,
        conflicts=conflicts,
        unnamed_committee=provinces.unnamed.id,
        _by_id=by_id,
    )


def _by_id(
    entries: list[Entry], addressee_aliases: dict[str, list[str]], conflicts: list[str]
) -> dict[str, Entry]:
    """The entries by id, a later one with an id taken replacing the earlier (reported in
    ``conflicts``), each with the addressee phrasings that ``titles.yaml`` gives it."""
    by_id: dict[str, Entry] = {}
    for entry in entries:
        if entry.id in by_id:
            conflicts.append(f"duplicate id {entry.id}")
        by_id[entry.id] = entry
    for target, phrases in addressee_aliases.items():
        if target not in by_id:
            raise GrammarError(f"agencies/titles.yaml: unknown target id {target!r}")
        old = by_id[target]
        by_id[target] = Entry(**{**old.__dict__, "aliases": (*old.aliases, *phrases)})
    return by_id


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
