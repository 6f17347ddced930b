"""Grouping articles into stories: shared entities and words, weighed by rarity, and time."""

from __future__ import annotations

from compare_samples import flood_articles, make_article

from newsreader.compare import build

_NAMES = [
    ("Kim Jong Un", "PER", "Kim Jong Un"),
    ("Vladimir Putin", "PER", "Vladimir Putin"),
    ("Rusia", "LOC", "Rusia"),
    ("Korea Utara", "LOC", "Korea Utara"),
    ("Vladivostok", "LOC", "Vladivostok"),
    ("Vostochny", "LOC", "Vostochny"),
    ("Pyongyang", "LOC", "Pyongyang"),
    ("Kremlin", "ORG", "Kremlin"),
]

SUMMIT_2023_A = (
    "Pemimpin Korea Utara Kim Jong Un tiba di Rusia dengan kereta pribadi untuk bertemu "
    "Presiden Vladimir Putin. Pertemuan kedua pemimpin berlangsung di kosmodrom Vostochny. "
    "Kremlin menyebut kedua delegasi membahas kerja sama militer dan pasokan amunisi."
)
SUMMIT_2023_B = (
    "Kim Jong Un bertemu Vladimir Putin di kosmodrom Vostochny, Rusia timur. Kedua pemimpin "
    "membahas kerja sama militer, sementara Washington khawatir soal pasokan amunisi dari "
    "Korea Utara. Kereta pribadi Kim Jong Un tiba dari Pyongyang."
)
SUMMIT_2019 = (
    "Kim Jong Un dan Vladimir Putin bertemu untuk pertama kalinya di Pulau Russky, "
    "Vladivostok, Rusia. Pertemuan puncak itu membahas program nuklir Korea Utara setelah "
    "pembicaraan dengan Amerika Serikat di Hanoi gagal. Kim Jong Un tiba dengan kereta "
    "pribadi dari Pyongyang."
)
FOOTBALL = (
    "Tim nasional Indonesia menang 2-0 atas Vietnam di Stadion Gelora Bung Karno. Gol "
    "dicetak pada babak kedua oleh penyerang muda yang baru pertama kali bermain."
)


def _summits():
    return [
        make_article("kim_2023_a", SUMMIT_2023_A, _NAMES, outlet="Kompas", date="2023-09-13"),
        make_article("kim_2023_b", SUMMIT_2023_B, _NAMES, outlet="Tempo", date="2023-09-14"),
        make_article("kim_2019", SUMMIT_2019, _NAMES, outlet="Kompas", date="2019-04-25"),
    ]


def _stories(comparison) -> list[set[str]]:
    return sorted((set(s.articles) for s in comparison.stories), key=lambda s: sorted(s))


def test_two_unrelated_stories_stay_apart() -> None:
    comparison = build(flood_articles() + _summits()[:2])
    assert _stories(comparison) == [
        {"flood_detik", "flood_kompas", "flood_unknown"},
        {"kim_2023_a", "kim_2023_b"},
    ]


def test_same_leaders_in_another_year_are_another_story() -> None:
    comparison = build(_summits())
    assert _stories(comparison) == [{"kim_2019"}, {"kim_2023_a", "kim_2023_b"}]


def test_year_read_from_the_text_when_publication_date_is_unknown() -> None:
    days = [("Rabu (13/9/2023)", "DATE", "2023-09-13"), ("Kamis (25/4/2019)", "DATE", "2019-04-25")]
    undated = [
        make_article("a", SUMMIT_2023_A + " Ini terjadi pada Rabu (13/9/2023).", _NAMES + days),
        make_article("b", SUMMIT_2023_B + " Ini terjadi pada Rabu (13/9/2023).", _NAMES + days),
        make_article("c", SUMMIT_2019 + " Ini terjadi pada Kamis (25/4/2019).", _NAMES + days),
    ]
    assert _stories(build(undated)) == [{"a", "b"}, {"c"}]


def test_article_with_little_overlap_is_its_own_story() -> None:
    comparison = build(_summits()[:2] + [make_article("bola", FOOTBALL, [])])
    assert _stories(comparison) == [{"bola"}, {"kim_2023_a", "kim_2023_b"}]
    alone = comparison.story_of("bola")
    assert alone is not None and alone.facts == ()
    assert len(alone.unique["bola"]) == 2


def test_stories_are_ordered_largest_first_with_ids() -> None:
    comparison = build(flood_articles() + _summits()[:2])
    assert [s.id for s in comparison.stories] == ["s1", "s2"]
    assert len(comparison.stories[0].articles) == 3


def test_an_undated_article_cannot_bridge_two_years() -> None:
    bridge = SUMMIT_2023_B + " " + SUMMIT_2019  # shares much with both, no date
    comparison = build(
        [
            make_article("kim_2023_a", SUMMIT_2023_A, _NAMES, date="2023-09-13"),
            make_article("bridge", bridge, _NAMES),
            make_article("kim_2019", SUMMIT_2019, _NAMES, date="2019-04-25"),
        ]
    )
    story = comparison.story_of("kim_2019")
    assert story is not None and "kim_2023_a" not in story.articles


DEMAK = (
    "Banjir melanda Kabupaten Demak, Jawa Tengah, pada Selasa (5/3/2024) pagi setelah tanggul "
    "Sungai Wulan jebol. BPBD Jawa Tengah mencatat 300 rumah terendam dan ratusan warga "
    'mengungsi ke balai desa.\n\n"Kami mengerahkan perahu karet untuk mengevakuasi warga," '
    "kata Kepala BPBD Jawa Tengah Bergas Penanggungan. Ketinggian air mencapai satu meter di "
    "beberapa desa."
)
_DEMAK_NAMES = [
    ("Kabupaten Demak", "LOC", "Demak"),
    ("Jawa Tengah", "LOC", "Jawa Tengah"),
    ("Sungai Wulan", "LOC", "Sungai Wulan"),
    ("BPBD Jawa Tengah", "ORG", "BPBD Jawa Tengah"),
    ("Bergas Penanggungan", "PER", "Bergas Penanggungan"),
    ("Selasa (5/3/2024)", "DATE", "2024-03-05"),
    ("300 rumah", "QUANTITY", "300 rumah"),
]


def test_another_flood_elsewhere_the_same_week_is_another_story() -> None:
    demak = make_article("demak", DEMAK, _DEMAK_NAMES, outlet="Tempo", date="2024-03-05")
    comparison = build(flood_articles() + [demak])
    assert _stories(comparison) == [
        {"demak"},
        {"flood_detik", "flood_kompas", "flood_unknown"},
    ]
    # So "1.200 rumah" in one flood is never set against "300 rumah" in the other.
    numbers = [
        d
        for s in comparison.stories
        for f in s.facts
        for d in f.discrepancies
        if d.kind == "number"
    ]
    assert all("demak" not in d.values for d in numbers)
