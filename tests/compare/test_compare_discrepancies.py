"""Discrepancies on our own flood story: what differs is found, what agrees is not."""

from __future__ import annotations

import pytest
from compare_samples import flood_articles, make_article

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
    # Every outlet names it: no blindspot, so it is not listed at all.
    assert "Sumatera Barat" not in spots
    assert all(spot.missing_from for spot in spots.values())


def test_place_in_the_same_role_differs_only_if_the_other_outlet_never_names_it() -> None:
    places = [
        ("Kabupaten Cianjur", "LOC", "Cianjur"),
        ("Kabupaten Sukabumi", "LOC", "Sukabumi"),
        ("Jawa Barat", "LOC", "Jawa Barat"),
        ("BMKG", "ORG", "BMKG"),
    ]
    a = (
        "Gempa bermagnitudo 5,6 berpusat di Kabupaten Cianjur, Jawa Barat, menurut "
        "catatan BMKG pada Senin siang."
    )
    b = (
        "Gempa bermagnitudo 5,6 berpusat di Kabupaten Sukabumi, Jawa Barat, menurut "
        "catatan BMKG pada Senin siang."
    )
    c = b + " Getaran juga terasa kuat di Kabupaten Cianjur."
    differ = build([make_article("a", a, places), make_article("b", b, places)])
    found = [d for f in differ.stories[0].facts for d in f.discrepancies]
    assert [(d.kind, dict(d.values)) for d in found] == [
        ("place", {"a": "Kabupaten Cianjur", "b": "Kabupaten Sukabumi"})
    ]
    # An outlet that names both places elsewhere is not contradicting the other.
    named = build([make_article("a", a, places), make_article("c", c, places)])
    assert [d for f in named.stories[0].facts for d in f.discrepancies] == []


def test_dateline_does_not_make_lead_sentences_alike() -> None:
    shared = (
        " Pedagang di Pasar Induk Kramat Jati mengeluhkan pasokan cabai dari Jawa Tengah "
        "yang terus berkurang."
    )
    a = "JAKARTA, KOMPAS.com - Harga melonjak." + shared
    b = "JAKARTA, KOMPAS.com - Pembeli menghilang." + shared
    comparison = build([make_article("a", a), make_article("b", b)])
    assert len(comparison.stories) == 1
    facts = comparison.stories[0].facts
    assert [[m.index for m in f.mentions] for f in facts] == [[1, 1]]


def test_an_outlet_with_two_articles_counts_once_for_blindspots() -> None:
    ents = [("Banjir", "EVENT", "banjir"), ("Padang", "LOC", "Padang"), ("BNPB", "ORG", "BNPB")]
    text = "Banjir melanda Padang pada Senin, menurut BNPB, dan merendam ratusan rumah warga."
    other = "Banjir melanda Padang pada Senin dan merendam ratusan rumah warga di tepi sungai."
    articles = [
        make_article("kompas_1", text, ents, outlet="Kompas"),
        make_article("kompas_2", other, ents, outlet="Kompas"),
        make_article("detik_1", text, ents, outlet="Detik"),
    ]
    (story,) = build(articles).stories
    spots = {b.entity: b for b in story.blindspots}
    # Kompas names BNPB in one of its two articles: it has no blindspot for it.
    assert "BNPB" not in spots
    assert all(spot.missing_from for spot in story.blindspots)


def test_a_toll_counted_in_people_under_two_names_is_one_discrepancy() -> None:
    ents = [
        ("Garut", "LOC", "Garut"),
        ("14 orang", "QUANTITY", "14 orang"),
        ("46 warga", "QUANTITY", "46 warga"),
    ]
    a = "Banjir bandang di Garut menewaskan 14 orang dan merusak ratusan rumah."
    b = "Sebanyak 46 warga tewas akibat banjir bandang di Garut."
    comparison = build([make_article("a", a, ents), make_article("b", b, ents)])
    (fact,) = comparison.stories[0].facts
    (discrepancy,) = fact.discrepancies
    assert discrepancy.kind == "number"
    assert dict(discrepancy.values) == {"a": "14 orang", "b": "46 warga"}


def test_a_classifier_counts_the_word_after_it() -> None:
    ents = [("18 unit", "QUANTITY", "18 unit"), ("20 mobil", "QUANTITY", "20 mobil")]
    a = "Dinas Pemadam Kebakaran mengerahkan 18 unit mobil pemadam ke Pasar Baru."
    b = "Sebanyak 20 mobil pemadam dikerahkan ke Pasar Baru."
    comparison = build([make_article("a", a, ents), make_article("b", b, ents)])
    (fact,) = comparison.stories[0].facts
    assert [d.kind for d in fact.discrepancies] == ["number"]


def test_a_place_named_more_or_less_precisely_is_no_discrepancy() -> None:
    a = "Bus terguling di Jalan Tol Cipali KM 102 pada Selasa dini hari dan melukai sopirnya."
    b = "Bus terguling di Tol Cipali KM 102 pada Selasa dini hari dan melukai sopirnya."
    c = "Bus terguling di Tol Cikampek KM 40 pada Selasa dini hari dan melukai sopirnya."
    places = [
        ("Jalan Tol Cipali KM 102", "LOC", "Jalan Tol Cipali KM 102"),
        ("Tol Cipali KM 102", "LOC", "Tol Cipali KM 102"),
        ("Tol Cikampek KM 40", "LOC", "Tol Cikampek KM 40"),
    ]
    same = build([make_article("a", a, places), make_article("b", b, places)])
    (fact,) = same.stories[0].facts
    assert not fact.discrepancies
    differ = build([make_article("b", b, places), make_article("c", c, places)])
    (fact,) = differ.stories[0].facts
    assert [d.kind for d in fact.discrepancies] == ["place"]


def test_a_day_that_opens_a_span_never_contradicts_one_that_closes_it() -> None:
    days = [("Senin", "DATE", "Senin"), ("Rabu", "DATE", "Rabu")]
    a = "Presiden tiba di Makassar sejak Senin untuk menghadiri forum ekonomi kawasan timur."
    b = "Presiden dijadwalkan menghadiri forum ekonomi kawasan timur di Makassar hingga Rabu."
    comparison = build([make_article("a", a, days), make_article("b", b, days)])
    assert not [d for s in comparison.stories for f in s.facts for d in f.discrepancies]
