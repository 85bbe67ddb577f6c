"""A header cell is tried only against the column phrases that start with its first
character (issue 15, speed): the meaning is the one a scan of every phrase, longest first,
gives, on the grammar's own headers, glued and numbered forms of them, and body lines."""

from pathlib import Path

from vbparse.segment import tables

ROOT = Path(__file__).resolve().parents[2]


def _every_phrase(cell: str) -> str | None:
    """``header_meaning`` as a scan of every phrase (the code before the buckets)."""
    if len(cell.split()) > tables._HEADER_WORDS + 2:
        return None
    folded = tables._fold(cell)
    if not folded or len(folded.split()) > tables._HEADER_WORDS:
        return None
    for phrase, meaning in tables._column_grammar().headers:
        if folded == phrase:
            return meaning
        glued_ok = len(phrase.split()) >= tables._GLUED_PHRASE_WORDS
        ends_well = not folded[len(phrase) :][:1].isalnum() or glued_ok
        if folded.startswith(phrase) and len(folded) <= len(phrase) + 40 and ends_well:
            return meaning
    return None


def test_header_meaning_by_first_character_as_every_phrase():
    phrases = [phrase for phrase, _ in tables._column_grammar().headers]
    cells = [variant for p in phrases for variant in (p, p.upper(), f"{p} (3)", f"{p}x", f"{p} x")]
    cells += ["", " ", ":", "1", "Nhiệm vụ", "Giao Sở Tài chính chủ trì, phối hợp các đơn vị."]
    body = (ROOT / "corpus").glob("*.txt")
    cells += [line for path in sorted(body)[:20] for line in path.read_text().splitlines()]
    for cell in cells:
        assert tables.header_meaning.__wrapped__(cell) == _every_phrase(cell), cell
