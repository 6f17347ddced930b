"""Comparing two stated amounts: same unit only, qualifiers as ranges."""

from __future__ import annotations

import pytest

from newsreader.compare.amounts import compare_amounts
from newsreader.compare.dates import Agreement
from newsreader.nlp.normalize import normalize_number


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("14 orang", "46 orang", Agreement.DIFFERENT),
        ("14 orang", "empat belas orang", Agreement.SAME),
        ("lebih dari 18 bulan", "18 bulan", Agreement.SAME),
        ("lebih dari 14 orang", "46 orang", Agreement.SAME),
        ("sedikitnya 50 orang", "14 orang", Agreement.DIFFERENT),
        ("ribuan warga", "1.200 warga", Agreement.SAME),
        ("ribuan warga", "300 warga", Agreement.DIFFERENT),
        ("sekitar 1.200 rumah", "1.150 rumah", Agreement.SAME),
        ("hampir empat tahun", "4 tahun", Agreement.SAME),
        ("1.500 km", "1.500 orang", Agreement.UNRELATED),
    ],
)
def test_compare_amounts(a: str, b: str, expected: Agreement) -> None:
    qa, qb = normalize_number(a), normalize_number(b)
    assert qa is not None and qb is not None
    assert compare_amounts(qa, qb) is expected
    assert compare_amounts(qb, qa) is expected
