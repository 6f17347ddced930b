"""Normalised dates and numbers: what compare uses to tell facts apart."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsreader.nlp.normalize import (
    normalize_date,
    normalize_number,
    normalize_weekday,
    parse_number,
)

PUBLISHED = date(2023, 9, 13)


def test_ahad_and_minggu_are_both_sunday() -> None:
    assert normalize_weekday("Ahad") == normalize_weekday("Minggu") == 6
    ahad = normalize_date("Ahad (10/9/2023)")
    minggu = normalize_date("Minggu, (10/9/2023)")
    assert ahad == minggu
    assert ahad is not None and ahad.weekday == 6 and ahad.iso == "2023-09-10"


@pytest.mark.parametrize(
    ("text", "weekday", "iso"),
    [
        ("Selasa (12/9/2023)", 1, "2023-09-12"),
        ("Rabu 13 Sep 2023", 2, "2023-09-13"),
        ("Kamis, 25 April 2019", 3, "2019-04-25"),
        ("25 April 2019", None, "2019-04-25"),
        ("Sep 12, 2023", None, "2023-09-12"),
        ("13 Sep 2023", None, "2023-09-13"),
        ("Juli 2000", None, "2000-07"),
        ("tahun 2019", None, "2019"),
        ("akhir 2017", None, "2017"),
        ("hari Jumat", 4, None),
        ("Friday", 4, None),
    ],
)
def test_dates_as_written_in_news(text: str, weekday: int | None, iso: str | None) -> None:
    value = normalize_date(text)
    assert value is not None
    assert value.weekday == weekday
    assert value.iso == iso


def test_day_month_without_year_takes_the_reference_year() -> None:
    value = normalize_date("Senin (11/9)", reference=PUBLISHED)
    assert value is not None and value.iso == "2023-09-11" and value.weekday == 0
    bare = normalize_date("Senin (11/9)")
    assert bare is not None and bare.iso is None and (bare.month, bare.day) == (9, 11)


def test_relative_dates_resolve_against_publication() -> None:
    assert normalize_date("kemarin", reference=PUBLISHED).iso == "2023-09-12"  # type: ignore[union-attr]
    assert normalize_date("hari ini", reference=PUBLISHED).iso == "2023-09-13"  # type: ignore[union-attr]
    assert normalize_date("tahun lalu", reference=PUBLISHED).iso == "2022"  # type: ignore[union-attr]
    assert normalize_date("tiga hari lalu", reference=PUBLISHED).iso == "2023-09-10"  # type: ignore[union-attr]
    last_week = normalize_date("pekan lalu")
    assert last_week is not None and last_week.relative == "-1w"
    assert normalize_date("minggu lalu") == last_week  # lower-case "minggu" is a week, not Sunday
    assert normalize_date("kemarin").relative == "-1d"  # type: ignore[union-attr]


def test_qualifier_of_a_period_is_kept() -> None:
    value = normalize_date("akhir 2017")
    assert value is not None and value.qualifier == "akhir" and value.label == "akhir 2017"


def test_impossible_dates_and_plain_words_are_not_dates() -> None:
    assert normalize_date("31/2/2023") is None
    assert normalize_date("kereta pribadi") is None
    assert normalize_date("") is None


@pytest.mark.parametrize(
    ("text", "value", "unit", "qualifier"),
    [
        ("lebih dari 1.500 km", 1500, "km", "lebih dari"),
        ("1.500 km", 1500, "km", None),
        ("18 bulan", 18, "bulan", None),
        ("12 tahun", 12, "tahun", None),
        ("14 orang", 14, "orang", None),
        ("Rp 1,5 triliun", 1.5e12, "IDR", None),
        ("Rp1.5", 1.5, "IDR", None),
        ("US$ 2 miliar", 2e9, "USD", None),
        ("2,5 juta dolar AS", 2.5e6, "USD", None),
        ("50 persen", 50, "%", None),
        ("50%", 50, "%", None),
        ("tujuh perjalanan", 7, "perjalanan", None),
        ("dua kali", 2, "kali", None),
        ("hampir empat tahun", 4, "tahun", "hampir"),
        ("dua puluh lima orang", 25, "orang", None),
        ("seratus dua puluh tiga", 123, None, None),
        ("dua belas", 12, None, None),
        ("tiga ratus ribu warga", 300_000, "warga", None),
        ("ribuan orang", 1000, "orang", "ribuan"),
        ("1.500,75 ton", 1500.75, "ton", None),
        ("Sebanyak 14 orang", 14, "orang", None),
        ("mencapai Rp 5 miliar", 5e9, "IDR", None),
        ("mencapai 46 orang", 46, "orang", None),
        ("sebanyak 14 orang", 14, "orang", None),
        ("hingga 20 orang", 20, "orang", None),
        ("sejumlah 5 rumah", 5, "rumah", None),
    ],
)
def test_numbers_with_units(
    text: str, value: float, unit: str | None, qualifier: str | None
) -> None:
    quantity = normalize_number(text)
    assert quantity is not None
    assert quantity.value == pytest.approx(value)
    assert quantity.unit == unit
    assert quantity.qualifier == qualifier


def test_same_distance_written_differently_is_equal() -> None:
    assert normalize_number("1.500 km") == normalize_number("1500 kilometer")
    assert normalize_number("1.500 km") != normalize_number("1.200 km")


@pytest.mark.parametrize(
    ("digits", "value"),
    [("1.500", 1500), ("1,5", 1.5), ("1.5", 1.5), ("1.500.000", 1_500_000), ("1,500.5", 1500.5)],
)
def test_indonesian_separators(digits: str, value: float) -> None:
    assert parse_number(digits) == pytest.approx(value)


def test_words_that_only_look_numeric_are_not_numbers() -> None:
    assert normalize_number("satu-satunya") is None
    assert normalize_number("kereta") is None
    assert normalize_number("") is None


@given(st.text(), st.one_of(st.none(), st.dates()))
def test_normalize_date_never_raises(text: str, reference: date | None) -> None:
    normalize_date(text, reference=reference)


@given(st.text())
def test_normalize_number_never_raises(text: str) -> None:
    normalize_number(text)
    normalize_weekday(text)


@given(
    st.from_regex(
        r"(lebih dari |hampir )?[0-9]{1,3}(\.[0-9]{3}){0,3}(,[0-9]{1,2})? (km|orang)",
        fullmatch=True,
    )
)
def test_generated_quantities_parse(text: str) -> None:
    quantity = normalize_number(text)
    assert quantity is not None and quantity.unit in ("km", "orang")
