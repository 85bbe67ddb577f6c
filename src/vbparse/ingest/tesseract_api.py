"""Tesseract in this process: the language model loaded once per process, not once per run.

The command line loads ``vie``'s model each time it starts (about 0.07 s of CPU, and the
process and the image file around it as much again); a document's pages, zones and cells
take several runs. Here the system's own ``libtesseract`` (the library the ``tesseract``
command is built on: the same engine, the same tessdata, so the same words) is called
through its C API with ``ctypes``: one API object per process (and thread), made on first
use, each image handed over as its pixels (no file) and read to Tesseract's TSV, the text the
command line writes for ``tsv``.

``VBPARSE_TESSERACT=cli`` in the environment, or a library that cannot be loaded, keeps the
command line (``vbparse.ingest.ocr_words``); so does any option other than ``--psm``.
Time limits: each image gets Tesseract's own deadline, the sooner of ``PAGE_TIMEOUT_S`` and
the file's alarm (``vbparse.limits.file_deadline``), whose signal Python can only act on
once the library returns (so can Ctrl-C and SIGTERM: after the image being read, a second
or two); nothing is left running, as no process is started.
"""

from __future__ import annotations

import atexit
import contextlib
import ctypes
import ctypes.util
import functools
import os
import signal
import threading
import time
from typing import Any

# The command line's ``tsv`` output starts with this line; the API gives the rows alone.
TSV_HEADER = (
    "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num"
    "\tleft\ttop\twidth\theight\tconf\ttext\n"
)
# Pillow modes handed over as they are (bytes a pixel): what the command line reads from
# the PGM/PPM the CLI path writes. Other modes go to the command line.
_BYTES_PER_PIXEL = {"L": 1, "RGB": 3}
_C = ctypes.c_void_p


class TesseractTimeout(RuntimeError):
    """An image took longer than its deadline (pytesseract's own timeout raises a
    ``RuntimeError`` too)."""


@functools.cache
def _library() -> Any | None:
    """``libtesseract`` with the prototypes used, or ``None`` where it cannot be loaded.
    ``OMP_THREAD_LIMIT=1`` is set first: an OpenMP build reads it once, when it loads."""
    name = ctypes.util.find_library("tesseract") or "libtesseract.so.5"
    old = os.environ.get("OMP_THREAD_LIMIT")
    os.environ["OMP_THREAD_LIMIT"] = "1"
    try:
        lib = ctypes.CDLL(name)
    except OSError:
        return None
    finally:
        if old is None:
            os.environ.pop("OMP_THREAD_LIMIT", None)
        else:
            os.environ["OMP_THREAD_LIMIT"] = old
    if _omp_threads() not in (None, 1):
        return None  # OpenMP was loaded before, with more threads: the command line keeps one
    _quiet_leptonica()
    lib.TessBaseAPICreate.restype = _C
    lib.TessBaseAPIInit3.argtypes = [_C, ctypes.c_char_p, ctypes.c_char_p]
    lib.TessBaseAPISetVariable.argtypes = [_C, ctypes.c_char_p, ctypes.c_char_p]
    lib.TessBaseAPISetPageSegMode.argtypes = [_C, ctypes.c_int]
    lib.TessBaseAPISetImage.argtypes = [_C, ctypes.c_char_p] + [ctypes.c_int] * 4
    lib.TessBaseAPIRecognize.argtypes = [_C, _C]
    lib.TessBaseAPIGetTsvText.argtypes = [_C, ctypes.c_int]
    lib.TessBaseAPIGetTsvText.restype = _C  # freed by TessDeleteText, so not c_char_p
    lib.TessDeleteText.argtypes = [_C]
    lib.TessBaseAPIEnd.argtypes = [_C]
    lib.TessBaseAPIDelete.argtypes = [_C]
    lib.TessMonitorCreate.restype = _C
    lib.TessMonitorDelete.argtypes = [_C]
    lib.TessMonitorSetDeadlineMSecs.argtypes = [_C, ctypes.c_int]
    return lib


# Leptonica's L_SEVERITY_NONE: print none of its messages.
_LEPTONICA_SILENT = 6


def _quiet_leptonica() -> None:
    """Leptonica, which Tesseract calls, prints its errors on stderr ("Error in
    boxClipToRectangle: box outside rectangle" on a few real scans, with the same words
    read); the command line's stderr was swallowed by pytesseract, so silence them here."""
    for name in ("lept", "leptonica"):
        found = ctypes.util.find_library(name)
        if found:
            with contextlib.suppress(OSError, AttributeError):
                ctypes.CDLL(found).setMsgSeverity(_LEPTONICA_SILENT)
            return


