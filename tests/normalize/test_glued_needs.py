"""A glued rule's ``needs`` (grammars/normalize.yaml) is found in every text the rule matches,
so skipping the texts without it changes nothing (issue 15, speed): checked on every fixture
text at the point the rule meets it, and on the rule's own examples."""

from pathlib import Path

import pytest

from vbparse.grammars import load_yaml
from vbparse.ingest import read_document
from vbparse.normalize.crumbs import remove_breadcrumbs
from vbparse.normalize.debris import remove_markup_debris
from vbparse.normalize.glued import glued_rules, separate_glued
from vbparse.normalize.offsets import NormalizedText
from vbparse.normalize.tone_marks import fold_tone_marks
from vbparse.normalize.unicode import clean_unicode

ROOT = Path(__file__).resolve().parents[2]
TEXTS = sorted(
    p
    for folder in (ROOT / "tests" / "fixtures", ROOT / "corpus")
    for p in folder.rglob("*")
    if p.suffix in (".txt", ".md") and p.name != "SOURCES.md"
)


def _check_rules(text: str) -> str:
    """Each rule in turn on ``text``: where it matches, its needs is found too."""
    for pattern, replace, needs in glued_rules():
        if needs is not None and pattern.search(text):
            assert needs.search(text), (pattern.pattern, text[:200])
        text = pattern.sub(lambda m, r=replace: m.expand(r), text)
    return text


def test_glued_needs_on_fixture_texts():
    assert any(needs for _, _, needs in glued_rules())
    for path in TEXTS:
        # The character steps before the glued rules (normalize's order), then the rules.
        text = NormalizedText.identity(read_document(path).text)
        for step in (clean_unicode, remove_markup_debris, remove_breadcrumbs, fold_tone_marks):
            text = step(text)
        _check_rules(text.text)


@pytest.mark.parametrize(
    "example",
    [e for row in load_yaml("normalize.yaml")["glued"] for e in row.get("examples", [])],
    ids=lambda e: e["text"],
)
def test_glued_examples_with_needs(example):
    assert _check_rules(example["text"]) == example["expected"]
    assert separate_glued(NormalizedText.identity(example["text"])).text == example["expected"]
