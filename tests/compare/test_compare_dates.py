"""Comparing two stated days: synonyms agree, weekdays are checked against dates."""

from __future__ import annotations

import pytest

from newsreader.compare.dates import Agreement, compare_days
from newsreader.nlp.normalize import normalize_date


def _day(text: str):
    day = normalize_date(text)
    assert day is not None, text
    return day


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("Ahad", "Minggu", Agreement.SAME),
        ("Ahad (10/9/2023)", "Minggu, (10/9/2023)", Agreement.SAME),
        ("Senin", "Ahad (10/9/2023)", Agreement.DIFFERENT),
        ("Senin", "Minggu, (10/9/2023)", Agreement.DIFFERENT),
        # 11 September 2023 was a Monday: the weekday agrees with the date.
        ("Senin", "11 September 2023", Agreement.SAME),
        ("Selasa (12/9/2023)", "Rabu (13/9/2023)", Agreement.DIFFERENT),
        ("2019", "tahun 2019", Agreement.SAME),
        ("2019", "2023", Agreement.DIFFERENT),
        ("bulan Juli", "Juli", Agreement.SAME),
        ("pekan lalu", "minggu lalu", Agreement.SAME),
        ("Senin", "2019", Agreement.UNRELATED),
        ("pekan lalu", "Senin", Agreement.UNRELATED),
    ],
)
def test_compare_days(a: str, b: str, expected: Agreement) -> None:
    assert compare_days(_day(a), _day(b)) is expected
    assert compare_days(_day(b), _day(a)) is expected
