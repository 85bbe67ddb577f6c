"""``flatten_layout`` leaves alone the lines ``layout_lines`` finds no step can change (issue
15, speed): on every fixture text, before and after the line steps, it gives the same text as
when every line goes through every step."""

from pathlib import Path

import pytest

import vbparse.normalize.layout as layout
import vbparse.normalize.layout_fields as layout_fields
from vbparse.ingest import read_document
from vbparse.normalize import _character_steps, normalize
from vbparse.normalize.layout_lines import MOTTO_INSIDE, motto_inside, opens_with_marker
from vbparse.normalize.offsets import NormalizedText

ROOT = Path(__file__).resolve().parents[2]
TEXTS = sorted(
    p
    for folder in (ROOT / "tests" / "fixtures", ROOT / "corpus")
    for p in folder.rglob("*")
    if p.suffix in (".txt", ".md", ".docx") and p.name != "SOURCES.md"
)


def _inputs(path: Path) -> list[NormalizedText]:
    """What flatten_layout meets: the text after the character steps, and a normalized one."""
    raw = read_document(path).text
    return [_character_steps(NormalizedText.identity(raw)), normalize(raw)]


@pytest.mark.parametrize("path", TEXTS, ids=[p.name for p in TEXTS])
def test_layout_lines_skipped_lines_change_nothing(path, monkeypatch):
    inputs = _inputs(path)
    fast = [layout.flatten_layout(text).text for text in inputs]
    monkeypatch.setattr(layout, "lines_hit", lambda _text, lines, *_a, **_k: set(range(len(lines))))
    monkeypatch.setattr(layout, "untouched", lambda *_a, **_k: False)
    assert fast == [layout.flatten_layout(text).text for text in inputs]


def _caption_apart_everywhere(line: str) -> str:
    """``layout._caption_apart`` without its "(" and "kèm" test: the caption pattern alone."""
    found = layout_fields.field_patterns()["caption"].search(line)
    if found is None or line[: found.start()] != line[: found.start()].upper():
        return line
    return line[: found.start()] + "\n" + line[found.start() + 1 :]


@pytest.mark.parametrize("path", TEXTS, ids=[p.name for p in TEXTS])
def test_layout_lines_caption_and_star_tests_skip_no_match(path):
    """A line without "(" and "kèm" holds no caption; a cell without "*" has no emphasis."""
    for text in _inputs(path):
        for line in text.text.split("\n"):
            assert layout._caption_apart(line) == _caption_apart_everywhere(line)
            for cell in line.split("|"):
                assert layout_fields.unstarred(cell) == layout_fields._EMPHASIS.sub(" ", cell)


@pytest.mark.parametrize(
    "text",
    [
        "ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "TỈNH HẬU GIANG   Độc lập - Tự do - Hạnh phúc",
        "TỈNH HẬU GIANG\nĐộc lập - Tự do - Hạnh phúc",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "x  \tĐộc lập – Tự do – Hạnh phúc",
        "SỞ Y TẾ Độc lập Tự do Hạnh phúc",
        "Độc lập - Tự do",
        "",
    ],
)
def test_layout_lines_motto_inside_as_the_pattern(text):
    assert motto_inside(text) == (MOTTO_INSIDE.search(text) is not None)


def test_layout_lines_issuer_and_motto_without_its_dashes_split():
    """OCR text of công văn 2734/SYT-TCCB Đắk Nông (real, b59): the tiêu ngữ read without
    its dashes beside the issuer's second line."""
    text = "UBND TỈNH ĐẮK NÔNG CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n SỞ Y TẾ Độc lập Tự do Hạnh phúc"
    flat = layout.flatten_layout(NormalizedText.identity(text)).text
    assert flat.split("\n")[2:] == [" SỞ Y TẾ", "Độc lập Tự do Hạnh phúc"]


@pytest.mark.parametrize("path", TEXTS[::7], ids=[p.name for p in TEXTS[::7]])
def test_layout_lines_kept_marker_answers_as_the_pattern(path):
    """The answer kept per line (issue 15, speed) is the pattern's, asked again or not, for
    every line and cell flatten_layout meets and for a line too long to be kept."""
    marker = layout_fields.field_patterns()["marker"]
    for text in _inputs(path):
        lines = text.text.split("\n")
        pieces = lines + [c for line in lines for c in line.split("|")]
        for piece in pieces + pieces[:50] + ["Số: 12/BYT-KH " + "x" * 3000]:
            assert opens_with_marker(marker, piece) == (marker.match(piece) is not None)
