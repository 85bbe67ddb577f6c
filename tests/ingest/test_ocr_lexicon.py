"""Marks OCR misread, put right by the syllable pairs of typed directives (issue 11, scans).

Each line below is read from a real scan of the corpus (tests/fixtures/real), as Tesseract gave
it; the lexicon (grammars/ocr_lexicon.tsv) holds no typed copy of a scanned document.
"""

from __future__ import annotations

import pytest

from vbparse.ingest.ocr_lexicon import repair_lines, repair_marks
from vbparse.ingest.ocr_repair import repair_page_text


@pytest.mark.parametrize(
    ("read", "right"),
    [
        # công văn 8204/BTP-BTTP: the trích yếu and its first sentence
        ("V/v tô chức đại hội của Hội", "V/v tổ chức đại hội của Hội"),
        ("Để sớm ồn định tô chức, hoạt động", "Để sớm ổn định tổ chức, hoạt động"),
        # chỉ thị 07/CT-UBND Quảng Ngãi
        ("dựng báo cáo, sơ kết, tông kết công tác", "dựng báo cáo, sơ kết, tổng kết công tác"),
        ("đối với cá nhân thuộc thâm quyền quản lý", "đối với cá nhân thuộc thẩm quyền quản lý"),
        # chỉ thị 05/CT-UBND Quảng Ngãi: a Nơi nhận entry
        ("- Các ngắn hảng thương mại trên địa bàn", "- Các ngân hàng thương mại trên địa bàn"),
        # a header in capitals keeps its capitals (kế hoạch 70/KH-UBND Cần Thơ)
        ("I. MỤC ĐÍCH, YÊU CÀU", "I. MỤC ĐÍCH, YÊU CẦU"),
    ],
)
def test_a_pair_typed_directives_never_write_is_put_right(read, right):
    assert repair_marks(read) == right
    assert len(repair_marks(read)) == len(read)


@pytest.mark.parametrize(
    "read",
    [
        # a signer's name: a capitalised word after another (công văn 575/UBND-KTTH)
        "CHÁNH VĂN PHÒNG\nHà Thị Lê Vân",
        # a year's name (chỉ thị 16/CT-UBND 2021: "Tết Nguyên đán Nhâm Dần")
        "Tết Nguyên đán Nhâm Dần và Lễ hội Xuân 2022",
        # a word less often written than the word it looks like ("chứng" beside "chúng":
        # công văn 8204/BTP-BTTP, to the notaries' associations)
        "tổ chức đại hội của Hội công chứng viên các tỉnh, thành phố",
        # words read right
        "Ủy ban nhân dân tỉnh Quảng Ngãi",
    ],
)
def test_names_and_words_read_right_stay_as_read(read):
    assert repair_marks(read) == read


def test_known_wrong_changes_are_rare_pairs_of_real_words():
    """What the rule gets wrong, kept in view: a pair of real words the typed directives do not
    write, beside a frequent one of the same letters ("công ăn việc làm", công văn
    4409/BCA-C04; "động vật hoang dã và", chỉ thị 16/CT-UBND)."""
    assert repair_marks("tạo công ăn việc làm") == "tạo công an việc làm"
    assert repair_marks("động vật hoang dã và") == "động vật hoang đã và"


def test_the_page_repairs_end_with_the_marks():
    assert "tổ chức" in repair_page_text("Đề nghị các đơn vị tô chức thực hiện.\n")


def test_the_lexicon_is_what_its_script_writes():
    """grammars/ocr_lexicon.tsv is counted from the typed documents; a change to them or to
    normalize must rebuild it (`python scripts/build_ocr_lexicon.py`)."""
    import importlib.util
    from pathlib import Path

    script = Path(__file__).resolve().parents[2] / "scripts" / "build_ocr_lexicon.py"
    spec = importlib.util.spec_from_file_location("build_ocr_lexicon", script)
    assert spec is not None and spec.loader is not None
    build = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(build)
    assert build.OUT.read_text(encoding="utf-8") == build.lexicon_text()


def _repair_every_pair(text: str) -> str:
    """``repair_marks`` asking ``_put_right`` of every adjacent pair, nothing kept between
    calls (as it was before the words' folds were kept and written pairs skipped first)."""
    from vbparse.ingest import ocr_lexicon as lx

    lexicon = lx._lexicon()
    out = list(text)
    for line in lx._LINE.finditer(text):
        found = list(lx._WORD.finditer(line.group()))
        words = [m.group() for m in found]
        for i in range(len(found) - 1):
            if lx._adjacent(line.group(), found, i, i + 1):
                for j, put in lx._put_right(words, found, line.group(), i, lexicon):
                    words[j] = put
                    start = line.start() + found[j].start()
                    out[start : start + len(put)] = put
    return "".join(out)


def test_repair_marks_as_asking_every_pair():
    """On the OCR texts of the real batches (issue 15, speed: the typed texts' samples)."""
    from pathlib import Path

    root = Path(__file__).parents[1] / "fixtures" / "real_new"
    texts = [p.read_text(encoding="utf-8") for p in sorted(root.glob("b3[378]*/*.txt"))]
    assert len(texts) > 5
    changed = 0
    for text in texts:
        expected = _repair_every_pair(text)
        assert repair_lines(text) == expected
        changed += expected != text
    assert changed > 5


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # công văn 370/TCHQ-TXNK as OCR text (real b38): the trích yếu wraps inside the pair
        (
            "V/v thực hiện Nghị định\nsô 15/2022/NĐ-CP",
            "V/v thực hiện Nghị định\nsố 15/2022/NĐ-CP",
        ),
        ("Đề nghị các đơn vị tô\nchức thực hiện", "Đề nghị các đơn vị tổ\nchức thực hiện"),
        # nothing to put right across a break between unrelated lines
        (
            "Kính gửi: Các Cục Hải quan\nCăn cứ Nghị định",
            "Kính gửi: Các Cục Hải quan\nCăn cứ Nghị định",
        ),
    ],
)
def test_repair_marks_across_a_wrapped_line(text, expected):
    assert repair_marks(text) == expected
    assert len(repair_marks(text)) == len(text)  # offsets kept


