"""Group phrases from the group grammar (``groups.yaml``): "các bộ, ngành, địa phương liên
quan", "các sở, ban, ngành cấp tỉnh", "các đơn vị trực thuộc Sở Y tế".

A phrase is [prefix] [các] noun [qualifier] (joiner [các] noun [qualifier])* [qualifier]
[(trực) thuộc body]; its name is rebuilt from the grammar's canonical forms. The grammar's tries
(``group_grammar``) are built once per gazetteer.
"""

from __future__ import annotations

import regex

from vbparse.extract.agencies.candidate import Candidate
from vbparse.extract.agencies.gazetteer import Gazetteer
from vbparse.extract.agencies.group_grammar import GroupNoun, GroupTries, group_tries
from vbparse.extract.agencies.keys import fold_phrase
from vbparse.extract.agencies.named_bodies import ends_name, named_body_at
from vbparse.extract.agencies.tokens import Tokens
from vbparse.normalize.tone_marks import fold_tone_marks_str

__all__ = ["match_group", "names_the_province"]


_MAX_QUALIFIERS = 2


def names_the_province(gazetteer: Gazetteer, keys: list[str], cand: Candidate) -> bool:
    """Whether a group is one territory noun alone ("Tỉnh", "thành phố"): the province the
    text is about (``the_province`` in groups.yaml)."""
    return (
        cand.is_group
        and not cand.prefixed
        and tuple(keys[cand.first : cand.last]) in group_tries(gazetteer).the_province
    )


def _render_joiner(joiner: str) -> str:
    if joiner == "/":  # "UBND các xã/phường": named as "các xã, phường" is
        return ", "
    return joiner + " " if joiner.startswith(",") else f" {joiner} "


def _qualifiers(gazetteer: Gazetteer, tokens: Tokens, start: int, parts: list[str]) -> int:
    """Up to two qualifiers from token ``start`` ("cấp tỉnh", "có liên quan"), their canonical
    forms appended to ``parts``; a ``final`` one only where the phrase ends after it. Returns
    the token after the last one."""
    tries = group_tries(gazetteer)
    keys, first_words = tokens.keys, tries.qualifiers.root
    j = start
    for _ in range(_MAX_QUALIFIERS):
        # (the trie's own first test, inlined: asked after every group and noun)
        found = (
            tries.qualifiers.longest(keys, j) if j < len(keys) and keys[j] in first_words else None
        )
        if not found:
            break
        end, (form, final, written) = found
        if final and not _phrase_ends(gazetteer, tokens, end):
            break
        j = end
        parts.append(" " + form)
        if (
            fold_phrase(form)[-2:] in tries.the_province
            or fold_phrase(form)[-1:] in tries.the_province
        ):
            placed = _named_place(gazetteer, tokens, j, parts)
            if placed != j:  # "của thành phố Huế": with its place, as written
                parts[-2] = " " + written
            j = placed
    return j


def _named_place(gazetteer: Gazetteer, tokens: Tokens, j: int, parts: list[str]) -> int:
    """A qualifier ending in "tỉnh" / "thành phố" goes on with the place's name when one
    follows ("các cơ quan liên quan của thành phố Huế", công văn 5642/CT-CS)."""
    if j >= len(tokens) or not tokens.word(j)[:1].isupper():
        return j
    found = gazetteer.members["province"].longest(tokens.keys, j)
    if not found:
        return j
    end = found[0]
    parts.append(" " + " ".join(tokens.text[tokens.starts[j] : tokens.ends[end - 1]].split()))
    return end


def _phrase_ends(gazetteer: Gazetteer, tokens: Tokens, j: int) -> bool:
    """True when no name goes on at token ``j``: the end, punctuation, a joiner word or a
    stop phrase of the named-body grammar (a verb, a function word)."""
    if j >= len(tokens):
        return True
    word = tokens.word(j)
    if not word[:1].isalnum():
        return True
    if any(
        tuple(tokens.keys[j : j + len(key)]) == key for key, _ in group_tries(gazetteer).joiners
    ):
        return True
    return word[:1].islower() and ends_name(gazetteer, tokens.keys, j)


def _attachment(gazetteer: Gazetteer, tokens: Tokens, start: int) -> int | None:
    """The end of "(trực) thuộc <body>" at token ``start``: a gazetteer or grammar-named body,
    or a parent written by its head alone ("thuộc Bộ", "thuộc Sở")."""
    tries = group_tries(gazetteer)
    keys = tokens.keys
    found = tries.attachments.longest(keys, start)
    if not found or found[0] >= len(keys):
        return None
    k = found[0]
    if keys[k] in tries.determiners:
        # a group of parents: "các cơ sở khám bệnh, chữa bệnh thuộc các Bộ, ngành"
        parents = match_group(gazetteer, tokens, k)
        return parents.last if parents is not None else None
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


