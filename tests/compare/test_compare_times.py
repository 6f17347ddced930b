"""Clock times: read from TIME entities, compared across zones and with "sekitar"."""

from __future__ import annotations

from compare_samples import make_article
from hypothesis import given
from hypothesis import strategies as st

from newsreader.compare import build
from newsreader.compare.dates import Agreement
from newsreader.compare.times import ClockTime, clock_time, compare_times


def test_reads_indonesian_clock_times() -> None:
    assert clock_time("pukul 03.15 WIB") == ClockTime(195, "wib", False)
    assert clock_time("sekitar pukul 04.00 WIB") == ClockTime(240, "wib", True)
    assert clock_time("jam 15:30") == ClockTime(930, None, False)
    assert clock_time("dini hari") is None
    assert clock_time("pukul 27.00") is None


def test_zones_and_approximation() -> None:
    def t(text: str) -> ClockTime:
        found = clock_time(text)
        assert found is not None
        return found

    assert compare_times(t("pukul 10.00 WIB"), t("pukul 11.00 WITA")) is Agreement.SAME
    assert compare_times(t("pukul 10.00 WIB"), t("pukul 10.00 WIT")) is Agreement.DIFFERENT
    assert compare_times(t("sekitar pukul 03.30"), t("pukul 03.15")) is Agreement.SAME
    assert compare_times(t("sekitar pukul 04.00 WIB"), t("pukul 03.15 WIB")) is Agreement.DIFFERENT
    assert compare_times(t("pukul 23.50"), t("sekitar pukul 00.10")) is Agreement.SAME


@given(st.integers(0, 23), st.integers(0, 59), st.sampled_from(["WIB", "WITA", "WIT", ""]))
def test_a_time_agrees_with_itself(hour: int, minute: int, zone: str) -> None:
    text = f"pukul {hour:02d}.{minute:02d} {zone}".strip()
    found = clock_time(text)
    assert found is not None and found.minutes == hour * 60 + minute
    assert compare_times(found, found) is Agreement.SAME


def test_a_different_hour_in_one_fact_is_a_time_discrepancy() -> None:
    a = "Bus terguling di jalan tol Cipali pada pukul 03.15 WIB dan menewaskan sopirnya."
    b = "Bus terguling di jalan tol Cipali sekitar pukul 04.00 WIB dan menewaskan sopirnya."
    ents = [
        ("pukul 03.15 WIB", "TIME", "pukul 03.15 WIB"),
        ("sekitar pukul 04.00 WIB", "TIME", "x"),
    ]
    (fact,) = build([make_article("a", a, ents), make_article("b", b, ents)]).stories[0].facts
    (found,) = fact.discrepancies
    assert found.kind == "time"
    assert dict(found.values) == {"a": "pukul 03.15 WIB", "b": "sekitar pukul 04.00 WIB"}