def test_unwritten_pairs_from_any_word():
    """The pairs ``repair_marks`` visits: those the lexicon lacks, from any word on (after a
    word put right the pairs after it are listed again)."""
    from vbparse.ingest import ocr_lexicon as lx

    lexicon = lx._lexicon()
    read = "tô chức thực hiện kế hoạch tại thành phô Hà Nội"
    folded = [lx._folded(w) for w in read.split(" ")]
    for first in range(len(folded) + 1):
        expected = [
            i
            for i in range(first, len(folded) - 1)
            if (folded[i], folded[i + 1]) not in lexicon.pairs
        ]
        assert lx._unwritten_pairs(folded, first, lexicon) == expected
    assert lx._unwritten_pairs(folded, 0, lexicon)  # "tô chức" and "thành phô" are not written


def test_a_text_with_nothing_to_put_right_comes_back_as_is():
    text = "Giao Sở Y tế chủ trì, phối hợp với các sở, ngành liên quan tổ chức thực hiện."
    assert repair_marks(text) is text
    wrapped = "Giao Sở Y tế chủ trì, phối hợp với các sở,\nngành liên quan tổ chức thực hiện."
    assert repair_marks(wrapped) is wrapped


def _wraps_every_break(text: str) -> str:
    """``repair_wraps`` without its fast paths: every line break between two letters, the
    words around it read from the whole text before and after it (no window), ``_put_right``
    asked of every such pair (no written pair skipped first)."""
    import regex

    from vbparse.ingest import ocr_lexicon as lx

    lexicon = lx._lexicon()
    out = list(text)
    last = regex.compile(r"(?:[^\W\d_]+ )?[^\W\d_]+\Z")
    first = regex.compile(r"[^\W\d_]+(?: [^\W\d_]+)?")
    for at in (k for k, char in enumerate(text) if char == "\n" and k):
        if not (text[at - 1].isalpha() and text[at + 1 : at + 2].isalpha()):
            continue
        before, after = last.search(text[:at]), first.match(text, at + 1)
        joined = f"{before[0]} {after[0]}"
        found = list(lx._WORD.finditer(joined))
        words = [m.group() for m in found]
        i = next(k for k, m in enumerate(found) if m.end() == len(before[0]))
        for j, put in lx._put_right(words, found, joined, i, lexicon):
            start = before.start() + found[j].start()
            out[start : start + len(put)] = put
    return "".join(out)


def test_repair_wraps_as_asking_every_break():
    """On the OCR texts of the real batches: the break found by ``str.find``, its words read
    in a window and written pairs skipped, as a pattern's search at every break gives."""
    from pathlib import Path

    from vbparse.ingest.ocr_lexicon import repair_wraps

    root = Path(__file__).parents[1] / "fixtures" / "real_new"
    texts = [p.read_text(encoding="utf-8") for p in sorted(root.glob("b3[378]*/*.txt"))]
    changed = 0
    for text in texts:
        expected = _wraps_every_break(text)
        assert repair_wraps(text) == expected
        changed += expected != text
    assert changed >= 1


@pytest.mark.parametrize(
    ("read", "meant"),
    [
        # the one-letter word "Y" lost (scans of Sở Y tế Kiên Giang, real b65-b72)
        ("Giao cho Giám đốc Trung tâm tế dự phòng chủ trì", "Trung tâm Y tế dự phòng"),
        ("Ngày 20/12/2017 Bộ tế ban hành Quyết định", "Bộ Y tế ban hành"),
        # a speck read as a stop or a glued colon between two syllables (real b72/b78 scans)
        ("Giám đốc Sở Giao thông vận tải tăng. cường tuyên truyền", "tăng cường tuyên"),
        ("Xây dựng kế:hoạch PCTNTT ngắn hạn, dài hạn", "Xây dựng kế hoạch PCTNTT"),
        ("Thực hiện một. số nhiệm vụ có liên quan", "Thực hiện một số nhiệm vụ"),
    ],
)
def test_page_repairs_put_back_lost_words_and_drop_stray_stops(read: str, meant: str) -> None:
    assert meant in repair_page_text(read)


@pytest.mark.parametrize(
    "kept",
    [
        "Sở Y tế đề nghị như sau: các đơn vị báo cáo.",  # a colon that announces
        "Đề nghị các đơn vị biết. Các đơn vị thực hiện.",  # a sentence's end
        "Hoàn thành trong năm 2020. các nội dung",  # after a number
        # a comma read as a stop in a list: syllables the typed directives never join
        "UBND các xã, phường. đặc khu",
    ],
)
def test_page_repairs_keep_real_stops(kept: str) -> None:
    assert repair_page_text(kept) == kept


def test_ocr_text_file_keeps_its_length() -> None:
    """An OCR text file's offsets stay right: repairs that add a word are the scans' only."""
    from vbparse.ingest.ocr_repair import repair_words

    text = "Sở tế yêu cẩu các đơn vị"
    assert repair_words(text, same_length=True) == "Sở tế yêu cầu các đơn vị"