def _omp_threads() -> int | None:
    """OpenMP's thread limit in this process, ``None`` if no OpenMP is loaded."""
    try:
        gomp = ctypes.CDLL("libgomp.so.1", mode=os.RTLD_NOLOAD | os.RTLD_LAZY)
    except OSError:
        return None
    return int(gomp.omp_get_thread_limit())


class TessApi:
    """One ``TessBaseAPI`` with ``lang`` loaded; ``tsv`` reads one image."""

    def __init__(self, lib: Any, lang: str) -> None:
        self._lib = lib
        self._handle = lib.TessBaseAPICreate()
        # NULL data path: the library looks where the command line looks (TESSDATA_PREFIX,
        # else its built-in path).
        if lib.TessBaseAPIInit3(self._handle, None, lang.encode()) != 0:
            self.close()
            raise OSError(f"libtesseract could not load the {lang!r} data")
        # Its messages ("Estimating resolution as 412") went to the command line's stderr,
        # which pytesseract swallowed; here they would reach ours.
        lib.TessBaseAPISetVariable(self._handle, b"debug_file", os.devnull.encode())

    def tsv(self, image: Any, psm: int, timeout_s: float, page: int = 0) -> str:
        """Tesseract's TSV rows for ``image`` (a Pillow image in a mode of
        ``_BYTES_PER_PIXEL``), read with page segmentation mode ``psm``; ``page``: its
        index in the run (``page_num`` - 1, as the command line numbers an image list)."""
        lib, handle = self._lib, self._handle
        depth = _BYTES_PER_PIXEL[image.mode]
        pixels = image.tobytes()  # kept alive until the read is done
        lib.TessBaseAPISetPageSegMode(handle, psm)
        lib.TessBaseAPISetImage(
            handle, pixels, image.width, image.height, depth, image.width * depth
        )
        deadline = _deadline_s(timeout_s)
        monitor = lib.TessMonitorCreate()
        try:
            lib.TessMonitorSetDeadlineMSecs(monitor, max(1, int(deadline * 1000)))
            started = time.monotonic()
            failed = lib.TessBaseAPIRecognize(handle, monitor)
            if time.monotonic() - started >= timeout_s:
                raise TesseractTimeout("Tesseract process timeout")
            if failed:  # as the command line's error, which pytesseract raises
                raise RuntimeError("Tesseract could not read the image")
        finally:
            lib.TessMonitorDelete(monitor)
        text = lib.TessBaseAPIGetTsvText(handle, page)
        try:
            return ctypes.string_at(text).decode("utf-8") if text else ""
        finally:
            lib.TessDeleteText(text)

    def close(self) -> None:
        if self._handle:
            self._lib.TessBaseAPIEnd(self._handle)
            self._lib.TessBaseAPIDelete(self._handle)
            self._handle = None


def _deadline_s(timeout_s: float) -> float:
    """The sooner of ``timeout_s`` and the time the file's alarm has left (when the alarm
    rings inside the library, its exception is raised once the library returns)."""
    if threading.current_thread() is threading.main_thread():
        left, _ = signal.getitimer(signal.ITIMER_REAL)
        if left:
            return min(timeout_s, left)
    return timeout_s


_APIS = threading.local()  # this thread's (process id, {lang: TessApi})


def api(lang: str) -> TessApi | None:
    """This process's and thread's API with ``lang`` loaded (made on first use; a forked
    worker makes its own), or ``None``: use the command line."""
    if os.environ.get("VBPARSE_TESSERACT", "").lower() == "cli":
        return None
    lib = _library()  # loaded once per process (a forked worker has it already)
    if lib is None:
        return None
    owner = getattr(_APIS, "owner", None)
    if owner is None or owner[0] != os.getpid():
        owner = _APIS.owner = (os.getpid(), {})
    apis: dict[str, TessApi | None] = owner[1]
    if lang not in apis:
        try:
            apis[lang] = TessApi(lib, lang)
            atexit.register(apis[lang].close)  # before the library's own teardown
        except OSError:
            apis[lang] = None
    return apis[lang]


def psm_of(config: str) -> int | None:
    """The page segmentation mode of a config made of ``--psm N`` alone, else ``None``."""
    parts = config.split()
    if len(parts) == 2 and parts[0] == "--psm" and parts[1].isdigit():
        return int(parts[1])
    return None


def read_tsv(images: list[Any], lang: str, config: str, timeout_s: float) -> list[str] | None:
    """Each image's TSV (with its header line) read in this process, or ``None`` when the
    command line must read them (no library, another option, an image mode not handed over
    as it is)."""
    psm = psm_of(config)
    if psm is None or any(image.mode not in _BYTES_PER_PIXEL for image in images):
        return None
    reader = api(lang)
    if reader is None:
        return None
    return [TSV_HEADER + reader.tsv(image, psm, timeout_s, k) for k, image in enumerate(images)]
