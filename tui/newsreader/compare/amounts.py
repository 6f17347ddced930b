"""Whether two stated amounts agree: the comparison-specific part of numbers.

Reading numbers is ``nlp.normalize``'s job; here two ``Quantity``s of the
same unit are compared as the ranges their qualifiers allow: "lebih dari
14 orang" agrees with "46 orang", "ribuan warga" with "1.200 warga",
"sekitar 1.200" with "1.150"; "14 orang" against "46 orang" (or "46
warga": people are counted under several names) disagrees.
"""

from __future__ import annotations

import math

from newsreader.compare.dates import Agreement
from newsreader.nlp.normalize import QUALIFIERS, VAGUE_NUMBERS, Quantity

# How far an approximate amount ("sekitar", "hampir") may stray.
APPROXIMATE = 0.2
# People are counted under many names ("14 orang", "46 warga", "tiga jiwa"):
# as the thing a number counts they are one.
_PEOPLE = frozenset({"orang", "warga", "jiwa", "penduduk"})


def counted_thing(unit: str | None) -> str | None:
    """What an amount counts, with the names people are counted under made one."""
    if not unit:
        return None
    unit = unit.lower()
    return "orang" if unit in _PEOPLE else unit


def amount_range(amount: Quantity) -> tuple[float, float]:
    """The values an amount allows, as a closed range."""
    value = amount.value
    qualifier = (amount.qualifier or "").lower()
    if qualifier in VAGUE_NUMBERS:  # "ribuan": one order of magnitude
        return value, value * 10
    symbol = QUALIFIERS.get(qualifier, "=")
    if symbol in (">", ">="):
        return value, math.inf
    if symbol in ("<", "<="):
        return 0.0, value
    if symbol == "~":
        return value * (1 - APPROXIMATE), value * (1 + APPROXIMATE)
    if symbol == "~<":
        return value * (1 - APPROXIMATE), value
    return value, value


def compare_amounts(a: Quantity, b: Quantity) -> Agreement:
    """Whether two amounts of one thing agree.

    Args:
        a: One normalised quantity.
        b: The other.

    Returns:
        UNRELATED when the units differ or are unknown, SAME when the
        ranges the qualifiers allow overlap, DIFFERENT otherwise.
    """
    if not a.unit or counted_thing(a.unit) != counted_thing(b.unit):
        return Agreement.UNRELATED
    low_a, high_a = amount_range(a)
    low_b, high_b = amount_range(b)
    return Agreement.SAME if low_a <= high_b and low_b <= high_a else Agreement.DIFFERENT
