"""The word-level normalize steps skip their offset-carrying pass when no word of the text
changes (issue 15, speed): the text comes back as the same object, and a text with one word
to change is still changed, its offsets carried."""

import pytest

from vbparse import normalize
from vbparse.grammars import load_yaml
from vbparse.normalize import line_window, tone_marks, unicode, unwrap
from vbparse.normalize.offsets import NormalizedText
from vbparse.normalize.syllables import split_run_together
from vbparse.normalize.tone_marks import fold_tone_marks

TONES = load_yaml("normalize.yaml")["tone_marks"]["examples"]
CHANGED = [t for t in TONES if t["text"] != t["expected"]]


@pytest.mark.parametrize("tone", CHANGED, ids=[t["text"] for t in CHANGED])
def test_fold_tone_marks_changes_only_what_needs_it(tone):
    done = NormalizedText.identity(f"Giao {tone['expected']} thực hiện")
    assert fold_tone_marks(done) is done
    text = NormalizedText.identity(f"Giao {tone['text']} thực hiện")
    folded = fold_tone_marks(text)
    assert folded.text == done.text
    assert folded.source_index == text.source_index  # same length: character to character


def test_split_run_together_changes_only_what_needs_it():
    done = NormalizedText.identity("Kế hoạch số 12 của Ủy ban nhân dân")
    assert split_run_together(done) is done
    text = NormalizedText.identity("Kếhoạch số 12 của Ủy ban nhân dân")
    split = split_run_together(text)
    assert split.text == done.text
    # The split word maps to where it started, the rest character to character.
    assert split.source_index[:8] == [0] * 8
    assert split.source_index[8:] == text.source_index[7:]


LINES = ["", "a", "\n", "a\nb", "a\n\nb\n", "1\n2\n3\n4\n5\n6", "x" * 2500 + "\nend", "\n" * 7]


@pytest.mark.parametrize("text", LINES, ids=range(len(LINES)))
def test_unwrap_lines_after_a_break_read_without_a_copy(text):
    """The lines after a break, read in place, are those of a copy's split (unwrap no longer
    copies the rest of the text at every break: quadratic on long texts)."""
    for at in range(len(text) + 1):
        assert line_window.lines_from(text, at, 4) == text[at:].split("\n", 4)[:4]


@pytest.mark.parametrize("text", LINES, ids=range(len(LINES)))
def test_unwrap_line_before_a_break_is_the_windows_last(text):
    """The line a break ends, found without splitting the window, is the last of the lines
    the window gives (its start cut at the window's reach on a longer line)."""
    for at in range(len(text) + 1):
        assert line_window.line_before(text, at) == line_window.lines_before(text, at)[-1]


NEEDS = [
    (normalize._TRAILING_SPACE, normalize._space_at_line_end),
    (normalize._LEADING_SPACE, normalize._space_at_line_start),
    (normalize._SPACE_RUN, "  "),
    (normalize._BLANK_RUN, "\n\n\n"),
    (unicode._CLUSTER, unicode._COMBINING_MARK),
]
SPACED = ["", " ", "a ", " a", "a  b", "a \nb", "a\n b\n\n\n\nc ", "Ho\u0300a  \n", "x\n\n", "Hòa"]


@pytest.mark.parametrize(
    "test, pattern",
    [
        (normalize._space_at_line_end, r"(?m) $"),
        (normalize._space_at_line_start, r"(?m)^ "),
    ],
    ids=["end", "start"],
)
def test_space_at_line_tests_are_the_patterns(test, pattern):
    """The line tests normalize's space steps need are the patterns they replace, on every
    short text of spaces, line breaks (other line separators too) and letters."""
    import itertools

    import regex

    compiled = regex.compile(pattern)
    alphabet = [" ", "\n", "a", "\r", "\u2028", "\t"]
    for length in range(5):
        for chars in itertools.product(alphabet, repeat=length):
            text = "".join(chars)
            assert test(text) == (compiled.search(text) is not None), repr(text)


@pytest.mark.parametrize("pattern, needs", NEEDS, ids=[p.pattern for p, _ in NEEDS])
def test_sub_needs_changes_nothing_but_the_speed(pattern, needs):
    """A substitution told what its matches need gives the same text and offsets, and the
    same object back when the text lacks it."""
    for text in SPACED:
        source = NormalizedText.identity(text)
        fast, plain = source.sub(pattern, "#", needs=needs), source.sub(pattern, "#")
        assert (fast.text, fast.source_index) == (plain.text, plain.source_index)
        if plain is source:
            assert fast is source


