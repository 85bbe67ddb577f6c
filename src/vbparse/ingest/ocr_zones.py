"""Scanned pages read for their fields, not only their text: coloured ink and the signature.

- **Coloured ink** (the red seal pressed over the signer's title and name, the blue or red
  stamp of a registry, "CÔNG VĂN ĐẾN Số … Ngày …") is no print: a pixel whose colour
  channels differ by more than ``INK_CHROMA`` is made white before Tesseract reads the page.
  Black print under a seal stays black, so the name under the seal is read.
- **The signature zone** (right of the Nơi nhận list, from its line down) holds a few short
  lines among a signature and a seal, which Tesseract's page layout often takes for a
  picture and drops. That zone is read again on its own as one block of text
  (``ZONE_CONFIG``), the words of the Nơi nhận column whitened out of it first. A zone
  whose block reading holds no signer's name is read once more as sparse text
  (``SPARSE_ZONE_CONFIG``): a seal and a signature around the name can make the block's
  layout take the name's line for part of a picture.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

import regex

from vbparse.grammars import load_yaml
from vbparse.ingest.ocr_words import Crop
from vbparse.ingest.opencv import cv2_single
from vbparse.ingest.page_model import Word, group_lines

# Channels of a grey pixel (print, paper) differ by a few levels; scanner fringes on black
# print stay under ~30; ballpoint blue and seal red differ by 60 and more.
INK_CHROMA = 48
ZONE_CONFIG = "--psm 6"
SPARSE_ZONE_CONFIG = "--psm 11"
# The signer's title may stand this many line heights above the "Nơi nhận:" line.
ZONE_LINES_ABOVE = 2.0
# The signature block stands right of this share of the page width.
ZONE_LEFT_SHARE = 0.5
# The narrowest zone worth reading, as a share of the page's width (a signature block takes
# a third of it).
ZONE_MIN_WIDTH_SHARE = 0.15
# Strokes of a signature read as words ("JJ", "bi", "//"): little confidence, or much taller
# than the print (a name in bold with stacked marks, "Nguyễn", stands 1.5 times the median),
# or no letter or digit.
ZONE_MIN_CONFIDENCE = 60.0
ZONE_MAX_HEIGHT_SHARE = 1.8
# The first word of a name that the seal or the signature crosses is kept on weaker evidence
# (``_with_name_openings``): the name's other words read with this confidence, and the word
# no taller than this share of the print.
NAME_REST_CONFIDENCE = 90.0
NAME_MAX_HEIGHT_SHARE = 2.5
# Marks a signature stroke adds at a word's edge ("“Nguyến", "{Lê").
_NAME_MARKS = "“”\"'‘’{}()[]|/\\,.;:"
# A word cut by the zone's top edge is a piece of the line above (the body's last line).
ZONE_EDGE_PX = 3

Reading = tuple[list[Word], list[float]]
WordReader = Callable[[Any, str, int, int], Reading]
CropsReader = Callable[[list[Crop], str], list[Reading]]
# A signer's name has this many words, the family name first.
NAME_WORDS = (2, 5)


def split_ink(image: Any) -> tuple[Any, Any]:
    """The page as two greyscale uint8 arrays: with its coloured ink (the header's handwritten
    number and day are read from it, ``vbparse.ingest.ocr_slots``), and with coloured ink
    (seals, stamps, handwriting in blue) made white, for Tesseract. ``image``: pdfium's
    rendering as an array (BGR, as ``PdfBitmap.to_numpy`` gives it), or a Pillow image of
    any mode."""
    import numpy as np

    cv2 = cv2_single()
    if isinstance(image, np.ndarray):
        if image.ndim == 2:
            return image, image
        colour = image[..., :3]
        grey = cv2.cvtColor(colour, cv2.COLOR_BGR2GRAY)
    elif image.mode in ("RGB", "RGBA", "P", "CMYK"):
        grey = np.asarray(image.convert("L"))
        colour = np.asarray(image if image.mode == "RGB" else image.convert("RGB"))
    else:
        grey = np.asarray(image.convert("L"))
        return grey, grey
    # Elementwise maxima and minima of the channel planes (numpy's max over an axis of 3
    # took 0.5 s a 300-dpi page; these 0.006 s), in planes kept from page to page: three
    # fresh page-sized arrays cost 0.02 s in page faults, more than the work done in them.
    first, second, third = _planes(grey.shape)
    cv2.split(colour, [first, second, third])
    spread = cv2.max(first, second)
    cv2.max(spread, third, dst=spread)
    cv2.min(first, second, dst=first)
    cv2.min(first, third, dst=first)
    cv2.subtract(spread, first, dst=spread)
    cv2.threshold(spread, INK_CHROMA, 255, cv2.THRESH_BINARY, dst=spread)  # 255 past it
    return grey, cv2.max(grey, spread, dst=spread)


@functools.lru_cache(maxsize=1)
def _planes(shape: tuple[int, int]) -> tuple[Any, Any, Any]:
    """Three scratch planes of a page's size, for the last size asked (a document's pages
    are mostly of one size; 26 MB at 300 dpi)."""
    import numpy as np

    return tuple(np.empty(shape, dtype=np.uint8) for _ in range(3))  # type: ignore[return-value]


def drop_colour(image: Any) -> Any:
    """The page as a greyscale uint8 array with coloured ink made white (``split_ink``)."""
    return split_ink(image)[1]


@functools.cache
def _cc_label() -> regex.Pattern[str]:
    return regex.compile(load_yaml("header.yaml")["cc_label"], regex.IGNORECASE)


Box = tuple[int, int, int, int]


def signature_zone(words: list[Word], width: float, height: float) -> Box | None:
    """The box right of the Nơi nhận list (its lines may reach past the middle of the page),
    from just above its label to the page bottom; ``None`` on a page without a "Nơi nhận:"
    line in its left half."""
    lines = group_lines(words)
    for k, line in enumerate(lines):
        if line.x0 < ZONE_LEFT_SHARE * width and _cc_label().match(line.text.strip()):
            size = sorted(w.size for w in line.words)[len(line.words) // 2]
            top = max(0.0, line.top - ZONE_LINES_ABOVE * size)
            # The list's lines are the first segment of each line from the label down.
            left = max(
                [ZONE_LEFT_SHARE * width]
                + [b.segments()[0].x1 + size for b in lines[k:] if b.x0 < ZONE_LEFT_SHARE * width]
            )
            # A list line that runs to the page's edge (a Nơi nhận set across the page, the
            # signature below it: công văn 5240/BCA-V01, a real signed scan) leaves no zone
            # beside the list.
            if width - left < ZONE_MIN_WIDTH_SHARE * width or top >= height:
                return None
            return int(left), int(top), int(width), int(height)
    return None


def _centre_in(word: Word, box: Box) -> bool:
    x0, top, x1, bottom = box
    return x0 <= (word.x0 + word.x1) / 2 <= x1 and top <= (word.top + word.bottom) / 2 <= bottom


def reread_signature_zone(
    image: Any, words: list[Word], confidences: list[float], read: WordReader
) -> tuple[list[Word], list[float]]:
    """The page's words with those of the signature zone read again on their own (by
    ``read``): ``signature_crop``, then ``merge_zone_words``."""
    zone = signature_crop(image, words)
    if zone is None:
        return words, confidences
    box, crop = zone

    def read_each(crops: list[Crop], config: str) -> list[Reading]:
        return [read(image, config, dx, dy) for image, dx, dy in crops]

    [(found, found_conf)] = read_zones([(crop, box[0], box[1])], read_each)
    return merge_zone_words(words, confidences, box, found, found_conf)


def read_zones(crops: list[Crop], read: CropsReader) -> list[Reading]:
    """Each signature zone's reading (``read`` takes crops and a config and reads them in
    one run): as one block of text, or, where that holds no signer's name, as sparse text
    when that holds one. The seal and the signature around "Lê Hoàng Anh" (công văn
    2082/SYT-NVY of Sở Y tế Kiên Giang, a real signed scan) left the block reading without
    the name's line; the sparse reading has it."""
    readings = read(crops, ZONE_CONFIG)
    again = [k for k, reading in enumerate(readings) if not has_signer_name(*reading)]
    sparse = read([crops[k] for k in again], SPARSE_ZONE_CONFIG) if again else []
    for k, reading in zip(again, sparse, strict=True):
        if has_signer_name(*reading):
            readings[k] = reading
    return readings


