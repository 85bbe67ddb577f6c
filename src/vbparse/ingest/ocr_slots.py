"""The header's number and day that a clerk writes or stamps into the blanks of a scan.

"Số: 05 /CT-UBND", "Quảng Ngãi, ngày 15 tháng 4 năm 2020": the digits are handwritten or
stamped after printing, often in blue ink. Tesseract, trained on print, reads them as no digits
("Ô?ˆ", "6§0") and the page's colour drop whitens blue ink before it reads at all. Each such
slot (between the "Số:" label and the "/" of the code; between "ngày" and "tháng" on the date
line) is cut from the page with its ink kept and read again by RapidOCR's PP-OCR text
recogniser (``rapidocr-onnxruntime``, models shipped in the wheel), which reads handwritten
digits: on the real corpus's 20 scans, of the 32 slots filled by hand or stamp that are read
again, it read 25 right, none wrong, and left 7 (Tesseract had read digits in 6 of them, 1
wrong; with a digit whitelist it read 2 of the first 8 right).

Digits Tesseract read in one word with the label or the code ("6466/VPCP-KGVX") are print and
kept. Tesseract reads handwriting in a blank as digits too, wrongly ("899" for 299, "22" for
8204): a word of digits of its own in the blank is read again, and kept when the recogniser is
not sure. A reading is taken when it is digits (a day from 1 to 31) with a score of at least
``MIN_SCORE``, and a warning says it was read from handwriting; failing that the slot is made
blank (a null with a warning, issue 11 item 6), the label OCR damaged beside it put back
("ngàW/†" → "ngày"). Without the package installed the slots are left to Tesseract (and
``ocr_repair`` blanks what is not digits).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any

import regex

from vbparse.grammars import load_yaml
from vbparse.ingest.ocr_repair import repair_number
from vbparse.ingest.page_model import Word, group_lines

# The header stands in the top of the first page; the body below cites "số 12/BC-UBND".
HEADER_SHARE = 0.4
# A slot is at least this wide (a blank of a few characters) and at most this many em.
MIN_SLOT_EM = 0.6
MAX_SLOT_EM = 10.0
# Above and below the line, the handwriting may reach this many em past the print (more
# takes in the rules under the issuer and the motto: 0.8 em read 14 of the 20 filled slots
# of the real scans, 0.4 em 19).
SLOT_MARGIN_EM = 0.4
# RapidOCR's score (mean character probability) for a reading to be taken. On the real scans
# every reading of 0.7 or more was right (0.72-0.999); with slots cut 0.8 em high, "545" for a
# stamped 575 scored 0.84: a reading is always given with a warning to check it.
MIN_SCORE = 0.7
# A letter of print is at most this wide, in ems of the line's height (Times: 0.4-0.55).
CHAR_EM = 0.55
# A box this many times the width (or height) its letters need took in handwriting.
SWOLLEN = 1.5
# How far past the slot's ends the second cut reaches.
SLOT_PAD_EM = 0.4
MAX_DAY = 31


@dataclass(frozen=True)
class Slot:
    """A blank of the header: ``kind`` number or day, its box on the page, the indexes of the
    words it replaces (the label's and the code's words, those between) and the label and
    code as words of their own (cut from words read together with the blank: "ngày30")."""

    kind: str
    box: tuple[int, int, int, int]
    replaced: tuple[int, ...]
    kept: tuple[Word, ...]
    read: str = ""  # what Tesseract read in the blank
    label_end: int = 0  # where the label ends in its word


@functools.cache
def _patterns() -> dict[str, regex.Pattern[str]]:
    g = load_yaml("ocr_blanks.yaml")["slot_words"]
    return {name: regex.compile(p) for name, p in g.items() if not name.endswith("_text")}


def _label_text(kind: str) -> str:
    return str(load_yaml("ocr_blanks.yaml")["slot_words"][f"{kind}_text"])


def _x_at(word: Word, index: int) -> float:
    """Where character ``index`` of a word begins (characters taken as equally wide)."""
    return word.x0 + (word.x1 - word.x0) * index / max(len(word.text), 1)


def find_slots(words: list[Word], height: float) -> list[Slot]:
    """The number and day slots of a page's header (at most one of each)."""
    p = _patterns()
    index = {id(w): k for k, w in enumerate(words)}
    slots: dict[str, Slot] = {}
    for line in group_lines([w for w in words if w.bottom < HEADER_SHARE * height]):
        for k, word in enumerate(line.words):
            for kind, label, end in (
                ("number", p["number_label"], p["number_end"]),
                ("day", p["day_label"], p["day_end"]),
            ):
                if kind in slots or not (m := label.match(word.text)):
                    continue
                if kind == "day" and (k == 0 or not line.words[k - 1].text.endswith(",")):
                    continue  # the date line's "ngày" follows its place: "Quảng Ngãi, ngày"
                slot = _slot(kind, line.words[k:], m.end(), end, index)
                if slot is not None:
                    slots[kind] = slot
    return list(slots.values())


