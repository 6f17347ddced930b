"""Normalised values of dates, days and numbers, as written in Indonesian news.

Pure functions with no spaCy: compare uses them to tell real discrepancies
("Selasa" vs "Rabu", "1.500 km" vs "1.200 km") from synonyms ("Ahad" and
"Minggu" are both Sunday), and the rules share the word tables below.
Every function accepts any string and returns ``None`` rather than raising
when the text holds no value it understands.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

WEEKDAYS: dict[str, int] = {
    "senin": 0, "selasa": 1, "rabu": 2, "kamis": 3, "jumat": 4, "jum'at": 4, "jum’at": 4,
    "sabtu": 5, "minggu": 6, "ahad": 6,
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4,
    "saturday": 5, "sunday": 6,
}  # fmt: skip
WEEKDAY_ABBREVIATIONS: dict[str, int] = {
    "sen": 0, "sel": 1, "rab": 2, "kam": 3, "jum": 4, "sab": 5, "min": 6,
    "mon": 0, "tue": 1, "wed": 2, "thu": 3, "fri": 4, "sat": 5, "sun": 6,
}  # fmt: skip
# The name a normalised weekday is shown with: Indonesian first.
WEEKDAY_NAMES: tuple[str, ...] = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")

MONTHS: dict[str, int] = {
    "januari": 1, "februari": 2, "pebruari": 2, "maret": 3, "april": 4, "mei": 5,
    "juni": 6, "juli": 7, "agustus": 8, "september": 9, "oktober": 10,
    "november": 11, "nopember": 11, "desember": 12,
    "january": 1, "february": 2, "march": 3, "may": 5, "june": 6, "july": 7,
    "august": 8, "october": 10, "december": 12,
}  # fmt: skip
MONTH_ABBREVIATIONS: dict[str, int] = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "agu": 8, "agt": 8,
    "ags": 8, "aug": 8, "sep": 9, "sept": 9, "okt": 10, "oct": 10, "nov": 11,
    "des": 12, "dec": 12,
}  # fmt: skip

# Cardinal number words. "se-" forms are the Indonesian "one ..." compounds.
UNITS: dict[str, int] = {
    "nol": 0, "satu": 1, "dua": 2, "tiga": 3, "empat": 4, "lima": 5, "enam": 6,
    "tujuh": 7, "delapan": 8, "sembilan": 9, "sepuluh": 10, "sebelas": 11,
    "seratus": 100, "seribu": 1000, "sejuta": 1_000_000, "semiliar": 1_000_000_000,
}  # fmt: skip
MULTIPLIERS: dict[str, int] = {"belas": 10, "puluh": 10, "ratus": 100}
SCALES: dict[str, float] = {
    "ribu": 1e3, "rb": 1e3, "juta": 1e6, "jt": 1e6, "miliar": 1e9, "milyar": 1e9,
    "triliun": 1e12, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
}  # fmt: skip
# "ratusan orang": an order of magnitude, not a count.
VAGUE_NUMBERS: dict[str, float] = {
    "puluhan": 10, "ratusan": 100, "ribuan": 1e3, "puluhan ribu": 1e4,
    "ratusan ribu": 1e5, "jutaan": 1e6, "miliaran": 1e9, "belasan": 10,
}  # fmt: skip
QUALIFIERS: dict[str, str] = {
    "lebih dari": ">", "lebih": ">", "di atas": ">", "kurang dari": "<", "di bawah": "<",
    "hampir": "~<", "nyaris": "~<", "sekitar": "~", "kira-kira": "~", "kurang lebih": "~",
    "sedikitnya": ">=", "setidaknya": ">=", "sekurangnya": ">=", "sekurang-kurangnya": ">=",
    "paling sedikit": ">=", "minimal": ">=", "paling banyak": "<=", "maksimal": "<=",
}  # fmt: skip
CURRENCIES: dict[str, str] = {
    "rp": "IDR", "idr": "IDR", "rupiah": "IDR", "us$": "USD", "$": "USD", "usd": "USD",
    "dolar as": "USD", "dollar as": "USD", "dolar amerika": "USD", "dolar": "USD",
    "dollar": "USD", "€": "EUR", "eur": "EUR", "euro": "EUR", "£": "GBP", "gbp": "GBP",
    "pound": "GBP", "poundsterling": "GBP", "yen": "JPY", "yuan": "CNY", "rubel": "RUB",
    "ruble": "RUB", "won": "KRW", "ringgit": "MYR", "sgd": "SGD", "s$": "SGD",
}  # fmt: skip
UNIT_ALIASES: dict[str, str] = {
    "%": "%", "persen": "%", "percent": "%", "kilometer": "km", "km": "km",
    "meter": "m", "m": "m", "sentimeter": "cm", "cm": "cm", "milimeter": "mm", "mm": "mm",
    "kilogram": "kg", "kg": "kg", "gram": "g", "ton": "ton", "liter": "l",
    "mil": "mile", "miles": "mile", "hektare": "ha", "hektar": "ha", "ha": "ha",
    "pekan": "minggu", "jam": "jam", "hours": "jam", "days": "hari", "years": "tahun",
    "months": "bulan", "people": "orang", "jiwa": "orang",
}  # fmt: skip

RELATIVE_DAYS: dict[str, int] = {
    "hari ini": 0, "kemarin": -1, "kemarin lusa": -2, "besok": 1, "esok": 1, "lusa": 2,
    "today": 0, "yesterday": -1, "tomorrow": 1,
}  # fmt: skip
RELATIVE_PERIODS: dict[str, str] = {"pekan": "w", "minggu": "w", "bulan": "m", "tahun": "y"}
RELATIVE_DIRECTIONS: dict[str, int] = {"lalu": -1, "yang lalu": -1, "ini": 0, "depan": 1}


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


@dataclass(frozen=True)
class Quantity:
    """A number with what it counts: ``unit`` is normalised ("km", "%", "IDR", "orang")."""

    value: float
    unit: str | None = None
    qualifier: str | None = None  # the words as written: "lebih dari", "hampir"

    @property
    def label(self) -> str:
        """Display form with a plain decimal number: "lebih dari 1500 km", "1500000000000 IDR"."""
        number = f"{self.value:.6f}".rstrip("0").rstrip(".")
        parts = [p for p in (self.qualifier, number, self.unit) if p]
        return " ".join(parts)


_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?|\d+(?:[.,:/]\d+)*|[%$€£]", re.UNICODE)
_NUMERIC_DATE = re.compile(r"(?<!\d)(\d{1,2})[/.-](\d{1,2})(?:[/.-](\d{2}|\d{4}))?(?!\d)")
_ISO_DATE = re.compile(r"(?<!\d)(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)")
_YEAR = re.compile(r"(?<![\d.,])(1[6-9]\d{2}|2[01]\d{2})(?![\d.,]\d)")
_DAY = re.compile(r"(?<![\d.,/:])(\d{1,2})(?![\d.,/:]?\d)")
_WEEK_PERIOD = re.compile(r"\bminggu(?=\s+(?:yang\s+)?(?:lalu|ini|depan)\b)")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_CURRENCY_PREFIX = re.compile(r"^(rp|idr|us\$|s\$|usd|eur|gbp|sgd|\$|€|£)\.?\s*", re.IGNORECASE)


def normalize_date(text: str, *, reference: date | None = None) -> NormalizedDate | None:
    """Read a date, day or period from a DATE mention.

    Args:
        text: The mention: "Selasa (12/9/2023)", "Ahad", "25 April 2019",
            "Sep 12, 2023", "bulan Juli", "akhir 2017", "pekan lalu".
        reference: The publication date, used to resolve relative mentions
            ("kemarin", "tahun lalu") and day-month dates without a year.

    Returns:
        What the text states, or ``None`` when it states no date at all.
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
    for phrase, offset in sorted(RELATIVE_DAYS.items(), key=lambda item: -len(item[0])):
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
    return _words_value([word])


