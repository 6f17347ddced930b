"""Reading a date, a weekday or a period from a DATE mention."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from newsreader.nlp.normalize.numbers import words_value
from newsreader.nlp.normalize.tables import (
    MONTH_ABBREVIATIONS,
    MONTHS,
    RELATIVE_DAYS,
    RELATIVE_DIRECTIONS,
    RELATIVE_PERIODS,
    WEEKDAY_ABBREVIATIONS,
    WEEKDAY_NAMES,
    WEEKDAYS,
)


@dataclass(frozen=True)
class NormalizedDate:
    """A date as far as the text states it; unknown parts are ``None``.

    ``relative`` is set for dates stated relative to publication that could
    not be resolved: "-1w" (last week), "-1y", "+1d" ...; ``qualifier`` keeps
    words such as "akhir" (end of) that narrow a period.
    """

    weekday: int | None = None
    year: int | None = None
    month: int | None = None
    day: int | None = None
    relative: str | None = None
    qualifier: str | None = None

    @property
    def iso(self) -> str | None:
        """The ISO form of what is known: "2023-09-12", "2023-09" or "2023"."""
        if self.year is None:
            return None
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

    @property
    def label(self) -> str | None:
        """A short stable rendering for display and comparison keys."""
        if self.iso is not None:
            return f"{self.qualifier} {self.iso}" if self.qualifier else self.iso
        parts: list[str] = []
        if self.weekday is not None:
            parts.append(WEEKDAY_NAMES[self.weekday])
        if self.month is not None:
            day = f"{self.day:02d}-" if self.day is not None else ""
            parts.append(f"--{day}{self.month:02d}")
        if self.relative:
            parts.append(self.relative)
        return " ".join(parts) or None


_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?|\d+(?:[.,:/]\d+)*|[%$€£]", re.UNICODE)
_NUMERIC_DATE = re.compile(r"(?<!\d)(\d{1,2})[/.-](\d{1,2})(?:[/.-](\d{2}|\d{4}))?(?!\d)")
_ISO_DATE = re.compile(r"(?<!\d)(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)")
_YEAR = re.compile(r"(?<![\d.,])(1[6-9]\d{2}|2[01]\d{2})(?![\d.,]\d)")
_DAY = re.compile(r"(?<![\d.,/:])(\d{1,2})(?![\d.,/:]?\d)")
_WEEK_PERIOD = re.compile(r"\bminggu(?=\s+(?:yang\s+)?(?:lalu|ini|depan)\b)")
# Longest first, so "kemarin lusa" wins over "kemarin"; sorted once, not per mention.
_RELATIVE_DAYS_LONGEST_FIRST = sorted(RELATIVE_DAYS.items(), key=lambda item: -len(item[0]))


def normalize_date(text: str, *, reference: date | None = None) -> NormalizedDate | None:
    """Read a date, day or period from a DATE mention.

    Args:
        text: The mention: "Selasa (12/9/2023)", "Ahad", "25 April 2019",
            "Sep 12, 2023", "bulan Juli", "akhir 2017", "pekan lalu".
        reference: The publication date, used to resolve relative mentions
            ("kemarin", "tahun lalu") and day-month dates without a year.

    Returns:
        What the text states, or ``None`` when it states no date at all. A
        result that has a year, and ``None``, do not depend on ``reference``
        (canonical names rely on this to read each such mention once).
    """
    try:
        return _normalize_date(text, reference)
    except (ValueError, OverflowError):
        return None


def _normalize_date(text: str, reference: date | None) -> NormalizedDate | None:
    lowered = " ".join(text.lower().split())
    words = _WORD.findall(lowered)
    # Lower-case "minggu lalu" is "last week"; capitalised "Minggu" is Sunday.
    cased = _WEEK_PERIOD.sub(" ", " ".join(text.split()))
    weekday = _weekday([word.lower() for word in _WORD.findall(cased)])
    year = month = day = None
    relative = qualifier = None

    iso = _ISO_DATE.search(lowered)
    numeric = None if iso else _NUMERIC_DATE.search(lowered)
    if iso:
        year, month, day = int(iso.group(1)), int(iso.group(2)), int(iso.group(3))
    elif numeric and not _month(words):
        day, month = int(numeric.group(1)), int(numeric.group(2))
        if numeric.group(3):
            year = _full_year(int(numeric.group(3)))
    else:
        month = _month(words)
        found_year = _YEAR.search(lowered)
        year = int(found_year.group(1)) if found_year else None
        if month is not None:
            rest = _YEAR.sub(" ", lowered) if found_year else lowered
            found_day = _DAY.search(rest)
            day = int(found_day.group(1)) if found_day else None
    for word in ("akhir", "awal", "pertengahan", "medio"):
        if word in words and day is None:
            qualifier = word

    if month is not None and not 1 <= month <= 12:
        return None
    if day is not None and not 1 <= day <= 31:
        day = None
    if year is None and month is not None and reference is not None and day is not None:
        year = reference.year
    if year is not None and month is not None and day is not None:
        try:
            date(year, month, day)
        except ValueError:
            return None

    if year is None and month is None:
        relative, resolved = _relative(lowered, reference)
        if resolved is not None:
            year, month, day = resolved
            relative = None
        elif relative and relative.endswith("y") and reference is not None:
            year = reference.year + int(relative[:-1])
            relative = None
    if weekday is None and year is None and month is None and relative is None:
        return None
    return NormalizedDate(weekday, year, month, day, relative, qualifier)


def _weekday(words: list[str]) -> int | None:
    for word in words:
        key = word.replace("’", "'")
        if key in WEEKDAYS:
            return WEEKDAYS[key]
    if len(words) <= 6:
        # Abbreviations only in short date lines ("Kam Sep 14, 2023"): "min" is a common word.
        for word in words:
            if word in WEEKDAY_ABBREVIATIONS and any(_is_month_word(w) for w in words):
                return WEEKDAY_ABBREVIATIONS[word]
    return None


def _is_month_word(word: str) -> bool:
    return word in MONTHS or word.rstrip(".") in MONTH_ABBREVIATIONS


def _month(words: list[str]) -> int | None:
    for word in words:
        if word in MONTHS:
            return MONTHS[word]
    for word in words:
        if word in MONTH_ABBREVIATIONS:
            return MONTH_ABBREVIATIONS[word]
    return None


def _full_year(value: int) -> int:
    return value + 2000 if value < 100 else value


def _relative(
    lowered: str, reference: date | None
) -> tuple[str | None, tuple[int, int, int] | None]:
    """A relative mention as an offset code, and the date it resolves to if it can."""
    for phrase, offset in _RELATIVE_DAYS_LONGEST_FIRST:
        if re.search(rf"\b{phrase}\b", lowered):
            if reference is None:
                return f"{offset:+d}d", None
            target = reference + timedelta(days=offset)
            return None, (target.year, target.month, target.day)
    match = re.search(r"\b(pekan|minggu|bulan|tahun)\s+(yang lalu|lalu|ini|depan)\b", lowered)
    if match:
        unit = RELATIVE_PERIODS[match.group(1)]
        return f"{RELATIVE_DIRECTIONS[match.group(2)]:+d}{unit}", None
    match = re.search(
        r"\b(\d+|[a-z]+)\s+(hari|pekan|minggu|bulan|tahun)\s+(?:yang\s+)?lalu\b", lowered
    )
    if match:
        count = _count(match.group(1))
        if count is not None:
            unit = {"hari": "d"}.get(match.group(2), RELATIVE_PERIODS.get(match.group(2), "d"))
            if unit == "d" and reference is not None:
                target = reference - timedelta(days=int(count))
                return None, (target.year, target.month, target.day)
            return f"-{int(count)}{unit}", None
    return None, None


def _count(word: str) -> float | None:
    if word.isdigit():
        return float(word)
    return words_value([word])


def normalize_weekday(text: str) -> int | None:
    """The weekday (Monday 0 ... Sunday 6) a text names, or ``None``.

    "Ahad" and "Minggu" are both 6: outlets use either for Sunday.
    """
    try:
        return _weekday(_WORD.findall(text.lower()))
    except (ValueError, OverflowError):
        return None