def match_group(gazetteer: Gazetteer, tokens: Tokens, start: int) -> Candidate | None:
    """A generic group phrase starting at token ``start``: [prefix] [các] noun [qualifier]
    (joiner [các] noun [qualifier])* [qualifier] [(trực) thuộc body]. The name is rebuilt
    from the grammar's canonical forms (an attached body keeps its words)."""
    tries = group_tries(gazetteer)
    keys = tokens.keys
    if keys[start] not in tries.openings:
        return None
    j = start
    parts: list[str] = []
    # Each trie's first test is made here before it is entered (most openings are a bare
    # noun): the same answers, a call fewer each.
    prefix = tries.prefixes.longest(keys, j) if keys[j] in tries.prefixes.root else None
    if prefix and not _group_after_prefix(tries, keys, prefix[0]):
        # no group after it: the prefix's words open a noun ("Công đoàn cơ sở")
        prefix = None
    if prefix:
        j, form = prefix
        parts.append(form + " ")
    # after a prefix, a count stands for "các" ("Ủy ban nhân dân 168 phường, xã, đặc khu",
    # kế hoạch 4644/KH-SGDĐT Thành phố Hồ Chí Minh, real PDF)
    determined = j < len(keys) and (
        keys[j] in tries.determiners or (prefix is not None and keys[j].isdigit())
    )
    if determined:
        parts.append(tokens.text[tokens.starts[j] : tokens.ends[j]].lower() + " ")
        j += 1
    noun = _noun_at(tries, keys, j)
    if not noun:
        return None
    j, first_noun = noun
    if first_noun.list_head and keys[j : j + 1] != [":"]:
        return None
    if first_noun.needs_determiner and _capitalised_at(tokens, j):
        return None  # "các phòng Giáo dục và Đào tạo": divisions named, not a kind of body
    parts.append(first_noun.form)
    if first_noun.needs_determiner and (field := _department_field(gazetteer, tokens, j)):
        # … and named in lower case: "Kính gửi: - Các phòng giáo dục và đào tạo;" (công văn
        # 1746/SGDĐT-GDTrHCTTX Gia Lai, real b87), the divisions of a department's field
        j, short = field
        parts.append(f" {short}")
    forms = [first_noun.form]
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
        forms.append(more.form)
        members = members | more.members
        territory = territory and more.area
        spread = spread and (more.area or more.level)
        determined = determined or (more.level and with_det)  # "chính quyền các cấp"
        count += 1
    if territory:
        j = _past_their_place(gazetteer, tries, tokens, j)
    if prefix and count > 1 and not determined and _provinces_as_group(tries, prefix[1], forms):
        parts.insert(1, "các ")  # "Ủy ban nhân dân tỉnh, thành phố" (groups.yaml)
    j = _qualifiers(gazetteer, tokens, j, parts)
    attached = (
        _attachment(gazetteer, tokens, j)
        if j < len(keys) and keys[j] in tries.attachments.root
        else None
    )
    attachment = None
    if attached:
        written = tokens.text[tokens.starts[j] : tokens.ends[attached - 1]]
        attachment = fold_tone_marks_str(" ".join(written.split()))
        parts.append(" " + attachment)
        j = attached
    name = _hyphens_as_written(
        "".join(parts), tokens.text[tokens.starts[start] : tokens.ends[j - 1]]
    )
    name = name[:1].upper() + name[1:]
    return Candidate(
        first=start,
        last=j,
        entry_id=_entry_named(gazetteer, tries, name),
        group_name=name,
        attached=attachment if attachment and name.endswith(attachment) else None,
        members=members,
        determined=determined or prefix is not None,
        prefixed=prefix is not None,
        area=spread,
        nouns=count,
    )


def _group_after_prefix(tries: GroupTries, keys: list[str], j: int) -> bool:
    """Whether a determiner, a count or a noun follows a prefix ending at token ``j``."""
    if j >= len(keys):
        return False
    return keys[j] in tries.determiners or keys[j].isdigit() or bool(_noun_at(tries, keys, j))


# a hyphen between two words, spaced or not ("nghề nghiệp-giáo dục", "THCS - THPT")
_HYPHEN = regex.compile(r"(?<=\w)(?:\s+-\s+|-)(?=\w)")


def _hyphens_as_written(name: str, written: str) -> str:
    """The group's name with each hyphen spaced as the text writes it ("Các trung tâm giáo dục
    nghề nghiệp-giáo dục thường xuyên", "Các trường THCS-THPT": the golds keep the text's
    spelling, the canonical forms of groups.yaml space them), when the two have as many."""
    ours, theirs = _HYPHEN.findall(name), _HYPHEN.findall(written)
    if not ours or len(ours) != len(theirs) or ours == theirs:
        return name
    spacing = iter(theirs)
    return _HYPHEN.sub(lambda _: next(spacing), name)


def _provinces_as_group(tries: GroupTries, prefix: str, forms: list[str]) -> bool:
    """Whether a prefix that names the provinces' bodies as a group (``provinces_as_group``)
    stands before provincial nouns only ("tỉnh", "thành phố")."""
    return prefix in tries.provinces_as_group and all(
        fold_phrase(form) in tries.the_province for form in forms
    )


_NAMES_KEPT = 4096