def normalize_weekday(text: str) -> int | None:
    """The weekday (Monday 0 ... Sunday 6) a text names, or ``None``.

    "Ahad" and "Minggu" are both 6: outlets use either for Sunday.
    """
    try:
        return _weekday(_WORD.findall(text.lower()))
    except (ValueError, OverflowError):
        return None


def normalize_number(text: str) -> Quantity | None:
    """Read a quantity: a number (digits or words) with its unit and qualifier.

    Indonesian separators are read the Indonesian way: "1.500" is fifteen
    hundred and "1,5" is one and a half; a lone ",ddd" group ("1,500")
    follows English usage since Indonesian writes no trailing zeros there.

    Args:
        text: The mention: "lebih dari 1.500 km", "18 bulan", "tujuh
            perjalanan", "dua kali", "Rp 1,5 triliun", "50 persen".

    Returns:
        The quantity, or ``None`` when the text holds no number.
    """
    try:
        words = text.split()
        # A leading word the tables do not know ("Sebanyak 14 orang",
        # "mencapai Rp 5 miliar") does not hide the number after it.
        for skip in range(min(len(words), 3)):
            quantity = _normalize_number(" ".join(words[skip:]))
            if quantity is not None:
                return quantity
        return None
    except (ValueError, OverflowError):
        return None


