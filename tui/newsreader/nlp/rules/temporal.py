"""DATE and TIME patterns for Indonesian (and English-dated) news text.

Regular expressions over the text rather than token patterns: dates such as
"Selasa (12/9/2023)" span punctuation the tokenizer splits in ways that
change with tokenizer tweaks, while character patterns stay put, and one
compiled alternation scans a whole article in well under a millisecond.
Each pattern marks the entity with the named group ``span`` when the
match includes context that is not part of it ("pada 2019" -> "2019").
"""

from __future__ import annotations

import re

from newsreader.nlp.normalize import MONTH_ABBREVIATIONS, MONTHS, UNITS, WEEKDAYS


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True))


def _capitalised(words: list[str]) -> list[str]:
    return [word[0].upper() + word[1:] for word in words]


_WEEKDAY = rf"(?:{_alternation(_capitalised(list(WEEKDAYS)))})"
# English "May"/"March" and every abbreviation need a day or year beside them
# to count: alone they are ordinary words.
_AMBIGUOUS_MONTHS = {"may", "march"}
_MONTH_FULL = (
    rf"(?:{_alternation(_capitalised([m for m in MONTHS if m not in _AMBIGUOUS_MONTHS]))})"
)
_MONTH_ANY = rf"(?:{_alternation(_capitalised([*MONTHS, *MONTH_ABBREVIATIONS]))})(?:\.(?=\s))?"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])"
_MONTH_NUMBER = r"(?:1[0-2]|0?[1-9])"
_YEAR = r"(?:1[6-9]\d\d|2[01]\d\d)"
_NUMERIC_WITH_YEAR = (
    "(?:"
    + "|".join(rf"{_DAY}{sep}{_MONTH_NUMBER}{sep}(?:\d{{4}}|\d{{2}})" for sep in ("/", "-", r"\."))
    + ")"
)
_NUMERIC_NO_YEAR = rf"{_DAY}/{_MONTH_NUMBER}"
_NUMBER_WORD = rf"(?:{_alternation(list(UNITS))}|\d{{1,3}})"
_B = r"(?<![\w/.,-])"  # start of a word, not inside a number or hyphenated word
_E = r"(?![\w-]|[.,/]\d)"  # end of a word

_CALENDAR = (
    rf"(?:\(\s*{_NUMERIC_WITH_YEAR}\s*\)|{_NUMERIC_WITH_YEAR}"
    rf"|{_DAY}(?:\s*[-–]\s*{_DAY})?\s+{_MONTH_ANY}(?:\s+{_YEAR})?"
    rf"|{_MONTH_ANY}\s+{_DAY}\s*,?\s*{_YEAR}"
    rf"|{_MONTH_FULL}\s+{_YEAR}|{_MONTH_ANY}\s+{_YEAR}"
    rf"|{_YEAR}-(?:1[0-2]|0[1-9])-(?:[12]\d|3[01]|0[1-9]))"
)

