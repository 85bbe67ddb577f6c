"""Every candidate mention at every token of a text, then the longest-first choice among
overlapping ones (spaCy's ``filter_spans``): gazetteer names, group phrases, local units
("Ủy ban nhân dân xã Tân Phong"), grammar-named bodies, plural bodies ("các sở giáo dục và đào
tạo"), a body type before territories ("Sở Y tế các tỉnh, thành phố") and bare provinces."""

from __future__ import annotations

import regex

from vbparse.extract.agencies.candidate import Candidate
from vbparse.extract.agencies.gazetteer import Gazetteer, per_gazetteer
from vbparse.extract.agencies.group_grammar import group_tries
from vbparse.extract.agencies.groups import match_group, names_the_province
from vbparse.extract.agencies.keys import Trie, fold_phrase, fold_word
from vbparse.extract.agencies.known_body_units import NUMERAL, unit_of_known_body
from vbparse.extract.agencies.named_bodies import head_words, named_body_at
from vbparse.extract.agencies.person_titles import title_at, titles_by_first
from vbparse.extract.agencies.tokens import Tokens
from vbparse.extract.agencies.type_groups import (
    bases_in_a_district,
    bases_in_every_area,
    bodies_in_every_area,
    department_bases_trie,
    plural_body,
)

__all__ = ["find_candidates"]

_NUMBER_GLUE = "/-–"


_MAX_LOCAL_NAME_WORDS = 4

_CO, _SO = fold_word("cơ"), fold_word("sở")


@per_gazetteer
def _local_tries(gazetteer: Gazetteer) -> tuple[Trie, Trie]:
    """The committee prefixes and unit words of ``local_bodies.yaml``, built once."""
    prefixes, units = Trie(), Trie()
    for prefix in gazetteer.local_units.committee_prefixes:
        prefixes.add(fold_phrase(prefix), gazetteer.local_units.committee_prefixes[0])
    for unit in gazetteer.local_units.units:
        units.add(fold_phrase(unit), unit)
    for abbreviation, unit in gazetteer.local_units.unit_aliases.items():
        units.add(fold_phrase(abbreviation), unit)
    return prefixes, units


def _match_local_unit(gazetteer: Gazetteer, tokens: Tokens, start: int) -> Candidate | None:
    """ "Ủy ban nhân dân xã Tân Phong": a committee prefix, a unit word, then the capitalised
    words of the commune's name; named ``Ủy ban nhân dân <unit> <Name>`` (kind local_body)."""
    prefixes, units = _local_tries(gazetteer)
    prefix = prefixes.longest(tokens.keys, start)
    if not prefix:
        return None
    unit = units.longest(tokens.keys, prefix[0])
    if not unit:
        return None
    j = unit[0]
    words = []
    while j < len(tokens) and len(words) - words.count("-") < _MAX_LOCAL_NAME_WORDS:
        word = tokens.text[tokens.starts[j] : tokens.ends[j]]
        if word in _NAME_DASHES and words and _place_at(gazetteer, tokens, j + 1):
            # a unit named after two places ("phường Xuân Hương - Đà Lạt", a ward of Lâm Đồng
            # since 2025, kế hoạch of UBND tỉnh Lâm Đồng, real DOCX)
            words.append("-")
            j += 1
            continue
        if not (word[:1].isupper() or word.isdigit()):
            break
        if _opens_a_sentence_on_its_line(tokens, j):
            break
        if words and _body_at(gazetteer, tokens, j):
            # the next body in a header's capitals: "ỦY BAN NHÂN DÂN THÀNH PHỐ HỒ CHÍ MINH" /
            # "SỞ GIÁO DỤC VÀ ĐÀO TẠO" (kế hoạch 90/KHLT-SGDĐT-TCGD, real b36)
            break
        # a place written in capitals in a header ("ỦY BAN NHÂN DÂN HUYỆN CHÂU THÀNH") is named
        # in title case; a Roman numeral ("Phường II") stays
        words.append(word.capitalize() if word.isupper() and not NUMERAL.fullmatch(word) else word)
        j += 1
    if not words:
        return None
    key = f"{unit[1]} {' '.join(words)}"
    return Candidate(first=start, last=j, local_name=f"{prefix[1]} {key}", local_key=key)


