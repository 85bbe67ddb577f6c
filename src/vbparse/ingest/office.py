"""Word 97–2003 ``.doc``, ``.rtf`` and OpenDocument ``.odt``: converted to ``.docx`` by
LibreOffice, then read as one.

LibreOffice (Debian ``libreoffice-writer-nogui``, installed by ``make system-deps``) reads
both formats with their run fonts, which tell a legacy TCVN3/VNI run from a Unicode one
(``vbparse.ingest.docx_runs``), and with their tables (the two-column header the document
fields come from). For .rtf, ``striprtf`` was measured too, on viparse-corpus's 11 RTF files
(TCVN3, scored by the corpus's scorer): striprtf's text with the encoding decided line by line
from content alone, diacritic accuracy 0.9986, about 0.1 s a file; this route 0.998, about
5 s a file. Equal accuracy, so one converter for both formats: tables and fonts kept, and no
second library.

Each conversion runs in its own temporary folder with its own throw-away LibreOffice profile
(so parallel workers never share one), under a time limit, with macros disabled and
external links blocked by that profile's settings; nothing is written beside the input.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from vbparse.ingest import IngestError, RawText, ReadLimits

CONVERT_TIMEOUT_S = 120
INSTALL_HINT = (
    "install LibreOffice (Debian/Ubuntu: apt-get install libreoffice-writer-nogui; "
    "`make system-deps` does it as root), or save the file as .docx"
)
# Profile settings: macros never run (security level 3 = only trusted, signed macros, and
# none are trusted; execution disabled outright), links to outside resources not followed.
_PROFILE_SETTINGS = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry"
 xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Common/Security/Scripting">
 <prop oor:name="MacroSecurityLevel" oor:op="fuse"><value>3</value></prop></item>
<item oor:path="/org.openoffice.Office.Common/Security/Scripting">
 <prop oor:name="DisableMacrosExecution" oor:op="fuse"><value>true</value></prop></item>
<item oor:path="/org.openoffice.Office.Common/Security/Scripting">
 <prop oor:name="BlockUntrustedRefererLinks" oor:op="fuse"><value>true</value></prop></item>
</oor:items>
"""


def find_converter() -> str | None:
    """The LibreOffice program on PATH, if any."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def convert_to_docx(path: Path, workdir: Path) -> Path:
    """Convert ``path`` (.doc, .rtf, .odt) into ``workdir``; raise ``IngestError`` on failure."""
    kind = path.suffix.lower() or "file"
    soffice = find_converter()
    if soffice is None:
        raise IngestError(
            f"reading {kind} needs LibreOffice, which is not installed: {INSTALL_HINT}"
        )
    profile = workdir / "profile"
    (profile / "user").mkdir(parents=True)
    (profile / "user" / "registrymodifications.xcu").write_text(_PROFILE_SETTINGS, encoding="utf-8")
    # LibreOffice names its output after the input's stem: give it a fixed, safe name.
    source = workdir / f"input{kind}"
    shutil.copyfile(path, source)
    command = [
        soffice,
        f"-env:UserInstallation={profile.as_uri()}",
        "--headless",
        "--norestore",
        "--nolockcheck",
        "--convert-to",
        "docx:MS Word 2007 XML",
        "--outdir",
        str(workdir / "out"),
        str(source),
    ]
    try:
        subprocess.run(
            command, capture_output=True, timeout=CONVERT_TIMEOUT_S, check=True, cwd=workdir
        )
    except subprocess.TimeoutExpired as exc:
        raise IngestError(
            f"LibreOffice did not convert this {kind} within {CONVERT_TIMEOUT_S} s"
        ) from exc
    except (subprocess.CalledProcessError, OSError) as exc:
        raise IngestError(f"LibreOffice could not convert this {kind} ({exc})") from exc
    converted = workdir / "out" / "input.docx"
    if not converted.is_file():
        raise IngestError(f"LibreOffice could not convert this {kind} (damaged or not a {kind})")
    return converted


def read_office(path: Path, limits: ReadLimits | None = None) -> RawText:
    """Read a ``.doc`` or ``.rtf`` through LibreOffice and the ``.docx`` reader."""
    from vbparse.ingest.docx import read_docx

    with tempfile.TemporaryDirectory(prefix="vbparse-office-") as tmp:
        raw = read_docx(convert_to_docx(path, Path(tmp)), limits)
    raw.warnings.append(f"{path.suffix.lower()} converted to .docx with LibreOffice")
    return raw
