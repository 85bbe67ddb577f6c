"""A candidate agency mention over tokens, before overlapping candidates are dropped: a
gazetteer entry, a group phrase, a local unit, a grammar-named body or a bare province."""

from __future__ import annotations

from dataclasses import dataclass, field

from vbparse.extract.agencies.named_bodies import NamedBody

__all__ = ["Candidate"]


@dataclass
class Candidate:
    first: int
    last: int
    entry_id: str | None = None
    group_name: str | None = None
    members: frozenset[str] = frozenset()
    determined: bool = True
    prefixed: bool = False
    area: bool = False  # territories or levels only ("các tỉnh, thành phố", "các cấp")
    nouns: int = 0
    bare: bool = False
    local_name: str | None = None
    local_key: str | None = None
    named: NamedBody | None = None
    # a group's attached parent as written ("trực thuộc Sở GDĐT"): its short forms stay
    attached: str | None = None
    consumed: bool = field(default=False, compare=False)

    @property
    def is_group(self) -> bool:
        return self.group_name is not None