def _entry_named(gazetteer: Gazetteer, tries: GroupTries, name: str) -> str | None:
    """The gazetteer entry whose name or alias is exactly ``name``, if any (kept per name: a
    document names the same groups again and again)."""
    if name in tries.entries_by_name:
        return tries.entries_by_name[name]
    key = fold_phrase(name)
    known = gazetteer.full.longest(list(key), 0)
    entry_id = known[1] if known and known[0] == len(key) else None
    if len(tries.entries_by_name) >= _NAMES_KEPT:  # an attached body's words vary: bounded
        tries.entries_by_name.clear()
    tries.entries_by_name[name] = entry_id
    return entry_id


def _next_noun(
    tries: GroupTries,
    tokens: Tokens,
    j: int,
    territory: bool,
    prefixed: bool,
    levels: bool = False,
) -> tuple[int, str, GroupNoun, bool] | None:
    """The next noun of a group at token ``j``, after a joiner (or none) and an optional "các":
    its end, its rendering (joiner, determiner, form), the noun and whether "các" came."""
    keys = tokens.keys
    # Most places hold no joiner: its first word is compared before a slice is built.
    first = keys[j] if j < len(keys) else None
    for joiner_key, joiner in tries.joiner_steps:
        if joiner_key and joiner_key[0] != first:
            continue
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
        if (
            nxt
            and territory
            and not (nxt[1].area or nxt[1].level or det)
            and _capitalised_at(tokens, k)
        ):
            # "Phòng Y tế huyện, thành phố, Sở Y tế": after territories a capitalised noun of
            # another sort names a body of its own
            nxt = None
        if nxt and det and joiner_key and not nxt[1].level and not levels:
            # "các cơ quan, đơn vị, địa phương, các chủ đầu tư": a new "các" after a joiner
            # starts another group (the gold of every real batch splits there); levels stay
            # one ("các cấp, các ngành")
            nxt = None
        if nxt and territory and nxt[1].place_of_lower and _capitalised_at(tokens, nxt[0]):
            # "Ủy ban nhân dân các huyện, thị xã, thành phố, tỉnh Sóc Trăng" (quyết định
            # 324/QĐ-UBND Sóc Trăng, real .doc): the province of those territories, its name
            # after it, is where they are
            nxt = None
        if nxt and nxt[1].standalone and not det:
            nxt = None  # "cơ quan thuế, cơ quan hải quan": two classes of bodies
        if nxt and nxt[1].needs_joiner and not joiner_key:
            nxt = None  # "các tỉnh tổ chức ...": a verb, not a noun of the group
        if nxt and nxt[1].needs_determiner and (not det or _capitalised_at(tokens, nxt[0])):
            nxt = None  # "Ủy ban nhân dân cấp huyện, Phòng Giáo dục và Đào tạo": a body
        if nxt:
            glue = _render_joiner(joiner) if joiner else " "
            if not joiner_key and territory and nxt[1].area:
                # territories whose comma the print lost ("Ủy ban nhân dân các phường xã, đặc
                # khu", kế hoạch 4644/KH-SGDĐT, real PDF): named as listed, as its gold does
                glue = ", "
            return nxt[0], glue + det + nxt[1].form, nxt[1], bool(det)
    return None


def _past_their_place(gazetteer: Gazetteer, tries: GroupTries, tokens: Tokens, j: int) -> int:
    """After a group's territories, the token past ", tỉnh Sóc Trăng" (``place_of_lower``: the
    province they lie in, which the group's name leaves out as its golds do); ``j`` if none."""
    keys = tokens.keys
    k = j + 1 if j < len(keys) and keys[j] == "," else j
    noun = _noun_at(tries, keys, k)
    if noun is None or not noun[1].place_of_lower or not _capitalised_at(tokens, noun[0]):
        return j
    place = gazetteer.members["province"].longest(keys, noun[0])
    return place[0] if place else j


def _department_field(gazetteer: Gazetteer, tokens: Tokens, j: int) -> tuple[int, str] | None:
    """The field of a department written at token ``j`` ("giáo dục và đào tạo") as its
    department's name says it ("Giáo dục và Đào tạo"), and where it ends; none where the name
    goes on ("tài chính - kế hoạch")."""
    keys = tokens.keys
    found = gazetteer.members["department"].longest(keys, j) if j < len(keys) else None
    if found is None or (found[0] < len(keys) and keys[found[0]] in _NAME_GOES_ON):
        return None
    entry = gazetteer.get(found[1])
    _, _, short = entry.name.partition(" ") if entry else ("", "", "")
    return (found[0], short) if short else None


_NAME_GOES_ON = frozenset(fold_phrase("- – & và"))


def _capitalised_at(tokens: Tokens, j: int) -> bool:
    return j < len(tokens.keys) and tokens.word(j)[:1].isupper()


def _noun_at(tries: GroupTries, keys: list[str], start: int) -> tuple[int, GroupNoun] | None:
    """The longest group noun at token ``start`` unless a word after it makes it part of
    another word ("các bộ phận")."""
    if start >= len(keys) or keys[start] not in tries.nouns.root:
        return None  # (the trie's first test: asked after every joiner)
    found = tries.nouns.longest(keys, start)
    if found and found[1].not_before.longest(keys, found[0]):
        return None
    return found
