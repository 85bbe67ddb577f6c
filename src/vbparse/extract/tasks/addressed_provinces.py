"""Provinces a text addresses by name, put for the general group of their committees in its
tasks ("Chủ tịch Ủy ban nhân dân các tỉnh, thành phố: Hà Tĩnh, Quảng Trị, Huế" above "Ủy ban
nhân dân các tỉnh, thành phố … khẩn trương …")."""

from __future__ import annotations

from vbparse.extract.agencies.gazetteer import is_named_committee
from vbparse.models import Agency, Task

__all__ = ["place_addressed_provinces"]


# A group that names the provincial committees in general ("Ủy ban nhân dân các tỉnh, thành
# phố", "… trực thuộc Trung ương", "Ủy ban nhân dân cấp tỉnh", "Ủy ban nhân dân tỉnh, thành
# phố"): in a text addressed to named provinces it means those.
_PROVINCES_GROUP = (
    "group-uy-ban-nhan-dan-cac-tinh",
    "group-ubnd-tinh-thanh-pho-truc-thuoc-trung-uong",
    "group-uy-ban-nhan-dan-cap-tinh",
    "group-uy-ban-nhan-dan-tinh-thanh-pho",
)


def place_addressed_provinces(tasks: list[Task], addressees: list[Agency]) -> list[Task]:
    """In a text addressed to named provinces ("Chủ tịch Ủy ban nhân dân các tỉnh, thành
    phố: Hà Tĩnh, Quảng Trị, Huế"), "Ủy ban nhân dân các tỉnh, thành phố" in a task is those
    provinces' committees, each named."""
    named = [a for a in addressees if is_named_committee(a)]
    if len(named) < 2:
        return tasks
    for task in tasks:
        for role in ("lead", "support"):
            agencies = getattr(task, role)
            if any(_is_provinces_group(a) for a in agencies):
                placed: list[Agency] = []
                for agency in agencies:
                    for one in named if _is_provinces_group(agency) else [agency]:
                        if one.id not in {p.id for p in placed}:
                            placed.append(one)
                setattr(task, role, placed)
    return tasks


def _is_provinces_group(agency: Agency) -> bool:
    return agency.kind == "group" and (agency.id or "").startswith(_PROVINCES_GROUP)