@pytest.mark.parametrize(
    "pattern",
    [unwrap.label_start(), unwrap._structural_line(), unwrap._LINE_WITH_LETTER, unwrap._DASH_WORD],
    ids=["label_start", "structural_line", "line_with_letter", "dash_word"],
)
def test_unwrap_patterns_matched_in_place_look_behind_nothing(pattern):
    """Unwrap matches these at a break's end in the whole text, not on a copy of the rest:
    the same only while none of them looks behind where it starts (no look-behind, no \\b or
    ^ before its first character)."""
    assert "(?<" not in pattern.pattern
    assert not pattern.pattern.lstrip("(?:").startswith(("\\b", "^", "\\B"))


RUNS = [
    "",
    "a",
    "abcd",
    "abc de fghij",
    "Kếhoạch 12 đềnghị",
    "x1yyyy2zzzzz",
    "ab\u0301cd efgh",
    "Ủy ban",
]


@pytest.mark.parametrize("text", RUNS, ids=range(len(RUNS)))
def test_split_run_together_words_are_the_long_letter_runs(text):
    """The words split_run_together decides (``\\p{L}{4,}``) are the letter runs of four
    letters or more that tone marks found before (asked once per text)."""
    from vbparse.normalize import syllables, tone_marks

    long_runs = {w for w in tone_marks.letter_runs(text) if len(w) >= syllables._WORD_LETTERS}
    assert long_runs == set(syllables._WORD.findall(text))


def _texts_without_trailing_spaces(count: int) -> list[str]:
    """Short texts of spaces, tabs, breaks and letters (a seeded generator), with no space
    before a line break."""
    import random

    rnd = random.Random(15)
    texts = ["", "\n", "a\nb", "a\n\n\n  b", "\n\nb", "a\n", "a\n \n\tb", " a\n  b\n"]
    while len(texts) < count:
        text = "".join(rnd.choice(" \n\ta.") for _ in range(rnd.randint(1, 14)))
        texts.append(text.replace(" \n", "\n"))
    return [t for t in texts if " \n" not in t]


def test_unwrap_breaks_found_from_the_newline_as_by_the_break_pattern():
    """Where no space ends a line (normalize removes such spaces before unwrapping), the
    breaks found from each line break are those of ``_BREAK``."""
    for text in _texts_without_trailing_spaces(5000):
        fast = [m.span() for m in unwrap._BREAK_AT_NEWLINE.finditer(text)]
        assert fast == [m.span() for m in unwrap._BREAK.finditer(text)], repr(text)


@pytest.mark.parametrize(
    "pattern, chars",
    [
        (unicode._LINE_END, unicode.LINE_END_CHARS),
        (unicode._INVISIBLE, unicode.INVISIBLE_CHARS),
        (unicode._ODD_SPACE, unicode.ODD_SPACE_CHARS),
        (unicode._HYPHEN_LIKE, unicode.HYPHEN_LIKE_CHARS),
        (unicode._LOOK_ALIKE, unicode.LOOK_ALIKE_CHARS),
    ],
    ids=["line_end", "invisible", "odd_space", "hyphen_like", "eth"],
)
def test_clean_unicode_needs_are_the_class_members(pattern, chars):
    """What each clean-up needs is one of its class's characters: the characters listed are
    those the pattern matches alone, over every code point."""
    every = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c < 0xE000)
    matched = {m[0] for m in pattern.finditer(every) if len(m[0]) == 1}
    assert matched == set(chars)
    holds = unicode._holds_any(chars)
    for char in chars:
        assert holds(f"a{char}b")
    assert not holds("Ủy ban nhân dân\ntỉnh")


def test_type_title_as_joining_every_line():
    """A line not in capitals is answered before it is joined (every document-type title is
    in capitals): the same answers on every line of the fixture texts and on each title."""
    from pathlib import Path

    fixtures = Path(__file__).parents[1] / "fixtures"
    lines = [
        ln for p in sorted(fixtures.rglob("*.txt")) for ln in p.read_text("utf-8").splitlines()
    ]
    titles = sorted(unwrap._type_titles())
    lines += titles + [f"  {t.lower()} " for t in titles] + [t.replace(" ", "  ") for t in titles]
    assert unwrap._titles_in_capitals()
    found = 0
    for line in lines:
        expected = " ".join(line.split()) in unwrap._type_titles()
        assert unwrap._is_type_title(line) == expected, line
        found += expected
    assert found > len(titles)


