"""The word-level normalize steps skip their offset-carrying pass when no word of the text
changes (issue 15, speed): the text comes back as the same object, and a text with one word
to change is still changed, its offsets carried."""

import pytest

from vbparse.grammars import load_yaml
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
