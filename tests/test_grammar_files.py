"""Drift checks on the grammar data files: UTF-8 NFC, unique ids, unambiguous aliases."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
import yaml

from vbparse.extract.agencies.files import AGENCY_FILES
from vbparse.extract.agencies.gazetteer import load_gazetteer
from vbparse.extract.agencies.keys import fold_phrase
from vbparse.grammars import grammar_root

GRAMMAR_FILES = sorted(
    p for p in Path(grammar_root()).rglob("*") if p.is_file() and p.suffix in (".yaml", ".tsv")
)


@pytest.mark.parametrize(
    "path", GRAMMAR_FILES, ids=[str(p.relative_to(grammar_root())) for p in GRAMMAR_FILES]
)
def test_grammar_files_are_utf8_nfc(path: Path):
    text = path.read_bytes().decode("utf-8")
    assert unicodedata.is_normalized("NFC", text), f"{path.name} is not NFC"


@pytest.mark.parametrize("name", AGENCY_FILES)
def test_grammar_files_agency_files_parse(name: str):
    assert yaml.safe_load((Path(grammar_root()) / "agencies" / name).read_text("utf-8"))


def test_grammar_files_agency_ids_unique_and_aliases_unambiguous():
    gazetteer = load_gazetteer()
    assert gazetteer.conflicts == []
    ids = [e.id for e in gazetteer.entries]
    assert len(ids) == len(set(ids))
    owner: dict[tuple[str, ...], str] = {}
    for entry in gazetteer.entries:
        for alias in (entry.name, *entry.aliases):
            key = fold_phrase(alias)
            assert owner.setdefault(key, entry.id) == entry.id, (
                f"{alias!r} names both {owner[key]} and {entry.id}"
            )


def test_grammar_files_succession_points_at_known_ids():
    gazetteer = load_gazetteer()
    for entry in gazetteer.entries:
        for target in (entry.became, entry.link):
            assert target is None or gazetteer.get(target) is not None, (entry.id, target)
