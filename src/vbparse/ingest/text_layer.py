"""Whether a PDF page's text layer can be trusted, or the page goes to OCR: the checks
``vbparse.ingest.pdf`` asks of each page, each answering with the reason (shown in the
document's warnings) or ``None``."""

from __future__ import annotations

import functools
import re
import statistics
import unicodedata
from collections import Counter

_CID = re.compile(r"\(cid:\d+\)")
# Spacing accents that stand in for Vietnamese tone marks when a font maps them apart.
_SPACING_ACCENTS = set("\u00b4\u02c6\u02dc\u02cb\u02ca\u02c0\u02c9\u0060\u00a8\u02d9")
_LETTER_WORD = re.compile(r"[^\W\d_]{2,}")
# A scanner's own OCR layer over a page image may have read Vietnamese without its marks
# ("Uy ban nhdn d6n tinh giao Sd NQi vu"). In Vietnamese most words carry a letter beyond
# ASCII: on the real corpus's text-layer pages 72-88 % of letter words do, on the two such
# OCR layers 0 %. Below this share (and with this many words) the layer is read again by OCR.
MIN_MARKED_SHARE = 0.2
MIN_MARKED_WORDS = 20
# Another scanner's layer keeps some marks and reads others as letters Vietnamese has not
# ("Dà Näng", "CONG HOA xA HQI CilU", "cüa", công văn 5710/UBND-SGDĐT Đà Nẵng, a real scan:
# 11-27 such words on each of its six pages, 2-5 %). On the corpora's other text-layer pages
# (233 with 20 words or more, legacy fonts decoded) there are none.
MIN_FOREIGN_WORDS = 5
MIN_FOREIGN_SHARE = 0.02
# The marks a Vietnamese vowel may carry: five tones, breve, circumflex, horn.
_VIETNAMESE_MARKS = frozenset("\u0300\u0301\u0303\u0309\u0323\u0306\u0302\u031b")


def broken_text(text: str) -> str | None:
    """Why a page's text layer cannot be trusted, or ``None`` when it can."""
    if not text.strip():
        return None
    cids = len(_CID.findall(text))
    if cids >= 5 or (cids and cids * 8 >= len(text)):
        return "font without a Unicode map ((cid:NN) glyphs)"
    text = unicodedata.normalize("NFC", text)
    letters = sum(c.isalpha() for c in text) or 1
    # After NFC every Vietnamese letter is one code point: a combining mark left over, or a
    # spacing accent, is a diacritic that came apart from its letter.
    loose = sum(1 for c in text if c in _SPACING_ACCENTS or unicodedata.combining(c))
    if loose >= 5 and loose / letters > 0.01:
        return "diacritics come apart from their letters"
    return None


# A font whose Unicode map sends letters to " " (công văn 1925/STC-HTDN Bình Thuận: "Sở ội vụ",
# "iệp hội oanh nghiệp", the issuer's lines blank): its "spaces" come in several widths, a
# real space having one. Counted per font and size-relative width (em, two decimals); this
# many spaces of another width than the font's commonest, each wider than LETTER_SPACE_EM,
# mark the page. On the real corpus's 28 text-layer PDFs only that letter has any.
MIN_LETTER_SPACES = 5
LETTER_SPACE_EM = 0.45


def letters_as_spaces(chars: list[dict]) -> str | None:
    """Why a page's text layer cannot be trusted: its font maps letters to spaces."""
    widths: dict[str, Counter] = {}
    for char in chars:
        if char.get("text") == " " and char.get("size"):
            em = round(char["adv"] / char["size"], 2)
            widths.setdefault(char.get("fontname") or "", Counter())[em] += 1
    for counts in widths.values():
        common = counts.most_common(1)[0][0]
        wide = sum(n for em, n in counts.items() if em != common and em > LETTER_SPACE_EM)
        if wide >= MIN_LETTER_SPACES:
            return "font that maps letters to spaces (letters missing from the text)"
    return None


def unmarked_layer(text: str) -> str | None:
    """Why a scanned page's text layer (one drawn over a page image) is not to be trusted:
    Vietnamese read without its marks, or ``None``."""
    words = _LETTER_WORD.findall(text)
    if len(words) < MIN_MARKED_WORDS:
        return None
    marked = sum(1 for w in words if not w.isascii())
    if marked < MIN_MARKED_SHARE * len(words):
        return "text layer over a page image without Vietnamese marks (a scanner's OCR?)"
    foreign = sum(1 for w in words if any(_foreign_letter(c) for c in w))
    if foreign >= MIN_FOREIGN_WORDS and foreign >= MIN_FOREIGN_SHARE * len(words):
        return "text layer over a page image with letters Vietnamese has not (a scanner's OCR?)"
    return None


# Words drawn as pictures of their letters: a producer that could not embed a font drew each
# word holding a Vietnamese letter as a small image and kept only the others as text ("B O HI M
# XÃ H I VI T NAM", công văn 1923/BHXH-CNTT, real b109: 139-247 word images a page, each as
# tall as the text). On the corpora's other text-layer pages no more than one image is that
# size (a dotted rule's 768 dots of one point are not).
MIN_WORD_IMAGES = 20


def words_as_images(plumber_page) -> str | None:
    """Why a page's text layer cannot be trusted: many of its words are images."""
    sizes = [c["size"] for c in plumber_page.chars if c.get("size") and c["text"].strip()]
    if len(plumber_page.images) < MIN_WORD_IMAGES or not sizes:
        return None
    em = statistics.median(sizes)
    glyphs = sum(
        1
        for im in plumber_page.images
        if 0.5 * em <= im["bottom"] - im["top"] <= 2 * em and im["x1"] - im["x0"] <= 6 * em
    )
    if glyphs >= MIN_WORD_IMAGES:
        return "words drawn as images (letters missing from the text layer)"
    return None


# Kept per character (bounded): a page asks of each of its few dozen distinct letters many times.
@functools.lru_cache(maxsize=1024)
def _foreign_letter(c: str) -> bool:
    """A letter outside the Vietnamese alphabet ("ä", "ü", "ç", "ø"); ASCII letters and đ are
    in it, and a vowel with Vietnamese marks."""
    if c.isascii() or c in "đĐ":
        return False
    base, *marks = unicodedata.normalize("NFD", c)
    return not (base in "aeiouyAEIOUY" and set(marks) <= _VIETNAMESE_MARKS)


# A page whose letters are drawn as shapes (a scan vectorised, or text turned to outlines:
# pages 3-4 of quyết định 2307/QĐ-UBND Sơn La, a real PDF, hold 700-1,600 paths and no image
# and no text) is read by OCR like a scan; a ruled table or a rule alone has far fewer.
MIN_DRAWN_SHAPES = 100


def textless_reason(plumber_page) -> str | None:
    """Why a page without a text layer goes to OCR: it holds an image or a drawing of its
    letters; None for a blank page."""
    if plumber_page.images:
        return "no text layer"
    if len(plumber_page.curves) + len(plumber_page.rects) >= MIN_DRAWN_SHAPES:
        return "no text layer (letters drawn as shapes)"
    return None
