"""QUANTITY patterns: numbers in digits or words with what they count.

A bare number is not a quantity (it may be a year, a page, a score): the
rule wants a unit or a counted noun after it ("1.500 km", "14 orang",
"tujuh perjalanan", "dua kali"), a currency before it ("Rp 1,5 triliun")
or a scale word ("2,5 juta"). A number followed by a function word
("Empat dari perjalanan", "satu lawan satu") counts nothing, and words
such as "satu-satunya" or "salah satu" are not numbers at all.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from newsreader.nlp.normalize import (
    CURRENCIES,
    QUALIFIERS,
    SCALES,
    UNIT_ALIASES,
    UNITS,
    VAGUE_NUMBERS,
)


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True))


@lru_cache(maxsize=1)
def function_words() -> frozenset[str]:
    """Words that never follow a number as the thing it counts."""
    path = Path(__file__).resolve().parent.parent / "data" / "function_words.txt"
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and line[0] != "#")


@lru_cache(maxsize=1)
def number_idioms() -> frozenset[str]:
    """Number phrases that count nothing ("empat mata": in private)."""
    path = Path(__file__).resolve().parent.parent / "data" / "number_idioms.txt"
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and line[0] != "#")


def is_idiom(text: str) -> bool:
    """Whether a QUANTITY match is one of the number idioms."""
    return " ".join(text.lower().split()) in number_idioms()


def quantity_patterns() -> tuple[str, ...]:
    """The QUANTITY regular expressions (built from the word tables)."""
    number = r"\d+(?:[.,]\d+)*"
    word_number = (
        rf"(?:{_alternation(list(UNITS))})"
        rf"(?:\s+(?:{_alternation([*UNITS, 'belas', 'puluh', 'ratus', *SCALES])}))*"
    )
    vague = rf"(?:{_alternation(list(VAGUE_NUMBERS))})"
    scale = rf"(?:{_alternation(list(SCALES))})"
    currency = r"(?:Rp\.?|IDR|US\$|S\$|USD|EUR|\$|€|£)\s?"
    not_function = rf"(?!(?:{_alternation(sorted(function_words()))})(?![\w-]))"
    # A counted noun: one lower-case word (hyphenated allowed), not a function word.
    counted = rf"{not_function}[a-z][a-z]+(?:-[a-z]+)?"
    # A bare year-like number ("pada 2014 kehilangan", "2007 tumbuh") counts
    # something only with a real unit after it ("2000 km"), not any word.
    units = _alternation([u for u in (*UNIT_ALIASES, *CURRENCIES, *SCALES) if u.isalpha()])
    not_a_bare_year = rf"(?!(?:1[6-9]|2[01])\d\d(?![\d.,])\s+(?!(?:{units})(?![\w-])))"
    glued_unit = r"(?:%|km|kg|cm|mm|m|ha|MW|GW|kWh|GB|TB)"
    start = r"(?<![\w.,/:$€£-])"
    # A number right after a currency belongs to the currency pattern.
    after_currency = r"(?<!Rp )(?<!Rp\. )(?<!IDR )(?<!USD )(?<!EUR )(?<!\$ )(?<!€ )(?<!£ )"
    end = r"(?![\w-]|[.,/:]\d)"
    # Word numbers are matched case-insensitively so a sentence may start
    # with them ("Empat tahun"). Qualifiers ("lebih dari") are added by
    # with_qualifier: kept out of the patterns, they would make the scan try
    # a match at every word instead of only at digits and number words.
    return (
        rf"{start}{currency}{number}(?:\s+{scale})?{end}",
        rf"{start}{after_currency}{not_a_bare_year}{number}"
        rf"(?:\s*{glued_unit}|\s+{scale}(?:\s+{counted})?|\s+(?:dolar|dollar)\s+AS|\s+{counted}){end}",
        rf"{start}(?<!salah )(?<!Salah )(?i:{word_number})\s+{counted}{end}",
        rf"{start}(?i:{vague})\s+{counted}{end}",
    )


@lru_cache(maxsize=1)
def _qualifier_before() -> re.Pattern[str]:
    words = _alternation(list(QUALIFIERS))
    return re.compile(rf"(?<![\w-])(?i:{words})\s+$")


def with_qualifier(text: str, start: int) -> int:
    """Where a quantity starting at ``start`` begins once its qualifier is included.

    Args:
        text: The text the quantity was found in.
        start: The offset of its number.

    Returns:
        The offset of a directly preceding "lebih dari", "hampir", ... or
        ``start`` unchanged.
    """
    window_start = max(0, start - 24)
    match = _qualifier_before().search(text, window_start, start)
    return match.start() if match else start