_NAME_DASHES = ("-", "–")


def _body_at(gazetteer: Gazetteer, tokens: Tokens, j: int) -> bool:
    """Whether a known body or a named one ("Phòng Giáo dục và Đào tạo") starts at token j."""
    if gazetteer.full.longest(tokens.keys, j):
        return True
    return tokens.keys[j] in head_words(gazetteer) and bool(
        named_body_at(gazetteer, tokens, j, lambda _: False)
    )


def _opens_a_sentence_on_its_line(tokens: Tokens, j: int) -> bool:
    """Whether token ``j`` starts a line with a capitalised word followed by a lower-case one:
    the sentence after a heading that ends with its unit word ("1. Văn phòng HĐND và UBND
    thành phố" / "Phối hợp Văn phòng Thành ủy …", kế hoạch 77/KH-UBND Cà Mau, real scan b101),
    not a place's name wrapped onto the line ("… huyện Cù Lao" / "Dung")."""
    if j == 0 or "\n" not in tokens.gap(j) or tokens.word(j).isupper() or j + 1 >= len(tokens):
        return False
    return tokens.word(j + 1)[:1].islower()


def _place_at(gazetteer: Gazetteer, tokens: Tokens, j: int) -> bool:
    """Whether token ``j`` can go on a place's name after a dash: capitalised, and no word a
    body's name opens with ("xã Tân Phong - Sở Y tế" names two bodies)."""
    if j >= len(tokens) or not tokens.text[tokens.starts[j] : tokens.ends[j]][:1].isupper():
        return False
    heads = set(head_words(gazetteer)) | group_tries(gazetteer).openings
    return tokens.keys[j] not in heads and tokens.keys[j] not in _local_tries(gazetteer)[0].root


_OPENINGS: dict[tuple[int, bool], frozenset[str]] = {}


def _openings(gazetteer: Gazetteer, bare_provinces: bool) -> frozenset[str]:
    """Every folded word a candidate can start with: a gazetteer name's, a group phrase's
    (and a plural body's determiner), a committee's, a named body's head, a department base's
    and, when bare provinces count, a province's first word. Built once per gazetteer."""
    cached = _OPENINGS.get((id(gazetteer), bare_provinces))
    if cached is None:
        words = set(gazetteer.full.root) | group_tries(gazetteer).openings
        words |= set(_local_tries(gazetteer)[0].root) | set(head_words(gazetteer))
        words |= set(department_bases_trie(gazetteer).root)
        if bare_provinces:
            words |= set(gazetteer.members["province"].root)
        cached = _OPENINGS[(id(gazetteer), bare_provinces)] = frozenset(words)
    return cached


_SUPPORT_VERBS: dict[tuple[int, bool], Trie] = {}
# the longest support phrase, in tokens ("phối hợp chặt chẽ với", "phối hợp , hỗ trợ")
_MAX_SUPPORT_WORDS = 6


def _after_support_verb(
    gazetteer: Gazetteer, keys: list[str], start: int, *, lead: bool = False
) -> bool:
    """Whether a support phrase of ``roles.yaml`` (with ``lead``, a request of
    ``groups.yaml``: "đề nghị", "yêu cầu") ends right before token ``start``."""
    trie = _SUPPORT_VERBS.get((id(gazetteer), lead))
    if trie is None:
        trie = Trie()
        phrases = (
            gazetteer.group_grammar.requests
            if lead
            else [row.phrase for row in gazetteer.roles.support_triggers]
        )
        for phrase in phrases:
            trie.add(tuple(reversed(fold_phrase(phrase))), True)
        _SUPPORT_VERBS[(id(gazetteer), lead)] = trie
    if not start or keys[start - 1] not in trie.root:
        return False  # the trie's first test, before the words are copied and reversed
    before = keys[max(0, start - _MAX_SUPPORT_WORDS) : start]
    return trie.longest(list(reversed(before)), 0) is not None


