"""The layout fields of a header and signature (``header.yaml``), compiled for the layout steps.

Quốc hiệu, Số, V/v, place and date, Kính gửi, Nơi nhận, an authority prefix and a signer's
title: ``flatten_layout`` touches only the rows and lines that carry one of them, and splits
a cell or a line where a second one starts. ``unwrap_lines`` asks the same questions, so that
no line it joins becomes one that the layout steps would split again.
"""

from __future__ import annotations

import functools

import regex

from vbparse.grammars import load_yaml

__all__ = ["body_run_on", "field_patterns", "opens_with_field", "place_date_first", "unstarred"]

_EMPHASIS = regex.compile(r"(?<![\*\w])\*(?=\S)|(?<=\S)\*(?![\*\w])")


def body_run_on() -> regex.Pattern[str]:
    """Where a crawled page ran the body's first sentence onto a header line: the space before
    a capitalised opening ("… trực thuộc Trung ương Trong thời gian qua, …")."""
    return field_patterns()["body_opening"]


# The place and date of ``header.yaml`` as it is written there, and what each of its matches
# holds, read in one pass (a capital, a run of letters, spaces, dots and digits, then the
# comma and "ngày"): a line holding no such comma fails at once, where the lazy place tries forty
# lengths before it fails (every line of a text is asked for its fields, and the line after
# every break for a structural one: ~2 µs a line, the costliest branch; issue 15, speed).
_PLACE_DATE = r"(?P<place>\p{Lu}[\p{L} .]{1,40}?(?:[ ]\d{1,2})?)\s*,\s*ngày\s+"
# (Led by the place's capital as the field is: at a run of spaces and blank lines, which a
# field pattern's "^\s*" gives back one by one, it fails at once, not after reading the run.)
_PLACE_DATE_NEEDS = r"(?=\p{Lu}[\p{L} .\d]*+\s*,\s*ngày)"


def place_date_first(place_date: str) -> str:
    """``place_date`` (the grammar's pattern) led by what every match of it holds, when it is
    the form above (a place of those characters, spaces, then the comma); else as it is."""
    return _PLACE_DATE_NEEDS + place_date if place_date == _PLACE_DATE else place_date


@functools.cache
def field_patterns() -> dict[str, regex.Pattern[str]]:
    """The field patterns by name, compiled once from ``header.yaml`` (and the attached-document
    caption of ``appendix/headings.yaml``)."""
    g = load_yaml("header.yaml")
    prefixes = "|".join(regex.escape(a) for a in g["authority_prefixes"])
    longest_first = "|".join(
        regex.escape(t) for t in sorted(g["signer_title_starts"], key=len, reverse=True)
    )
    marker_parts = [
        rf"{g['number_label']}\d",
        rf"{g['number_label']}\s*/",  # a draft's number: "Số:      /KH-UBND"
        g["subject_label"],
        g["recipients_label"],
        g["cc_label"],
        place_date_first(g["place_date"]),
        *g["motto"],
        rf"(?:{prefixes})\s*\p{{Lu}}",
    ]
    attached = load_yaml("appendix/headings.yaml")["attached"]
    return {
        # An attached document's caption that a crawl left at the end of its title line
        # ("TRIỂN KHAI KẾ HOẠCH SỐ 119-KH/TU … (Ban hành kèm theo Quyết định số 435/QĐ-UBND,
        # …)", quyết định 435/QĐ-UBND Kon Tum): it goes on a line of its own.
        "caption": regex.compile(rf"(?<=\S)[ \t]+(?={attached})", regex.IGNORECASE),
        "marker": regex.compile(r"^\s*(?:" + "|".join(f"(?:{p})" for p in marker_parts) + ")"),
        # Where a cell holds two fields, the second starts here.
        "inner": regex.compile(
            r"\s+(?="
            + "|".join(
                f"(?:{p})"
                for p in (
                    r"Độc lập\s*[-–]\s*Tự do",
                    g["subject_label"].replace(r"\s*[:.]?\s*", r"\b"),
                    r"[Kk]ính\s+gửi\b",
                    rf"(?:{prefixes})\s*\p{{Lu}}{{2}}",
                )
            )
            + ")"
            # The number after the issuer in one cell ("TỈNH BÌNH THUẬN Số: /UBND"): with its
            # colon, so "số 12/…" in a sentence is no field.
            + r"|(?<=\S)\s+(?=(?:Số|Sô)\s*:\s*[\d/])"
        ),
        # "Số: 467/TB-VPCP Hà Nội, ngày …": the first place the date line can start ("TP. Hồ
        # Chí Minh, ngày" starts at "TP.", not at "Hồ").
        "place_date": regex.compile(rf"\s+(?={g['place_in_line']})"),
        "opens_with_place_date": regex.compile(rf"\s*{g['place_date']}"),
        "date_then_title": regex.compile(g["date_then_title"]),
        "list_label": regex.compile(rf"^\s*(?:{g['cc_label']}|{g['recipients_label']})"),
        "recipients_label": regex.compile(rf"^\s*(?:{g['recipients_label']})"),
        # The body's first sentence that a crawled page ran onto the Kính gửi line ("Kính gửi:
        # Đ/c Chủ tịch Ủy ban nhân dân các tỉnh … Trong thời gian qua, …", công văn
        # 384/BYT-KCB): a capitalised opening after a space.
        "body_opening": regex.compile(
            r"(?<=\S)\s+(?=(?:"
            + "|".join(f"(?:{p})" for p in (*g["body_openings"], *g["recipients_run_on"]))
            + "))"
        ),
        # A bullet follows the label or the end of the previous entry ("Kính gửi: - Bộ Tài
        # chính; - Bộ Tư pháp"); a dash inside a name does not ("Bộ Lao động - Thương binh và
        # Xã hội", "Công ty TNHH Cảnh Hưng – Hải Thành").
        "bullet": regex.compile(r"(?<=[:;.,]\s*)\s+(?=[-–•+]\s*\S)"),
        "authority": regex.compile(rf"^\s*(?:{prefixes})\s*"),
        # A title of the list at a word start, the longest first ("CHI CỤC TRƯỞNG").
        "draft_blanks": regex.compile("|".join(f"(?:{b})" for b in g["draft_blanks"])),
        "title_at": regex.compile(rf"(?:{longest_first})\b"),
        "cc_at": regex.compile(rf"^\s*(?:{g['cc_label']})"),
    }


def opens_with_field(line: str) -> bool:
    """Whether ``line`` opens with a layout field (quốc hiệu, Số, V/v, place and date, …):
    the only lines that joining another line onto can make ``flatten_layout`` split."""
    return bool(field_patterns()["marker"].match(line))


def unstarred(cell: str) -> str:
    """``cell`` with its Markdown emphasis stars as spaces (``*Nơi nhận:*``), same length."""
    return _EMPHASIS.sub(" ", cell) if "*" in cell else cell  # most cells have no star