def _normalize_number(text: str) -> Quantity | None:
    lowered = " ".join(text.lower().split())
    qualifier = None
    for phrase in sorted(QUALIFIERS, key=len, reverse=True):
        if lowered.startswith(phrase + " "):
            qualifier = phrase
            lowered = lowered[len(phrase) + 1 :]
            break

    currency = None
    prefix = _CURRENCY_PREFIX.match(lowered)
    if prefix:
        currency = CURRENCIES.get(prefix.group(1).lower())
        lowered = lowered[prefix.end() :]

    value: float | None
    number = _NUMBER.match(lowered)
    if number:
        value = parse_number(number.group())
        rest = lowered[number.end() :].strip()
    else:
        value, rest = _leading_words_value(lowered)
    if value is None:
        return None
    rest_words = rest.split()
    if not number and rest_words and " ".join(rest_words[:2]) in VAGUE_NUMBERS:
        # "ribuan orang": the vague word says how rough the value is.
        qualifier = qualifier or " ".join(rest_words[:2])
        rest_words = rest_words[2:]
    elif not number and rest_words and rest_words[0] in VAGUE_NUMBERS:
        qualifier = qualifier or rest_words[0]
        rest_words = rest_words[1:]
    if rest_words and rest_words[0] in SCALES:
        value *= SCALES[rest_words[0]]
        rest_words = rest_words[1:]
    unit = currency or _unit(rest_words)
    if value != value or value in (float("inf"), float("-inf")):  # NaN or overflow
        return None
    return Quantity(value=value, unit=unit, qualifier=qualifier)


def parse_number(digits: str) -> float | None:
    """Read a written number with Indonesian separators ("1.500,75" -> 1500.75).

    Args:
        digits: Digits with "." and "," separators, nothing else.

    Returns:
        The value, or ``None`` if ``digits`` is not a number.
    """
    if not digits or not digits[0].isdigit():
        return None
    dots, commas = digits.count("."), digits.count(",")
    groups = re.split(r"[.,]", digits)
    if dots and commas:
        # Whichever comes last is the decimal mark: "1.500,75" or "1,500.75".
        decimal = "," if digits.rfind(",") > digits.rfind(".") else "."
        thousands = "." if decimal == "," else ","
        cleaned = digits.replace(thousands, "").replace(decimal, ".")
    elif dots > 1 or commas > 1:
        cleaned = digits.replace(".", "").replace(",", "")
    elif dots or commas:
        whole, fraction = groups[0], groups[1]
        if len(fraction) == 3 and whole != "0":
            cleaned = whole + fraction  # thousands separator: "1.500"
        else:
            cleaned = f"{whole}.{fraction}"  # decimal: "1,5", "Rp1.5"
    else:
        cleaned = digits
    try:
        return float(cleaned)
    except ValueError:
        return None


def _leading_words_value(lowered: str) -> tuple[float | None, str]:
    words = lowered.split()
    for vague_length in (2, 1):
        phrase = " ".join(words[:vague_length])
        if len(words) >= vague_length and phrase in VAGUE_NUMBERS:
            return VAGUE_NUMBERS[phrase], " ".join([phrase, *words[vague_length:]])
    taken = 0
    while taken < len(words) and _is_number_word(words[taken]):
        taken += 1
    if taken == 0:
        return None, lowered
    return _words_value(words[:taken]), " ".join(words[taken:])


def _is_number_word(word: str) -> bool:
    return word in UNITS or word in MULTIPLIERS or word in SCALES


def _words_value(words: list[str]) -> float | None:
    """Value of a run of number words: "dua puluh lima" -> 25, "tiga ratus ribu" -> 300000."""
    total = 0.0
    current = 0.0
    last = 0.0  # the most recent unit word, which a following multiplier scales
    seen = False
    for word in words:
        if word in UNITS:
            last = float(UNITS[word])
            current += last
            seen = True
        elif word == "belas":
            current += 10
            last = 0
        elif word in MULTIPLIERS:
            base = last or 1
            current += base * MULTIPLIERS[word] - last
            last = 0
        elif word in SCALES:
            total += (current or 1) * SCALES[word]
            current = last = 0
        else:
            return None
    if not seen and total == 0 and current == 0:
        return None
    return total + current


def _unit(words: list[str]) -> str | None:
    if not words:
        return None
    two = " ".join(words[:2])
    if two in CURRENCIES:
        return CURRENCIES[two]
    first = words[0].strip(".,;:!?)\"”'")
    if first in CURRENCIES and first not in ("$", "€", "£"):
        return CURRENCIES[first]
    return UNIT_ALIASES.get(first, first or None)
