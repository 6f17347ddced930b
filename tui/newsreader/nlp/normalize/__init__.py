"""Normalised values of dates, days and numbers, as written in Indonesian news.

Pure functions with no spaCy: compare uses them to tell real discrepancies
("Selasa" vs "Rabu", "1.500 km" vs "1.200 km") from synonyms ("Ahad" and
"Minggu" are both Sunday), and the rules share the word tables in ``tables``.
Every function accepts any string and returns ``None`` rather than raising
when the text holds no value it understands.
"""

from __future__ import annotations

from newsreader.nlp.normalize.dates import NormalizedDate, normalize_date, normalize_weekday
from newsreader.nlp.normalize.numbers import Quantity, normalize_number, parse_number, words_value
from newsreader.nlp.normalize.tables import (
    CURRENCIES,
    MONTH_ABBREVIATIONS,
    MONTHS,
    MULTIPLIERS,
    QUALIFIERS,
    RELATIVE_DAYS,
    RELATIVE_DIRECTIONS,
    RELATIVE_PERIODS,
    SCALES,
    UNIT_ALIASES,
    UNITS,
    VAGUE_NUMBERS,
    WEEKDAY_ABBREVIATIONS,
    WEEKDAY_NAMES,
    WEEKDAYS,
)

__all__ = [
    "CURRENCIES",
    "MONTH_ABBREVIATIONS",
    "MONTHS",
    "MULTIPLIERS",
    "QUALIFIERS",
    "RELATIVE_DAYS",
    "RELATIVE_DIRECTIONS",
    "RELATIVE_PERIODS",
    "SCALES",
    "UNIT_ALIASES",
    "UNITS",
    "VAGUE_NUMBERS",
    "WEEKDAY_ABBREVIATIONS",
    "WEEKDAY_NAMES",
    "WEEKDAYS",
    "NormalizedDate",
    "Quantity",
    "normalize_date",
    "normalize_number",
    "normalize_weekday",
    "parse_number",
    "words_value",
]