def has_signer_name(words: list[Word], confidences: list[float]) -> bool:
    """A line of the reading is a person's name: capitalised words of letters, the first a
    family name (which the seal or the signature may have blurred), the rest read well."""
    confidence = {id(w): c for w, c in zip(words, confidences, strict=True)}
    for line in group_lines(words):
        names = [w.text.strip(_NAME_MARKS) for w in line.words]
        if (
            NAME_WORDS[0] <= len(names) <= NAME_WORDS[1]
            and names[0] in _surnames()
            and all(n[:1].isupper() and n.isalpha() for n in names)
            and all(confidence[id(w)] >= ZONE_MIN_CONFIDENCE for w in line.words[1:])
        ):
            return True
    return False


@functools.cache
def _surnames() -> frozenset[str]:
    return frozenset(load_yaml("ocr_vocabulary.yaml")["surnames"])


def signature_crop(image: Any, words: list[Word]) -> tuple[Box, Any] | None:
    """The signature zone's box and its crop of the page, to be read with ``ZONE_CONFIG``;
    ``None`` on a page without one.

    Words of the Nơi nhận column that reach into the zone are whitened out of the crop, so
    the re-read holds only the signature block.
    """
    from PIL import ImageDraw

    box = signature_zone(words, image.width, image.height)
    if box is None:
        return None
    x0, top, _, _ = box
    crop = image.crop(box)
    draw = ImageDraw.Draw(crop)
    for word in words:
        if not _centre_in(word, box) and word.x1 > x0 and word.bottom > top:
            draw.rectangle(
                (word.x0 - x0 - 2, word.top - top - 2, word.x1 - x0 + 2, word.bottom - top + 2),
                fill=255,
            )
    return box, crop


