"""The models of the agency grammar files (``grammars/agencies/*.yaml``), validated when the
gazetteer loads them."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

__all__ = [
    "AGENCY_FILES",
    "AddresseeRow",
    "DepartmentRow",
    "EntryRow",
    "GroupGrammar",
    "Kind",
    "LocalUnits",
    "NamedBodyGrammar",
    "ProvinceRow",
    "RoleGrammar",
    "TitleRow",
]


Kind = Literal[
    "ministry",
    "government_agency",
    "province",
    "city",
    "party_body",
    "central_body",
    "office",
    "local_body",
    "company",
    "group",
    "unit",
    "board",
    "association",
    "other",
]


AGENCY_FILES = (
    "ministries.yaml",
    "provinces.yaml",
    "party_bodies.yaml",
    "central_bodies.yaml",
    "local_bodies.yaml",
    "groups.yaml",
    "titles.yaml",
    "roles.yaml",
    "named_bodies.yaml",
)


class EntryRow(BaseModel):
    """One agency as written in a grammar file."""

    model_config = ConfigDict(extra="forbid")

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    name: str
    kind: Kind
    aliases: list[str] = []
    valid_until: dt.date | None = None
    became: str | None = None
    link: str | None = None


class ProvinceRow(EntryRow):
    place: str
    places: list[str] = []


class DepartmentRow(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    name: str
    aliases: list[str] = []
    unit_required: bool = False
    # a unit_required body written with its place right after it as well ("Công an Hà Nội")
    place_alone: bool = False
    # one per province: named alone in a province's document, it is that province's own
    alone_in_province: bool = False
    unit_in_name: bool = True
    valid_until: dt.date | None = None
    became: str | None = None


class GroupNoun(BaseModel):
    """A noun of the group grammar: its canonical form, the short names a list head of it
    admits, whether it names a territory (``area``) or a level (``level``: "các cấp"), whether
    it names a class of bodies without "các" (``standalone``: "cơ quan thuế", which then joins
    no further noun), whether it joins a noun before it only after a joiner (``needs_joiner``:
    "tổ chức" is a verb too, "các tỉnh tổ chức ..."), whether it joins one only with its own
    "các" and before no name (``needs_determiner``: "…, Phòng Giáo dục và Đào tạo", "các
    phòng Giáo dục và Đào tạo" name bodies, no kind of body),
    and the words that make it part of another word (``not_before``: "bộ" in "các bộ
    phận")."""

    model_config = ConfigDict(extra="forbid")

    form: str
    members: list[Literal["ministry", "province", "department", "named"]] = []
    area: bool = False
    level: bool = False
    standalone: bool = False
    needs_joiner: bool = False
    needs_determiner: bool = False
    not_before: list[str] = []
    # a territory that, named after the group's lower territories, is their place and no
    # member ("các huyện, thị xã, thành phố, tỉnh Sóc Trăng")
    place_of_lower: bool = False
    # the words the group's name writes for a short form ("thị xã" for "TX")
    named: str | None = None
    # a noun that heads a list of members before its colon and names no group otherwise
    # ("Các Bộ trưởng: Tài chính, …": the ministers of those ministries)
    list_head: bool = False


class GroupQualifier(BaseModel):
    """A qualifier that narrows a group only where its phrase ends (``final``): "các trung tâm
    y tế khu vực" (then a verb, a function word or punctuation), not "các tỉnh khu vực miền
    Trung" (a region's name goes on); or one the group's name writes otherwise (``named``)."""

    model_config = ConfigDict(extra="forbid")

    form: str
    final: bool = False
    # the words the group's name writes for it, where they differ ("của tỉnh" → "tỉnh")
    named: str | None = None


class GroupPrefix(BaseModel):
    form: str
    aliases: list[str] = []
    # before the provincial nouns without "các" ("Ủy ban nhân dân tỉnh, thành phố"), the
    # group of every province's: named with "các"
    provinces_as_group: bool = False


class GroupGrammar(BaseModel):
    prefixes: list[GroupPrefix]
    determiners: list[str]
    joiners: list[str]
    nouns: list[GroupNoun]
    qualifiers: list[str | GroupQualifier]
    # "(trực) thuộc" + a body: "các đơn vị trực thuộc Sở Y tế", "các cơ quan, đơn vị thuộc Bộ"
    attachments: list[str] = []
    # a parent written by its head noun alone after an attachment ("thuộc Bộ", "thuộc Sở")
    bare_parents: list[str] = []
    # a territory noun that, alone, is the text's own province ("Tỉnh tổ chức thực hiện …")
    the_province: list[str] = []
    # body types named before their territories as written, without "các" added
    named_as_written: list[str] = []
    requests: list[str] = []


class LocalUnits(BaseModel):
    """Communes and wards: "<committee prefix> <unit> <Name>" ("UBND xã Tân Phong")."""

    committee_prefixes: list[str]
    units: list[str]
    unit_aliases: dict[str, str] = {}  # abbreviation → unit word
    historical_units: list[str] = []


class TitleRow(BaseModel):
    form: str
    # none: the holder is not the addressed body; party: the body's Party committee is
    # addressed too ("Bí thư Tỉnh ủy và Chủ tịch Ủy ban nhân dân các tỉnh: …")
    role: Literal["addressee", "none", "party"] = "addressee"
    # the title holds only before a mention that opens with one of these words ("Trưởng" before
    # "các ban, ngành"; "Trưởng Ban Chỉ đạo" is the person the golds name)
    before: list[str] = []


class AddresseeRow(BaseModel):
    target: str
    phrases: list[str]


class Trigger(BaseModel):
    phrase: str
    examples: list[str] = []


class NamedBodyHead(BaseModel):
    form: str
    kind: Kind


class IssuerUnitHead(BaseModel):
    """A unit's head noun written alone after one of its head's titles ("Chánh Văn phòng,"):
    the issuer's own unit."""

    model_config = ConfigDict(extra="forbid")

    head: str
    titles: list[str]


class NamedBodyGrammar(BaseModel):
    """``named_bodies.yaml``: head nouns with their kind, connectors and stop phrases."""

    model_config = ConfigDict(extra="forbid")

    max_words: int = Field(ge=1)
    heads: list[NamedBodyHead]
    connectors: list[str]
    name_phrases: list[str] = []
    joint_names: list[str] = []
    comma_phrases: list[str] = []
    stops: list[str]
    regional_units: list[str] = []
    branches: list[str] = []
    branch_place_words: list[str] = []
    local_heads: list[str] = []
    not_local_words: list[str] = []
    district_heads: list[str] = []
    district_units: list[str] = []
    name_short_forms: dict[str, str] = {}
    lower_case_openings: list[str] = []
    lower_case_heads: list[str] = []
    lower_case_written_heads: list[str] = []
    organs: list[str] = []
    lower_case_head_not_before: list[str] = []
    issuer_units_after_titles: list[IssuerUnitHead] = []
    heads_in_titles: list[str] = []


class RoleGrammar(BaseModel):
    """``roles.yaml``: the phrasings that mark lead, support and report_to."""

    model_config = ConfigDict(extra="forbid")

    run_joiners: list[str]
    lead_triggers: list[Trigger]
    lead_trigger_blockers: list[str]
    # triggers that name a lead only where they open a clause ("Chuyển Bộ X nghiên cứu …")
    opening_lead_triggers: list[Trigger] = []
    submission_verbs: list[str] = []
    support_triggers: list[Trigger]
    report_triggers: list[Trigger]
    # a cooperation verb a few words before "với" and the body after it (``distant_support``)
    distant_support_verbs: list[str] = []
    distant_support_reach: int = 0
    segment_breaks: list[str]
    run_dashes: list[str] = []
    address_labels: list[str] = []
    issuer_verbs: list[str]
    issuer_verb_exceptions: list[str] = []
    never_subject_kinds: list[Kind]
    never_subject_ids: list[str] = []
    speaker_offices: list[str] = []
    openers: list[str]
    mention_markers: list[str] = []
    place_subject_verbs: list[str] = []
    statement_verbs: list[str] = []
    statement_exceptions: list[str] = []
    bracket_member_openers: list[str] = []
    issuer_requests: list[str] = []
    issuer_opinions: list[str] = []
    issuer_guides: list[str] = []
    guided_work: list[str] = []
    duty_headings: list[str] = []
    forwarding_verbs: list[str] = []