def _whole_group(gazetteer: Gazetteer, keys: list[str], group: Candidate) -> bool:
    """Whether a bare group names its bodies whole: one noun of territories ("địa phương") or
    one noun with its qualifier ("đơn vị có liên quan"); not a noun whose own words go on
    unknown to the grammar ("cơ quan thanh tra", "ngành công thương", "lực lượng Kiểm lâm")."""
    noun = group_tries(gazetteer).nouns.longest(keys, group.first)
    if noun is None or group.nouns != 1:  # "cơ quan, tổ chức": a list, whose words go on
        return False
    return (noun[1].area and not noun[1].level) or group.last > noun[0]


# A number's kind and the spaced dash before its issuer's code: "3031/CT - BGDĐT" (chỉ thị
# 15/CT-UBND Phú Thọ as a .doc, real b102).
_SPACED_NUMBER_DASH = regex.compile(r"\d/[\p{Lu}Đ][\p{Lu}Đ\d.&]{0,12}\s*[-–]\s+$")


def _glued_to_number(tokens: Tokens, first: int, last: int) -> bool:
    """True for "VPCP" in "365/TB-VPCP" (and "3031/CT - BGDĐT"): a code inside a document
    number, not an agency."""
    text = tokens.text
    start, end = tokens.starts[first], tokens.ends[last - 1]
    if start > 0 and text[start - 1] in _NUMBER_GLUE:
        return True
    if (
        start > 0
        and text[start - 1] == " "
        and _SPACED_NUMBER_DASH.search(text, max(0, start - 20), start)
    ):
        return True
    return end < len(text) and text[end] == "/"


