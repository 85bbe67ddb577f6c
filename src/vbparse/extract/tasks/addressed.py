"""Headings addressed to bodies ("1. Đối với Sở Giáo dục và Đào tạo"): the bodies the items
under them belong to; and a body type named alone that stands for the addressees of that type
in every territory."""

from __future__ import annotations

import regex

from vbparse.extract.agencies.keys import fold_phrase, fold_word
from vbparse.extract.tasks.roles import find_roles
from vbparse.extract.tasks.units import names_only
from vbparse.models import Agency, Task

__all__ = ["addressed_heading", "types_as_addressed"]


# "1. Đối với Sở Giáo dục và Đào tạo" above its lettered items (công văn 2246/SGDĐT Gia Lai,
# real b81): the bodies the items are addressed to, on the heading's first line.
# ("6. Đối với các trường phổ thông; các trung tâm GDNN-GDTX:" with its colon)
_ADDRESSED = regex.compile(r"\s*(?:Đối với|Với)\s+(?P<bodies>[^\n:]+?)\s*(?::|\n|$)")


def addressed_heading(
    own: str, offset: int, province: str | None, issuer: str | None
) -> list[Agency]:
    """The bodies a heading that reads "Đối với <bodies>" names, nothing else on its line or
    before its colon; [] for any other heading ("Đối với dự án …" names a topic). (Asked of
    headings with items only: a leaf's "- Đối với các xã, phường: Nếu có …" states a rule,
    kế hoạch 157/KH-UBND Cần Thơ, real.)"""
    m = _ADDRESSED.match(own)
    if m is None:
        return []
    bodies = m.group("bodies")
    start = offset + m.start("bodies")
    roles = find_roles(bodies, offset=start, province=province, issuer=issuer)
    named = [a for a in roles.lead if a.span is not None]
    if not names_only(bodies, start, named, _BETWEEN_BODIES, overlaps_allowed=False):
        return []
    return named


# What may stand between the bodies a heading names.
_BETWEEN_BODIES = regex.compile(r"[\s,;.]*(?:\bvà\b[\s,;.]*)?")


def types_as_addressed(tasks: list[Task], addressees: list[Agency]) -> list[Task]:
    """A body type named alone ("2. Đối với Phòng Giáo dục và Đào tạo", "Phòng Giáo dục và Đào
    tạo huyện") in a text addressed to that type in every territory ("Kính gửi: - Phòng Giáo
    dục và Đào tạo các huyện, thành phố", letters of the Sở GD&ĐT of Đồng Tháp, Vĩnh Long and
    Hà Nội, real b84-b95) is that addressee: named as the Kính gửi names it."""
    keyed = [(fold_phrase(a.name), a) for a in addressees]
    for task in tasks:
        for role in ("lead", "support"):
            setattr(task, role, [_as_addressed(a, keyed) for a in getattr(task, role)])
    return tasks


def _as_addressed(agency: Agency, keyed: list[tuple[tuple[str, ...], Agency]]) -> Agency:
    if agency.id is not None or agency.kind == "group":  # a known body, or a group's words
        return agency
    key = fold_phrase(agency.name)
    n = len(key)
    wider = [a for k, a in keyed if k[:n] == key and k[n:] and k[n] in _MORE_TERRITORIES]
    if len(wider) != 1:
        return agency
    return agency.model_copy(
        update={"name": wider[0].name, "id": wider[0].id, "kind": wider[0].kind}
    )


# what follows a body type in its addressee's name when the addressee is that type in every
# territory: "các huyện, thành phố"; "huyện" + ", thị xã, thành phố"
_MORE_TERRITORIES = frozenset({fold_word("các"), ","})
