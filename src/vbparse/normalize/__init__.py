"""Normalize: one stage shared by every input format.

Unicode NFC and invisible characters, markup debris, one tone-mark placement, item labels a
crawl ran into a line put back at a line's start, spaces, and lines re-joined where a PDF or
an OCR pass broke them. ``NormalizedText.source_index`` maps
every character back to the source text, so any span can be shown in the original.
"""

from __future__ import annotations

import regex

from vbparse.normalize.crumbs import remove_breadcrumbs
from vbparse.normalize.debris import remove_markup_debris
from vbparse.normalize.glued import separate_glued
from vbparse.normalize.inline_labels import split_inline_labels
from vbparse.normalize.layout import flatten_layout
from vbparse.normalize.letter_spacing import join_letter_spaced
from vbparse.normalize.offsets import NormalizedText
from vbparse.normalize.run_in_header import split_run_in_header
from vbparse.normalize.signature_run_on import split_signature_run_on
from vbparse.normalize.syllables import split_run_together
from vbparse.normalize.tone_marks import fold_tone_marks
from vbparse.normalize.unicode import clean_unicode
from vbparse.normalize.unwrap import unwrap_lines

__all__ = ["NormalizedText", "normalize"]

# A run of two spaces or more between two words: the same runs as "(?<=\S)[ ]{2,}(?=\S)",
# found from its two spaces (a literal first: the engine skips to them; with the look-behind
# first it was tried at every position, 9x slower on the texts that hold a double space).
_SPACE_RUN = regex.compile(r"  (?<=\S  )[ ]*+(?=\S)")
# From the start of a run only, possessive: retried inside a long run of spaces that does
# not end a line, "[ ]+$" was quadratic (10,000 spaces 2.3 s).
_TRAILING_SPACE = regex.compile(r"(?m)(?<![ ])[ ]++$")
_LEADING_SPACE = regex.compile(r"(?m)^[ ]+")
_BLANK_RUN = regex.compile(r"\n{3,}")


# What each of them needs, found faster: most texts have none. Tests of the text with str's
# own searches, not patterns: "(?m) $" and "(?m)^ " searched a whole text 5x slower (about
# 0.05 ms a page, twice per pass).
def _space_at_line_end(text: str) -> bool:
    """Whether a space ends a line: ``(?m) $`` (``$`` is before "\n" or at the end)."""
    return " \n" in text or text.endswith(" ")


def _space_at_line_start(text: str) -> bool:
    """Whether a space starts a line: ``(?m)^ `` (``^`` is at the start or after "\n")."""
    return text.startswith(" ") or "\n " in text


# Passes of the whole of normalize at most. Its line steps decide on the text around a line
# (the width a text is wrapped at is measured over all its lines; whether a "- " item goes on
# is read from the lines below, which a later join may lengthen), so a text they changed can
# meet them differently: normalize repeats until a pass changes nothing, which makes it
# idempotent. Unwrap only joins lines, so passes end quickly: on the real corpus a second
# pass changes 11 of 200 files (lines joined that a join above made long enough, or "- " items
# whose closing ";" a join brought within reach), a third 2, a fourth none.
_MAX_PASSES = 6


def normalize(source: str) -> NormalizedText:
    """The normalized text of ``source`` with its map back to ``source``: one pass repeated
    until it changes nothing (``normalize(normalize(x).text).text == normalize(x).text``)."""
    stepped = _character_steps(NormalizedText.identity(source))
    text = _line_steps(stepped)
    if text.text == stepped.text:
        # The line steps changed nothing: their output is a function of the text alone, so
        # asking them again would give this text once more (3 of the 5 corpus .docx, 37 of
        # the 287 bench texts: a whole pass of line steps saved).
        return text
    for _ in range(_MAX_PASSES - 1):
        # Only the line steps are repeated: the character steps give the same text on their
        # own output, and a join of two lines makes no work for them (a space or, after a
        # code's hyphen, nothing between capitals). Half the cost of a whole second pass.
        again = _line_steps(text)
        if again.text == text.text:
            break
        text = again
    return text


def _character_steps(text: NormalizedText) -> NormalizedText:
    text = clean_unicode(text)
    text = remove_markup_debris(text)
    text = remove_breadcrumbs(text)
    text = fold_tone_marks(text)
    folded = text
    text = separate_glued(text)
    text = join_letter_spaced(text)
    text = split_run_together(text)
    # Again: a word split off a glued run ("hoàBộ" → "hoà Bộ") is only now a syllable whose
    # mark can be placed (found by the idempotence property in tests/test_properties.py).
    # Placing marks twice changes nothing, so only a text that was split is folded again.
    if text is not folded:
        text = fold_tone_marks(text)
    text = split_run_in_header(text)
    return split_signature_run_on(split_inline_labels(text))


def _line_steps(text: NormalizedText) -> NormalizedText:
    text = flatten_layout(text)
    text = text.sub(_TRAILING_SPACE, "", needs=_space_at_line_end)
    text = unwrap_lines(text)
    text = text.sub(_LEADING_SPACE, "", needs=_space_at_line_start)
    text = text.sub(_SPACE_RUN, " ", needs="  ")
    return text.sub(_BLANK_RUN, "\n\n", needs="\n\n\n")