DATE_PATTERNS: tuple[str, ...] = (
    # "Selasa (12/9/2023)", "Kamis, 25 April 2019", "Rabu 13 Sep 2023", "25 April 2019",
    # "Sep 12, 2023", "Juli 2000", "hari Jumat", "Senin (11/9)", "Ahad".
    rf"{_B}(?:(?:[Hh]ari\s+)?{_WEEKDAY}\s*,?\s*)?{_CALENDAR}{_E}",
    rf"{_B}(?:[Hh]ari\s+)?{_WEEKDAY}(?:\s*,?\s*\(\s*{_NUMERIC_NO_YEAR}\s*\))?{_E}",
    # "bulan Juli", "pada Juli", "awal Mei": a month name alone needs a cue.
    rf"{_B}(?:(?P<span>[Bb]ulan\s+{_MONTH_FULL}(?:\s+{_YEAR}|\s+lalu)?)"
    rf"|(?:[Pp]ada|[Ss]ejak|[Hh]ingga|[Ss]ampai|[Ss]elama)\s+(?P<span2>{_MONTH_FULL})"
    # The part of a month stays with it, as with years: "akhir Desember 2014".
    rf"|(?:[Aa]wal|[Aa]khir|[Pp]ertengahan|[Mm]edio)\s+(?:bulan\s+)?{_MONTH_FULL}(?:\s+{_YEAR})?)"
    rf"{_E}",
    # "tahun 2019", "akhir 2017", "awal tahun 2020", and "pada 2019" (just the year).
    rf"{_B}(?:[Tt]ahun|[Aa]khir|[Aa]wal|[Pp]ertengahan|[Mm]edio)\s+(?:tahun\s+)?{_YEAR}{_E}",
    rf"{_B}(?:[Pp]ada|[Ss]ejak|[Hh]ingga|[Ss]ampai|[Ss]elama|[Dd]alam|[Ii]n|[Ss]ince)\s+"
    rf"(?P<span3>{_YEAR}(?:\s*[-–]\s*{_YEAR})?){_E}",
    # Relative to publication: "kemarin", "hari ini", "pekan lalu", "tahun lalu",
    # "tiga hari lalu". Lower-case "minggu lalu" is last week; "Minggu" is Sunday.
    rf"{_B}(?:[Hh]ari\s+ini|[Kk]emarin(?:\s+lusa)?|[Bb]esok|[Ll]usa"
    rf"|(?:[Pp]ekan|minggu|[Bb]ulan|[Tt]ahun)\s+(?:yang\s+)?(?:lalu|depan|ini)"
    rf"|[Aa]khir\s+pekan(?:\s+(?:lalu|ini|depan))?"
    rf"|(?i:{_NUMBER_WORD})\s+(?:hari|pekan|minggu|bulan|tahun)\s+(?:yang\s+)?(?:lalu|silam))"
    rf"{_E}",
)

_ZONE = r"(?:WIB|WITA|WIT|GMT|UTC|[AaPp]\.?[Mm]\.?)(?:\s*[+-]\s*\d{1,2})?"
_CLOCK = r"(?:[01]?\d|2[0-3])[:.][0-5]\d(?:[:.][0-5]\d)?"
_PART_OF_DAY = r"(?:pagi|siang|sore|petang|malam)"
_LOCAL = r"(?:\s+waktu\s+setempat)?"

TIME_PATTERNS: tuple[str, ...] = (
    # "pukul 10.00 WIB", "pukul 07:09", "jam 19.30", "pukul tujuh malam", "pukul 10.00-12.00 WIB".
    rf"{_B}(?:[Pp]ukul|[Jj]am|[Pp]k\.)\s+(?:{_CLOCK}(?:\s*[-–]\s*{_CLOCK})?|(?:{_NUMBER_WORD}))"
    rf"(?:\s*{_ZONE})?(?:\s+{_PART_OF_DAY})?{_LOCAL}{_E}",
    # "07:09 WIB", "23:16", "10.00 WIB": a period needs the zone to be a time.
    rf"{_B}(?:(?:[01]?\d|2[0-3]):[0-5]\d(?:\s*{_ZONE})?|{_CLOCK}\s*{_ZONE}){_LOCAL}{_E}",
    # "sore hari", "malam harinya", "dini hari", "tengah malam", "tadi pagi", "pagi ini".
    rf"{_B}(?:(?:[Pp]agi|[Ss]iang|[Ss]ore|[Mm]alam|[Dd]ini)\s+hari(?:nya)?"
    rf"|[Tt]engah\s+(?:hari|malam)|(?:[Tt]adi|[Nn]anti)\s+{_PART_OF_DAY}"
    rf"|{_PART_OF_DAY}\s+ini){_LOCAL}{_E}",
    # The part of day after a day or date: "Selasa pagi", "(10/9/2023) sore".
    rf"(?:{_WEEKDAY}|\))\s*,?\s+(?P<span>{_PART_OF_DAY}(?:nya)?{_LOCAL}){_E}",
)
