"""The issuer's district and the bodies a text names by that district's unit word alone.

A district here is a huyện, a quận, a thị xã or a province's own thành phố (``district_units``
of named_bodies.yaml): "UBND THÀNH PHỐ CÀ MAU" is a district of tỉnh Cà Mau, where "thành phố
Hà Nội" is a province. In a text of a district's body, "UBND thành phố" and "Công an thành
phố" are that district's committee and police (kế hoạch 77/KH-UBND of thành phố Cà Mau,
real scan b101), as "UBND huyện" is in a text of a huyện.
"""

from __future__ import annotations

from vbparse.extract.agencies.gazetteer import Gazetteer, per_gazetteer
from vbparse.extract.agencies.keys import fold_phrase

__all__ = ["district_committee", "district_department", "district_of"]


def district_of(
    gazetteer: Gazetteer, locality: tuple[str, str] | None, province_id: str | None
) -> tuple[str, str] | None:
    """``locality`` (unit word, place) when it is a district's: its unit word a district's,
    and not the place of the province itself."""
    if locality is None or locality[0] not in gazetteer.named_bodies.district_units:
        return None
    province = gazetteer.get(province_id) if province_id else None
    place = fold_phrase(" ".join(locality))
    if province is not None and fold_phrase(province.name)[-len(place) :] == place:
        return None
    return locality


def district_committee(
    gazetteer: Gazetteer, text: str, district: tuple[str, str] | None
) -> str | None:
    """ "UBND thành phố" / "Ủy ban nhân dân huyện" with no place, in a text of that district's
    bodies: its committee, not the province's or a group."""
    if district is None:
        return None
    unit, place = district
    if _committee_units(gazetteer).get(fold_phrase(text)) != unit:
        return None
    # named with the committee's written-out prefix, as a commune's is (``local_units``)
    return f"{gazetteer.local_units.committee_prefixes[0]} {unit} {place}"


def district_department(
    gazetteer: Gazetteer, entry_id: str, text: str, district: tuple[str, str] | None
) -> str | None:
    """A department always written with its unit word (``department_bases``: "Công an",
    "Thanh tra"), named with the district's unit word and no place: the district's body."""
    base = gazetteer.department_bases.get(entry_id)
    if base is None or district is None:
        return None
    unit, place = district
    if fold_phrase(text) != (*fold_phrase(base), *fold_phrase(unit)):
        return None
    return f"{base} {unit} {place}"


@per_gazetteer
def _committee_units(gazetteer: Gazetteer) -> dict[tuple[str, ...], str]:
    """Each committee prefix with a local unit word or its short form, folded → the unit."""
    local = gazetteer.local_units
    units = {unit: unit for unit in local.units} | dict(local.unit_aliases)
    return {
        fold_phrase(f"{prefix} {written}"): unit
        for prefix in local.committee_prefixes
        for written, unit in units.items()
    }
