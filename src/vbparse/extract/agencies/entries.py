"""The gazetteer's entries, read file by file from ``grammars/agencies/*.yaml``, each with the
tables that file gives beside its entries (a province's places, a department's short
names). ``vbparse.extract.agencies.gazetteer`` reads the files in a fixed order, because
that order decides which entry a later duplicate id or alias conflicts with; the tries are
built from the entries in ``vbparse.extract.agencies.tries``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from vbparse.extract.agencies.files import (
    AddresseeRow,
    DepartmentRow,
    EntryRow,
    ProvinceRow,
    TitleRow,
)
from vbparse.extract.agencies.keys import ascii_slug, fold_phrase
from vbparse.grammars import GrammarError, load_yaml, validate_rows

__all__ = [
    "Entry",
    "LocalBodies",
    "Provinces",
    "Titles",
    "file_entries",
    "file_rows",
    "load_local_bodies",
    "load_party_bodies",
    "load_provinces",
    "load_titles",
]


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


def file_rows(name: str, key: str | None = None) -> list[dict[str, Any]]:
    """The rows of ``agencies/<name>``, or of its list under ``key``."""
    data = load_yaml(f"agencies/{name}")
    found = data.get(key, []) if key else data
    if not isinstance(found, list):
        raise GrammarError(f"agencies/{name}: expected a list{f' under {key!r}' if key else ''}")
    return found


def file_entries(name: str, key: str | None = None) -> Iterator[Entry]:
    """The entries written out in ``agencies/<name>`` (under ``key``), validated."""
    for row in validate_rows(f"agencies/{name}", file_rows(name, key), EntryRow):
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


@dataclass
class Provinces:
    """``provinces.yaml``: one Ủy ban nhân dân entry per province or city (after the one for
    "Ủy ban nhân dân tỉnh" without a place, ``unnamed``), with the full forms built from its
    committee prefixes and unit words; ``places`` maps each bare place name, ``unit_places``
    the place with its unit word ("tỉnh Quảng Ninh"), to the entry id."""

    rows: list[ProvinceRow]
    unit_words: dict[str, list[str]]
    unnamed: EntryRow
    entries: list[Entry]
    places: dict[tuple[str, ...], str]
    unit_places: dict[tuple[str, ...], str]


def load_provinces() -> Provinces:
    """Read ``provinces.yaml`` (see ``Provinces``)."""
    data = load_yaml("agencies/provinces.yaml")
    prefixes = data["committee_prefixes"]
    unit_words: dict[str, list[str]] = data["unit_words"]
    provinces = validate_rows(
        "agencies/provinces.yaml", file_rows("provinces.yaml", "entries"), ProvinceRow
    )
    unnamed = EntryRow.model_validate(data["unnamed"])
    entries = [Entry(**unnamed.model_dump(), source="provinces.yaml")]
    places: dict[tuple[str, ...], str] = {}
    unit_places: dict[tuple[str, ...], str] = {}
    for row in provinces:
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
    return Provinces(provinces, unit_words, unnamed, entries, places, unit_places)


def _holds_unit(place: str, unit_words: list[str]) -> bool:
    """Whether a place's spelling opens with its unit word ("TP.HCM", "TPHCM", "Thành phố Hồ
    Chí Minh"): provinces.yaml's ``unit_words`` of its kind."""
    written = place.casefold()
    return any(written.startswith(unit.casefold()) for unit in unit_words)


def load_party_bodies(ministries: list[Entry], provinces: list[ProvinceRow]) -> list[Entry]:
    """``party_bodies.yaml``: its entries, then one Party committee per ministry ("Đảng ủy Bộ
    X", linked to Bộ X) and per province ("Tỉnh ủy X", linked to its Ủy ban nhân dân)."""
    party = load_yaml("agencies/party_bodies.yaml")
    entries = list(file_entries("party_bodies.yaml", "entries"))
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
    return entries


@dataclass
class LocalBodies:
    """``local_bodies.yaml``'s departments: each one's generic entry (named without a
    province: ``generic``, one per row of ``departments``, in order) and one entry per
    province ("Sở Tài chính tỉnh X"), then the file's own entries (state companies), all in
    ``entries``. ``department_ids`` maps (department id, province id) to the province's
    department; ``joiners`` are the words a name's parts are joined by ("và", ","); the
    other tables are ``Gazetteer``'s of the same names."""

    departments: list[DepartmentRow]
    joiners: frozenset[str]
    generic: list[Entry]
    entries: list[Entry]
    department_ids: dict[tuple[str, str], str]
    department_bases: dict[str, str]
    unit_names: dict[str, str]
    provincial_alone: dict[tuple[str, ...], str]


def load_local_bodies(provinces: Provinces) -> LocalBodies:
    """Read ``local_bodies.yaml``'s departments and entries (see ``LocalBodies``)."""
    departments = validate_rows(
        "agencies/local_bodies.yaml", file_rows("local_bodies.yaml", "departments"), DepartmentRow
    )
    joiners = frozenset(fold_phrase(" ".join(file_rows("local_bodies.yaml", "name_joiners"))))
    generic: list[Entry] = []
    entries: list[Entry] = []
    department_ids: dict[tuple[str, str], str] = {}
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
        generic.append(
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
        entries.append(generic[-1])
        for row in provinces.rows:
            unit = "tỉnh" if row.kind == "province" else "thành phố"
            place_slug = ascii_slug(row.place)
            dept_id = f"{dept.id}-{place_slug}"
            aliases = []
            for n in names:
                for place in (row.place, *row.places):
                    # a spelling that holds its unit word ("TP.HCM", "TPHCM") needs no other
                    if (
                        not dept.unit_required
                        or dept.place_alone
                        or _holds_unit(place, provinces.unit_words[row.kind])
                    ):
                        aliases.append(f"{n} {place}")
                    for u in provinces.unit_words[row.kind]:
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
    entries.extend(file_entries("local_bodies.yaml", "entries"))
    return LocalBodies(
        departments,
        joiners,
        generic,
        entries,
        department_ids,
        department_bases,
        unit_names,
        provincial_alone,
    )


@dataclass
class Titles:
    """``titles.yaml``: person titles before an agency (folded, longest first, with their
    role) and, by entry id, the fixed addressee phrasings that entry gains as aliases."""

    titles: list[tuple[tuple[str, ...], str]]
    addressee_aliases: dict[str, list[str]]
    # title -> the first words of the mentions it may stand before (none: any mention)
    openings: dict[tuple[str, ...], frozenset[str]]


def load_titles() -> Titles:
    """Read ``titles.yaml`` (see ``Titles``)."""
    data = load_yaml("agencies/titles.yaml")
    rows = validate_rows("agencies/titles.yaml", data["titles"], TitleRow)
    titles = [(fold_phrase(t.form), t.role) for t in rows]
    titles.sort(key=lambda title: -len(title[0]))
    openings = {
        fold_phrase(t.form): frozenset(fold_phrase(w)[0] for w in t.before)
        for t in rows
        if t.before
    }
    addressee_aliases: dict[str, list[str]] = {}
    for row in validate_rows("agencies/titles.yaml", data["addressees"], AddresseeRow):
        addressee_aliases.setdefault(row.target, []).extend(row.phrases)
    return Titles(titles, addressee_aliases, openings)
