"""A line in capitals is tried only against the document-type titles its first word opens
(issue 15, speed): the same type codes as trying every title, longest first, on every line of
the fixture texts and on lines made to hit the edge cases."""

from __future__ import annotations

from pathlib import Path

from vbparse.extract.document.number import document_type_codes
from vbparse.segment import appendix
from vbparse.segment.casing import fold
from vbparse.segment.tables import StrippedLine, split_stripped_lines

FIXTURES = Path(__file__).parents[1] / "fixtures"


def _type_of_every_title(line: StrippedLine) -> str | None:
    """``_attachment_type`` trying every title, longest first (as it was)."""
    if not line.text or line.text != line.text.upper():
        return None
    titles = {fold(name): code for code, name in document_type_codes().items()}
    folded = fold(line.text)
    for title, code in sorted(titles.items(), key=lambda pair: -len(pair[0])):
        if folded == title or (folded.startswith(title) and folded[len(title)] == " "):
            return code
    return None


def test_attachment_type_as_trying_every_title() -> None:
    texts = [p.read_text(encoding="utf-8") for p in sorted(FIXTURES.rglob("*.txt"))]
    names = [name.upper() for name in document_type_codes().values()]
    made = "\n".join(
        [*names, *(f"{n} VỀ VIỆC X" for n in names), *(f"{n}X" for n in names), "", "1.", "|"]
    )
    lines = [line for text in [*texts, made] for line in split_stripped_lines(text)]
    assert sum(appendix._attachment_type(line) is not None for line in lines) > 100
    for line in lines:
        assert appendix._attachment_type(line) == _type_of_every_title(line), line.text
