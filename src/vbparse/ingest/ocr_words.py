"""Tesseract runs and the words they give (pytesseract's TSV data, ``lang="vie"``).

One run reads several images: they are handed over as an image list, which Tesseract reads
as the pages of one document, loading its language model once (0.15 s a run) instead of
once per image; each page is still read on its own, so the data are those of one run per
image. ``vbparse.ingest.ocr`` reads a document's pages, then their signature zones, then
their empty table cells, each in such a shared run. Where ``libtesseract`` can be loaded, a
run is read in this process instead (``vbparse.ingest.tesseract_api``: the model loaded once
per process, the same TSV); the command line is the fallback.
"""

from __future__ import annotations

import contextlib
import itertools
import os
from collections.abc import Iterator
from typing import Any

from vbparse.ingest.page_model import Word

LANG = "vie"
# Seconds Tesseract may take over one image of a run before the run is stopped.
PAGE_TIMEOUT_S = 120
# Characters that, alone, make a word that is debris of an erased rule or a speck ("__", "._").
_DEBRIS = set("_|.,'‘’`")
# A word box narrower and lower than this share of the median word height is a speck.
SPECK_SHARE = 0.12

Crop = tuple[Any, int, int]  # an image and where its top-left corner lies on the page


@contextlib.contextmanager
def _single_thread() -> Iterator[None]:
    """Run Tesseract with ``OMP_THREAD_LIMIT=1`` (pytesseract passes ``os.environ`` on)."""
    old = os.environ.get("OMP_THREAD_LIMIT")
    os.environ["OMP_THREAD_LIMIT"] = "1"
    try:
        yield
    finally:
        if old is None:
            os.environ.pop("OMP_THREAD_LIMIT", None)
        else:
            os.environ["OMP_THREAD_LIMIT"] = old


def tesseract_data(images: list[Any], config: str) -> list[dict[str, list[Any]]]:
    """Tesseract's TSV data of each image (pytesseract's ``Output.DICT``), in one run.

    In this process when ``tesseract_api`` can (the images handed over as pixels); else the
    images are handed to the command line as uncompressed PGM files (pytesseract would write
    each as a PNG: 0.15 s of compression for a 300 dpi page), several at once through an
    image list. With ``VBPARSE_OCR_CACHE`` set, images read before come from that cache
    (``vbparse.ingest.ocr_cache``).
    """
    from vbparse.ingest.ocr_cache import cached_readings

    if not images:
        return []
    return cached_readings(images, LANG, config, lambda unread: _read_data(unread, config))


def _read_data(images: list[Any], config: str) -> list[dict[str, list[Any]]]:
    """Tesseract's TSV data of each image, read now (``tesseract_data`` without the cache)."""
    import tempfile

    import pytesseract

    from vbparse.ingest.tesseract_api import read_tsv

    tsvs = read_tsv(images, LANG, config, PAGE_TIMEOUT_S)
    if tsvs is not None:  # read in this process (``tesseract_api``)
        return [tsv_columns(tsv) or _no_rows(tsv) for tsv in tsvs]
    with tempfile.TemporaryDirectory(prefix="vbparse-ocr-") as tmp:
        names = []
        for index, image in enumerate(images):
            name = os.path.join(tmp, f"{index}.pgm")
            image.save(name, format="PPM")  # mode L: a binary PGM
            names.append(name)
        source = names[0]
        if len(names) > 1:
            source = os.path.join(tmp, "images.txt")
            with open(source, "w", encoding="utf-8") as handle:
                handle.write("\n".join(names) + "\n")
        with _single_thread():
            tsv = pytesseract.image_to_data(
                source, lang=LANG, config=config, timeout=PAGE_TIMEOUT_S * len(images)
            )
    return _by_page(tsv_columns(tsv), len(images))


def _no_rows(tsv: str) -> dict[str, list[Any]]:
    """The columns of a TSV with its header alone, empty."""
    return {name: [] for name in tsv.split("\n", 1)[0].split("\t")}


