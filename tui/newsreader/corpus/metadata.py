"""Metadata that an article's own lines state: headline shape and dateline.

A dateline opens the lede: "REPUBLIKA.CO.ID, MOSKOW -- ...",
"NUSADAILY.COM – MOSKOW – ...", "JAKARTA, KOMPAS.com - ...",
"Liputan6.com, Jakarta - ...", "MOSCOW (AP) — ...". It names the city the
story was filed from and often the outlet, and it marks where the body
begins. Everything here is pure string work and never raises.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsreader.corpus.dates import MONTHS
from newsreader.corpus.outlets import (
    KNOWN_OUTLETS,
    KNOWN_WIRES,
    OUTLET_PREFIXES,
    is_host,
    normalise_outlet,
    normalise_wire,
)


@dataclass(frozen=True)
class Dateline:
    """What a lede's dateline states; ``outlet`` and ``wire`` are display names."""

    city: str | None
    outlet: str | None = None
    wire: str | None = None
    # A lone title-case word ("Jakarta - ...") with no outlet or wire beside
    # it: a dateline only where a lede is expected, the body's first line.
    weak: bool = False


# One comma- or dash-terminated piece of the dateline. A hyphen only
# separates when spaced, so "Port-au-Prince" stays one city.
_PART = re.compile(r"\s*(?P<part>[^,–—\s][^,–—]*?)\s*(?P<sep>--|–|—|-(?=\s)|,)")
# Capitals, possibly several cities joined by "/" ("MOSCOW/SEOUL").
_UPPER_CITY = re.compile(r"[A-Z][A-Z.'’-]+(?:(?:\s+|/)[A-Z][A-Z.'’-]*){0,3}")
# Wire datelines put the filing date beside the city: "MOSCOW, Sept 12 (Reuters) -".
_DAY_OF_MONTH = re.compile(rf"(?:{'|'.join(sorted(MONTHS, key=len, reverse=True))})\.?\s+\d{{1,2}}",
                           re.IGNORECASE)  # fmt: skip
_TITLE_CITY = re.compile(r"[A-Z][a-z.'’-]+(?:\s+[A-Z][a-z.'’-]+){0,2}")
_AGENCY = re.compile(r"(?P<city>.+?)\s*\((?P<agency>[A-Za-z][A-Za-z .]{1,20})\)")
_MAX_PARTS = 3
_MAX_HEAD = 80


def parse_dateline(line: str) -> Dateline | None:
    """Find a dateline at the start of a lede line.

    Args:
        line: A paragraph of article text.

    Returns:
        The city (title-cased, e.g. "Moskow"), plus outlet and wire when the
        dateline names them; ``None`` if the line does not open with one. An
        outlet alone ("Suara.com - ...") is a dateline without a city.
    """
    pos = 0
    outlet: str | None = None
    city: str | None = None
    title_city: str | None = None
    wire: str | None = None
    outlet_only_end: int | None = None
    # Only the opening can hold a dateline; never scan a megabyte-long line.
    head = line[: _MAX_HEAD + 1]
    for _ in range(_MAX_PARTS):
        match = _PART.match(head, pos)
        if match is None or match.end() > _MAX_HEAD:
            break
        part, sep = match.group("part"), match.group("sep")
        agency = _AGENCY.fullmatch(part)
        if agency and _key(agency.group("agency")) in KNOWN_WIRES:
            part = agency.group("city")
            wire = normalise_wire(agency.group("agency"))
        # The outlet may follow the city ("JAKARTA, KOMPAS.com -"): it is
        # checked before a capitalised part is taken for a region.
        if outlet is None and _is_outlet(part):
            outlet = normalise_outlet(part)
        elif city is not None and (_DAY_OF_MONTH.fullmatch(part) or _UPPER_CITY.fullmatch(part)):
            pass  # the filing date or a region after the city: "WASHINGTON, D.C. --"
        elif city is None and title_city is None and _UPPER_CITY.fullmatch(part) and len(part) > 2:
            city = part
        elif city is None and title_city is None and _TITLE_CITY.fullmatch(part):
            title_city = part
        else:
            break
        pos = match.end()
        if sep == ",":
            continue
        # A title-case name is a city beside an outlet or a wire credit
        # ("Jakarta (ANTARA) -"), or alone when it is one word ("Jakarta -",
        # detik's style); several title-case words alone may open a sentence.
        if city is None and title_city is not None and (outlet or wire or " " not in title_city):
            city = title_city
        if city is not None:
            if not line[pos:].strip():
                return None
            # Of several cities ("MOSCOW/SEOUL") the first is where it was filed.
            weak = city is title_city and not (outlet or wire)
            return Dateline(_title_case(city.split("/")[0].strip()), outlet, wire, weak)
        if title_city is not None:
            return None
        outlet_only_end = pos
    if outlet is not None and outlet_only_end is not None and line[outlet_only_end:].strip():
        return Dateline(None, outlet, wire)
    return None


def _is_outlet(part: str) -> bool:
    if is_host(part):
        return True
    key = _key(part)
    return key in KNOWN_OUTLETS or any(
        key.startswith(prefix) and key != prefix for prefix in OUTLET_PREFIXES
    )


def _key(text: str) -> str:
    return re.sub(r"[^0-9a-z]+", "", text.lower())


def _title_case(city: str) -> str:
    if not city.isupper():
        return city
    # Each hyphenated part is a word of the name ("BANDA-ACEH" -> "Banda-Aceh").
    return " ".join(
        "-".join(part[:1] + part[1:].lower() for part in word.split("-")) for word in city.split()
    )


_SENTENCE_BREAK = re.compile(r"[.!?][\"”’)]*\s+[\"“‘(]*[A-Z]")
_MAX_HEADLINE_CHARS = 200
_MAX_HEADLINE_WORDS = 30


def looks_like_headline(line: str) -> bool:
    """True when a line has the shape of a headline rather than a paragraph.

    A headline is short, one sentence, does not end like a sentence or a
    label (".", ",", ":", ";"), and is not a lede opening with a dateline.

    Args:
        line: One stripped line of text.

    Returns:
        Whether the line can be the article's title.
    """
    words = line.split()
    if not 2 <= len(words) <= _MAX_HEADLINE_WORDS or len(line) > _MAX_HEADLINE_CHARS:
        return False
    if line.endswith((".", ",", ":", ";", "…")) and not line.endswith(("...", "…")):
        return False
    if _SENTENCE_BREAK.search(line):
        return False
    return parse_dateline(line) is None