def merge_zone_words(
    words: list[Word],
    confidences: list[float],
    box: Box,
    found: list[Word],
    found_conf: list[float],
) -> tuple[list[Word], list[float]]:
    """The page's words with those in the zone ``box`` replaced by the zone's own reading
    (``found``, page coordinates), when that reading holds a word; signature strokes and
    the seal's debris beside the list are dropped."""
    top = box[1]
    heights = sorted(w.bottom - w.top for w in words)
    tallest = ZONE_MAX_HEIGHT_SHARE * heights[len(heights) // 2]
    kept_found = [
        (w, c)
        for w, c in zip(found, found_conf, strict=True)
        if c >= ZONE_MIN_CONFIDENCE
        and w.bottom - w.top <= tallest
        and w.top > top + ZONE_EDGE_PX
        and any(ch.isalnum() for ch in w.text)
    ]
    kept_found = _with_name_openings(found, found_conf, kept_found, heights[len(heights) // 2])
    found, found_conf = [w for w, _ in kept_found], [c for _, c in kept_found]
    if not any(w.text[:1].isalpha() for w in found):
        return words, confidences
    kept = [(w, c) for w, c in zip(words, confidences, strict=True) if not _centre_in(w, box)]
    debris = _debris_beside_list([w for w, _ in kept], dict((id(w), c) for w, c in kept), box)
    kept = [(w, c) for w, c in kept if id(w) not in debris]
    return [w for w, _ in kept] + found, [c for _, c in kept] + found_conf


def _with_name_openings(
    found: list[Word],
    found_conf: list[float],
    kept: list[tuple[Word, float]],
    median_height: float,
) -> list[tuple[Word, float]]:
    """``kept`` with the first word of a name that the filters above dropped: the signature
    or the seal crosses the family name, which is then read with little confidence ("Tôn"
    58, "{Lê" 31, "Huynh" 47) or taller than the print ("Phạm" with its ascender, descender
    and dot below; "“Nguyến" with a quote mark), while the rest of the name on its line is
    read well (real signed scans of UBND Đắk Nông and Sở Y tế Kiên Giang, quyết định
    932/QĐ-TTg). Such a word is kept, its stray marks stripped, when it is one capitalised
    word of letters right before a confident capitalised word of its line."""
    kept_ids = {id(w) for w, _ in kept}
    sure = [w for w, c in kept if c >= NAME_REST_CONFIDENCE and w.text[:1].isupper()]
    out = list(kept)
    for word, conf in zip(found, found_conf, strict=True):
        text = word.text.strip(_NAME_MARKS)
        if (
            id(word) in kept_ids
            or not (text[:1].isupper() and text.isalpha())
            or word.bottom - word.top > NAME_MAX_HEIGHT_SHARE * median_height
        ):
            continue
        if any(_next_on_line(word, other) for other in sure):
            out.append((Word(text, word.x0, word.top, word.x1, word.bottom), conf))
    return out


def _next_on_line(word: Word, other: Word) -> bool:
    """``other`` follows ``word`` on its line, a space or two to its right."""
    overlap = min(word.bottom, other.bottom) - max(word.top, other.top)
    gap = other.x0 - word.x1
    return overlap > 0.5 * min(word.size, other.size) and 0 <= gap <= 2 * other.size


def _debris_beside_list(words: list[Word], confidence: dict[int, float], box: Box) -> set[int]:
    """Ids of the words between the Nơi nhận list and the signature zone that the seal and
    the signature left ("LÀN", "ca"): a run apart from the list's line, read with little
    confidence."""
    debris: set[int] = set()
    for line in group_lines([w for w in words if w.top >= box[1]]):
        for segment in line.segments()[1:]:
            scores = [confidence[id(w)] for w in segment.words]
            if sum(scores) / len(scores) < ZONE_MIN_CONFIDENCE:
                debris.update(id(w) for w in segment.words)
    return debris