def _by_page(data: dict[str, list[Any]], pages: int) -> list[dict[str, list[Any]]]:
    """The columns of a run's TSV cut into each image's own. Tesseract writes an image's
    rows together, so they are taken a run of rows at a time (a slice of every column), not
    row by row (twelve appends a word)."""
    by_page: list[dict[str, list[Any]]] = [{key: [] for key in data} for _ in range(pages)]
    start = 0
    for page_num, rows in itertools.groupby(data.get("page_num", [])):
        end = start + len(list(rows))
        page = by_page[int(page_num) - 1]
        for key, values in data.items():
            page[key].extend(values[start:end])
        start = end
    return by_page


def tsv_columns(tsv: str) -> dict[str, list[Any]]:
    """Tesseract's TSV as columns, as pytesseract's ``Output.DICT`` gives them (numbers as
    ``int(float(cell))``, the text as written), column by column: pytesseract converts cell
    by cell, a tenth of a scanned page's Python time."""
    from pytesseract.pytesseract import file_to_dict

    rows = [row.split("\t") for row in tsv.strip().split("\n")]
    if len(rows) < 2:
        return {}
    header, rows = rows[0], rows[1:]
    if len(rows[-1]) == len(header) - 1:
        rows[-1].append("")  # the last word's empty text loses its cell (as pytesseract)
    if any(len(row) != len(header) for row in rows):
        return file_to_dict(tsv, "\t", -1)  # ragged: pytesseract's own cell-by-cell reading
    columns = list(zip(*rows, strict=True))
    data: dict[str, list[Any]] = {}
    for index, (name, cells) in enumerate(zip(header, columns, strict=True)):
        data[name] = list(cells) if index == len(header) - 1 else _numbers(cells)
    return data


def _numbers(cells: tuple[str, ...]) -> list[Any]:
    # ``int`` reads a whole number's digits as ``int(float(...))`` does; only the
    # confidences ("96.53") need the float.
    with contextlib.suppress(ValueError):
        return list(map(int, cells))
    try:
        return [int(float(cell)) for cell in cells]
    except ValueError:  # as pytesseract: a cell that is no number stays text
        return [_number(cell) for cell in cells]


def _number(cell: str) -> Any:
    try:
        return int(float(cell))
    except ValueError:
        return cell


def words_of(
    data: dict[str, list[Any]], dx: int = 0, dy: int = 0
) -> tuple[list[Word], list[float]]:
    """The words of Tesseract's data on one image (boxes shifted by dx, dy), and their
    confidences; specks and the debris of erased rules are dropped."""
    from vbparse.ingest.ocr_repair import repair_ocr_text

    heights = sorted(h for h, t in zip(data["height"], data["text"], strict=True) if t.strip())
    speck = SPECK_SHARE * (heights[len(heights) // 2] if heights else 0)
    words: list[Word] = []
    confidences: list[float] = []
    for i, text in enumerate(data["text"]):
        text = (text or "").strip()
        conf = float(data["conf"][i])
        if not text or conf < 0 or (conf < 50 and not any(c.isalnum() for c in text)):
            continue  # speckles read as punctuation
        if len(text) == 1 and not text.isdigit() and text not in "-–+•*" and conf < 80:
            continue  # a speck read as a lone letter
        if data["width"][i] < speck and data["height"][i] < speck:
            continue  # a speck of noise, whatever Tesseract made of it
        if set(text) <= _DEBRIS and set(text) & set("_|"):
            continue  # what is left of a rule
        left, top = data["left"][i] + dx, data["top"][i] + dy
        words.append(
            Word(repair_ocr_text(text), left, top, left + data["width"][i], top + data["height"][i])
        )
        confidences.append(conf)
    return words, confidences


def read_crops(crops: list[Crop], config: str) -> list[tuple[list[Word], list[float]]]:
    """The words (in page coordinates) and confidences of each crop, all read in one run."""
    datas = tesseract_data([image for image, _, _ in crops], config)
    return [words_of(data, dx, dy) for (_, dx, dy), data in zip(crops, datas, strict=True)]