def find_candidates(gazetteer: Gazetteer, tokens: Tokens, bare_provinces: bool) -> list[Candidate]:
    found: list[Candidate] = []
    keys = tokens.keys
    openings = gazetteer.full.root
    # Most tokens start nothing: the first word of each kind of phrase is checked here once,
    # before a matcher is entered (the matchers check it too, so the result is the same).
    group_openings = group_tries(gazetteer).openings
    determiners = group_tries(gazetteer).determiners
    local_openings = _local_tries(gazetteer)[0].root
    named_openings = head_words(gazetteer)
    title_firsts = titles_by_first(gazetteer)  # (a title's first word, asked before the call)
    starts: dict[int, bool] = {}

    def group_at(j: int) -> Candidate | None:
        return match_group(gazetteer, tokens, j) if keys[j] in group_openings else None

    def local_at(j: int) -> Candidate | None:
        return _match_local_unit(gazetteer, tokens, j) if keys[j] in local_openings else None

    def starts_body(j: int) -> bool:
        """Another body starts at token ``j``: a gazetteer name, a group or a named body
        (asked again and again by the named-body grammar: kept per token)."""
        known = starts.get(j)
        if known is None:
            known = starts[j] = _starts_body(j)
        return known

    def _starts_body(j: int) -> bool:
        if keys[j] in openings and gazetteer.full.longest(keys, j):
            return True
        if keys[j] in title_firsts and title_at(gazetteer, keys, j):
            # a person's title ends the name before it ("Cục trưởng Cục Hợp tác quốc tế và
            # Thủ trưởng các đơn vị có liên quan", quyết định 2750/QĐ-BGDĐT, real scan)
            return True
        group = group_at(j)
        if (group and group.determined) or local_at(j):
            return True
        if keys[j] not in named_openings:
            return False
        return named_body_at(gazetteer, tokens, j, lambda _: False) is not None

    known_until = 0
    # Only the tokens some candidate can start at (a tenth of them) enter the loop: each
    # test in it is guarded by its own opening words, all in ``_openings``.
    may_open = _openings(gazetteer, bare_provinces)
    provinces = gazetteer.members["province"]
    opening = [i for i, key in enumerate(keys) if key in may_open]
    for i in opening:
        full = gazetteer.full.longest(keys, i) if keys[i] in openings else None
        if full and i and keys[i] == _SO and keys[i - 1] == _CO:
            # "các cơ sở Giáo dục – Đào tạo" (facilities), not "Sở Giáo dục và Đào tạo" (công
            # văn 491/BHXH-QLT Cà Mau, real b101)
            full = None
        if full:
            found.append(Candidate(first=i, last=full[0], entry_id=full[1]))
            if unit := unit_of_known_body(gazetteer, tokens, i, full[0]):
                found.append(Candidate(first=i, last=unit.last, named=unit))
        # (the opening tests inlined: this loop runs once per token of every scanned text)
        group = match_group(gazetteer, tokens, i) if keys[i] in group_openings else None
        # "… Truyền hình tỉnh": "tỉnh" right after a body is that body's place
        if group and names_the_province(gazetteer, keys, group) and any(c.last == i for c in found):
            group = None
        if group and not group.determined and keys[group.last : group.last + 1] != [":"]:
            # a bare noun ("tỉnh và ...") is a group only as a list head, or as the object of
            # a support verb: "phối hợp với địa phương", "phối hợp, hỗ trợ địa phương"
            if _after_support_verb(gazetteer, keys, i) and _whole_group(gazetteer, keys, group):
                group.determined = True
            elif group.nouns > 1 and _after_support_verb(gazetteer, keys, i, lead=True):
                # "Đề nghị bộ, ngành, địa phương quan tâm thực hiện" (công văn 10989/BNV-TCBC,
                # real): kinds of body named together right after a lead trigger
                group.determined = True
            elif bare_provinces and names_the_province(gazetteer, keys, group):
                # "Tỉnh tổ chức thực hiện …": like a bare place, a body only as a subject
                group.determined = group.bare = True
            else:
                group = None
        if group and (not full or group.last > full[0]):
            found.append(group)
        elif group and full and group.last == full[0]:
            found[-1].members = group.members  # a known group that is also a list head
            found[-1].group_name = gazetteer.get(full[1]).name if gazetteer.get(full[1]) else None
        local = _match_local_unit(gazetteer, tokens, i) if keys[i] in local_openings else None
        if local and (not full or local.last > full[0]):
            found.append(local)
        # a grammar-named body starts neither where nor inside where a gazetteer name does
        # ("Hội Liên hiệp Phụ nữ tỉnh": no "Liên hiệp ..." inside it)
        named = (
            None
            if full or i < known_until or keys[i] not in named_openings
            else named_body_at(gazetteer, tokens, i, starts_body)
        )
        if full:
            known_until = max(known_until, full[0])
        if named:
            found.append(Candidate(first=i, last=named.last, named=named))
        plural = plural_body(gazetteer, tokens, i, starts_body) if keys[i] in determiners else None
        if plural:
            found.append(plural)
        if bare_provinces and keys[i] in provinces.root:  # (the trie's first test, inlined)
            place = provinces.longest(keys, i)
            if place and (not full or place[0] > full[0]):
                found.append(Candidate(first=i, last=place[0], entry_id=place[1], bare=True))
    found.extend(bodies_in_every_area(gazetteer, tokens, found))
    found.extend(bases_in_every_area(gazetteer, tokens, opening))
    # before the rest, so that it wins over a group of the same words ("Công an huyện")
    found[:0] = bases_in_a_district(gazetteer, tokens, opening)
    found = [c for c in found if not _glued_to_number(tokens, c.first, c.last)]
    # longest first, then leftmost; drop the overlapping ones (spaCy's filter_spans)
    found.sort(key=lambda c: (-(c.last - c.first), c.first))
    taken = [False] * (len(tokens) + 1)
    chosen: list[Candidate] = []
    for cand in found:
        if any(taken[cand.first : cand.last]):
            continue
        for k in range(cand.first, cand.last):
            taken[k] = True
        chosen.append(cand)
    _heads_of_lists(keys, found, chosen)
    chosen.sort(key=lambda c: c.first)
    return chosen


def _heads_of_lists(keys: list[str], found: list[Candidate], chosen: list[Candidate]) -> None:
    """A known name that takes in a group written as a list head ("Chủ tịch Ủy ban nhân dân
    các tỉnh, thành phố trực thuộc Trung ương: Hà Tĩnh, Quảng Trị", an addressee phrase of the
    gazetteer) heads that list: it takes the group's members, so they are read."""
    heads = {
        c.last: c for c in found if c.is_group and c.members and keys[c.last : c.last + 1] == [":"]
    }
    for cand in chosen:
        head = heads.get(cand.last)
        if head is not None and not cand.is_group and cand.first < head.first:
            cand.members, cand.group_name = head.members, head.group_name
