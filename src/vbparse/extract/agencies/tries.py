"""The tries a ``Gazetteer`` finds agency names with, built from its entries (read in
``vbparse.extract.agencies.entries``): full names and aliases, with the spellings copies use
beside them; departments named without their province; and list-member short forms
("Y tế" in "Các bộ: Y tế, Tài chính") per class of member. A later key displaces an earlier
one, so each trie is filled in the entries' order.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from vbparse.extract.agencies.entries import Entry
from vbparse.extract.agencies.files import DepartmentRow, GroupGrammar
from vbparse.extract.agencies.keys import (
    Trie,
    fold_phrase,
    fold_word,
    joiner_variants,
    without_ampersands,
)

__all__ = [
    "department_members",
    "department_trie",
    "name_tries",
    "named_members",
    "other_spellings",
    "province_members",
]

_AND = fold_word("và")


def other_spellings(
    name: str, aliases: Iterable[str], joiners: frozenset[str]
) -> Iterator[tuple[str, ...]]:
    """Keys of the spellings copies use beside the written ones: the name's joiners swapped
    or left out, and abbreviations without their "&" ("Sở GDĐT") or with "và" for it ("Sở TN và
    MT", letters of UBND tỉnh Hà Tĩnh, real b105)."""
    yield from joiner_variants(fold_phrase(name), joiners)
    for alias in aliases:
        key = fold_phrase(alias)
        if (joined := without_ampersands(key)) is not None:
            yield joined
            yield tuple(_AND if part == "&" else part for part in key)


def department_trie(
    departments: list[DepartmentRow], generic: list[Entry], joiners: frozenset[str]
) -> tuple[Trie, dict[str, list[tuple[str, ...]]]]:
    """The trie of departments named without their province (``generic``: each department's
    entry of that name, in the order of ``departments``), and the other spellings of those
    written without a unit word, by id (their entries' names and aliases are the
    department's own: found once, used for this trie and the full one)."""
    trie = Trie()
    spellings_by_id: dict[str, list[tuple[str, ...]]] = {}
    for dept, entry in zip(departments, generic, strict=True):
        for written in (entry.name, *entry.aliases):
            trie.add(fold_phrase(written), dept.id)
        if not dept.unit_required:
            spellings = spellings_by_id[dept.id] = list(
                other_spellings(dept.name, dept.aliases, joiners)
            )
            for variant in spellings:
                if trie.get(variant) is None:
                    trie.add(variant, dept.id)
    return trie, spellings_by_id


def department_members(departments: list[DepartmentRow], group_grammar: GroupGrammar) -> Trie:
    """ "Các Sở: Tài chính, Xây dựng": a department's short name is its name without the group
    noun that admits department members."""
    members = Trie()
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
                    members.add(short, dept.id)
                    # "Giám đốc các Sở: …, Giáo dục Đào tạo, Kế hoạch Đầu tư, …" (quyết định
                    # 15/2010/QĐ-UBND Hà Nội, a real .doc): the short name without its "và"
                    if _AND in short[1:-1]:
                        members.add(tuple(w for w in short if w != _AND), dept.id)
    return members


def named_members(entries: list[Entry], group_grammar: GroupGrammar) -> Trie:
    """ "các Tập đoàn: Bưu chính Viễn thông Việt Nam, Công nghiệp - Viễn thông Quân đội": a
    body's short name is its name without the group noun that admits "named" members."""
    members = Trie()
    named_heads = [fold_phrase(n.form) for n in group_grammar.nouns if "named" in n.members]
    for entry in entries:
        for form in (entry.name, *entry.aliases):
            key = fold_phrase(form)
            for head in named_heads:
                if key[: len(head)] == head and len(key) > len(head):
                    members.add(key[len(head) :], entry.id)
    return members


def name_tries(
    entries: list[Entry],
    department_spellings: dict[str, list[tuple[str, ...]]],
    joiners: frozenset[str],
    conflicts: list[str],
) -> tuple[Trie, Trie]:
    """The trie of every entry's name and aliases (an alias that names two entries goes to
    ``conflicts``), then the spellings copies use, where no written name holds the key; and
    the ministry-list members ("Y tế" for "Bộ Y tế", a government agency's own name)."""
    full, ministry_members = Trie(), Trie()
    for entry in entries:
        for alias in (entry.name, *entry.aliases):
            key = fold_phrase(alias)
            displaced = full.add(key, entry.id)
            if displaced is not None:
                conflicts.append(f"alias {alias!r} names both {displaced} and {entry.id}")
            for alias in (entry.name, *entry.aliases):
                key = fold_phrase(alias)
                if key[:1] == ("bô5",) and len(key) > 1:
                    ministry_members.add(key[1:], entry.id)
                elif not alias.isupper():
                    ministry_members.add(key, entry.id)
        if entry.kind == "government_agency":
            ministry_members.add(fold_phrase(entry.name), entry.id)
    for entry in entries:  # after every written name, so that none is displaced
        spellings = department_spellings.get(entry.id, [])
        if entry.kind == "ministry":
            spellings = list(other_spellings(entry.name, entry.aliases, joiners))
        for variant in spellings:
            if full.get(variant) is None:
                full.add(variant, entry.id)
    return full, ministry_members


def province_members(
    places: dict[tuple[str, ...], str], unit_places: dict[tuple[str, ...], str]
) -> Trie:
    """Province-list members: each bare place ("Cao Bằng"), then each place with its unit
    word ("tỉnh Cao Bằng")."""
    members = Trie()
    for key, entry_id in (*places.items(), *unit_places.items()):
        members.add(key, entry_id)
    return members
