"""Headings addressed to bodies ("1. Đối với Sở Giáo dục và Đào tạo"): the bodies the items
under them belong to."""

from __future__ import annotations

import regex

from vbparse.extract.tasks.roles import find_roles
from vbparse.extract.tasks.units import names_only
from vbparse.models import Agency

__all__ = ["addressed_heading"]


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
