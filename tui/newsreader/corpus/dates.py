"""Publication dates as news pages print them, Indonesian and English.

Only a line that is nothing but a date (optionally with a weekday, a time,
a time zone and a label such as "Diterbitkan:") is read as a publication
date; a date inside a sentence is an event date and is left to the NLP
layer. Anything that does not parse to a real calendar date is ``None``.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

MONTHS: dict[str, int] = {
    # Indonesian full names and the abbreviations outlets use.
    "januari": 1, "februari": 2, "pebruari": 2, "maret": 3, "april": 4, "mei": 5,
    "juni": 6, "juli": 7, "agustus": 8, "september": 9, "oktober": 10,
    "november": 11, "nopember": 11, "desember": 12,
    "jan": 1, "feb": 2, "peb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7,
    "agu": 8, "agt": 8, "ags": 8, "agus": 8, "sep": 9, "sept": 9, "okt": 10,
    "nov": 11, "nop": 11, "des": 12,
    # English names and abbreviations not already covered.
    "january": 1, "february": 2, "march": 3, "may": 5, "june": 6, "july": 7,
    "august": 8, "aug": 8, "october": 10, "oct": 10, "december": 12, "dec": 12,
}  # fmt: skip
WEEKDAYS: tuple[str, ...] = (
    "senin", "selasa", "rabu", "kamis", "jumat", "jum'at", "sabtu", "minggu", "ahad",
    "sen", "sel", "rab", "kam", "jum", "sab", "min",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
)  # fmt: skip
TIMEZONES: tuple[str, ...] = ("WIB", "WITA", "WIT", "UTC", "GMT")
# Labels that mark a line as the publication (or update) stamp.
LABELS: tuple[str, ...] = (
    "diterbitkan", "dipublikasikan", "terbit", "dipublikasi", "tanggal", "diperbarui",
    "published", "publish", "posted", "updated", "date", "dated",
)  # fmt: skip


def _alternation(words: tuple[str, ...] | list[str]) -> str:
    # Longest first so "Juni" wins over "Jun" and "WITA" over "WIT".
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_MONTH = rf"(?P<month>{_alternation(list(MONTHS))})\.?"
_WEEKDAY = rf"(?:{_alternation(WEEKDAYS)})\.?"
_TZ = rf"(?P<tz>(?:{_alternation(TIMEZONES)})(?:\s*[+-]\s*\d{{1,2}}(?::?\d\d)?)?)"
_TIME = (
    rf"(?:pukul\s+|jam\s+|at\s+)?(?P<hour>[01]?\d|2[0-3])[:.](?P<minute>[0-5]\d)"
    rf"(?:\s*(?P<half>[ap]\.?m\.?))?(?:\s*{_TZ})?"
)
_SEP = r"\s*(?:[,|/•·-]|--|–|—)?\s*"
_CORE = (
    # 13 Sep 2023 / 13 September 2023 / 13-Sep-2023
    rf"(?P<d1>\d{{1,2}})[\s-]+{_MONTH.replace('month', 'm1')}[\s,-]+(?P<y1>\d{{4}})"
    # Sep 12, 2023 / Sep 14 , 2023
    rf"|{_MONTH.replace('month', 'm2')}\s+(?P<d2>\d{{1,2}})\s*,?\s*(?P<y2>\d{{4}})"
    # (12/9/2023), 12-09-2023, 12.09.2023
    rf"|\(?(?P<d3>\d{{1,2}})[/.-](?P<n3>\d{{1,2}})[/.-](?P<y3>\d{{4}}|\d{{2}})\)?"
    # 2023-09-12 (ISO, also the date part of an ISO timestamp)
    rf"|(?P<y4>\d{{4}})-(?P<n4>\d{{2}})-(?P<d4>\d{{2}})(?:T(?=\d))?"
)
_LABEL = rf"(?:{_alternation(LABELS)})(?:\s+(?:on|pada))?\s*:?\s*"
# Some outlets print their name before the stamp: "Kompas.com - 12/09/2023, 14:30 WIB".
_SOURCE = r"(?P<source>[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,})\s*(?:[-–—|,]\s*)?"
DATE_LINE = re.compile(
    rf"(?:{_SOURCE})?(?:{_LABEL})?(?:{_WEEKDAY}{_SEP})?(?:{_CORE}){_SEP}(?:{_TIME})?\s*",
    re.IGNORECASE,
)

_CORE_SEARCH = re.compile(_CORE, re.IGNORECASE)


@dataclass(frozen=True)
class Stamp:
    """A parsed publication stamp: ISO date, optional "HH:MM" time and zone.

    ``source`` is the outlet's host when the stamp line names it, as written.
    """

    date: str
    time: str | None = None
    timezone: str | None = None
    source: str | None = None


def parse_date_line(line: str) -> Stamp | None:
    """Read a line that consists only of a publication date.

    Args:
        line: One line of article text.

    Returns:
        The stamp, or ``None`` when the line is not only a date or the date
        does not exist on the calendar.
    """
    if len(line) > 80:
        return None
    match = DATE_LINE.fullmatch(line.strip())
    if match is None:
        return None
    date = _date_from(match)
    if date is None:
        return None
    time = None
    if match.group("hour") is not None:
        hour = int(match.group("hour"))
        half = (match.group("half") or "").lower()[:1]
        if half and not 1 <= hour <= 12:
            return None
        if half:
            # 12-hour clock: 12 AM is midnight, 12 PM is noon.
            hour = hour % 12 + (12 if half == "p" else 0)
        time = f"{hour:02d}:{match.group('minute')}"
    tz = match.group("tz")
    zone = "".join(tz.split()).upper() if tz else None
    return Stamp(date.isoformat(), time, zone, match.group("source"))


def normalise_date(text: str) -> str | None:
    """Normalise a date written in any supported form to ISO "YYYY-MM-DD".

    Args:
        text: A date such as "Rabu 13 Sep 2023", "Sep 12, 2023",
            "12/9/2023" or "2023-09-12T10:00:00+07:00".

    Returns:
        The ISO date, or ``None`` if the text holds no valid date.
    """
    match = _CORE_SEARCH.search(text)
    if match is None:
        return None
    date = _date_from(match)
    return date.isoformat() if date else None


def _date_from(match: re.Match[str]) -> dt.date | None:
    groups = match.groupdict()
    if groups.get("d1"):
        day, month, year = int(groups["d1"]), MONTHS[groups["m1"].lower()], int(groups["y1"])
    elif groups.get("d2"):
        day, month, year = int(groups["d2"]), MONTHS[groups["m2"].lower()], int(groups["y2"])
    elif groups.get("d3"):
        day, month = int(groups["d3"]), int(groups["n3"])
        year = int(groups["y3"])
        if year < 100:
            year += 2000
        # Indonesian order is day/month; a second number over 12 can only be
        # a day, which means the writer used the US month/day order.
        if month > 12 >= day:
            day, month = month, day
    elif groups.get("y4"):
        day, month, year = int(groups["d4"]), int(groups["n4"]), int(groups["y4"])
    else:
        return None
    if not 1900 <= year <= 2100:
        return None
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None
