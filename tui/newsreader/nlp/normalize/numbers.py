"""Reading a number (digits or words) with its unit and qualifier from a QUANTITY mention."""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsreader.nlp.normalize.tables import (
    CURRENCIES,
    MULTIPLIERS,
    QUALIFIERS,
    SCALES,
    UNIT_ALIASES,
    UNITS,
    VAGUE_NUMBERS,
)


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


_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_CURRENCY_PREFIX = re.compile(r"^(rp|idr|us\$|s\$|usd|eur|gbp|sgd|\$|€|£)\.?\s*", re.IGNORECASE)


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
    return words_value(words[:taken]), " ".join(words[taken:])


def _is_number_word(word: str) -> bool:
    return word in UNITS or word in MULTIPLIERS or word in SCALES


def words_value(words: list[str]) -> float | None:
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
