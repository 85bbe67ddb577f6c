"""A cache of Tesseract's readings, kept across runs: a scan read again is not OCRed again.

Tesseract is most of a scan's time (8.5 s of a five-page scan's 12.2 s of reading). With
``VBPARSE_OCR_CACHE=DIR`` in the environment, each image Tesseract reads is looked up in
``DIR`` first by what decides its reading: the engine (Tesseract's version and the language
model's bytes), the language, the options and the image's own pixels. A hit gives the
columns Tesseract gave then; a miss is read and stored. Everything after Tesseract (the
repairs, the zones, the handwritten slots, the whole parse) runs as without the cache, so
a change to any of it shows at once; a change to how pages are rendered or cropped changes
the pixels, so the key, and those images are read afresh.

Entries are one gzipped JSON file each, ``DIR/ab/abcdef….json.gz``, written atomically (so
parallel workers may share a folder); a hit touches its file, so entries a run did not use
can be pruned by age (``scripts/record_ocr.py``). Readings never expire on their own: they
are a pure function of the key.
"""

from __future__ import annotations

import contextlib
import functools
import gzip
import hashlib
import json
import os
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any, cast

ENV = "VBPARSE_OCR_CACHE"
Columns = dict[str, list[Any]]


def cache_folder() -> Path | None:
    """The folder ``VBPARSE_OCR_CACHE`` names, or ``None`` when no cache is asked for."""
    folder = os.environ.get(ENV, "").strip()
    return Path(folder) if folder else None


@functools.cache
def engine_identity(lang: str) -> str:
    """Tesseract's version and a digest of ``lang``'s model: a new engine or model reads
    differently, so its readings are other entries."""
    try:
        version = subprocess.run(
            ["tesseract", "--version"], capture_output=True, text=True, timeout=30, check=False
        ).stdout.split("\n", 1)[0]
        listing = subprocess.run(
            ["tesseract", "--list-langs"], capture_output=True, text=True, timeout=30, check=False
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return ""
    # First line: List of available languages in "/usr/share/tesseract-ocr/5/tessdata/" (N):
    folder = listing.split('"')[1] if listing.count('"') >= 2 else ""
    model = Path(folder) / f"{lang}.traineddata"
    digest = (
        hashlib.blake2b(model.read_bytes(), digest_size=16).hexdigest() if model.is_file() else ""
    )
    return f"{version.strip()}|{lang}|{digest}"


def image_key(image: Any, lang: str, config: str) -> str:
    """The key of one reading: engine, language, options, and the image's mode, size and
    pixels."""
    digest = hashlib.blake2b(digest_size=20)
    digest.update(f"{engine_identity(lang)}\n{config}\n{image.mode}\n{image.size}\n".encode())
    digest.update(image.tobytes())
    return digest.hexdigest()


def _entry(folder: Path, key: str) -> Path:
    return folder / key[:2] / f"{key}.json.gz"


def _load(path: Path) -> Columns | None:
    """The stored columns, or ``None`` for a missing or unreadable entry (read again)."""
    try:
        data = json.loads(gzip.decompress(path.read_bytes()))
    except (OSError, ValueError, EOFError):
        return None
    with contextlib.suppress(OSError):
        os.utime(path)  # used by this run: kept when unused entries are pruned
    return data if isinstance(data, dict) else None


def _store(path: Path, data: Columns) -> None:
    """Write one entry atomically; a folder that cannot be written only loses the cache."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        part = path.with_name(f"{path.name}.{os.getpid()}.part")
        part.write_bytes(gzip.compress(json.dumps(data, ensure_ascii=False).encode(), mtime=0))
        os.replace(part, path)
    except OSError:
        pass


def cached_readings(
    images: list[Any], lang: str, config: str, read: Callable[[list[Any]], list[Columns]]
) -> list[Columns]:
    """Tesseract's columns of each image: from the cache where stored, the rest through
    ``read`` in one run (and stored). Without a cache folder, ``read`` reads them all."""
    folder = cache_folder()
    if folder is None or not images or not engine_identity(lang):
        return read(images)
    paths = [_entry(folder, image_key(image, lang, config)) for image in images]
    found = [_load(path) for path in paths]
    missing = [k for k, data in enumerate(found) if data is None]
    if missing:
        for k, data in zip(missing, read([images[k] for k in missing]), strict=True):
            found[k] = data
            _store(paths[k], data)
    return cast("list[Columns]", found)