CAPITALS = [
    "KT. BỘ TRƯỞNG",
    "PHỤ LỤC",
    "Phụ lục",
    "A",
    "AB",
    "A1 B",
    "ǅA",
    "中文",
    "ABC中",
    "ªB",
    "",
    "12",
]


@pytest.mark.parametrize("line", CAPITALS, ids=range(len(CAPITALS)))
def test_is_capitals_reads_every_letter(line):
    """At least two letters, every one upper case (a letter without case, as "中", is not)."""
    letters = [c for c in line if c.isalpha()]
    expected = len(letters) >= 2 and all(c.isupper() for c in letters)
    assert unwrap.is_capitals.__wrapped__(line) == expected


ENDINGS = [
    "",
    " ",
    "của",
    "  Giao Sở Y tế chủ trì, phối hợp với",
    "thực hiện theo quy định của\t",
    "báo cáo kết quả về Sở",
    "đề nghị các Sở,   ngành và",
    "Căn cứ Quyết định số",
    "ngày",
]


@pytest.mark.parametrize("line", ENDINGS, ids=range(len(ENDINGS)))
def test_unwrap_line_endings_read_from_the_last_words(line):
    """``_ends_with`` and ``_ends_with_name_head`` split off only the last words (``rsplit``):
    the answers of the whole line's ``split``."""

    def whole(words, longest, text):
        tail = text.split()
        return any(" ".join(tail[-n:]) in words for n in range(1, min(longest, len(tail)) + 1))

    for key in ("unwrap_connectors", "unwrap_connectors_before_digit"):
        words, longest = unwrap._connectors(key)
        assert unwrap._ends_with(line, key) == whole(words, longest, line.lower())
    heads, longest = unwrap._name_heads()
    assert unwrap._ends_with_name_head(line) == whole(heads, longest, line)


RUNS = [
    "",
    "Hòa hoà  hòa",
    "Bộ Y tế,Sở Y tế;x2y",
    "a\u00a0b\u2028c\x1cd\te\nf",
    "tỉnh2025năm ABC-DEF",
    "Kếhoạch số 12/KH-UBND của Ủy ban nhân dân",
]


@pytest.mark.parametrize("text", RUNS, ids=range(len(RUNS)))
def test_letter_runs_from_the_distinct_words(text):
    """The runs found in the text's distinct words are those of the whole text."""
    expected = frozenset(tone_marks._LETTER_RUN.findall(text))
    assert tone_marks.letter_runs.__wrapped__(text) == expected


def test_letter_runs_of_the_fixture_texts():
    from pathlib import Path

    root = Path(__file__).parents[1] / "fixtures"
    paths = sorted(root.rglob("*.txt"))[::7]
    assert len(paths) > 30
    for path in paths:
        text = path.read_text(encoding="utf-8", errors="replace")
        expected = frozenset(tone_marks._LETTER_RUN.findall(text))
        assert tone_marks.letter_runs.__wrapped__(text) == expected, path.name


def test_place_date_led_by_what_it_holds():
    """The field patterns' place and date is led by its comma and "ngày" (read in one pass):
    it matches where the grammar's pattern alone does, on every line of the fixture texts
    and at its edges (tabs before the comma, digits after the place, no comma)."""
    import regex

    from vbparse.grammars import load_yaml
    from vbparse.normalize import layout_fields

    plain = load_yaml("header.yaml")["place_date"]
    guarded = layout_fields.place_date_first(plain)
    assert guarded != plain  # the grammar's form is the one the lead was written for
    plain_re, guarded_re = regex.compile(plain), regex.compile(guarded)
    from pathlib import Path

    root = Path(__file__).parents[1] / "fixtures"
    lines = [
        "Hà Nội, ngày 12 tháng 3 năm 2025",
        "TP. Hồ Chí Minh ,  ngày 5",
        "Hà Nội\t, ngày 1",
        "Phường 12 , ngày 3",
        "Hà Nội ngày 12",
        "Hà-Nội, ngày 1",
        "Giao Sở Y tế chủ trì, phối hợp",
        "Quảng Ninh,\nngày 3",
    ]
    for path in sorted(root.rglob("*.txt"))[::3] + sorted(root.rglob("*.md"))[::3]:
        lines += path.read_text(encoding="utf-8", errors="replace").split("\n")
    assert len(lines) > 10000
    for line in lines:
        for at in {0, len(line) - len(line.lstrip())}:
            a, b = plain_re.match(line, at), guarded_re.match(line, at)
            assert (a and a.group(0)) == (b and b.group(0)), line
