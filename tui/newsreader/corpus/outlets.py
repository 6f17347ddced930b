"""Outlet and wire-service names as a reader expects to see them.

Text states an outlet in many spellings ("REPUBLIKA.CO.ID", "KOMPAS.com",
"detikNews", "www.liputan6.com"); the normalisation is generic (drop the
host's suffixes, fix the case) and a small table gives the display names
of outlets whose name is not just their title-cased host.
"""

from __future__ import annotations

import re

# Lower-cased, alphanumeric-only key -> display name.
KNOWN_OUTLETS: dict[str, str] = {
    "cnnindonesia": "CNN Indonesia",
    "tempo": "Tempo",
    "tempoco": "Tempo",
    "antara": "Antara",
    "antaranews": "Antara",
    "kompas": "Kompas",
    "kompascom": "Kompas",
    "kompastv": "Kompas TV",
    "detik": "Detik",
    "okezone": "Okezone",
    "sindonews": "Sindonews",
    "inews": "iNews",
    "tribunnews": "Tribunnews",
    "republika": "Republika",
    "liputan6": "Liputan6",
    "tirto": "Tirto",
    "kumparan": "Kumparan",
    "cnbcindonesia": "CNBC Indonesia",
    "bisnis": "Bisnis",
    "katadata": "Katadata",
    "suara": "Suara",
    "voaindonesia": "VOA Indonesia",
    "bbc": "BBC",
    "bbcindonesia": "BBC News Indonesia",
    "bbcnewsindonesia": "BBC News Indonesia",
    "jawapos": "Jawa Pos",
    "mediaindonesia": "Media Indonesia",
    "idntimes": "IDN Times",
    "thejakartapost": "The Jakarta Post",
    "jakartapost": "The Jakarta Post",
    "jakartaglobe": "Jakarta Globe",
    "kontan": "Kontan",
    "merdeka": "Merdeka",
    "viva": "Viva",
    "beritasatu": "Beritasatu",
    "medcom": "Medcom",
    "metrotvnews": "Metro TV",
}
# Outlets that brand their sections as prefix + section ("detikNews",
# "detikFinance", "tribunJatim"...).
OUTLET_PREFIXES: dict[str, str] = {"detik": "Detik", "tribun": "Tribunnews"}
KNOWN_WIRES: dict[str, str] = {
    "reuters": "Reuters",
    "ap": "AP",
    "associatedpress": "AP",
    "afp": "AFP",
    "agencefrancepresse": "AFP",
    "antara": "Antara",
    "xinhua": "Xinhua",
    "yonhap": "Yonhap",
    "kyodo": "Kyodo",
    "bloomberg": "Bloomberg",
    "bernama": "Bernama",
    "tass": "TASS",
    "rianovosti": "RIA Novosti",
    "anadolu": "Anadolu",
    "dpa": "dpa",
    "efe": "EFE",
    "kcna": "KCNA",
    "aljazeera": "Al Jazeera",
}
# Host-name endings that are not part of the outlet's name.
_HOST_SUFFIXES = frozenset(
    "com net org id co ac go or web my biz sch tv news info uk au sg".split()
)
_HOST = re.compile(r"^(?:https?://)?(?:www\.)?([a-z0-9-]+(?:\.[a-z0-9-]+)+)/?$", re.IGNORECASE)
_KEY = re.compile(r"[^0-9a-z]+")


def _key(name: str) -> str:
    return _KEY.sub("", name.lower())


def is_host(text: str) -> bool:
    """True when ``text`` is a bare host name such as "KOMPAS.com"."""
    match = _HOST.match(text.strip())
    return bool(match) and match.group(1).rsplit(".", 1)[-1].lower() in _HOST_SUFFIXES


def normalise_outlet(raw: str) -> str | None:
    """Display name of an outlet written as a host, brand or plain name.

    Args:
        raw: e.g. "REPUBLIKA.CO.ID", "NUSADAILY.COM", "detikNews",
            "Kompas.com - Berita Terkini".

    Returns:
        e.g. "Republika", "Nusadaily", "Detik", "Kompas"; ``None`` when
        nothing name-like is left.
    """
    name = re.split(r"\s+[|–—-]\s+", raw.strip(), maxsplit=1)[0].strip()
    host = _HOST.match(name)
    if host:
        labels = host.group(1).lower().split(".")
        while len(labels) > 1 and labels[-1] in _HOST_SUFFIXES:
            labels.pop()
        # A sub-domain ("news.detik") names a section; the outlet is the last label.
        name = labels[-1]
    key = _key(name)
    if not key:
        return None
    if key in KNOWN_OUTLETS:
        return KNOWN_OUTLETS[key]
    for prefix, display in OUTLET_PREFIXES.items():
        if key.startswith(prefix):
            return display
    return _display_case(name)


def normalise_wire(raw: str) -> str | None:
    """Display name of credited wire services ("reuters" -> "Reuters").

    Args:
        raw: One or more services, e.g. "Reuters", "AP/AFP", "reuters, antara".

    Returns:
        The services in their usual spelling, joined by ", "; ``None`` if empty.
    """
    parts = [p.strip(" .") for p in re.split(r"\s*(?:[,/&;+]|\bdan\b|\band\b)\s*", raw)]
    names = []
    for part in parts:
        if not _key(part):
            continue
        key = _key(part)
        if key in KNOWN_WIRES:
            names.append(KNOWN_WIRES[key])
        elif is_host(part) or key in KNOWN_OUTLETS:
            names.append(normalise_outlet(part) or part)
        else:
            names.append(_display_case(part))
    unique = list(dict.fromkeys(names))
    return ", ".join(unique) or None


def _display_case(name: str) -> str:
    """Title-case names written all in capitals or all in lower case; keep brands' case.

    Short all-capital words stay as they are: they are usually acronyms ("NHK").
    """
    words = name.split()
    name = " ".join(words)
    if name.isupper() or name.islower():
        return " ".join(
            w if w.isupper() and len(w) <= 3 else w[:1].upper() + w[1:].lower() for w in words
        )
    return name
