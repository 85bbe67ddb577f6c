import unicodedata
from pathlib import Path

import pytest
from casefiles import case_ids, load_cases

from vbparse.grammars import load_yaml
from vbparse.models import Span
from vbparse.normalize import normalize
from vbparse.normalize.glued import separate_glued
from vbparse.normalize.offsets import NormalizedText
from vbparse.normalize.tone_marks import place_tone_mark

CASES = load_cases("normalize/normalize")
SEEDS = sorted((Path(__file__).parents[1] / "fixtures" / "seeds").glob("*.txt"))
TONES = load_yaml("normalize.yaml")["tone_marks"]["examples"]
GLUED = [e for row in load_yaml("normalize.yaml")["glued"] for e in row["examples"]]


def _source(case):
    text = case["text"]
    return unicodedata.normalize("NFD", text) if case["id"] == "nfc-from-decomposed" else text


@pytest.mark.parametrize("case", CASES, ids=case_ids(CASES))
def test_normalize_output(case):
    assert normalize(_source(case)).text == case["expected"]


@pytest.mark.parametrize("tone", TONES, ids=[t["text"] for t in TONES])
def test_tone_marks_grammar_examples(tone):
    words = tone["text"].split()
    assert " ".join(place_tone_mark(w) for w in words) == tone["expected"]


@pytest.mark.parametrize("example", GLUED, ids=[e["text"] for e in GLUED])
def test_glued_grammar_examples(example):
    assert separate_glued(NormalizedText.identity(example["text"])).text == example["expected"]


@pytest.mark.parametrize("seed", SEEDS, ids=[s.stem[:3] for s in SEEDS])
def test_normalize_offsets_map_back_to_source(seed):
    """Every word of the normalized text maps back to the same word in the source."""
    source = seed.read_text(encoding="utf-8")
    norm = normalize(source)
    assert unicodedata.is_normalized("NFC", norm.text)
    assert len(norm.source_index) == len(norm.text) + 1
    for start, word in _words(norm.text):
        back = norm.to_source(Span(start=start, end=start + len(word)))
        original = unicodedata.normalize("NFC", source[back.start : back.end])
        assert _fold(original) == _fold(word), (word, original)


def _words(text):
    import regex

    return [(m.start(), m.group(0)) for m in regex.finditer(r"\p{L}+", text)]


def _fold(word):
    from vbparse.normalize.tone_marks import strip_tones

    return strip_tones(word).casefold()


def test_syllable_grammar_is_all_words():
    """YAML 1.1 reads a bare `on` as true: every onset and rhyme must stay a word, so that
    "còn" is a syllable (an unquoted `on` lost the rhyme until it was quoted)."""
    grammar = load_yaml("normalize.yaml")["syllables"]
    assert all(isinstance(w, str) for w in grammar["onsets"] + grammar["rhymes"])
    assert "on" in grammar["rhymes"]


def test_normalize_caption_after_a_sentence_case_title_under_its_type():
    """An attached plan's title in sentence case with its caption at the end of the line, under
    "KẾ HOẠCH" (quyết định 2307/QĐ-UBND Sơn La, a real scan): the caption goes on its own line,
    so the plan is read as the attached document; a sentence that cites a document does not."""
    from vbparse.normalize import normalize

    text = (
        "KẾ HOẠCH\nTổng kết 15 năm thi hành Luật Nuôi con nuôi trên địa bàn tỉnh Sơn La "
        "(Kèm theo Quyết định số: 2307/QĐ-UBND ngày 11 tháng 9 năm 2025)\n"
    )
    assert "tỉnh Sơn La\n(Kèm theo Quyết định số" in normalize(text).text
    sentence = "Báo cáo theo mẫu đính kèm (kèm theo Công văn số 12/UBND-VX ngày 01/3/2025).\n"
    assert normalize(sentence).text.count("\n") == sentence.count("\n")
