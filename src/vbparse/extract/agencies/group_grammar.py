"""The group grammar's tries (``groups.yaml``: prefixes, nouns, qualifiers, attachments,
joiners), built once per gazetteer, for ``groups.match_group`` and the modules that ask what
can open a group or which words are its determiners."""

from __future__ import annotations

from dataclasses import dataclass, field

from vbparse.extract.agencies.gazetteer import Gazetteer, per_gazetteer
from vbparse.extract.agencies.keys import Trie, fold_phrase, fold_word

__all__ = ["GroupNoun", "GroupTries", "group_tries"]


@dataclass(frozen=True)
class GroupTries:
    prefixes: Trie
    nouns: Trie
    qualifiers: Trie  # folded qualifier → (canonical form, final, form as written)
    attachments: Trie
    bare_parents: Trie
    bare_parents_keys: tuple[tuple[str, ...], ...]  # longest first
    determiners: frozenset[str]
    joiners: tuple[tuple[tuple[str, ...], str], ...]
    # the joiners, then none (a noun written right after the last): the steps to a next noun
    joiner_steps: tuple[tuple[tuple[str, ...], str], ...]
    openings: frozenset[str]  # the tokens a group phrase can start with
    the_province: frozenset[tuple[str, ...]] = frozenset()  # "tỉnh" alone: the text's province
    provinces_as_group: frozenset[str] = frozenset()  # prefixes (canonical forms)
    # A group name → the gazetteer entry named exactly so (or None), found once per name.
    entries_by_name: dict[str, str | None] = field(default_factory=dict, compare=False)


@dataclass(frozen=True)
class GroupNoun:
    """A noun of the group grammar with what it admits (``groups.yaml`` ``nouns``)."""

    form: str
    members: frozenset[str]
    area: bool
    level: bool
    standalone: bool
    needs_joiner: bool
    needs_determiner: bool
    not_before: Trie
    place_of_lower: bool
    list_head: bool = False


@per_gazetteer
def group_tries(gazetteer: Gazetteer) -> GroupTries:
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
            GroupNoun(
                noun.named or noun.form,
                frozenset(noun.members),
                noun.area,
                noun.level,
                noun.standalone,
                noun.needs_joiner,
                noun.needs_determiner,
                not_before,
                noun.place_of_lower,
                noun.list_head,
            ),
        )
    for qualifier in grammar.qualifiers:
        if isinstance(qualifier, str):
            qualifiers.add(fold_phrase(qualifier), (qualifier, False, qualifier))
        else:
            qualifiers.add(
                fold_phrase(qualifier.form),
                (qualifier.named or qualifier.form, qualifier.final, qualifier.form),
            )
    for attachment in grammar.attachments:
        attachments.add(fold_phrase(attachment), attachment)
    for parent in grammar.bare_parents:
        bare_parents.add(fold_phrase(parent), parent)
    joiners = sorted(((fold_phrase(j), j) for j in grammar.joiners), key=lambda item: -len(item[0]))
    tries = GroupTries(
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
        joiner_steps=(*joiners, ((), "")),
        openings=frozenset(prefixes.root)
        | frozenset(nouns.root)
        | frozenset(fold_word(d) for d in grammar.determiners),
        the_province=frozenset(fold_phrase(noun) for noun in grammar.the_province),
        provinces_as_group=frozenset(p.form for p in grammar.prefixes if p.provinces_as_group),
    )
    return tries