def _swollen(word: Word, size: float) -> bool:
    """Whether a word's box is far wider than its letters: it took in handwriting beside it."""
    return word.x1 - word.x0 > SWOLLEN * len(word.text) * CHAR_EM * size


def _slot(
    kind: str, after: list[Word], label_end: int, end: regex.Pattern[str], index: dict[int, int]
) -> Slot | None:
    """The slot from the end of the label (in ``after[0]``) to where ``end`` matches."""
    label = after[0]
    heights = sorted(w.size for w in after)
    size = heights[len(heights) // 2]  # the print's: the label's box may hold handwriting
    start_x = _x_at(label, label_end)
    if label_end == len(label.text) and _swollen(label, size):
        # Tesseract's box of a label may take in the handwriting after it ("ngày" 1577-1872
        # over "20", chỉ thị 07/CT-UBND): the label ends where its letters would.
        start_x = label.x0 + label_end * CHAR_EM * size
    for j, word in enumerate(after):
        m = end.search(word.text, label_end if j == 0 else 0)
        if m is None:
            continue
        stop_x = _x_at(word, m.start())
        if kind == "day" and j > 0 and m.start() == 0 and _swollen(word, size):
            # ("tháng" over the "7" of "27"; a code in capitals is wider: not estimated)
            stop_x = word.x1 - len(word.text) * CHAR_EM * size
        inside = after[1:j]
        left = min([start_x] + [w.x0 for w in inside])
        right = max([stop_x] + [min(w.x1, stop_x + size) for w in inside])
        if not MIN_SLOT_EM * size <= right - left <= MAX_SLOT_EM * size:
            return None
        code = Word(word.text[m.start() :], stop_x, word.top, word.x1, word.bottom)
        # The label as printed: OCR damages it beside the handwriting ("ngàW/†", "Số::").
        kept = (Word(_label_text(kind), label.x0, label.top, start_x, label.bottom), code)
        if j == 0:
            read = word.text[label_end : m.start()]
        else:
            read = " ".join([label.text[label_end:]] + [w.text for w in inside])
            read += " " + word.text[: m.start()]
        line = label if label.size <= SWOLLEN * size else word
        margin = SLOT_MARGIN_EM * line.size
        box = (int(left), int(line.top - margin), int(right), int(line.bottom + margin))
        return Slot(
            kind, box, tuple(index[id(w)] for w in after[: j + 1]), kept, read.strip(), label_end
        )
    return None


@functools.cache
def _recogniser() -> Any | None:
    """RapidOCR (recognition only, one thread), or ``None`` when it is not installed."""
    try:
        from rapidocr_onnxruntime import RapidOCR
    except ImportError:
        return None
    return RapidOCR(
        rec_intra_op_num_threads=1,
        rec_inter_op_num_threads=1,
        det_intra_op_num_threads=1,
        cls_intra_op_num_threads=1,
    )


def _crops(image: Any, slot: Slot) -> list[Any]:
    """The slot cut as found, and widened by ``SLOT_PAD_EM`` where a handwritten number
    often reaches past its blank: over the label's last letter ("ngày15", "Số:05") and, for
    the day, over the first letter of "tháng". A number is not widened to the right, where
    the code's "/" reads as a 1."""
    x0, top, x1, bottom = slot.box
    pad = int(SLOT_PAD_EM * (bottom - top) / (1 + 2 * SLOT_MARGIN_EM))
    right = pad if slot.kind == "day" else 0
    boxes = [(x0, top, x1, bottom), (x0 - pad, top, x1 + right, bottom)]
    return [image.crop(box) for box in boxes]


@functools.cache
def _reading_rules() -> tuple[str, dict[str, str]]:
    g = load_yaml("ocr_blanks.yaml")
    return g["slot_edges"], g["slot_confusions"]


def _digits(text: str) -> str:
    """A reading as digits: the neighbours' pieces at its edges dropped (":" of "Số:", "y"
    of "ngày", "t" of "tháng"), letters a digit is read as turned to it ("440g" → 4409;
    ``grammars/ocr_blanks.yaml``)."""
    edges, confusions = _reading_rules()
    text = text.strip(edges)
    return "".join(confusions.get(c, c) for c in text)


def read_slot(image: Any, slot: Slot) -> tuple[str, float] | None:
    """The digits of a slot (from the page image with its ink) and RapidOCR's score, or
    ``None`` when no reading is digits (a day from 1 to 31) scoring ``MIN_SCORE`` or more.
    Of two readings the longer is taken (the cut that lost a digit to its edge), then the
    surer."""
    import numpy as np

    engine = _recogniser()
    if engine is None:
        return None
    readings: list[tuple[str, float]] = []
    for crop in _crops(image, slot):
        if crop.width < 4 or crop.height < 4:
            continue
        result, _ = engine(np.asarray(crop.convert("RGB")), use_det=False, use_cls=False)
        if not result:
            continue
        digits, score = _digits(result[0][0]), float(result[0][1])
        if score < MIN_SCORE or not digits.isdigit() or not digits.strip("0"):
            continue
        if slot.kind == "day" and not 1 <= int(digits) <= MAX_DAY:
            continue
        readings.append((digits, score))
    return max(readings, key=lambda r: (len(r[0]), r[1]), default=None)


def fill_slots(
    words: list[Word], confidences: list[float], image: Any
) -> tuple[list[Word], list[float], list[str]]:
    """The page's words with each header slot read from ``image`` (ink kept) where the
    reading is sure enough: the words in the slot replaced by one word of digits; and a note
    for each such reading (a warning: handwriting is read less surely than print)."""
    slots = find_slots(words, image.height)
    if not slots or _recogniser() is None:
        return words, confidences, []
    words = list(words)
    replaced: set[int] = set()
    added: list[Word] = []
    notes: list[str] = []
    for slot in slots:
        tesseract_digits = slot.read.replace(" ", "").isdigit()
        if tesseract_digits and len(slot.replaced) <= 2:
            continue  # digits read with the label or the code: print, kept as read
        reading = read_slot(image, slot)
        if reading is None and tesseract_digits:
            continue  # Tesseract's digits, where the recogniser is not sure
        if reading is None:
            # Left to ``ocr_repair``, which blanks what is not digits (null, with a warning),
            # once the label OCR damaged beside the ink is put back ("ngàW/†" → "ngày/†").
            k = slot.replaced[0]
            old = words[k]
            text = slot.kept[0].text + old.text[slot.label_end :]
            words[k] = Word(text, old.x0, old.top, old.x1, old.bottom)
            continue
        digits, score = reading
        notes.append(
            f"the {slot.kind} {digits} was read from handwriting or a stamp in the scan's "
            f"header (score {score:.2f}): check it"
        )
        replaced.update(slot.replaced)
        label, code = slot.kept
        if slot.kind == "number":
            # One word, as printed ("464/TTg-CĐS": a space before the slash is allowed only
            # before a code in capitals), its code checked against the known codes
            # ("4409/ĐCA-C04" → 4409/BCA-C04).
            number = repair_number(digits + code.text)
            added += [label, Word(number, slot.box[0], label.top, code.x1, label.bottom)]
        else:
            added += [label, Word(digits, slot.box[0], label.top, slot.box[2], label.bottom), code]
    kept = [
        (w, c) for k, (w, c) in enumerate(zip(words, confidences, strict=True)) if k not in replaced
    ]
    return [w for w, _ in kept] + added, [c for _, c in kept] + [100.0] * len(added), notes
