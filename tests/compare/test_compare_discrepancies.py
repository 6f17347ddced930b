"""Discrepancies on our own flood story: what differs is found, what agrees is not."""

from __future__ import annotations

import pytest
from compare_samples import flood_articles

from newsreader.compare import Comparison, Fact, build


@pytest.fixture(scope="module")
def flood() -> Comparison:
    return build(flood_articles())


def _fact_with(comparison: Comparison, words: str) -> Fact:
    for story in comparison.stories:
        for fact in story.facts:
            if any(words in m.sentence for m in fact.mentions):
                return fact
    raise AssertionError(f"no fact mentions {words!r}")


def test_flood_is_one_story(flood: Comparison) -> None:
    assert len(flood.stories) == 1
    assert set(flood.stories[0].articles) == {"flood_kompas", "flood_detik", "flood_unknown"}


def test_day_of_flood_differs_with_every_value(flood: Comparison) -> None:
    fact = _fact_with(flood, "Banjir bandang")
    assert set(fact.articles) == {"flood_kompas", "flood_detik", "flood_unknown"}
    dates = [d for d in fact.discrepancies if d.kind == "date"]
    assert len(dates) == 1
    assert dates[0].values == {
        "flood_kompas": "Senin (4/3/2024)",
        "flood_detik": "Senin (4/3/2024)",
        "flood_unknown": "Minggu (3/3/2024)",
    }


def test_death_toll_differs(flood: Comparison) -> None:
    fact = _fact_with(flood, "tewas")
    numbers = [d for d in fact.discrepancies if d.kind == "number"]
    assert len(numbers) == 1
    assert numbers[0].values["flood_detik"] == "46 orang"
    assert numbers[0].values["flood_kompas"] == "14 orang"


def test_same_count_is_no_discrepancy(flood: Comparison) -> None:
    fact = _fact_with(flood, "1.200 rumah")
    assert {"flood_kompas", "flood_detik"} <= set(fact.articles)
    assert fact.discrepancies == ()


def test_ahad_and_minggu_are_the_same_day(flood: Comparison) -> None:
    fact = _fact_with(flood, "Hujan deras")
    assert set(fact.articles) == {"flood_kompas", "flood_unknown"}
    assert not [d for d in fact.discrepancies if d.kind == "date"]


def test_quote_attributed_to_different_speakers(flood: Comparison) -> None:
    fact = _fact_with(flood, "Kami masih mencari")
    speakers = [d for d in fact.discrepancies if d.kind == "speaker"]
    assert len(speakers) == 1
    assert speakers[0].values == {
        "flood_kompas": "Rudy Rinaldy",
        "flood_detik": "Rudy Rinaldy",
        "flood_unknown": "Mahyeldi Ansharullah",
    }


def test_unique_sentences_are_the_ones_only_one_outlet_carries(flood: Comparison) -> None:
    story = flood.stories[0]
    assert any("Joko Widodo" in m.sentence for m in story.unique["flood_detik"])
    assert any("Bantuan logistik" in m.sentence for m in story.unique["flood_kompas"])
    shared = {m.sentence for f in story.facts for m in f.mentions}
    for mentions in story.unique.values():
        assert not shared & {m.sentence for m in mentions}


def test_unknown_outlet_counts_as_its_own(flood: Comparison) -> None:
    story = flood.stories[0]
    assert story.outlets["flood_unknown"] == "unknown (flood_un…)"
    coverage = story.coverage()
    assert set(coverage) == {"Kompas", "Detik", "unknown (flood_un…)"}


def test_blindspots_name_outlets_that_never_mention_an_entity(flood: Comparison) -> None:
    spots = {b.entity: b for b in flood.stories[0].blindspots}
    assert spots["Joko Widodo"].missing_from == ("Kompas", "unknown (flood_un…)")
    assert spots["Sumatera Barat"].missing_from == ()
