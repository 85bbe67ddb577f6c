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


# quyết định 209/QĐ-UBND Bạc Liêu (real scan, OCR text as read): the execution clause's list of
# bodies wrapped after a ";" with a capital on the next line.
_WRAPPED_EXECUTION_CLAUSE = """\
Căn cứ Nghị định số 92/2017/NĐ-CP ngày 07 tháng 8 năm 2017 của Chính phủ sửa đổi, bổ sung
một số điều của các nghị định liên quan đến kiểm soát thủ tục hành chính;
QUYẾT ĐỊNH:
Điều 1. Công bố kèm theo Quyết định này Danh mục 02 thủ tục hành
chính mới ban hành thuộc thẩm quyền giải quyết của Sở Giao thông vận tải; Sở Xây
dựng: Ủy ban nhân dân cấp huyện; Ủy ban nhân dân cấp xã trên địa bàn tỉnh Bạc
Liêu (Lĩnh vực: Đường bộ).
Điều 2. Quyết định này có hiệu lực thi hành kể từ ngày ký.
Điều 3. Chánh Văn phòng Ủy ban nhân dân tỉnh, Giám đốc Sở Giao thông
vận tải, Giám đốc Sở Xây dựng; Giám đốc Trung tâm Phục vụ hành chính công tỉnh;
Chủ tịch UBND cấp huyện; Chủ tịch UBND cấp xã và các tổ chức, cá nhân có liên
quan chịu trách nhiệm thi hành Quyết định này./.
"""


def test_semicolon_wrapped_inside_an_execution_clause_joins():
    text = normalize(_WRAPPED_EXECUTION_CLAUSE).text
    assert "công tỉnh; Chủ tịch UBND cấp huyện; Chủ tịch UBND cấp xã và các tổ chức" in text
    # a ";" that ends a căn cứ line before another line stays a break
    assert "thủ tục hành chính;\nQUYẾT ĐỊNH:" in text


def test_a_full_sentence_case_line_does_not_wrap_into_a_line_of_capitals():
    """ "… cây trồng, vật: nuôi" / "CHỦ TỊCH UỶ BAN NHÂN DÂN TỈNH" / "Điện:" (công điện
    04/CĐ-UBND Hà Tĩnh as OCR reads it, real scan b105): the trích yếu fills its line, but the
    công điện's sender in capitals below it is a line of its own."""
    body = (
        "Theo báo cáo của Giám đốc Sở Nông nghiệp và Phát triển nông thôn đến ngày\n"
        "01/3/2018 các đối tượng dịch bệnh trên cây trồng, vật nuôi bắt đầu phát sinh\n"
    ) * 4
    text = normalize(
        "CÔNG ĐIỆN\nVề việc chăm sóc, phòng trừ dịch bệnh trên cây trồng, vật nuôi trong vụ\n"
        "CHỦ TỊCH UỶ BAN NHÂN DÂN TỈNH\nĐiện:\n" + body
    ).text
    assert "vụ\nCHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH\nĐiện:" in text
