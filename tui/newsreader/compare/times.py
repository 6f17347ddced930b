"""Whether two stated clock times agree ("pukul 03.15 WIB" against "sekitar pukul 04.00").

Indonesian news writes times as "pukul 03.15 WIB", "pukul 3:15", "jam 15.00
WITA", often with "sekitar" (about). Times in different zones are compared
in one zone; an approximate time agrees with anything within half an hour
of it. Parts of the day ("dini hari", "siang") are not clock times and are
not compared.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsreader.compare.dates import Agreement

# Hours ahead of UTC of Indonesia's three zones.
_ZONES = {"wib": 7, "wita": 8, "wit": 9}
_CLOCK = re.compile(
    r"(?:pukul|jam|pk\.?)\s*(\d{1,2})(?:[.:](\d{2}))?(?:\s*(wib|wita|wit)\b)?", re.IGNORECASE
)
_APPROXIMATE = re.compile(r"\b(?:sekitar|kurang lebih|sekira|lebih kurang|menjelang)\b", re.I)
# How far an approximate time may stray, in minutes.
TOLERANCE = 30


@dataclass(frozen=True, slots=True)
class ClockTime:
    """Minutes after midnight, in the stated zone (None: not stated), and whether approximate."""

    minutes: int
    zone: str | None
    approximate: bool


def clock_time(text: str) -> ClockTime | None:
    """Read a clock time from a TIME entity's text, or None if it states none."""
    match = _CLOCK.search(text)
    if match is None:
        return None
    hour, minute = int(match[1]), int(match[2] or 0)
    if hour > 24 or minute > 59:
        return None
    zone = match[3].lower() if match[3] else None
    return ClockTime((hour % 24) * 60 + minute, zone, bool(_APPROXIMATE.search(text)))


def compare_times(a: ClockTime, b: ClockTime) -> Agreement:
    """Whether two clock times agree, allowing for zones and "sekitar"."""
    shift = 0
    if a.zone and b.zone:
        shift = (_ZONES[b.zone] - _ZONES[a.zone]) * 60
    gap = abs(a.minutes + shift - b.minutes) % (24 * 60)
    gap = min(gap, 24 * 60 - gap)
    allowed = TOLERANCE if a.approximate or b.approximate else 0
    return Agreement.SAME if gap <= allowed else Agreement.DIFFERENT
