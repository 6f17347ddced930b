"""DATE, TIME, QUANTITY and EVENT rules on real news sentences."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsreader.nlp.rules import find_rule_spans, rules_version


def _found(text: str) -> list[tuple[str, str]]:
    return [(text[s.start : s.end], s.label) for s in find_rule_spans(text)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Kim tiba di Rusia untuk bertemu Presiden Vladimir Putin pada Selasa (12/9/2023).",
            ("Selasa (12/9/2023)", "DATE"),
        ),
        ("bunyi pernyataan Kremlin pada Senin (11/9).", ("Senin (11/9)", "DATE")),
        (
            "Kim menaiki kereta dari Pyongyang pada Minggu, (10/9/2023) sore.",
            ("Minggu, (10/9/2023)", "DATE"),
        ),
        ("Kim meninggalkan Pyongyang pada Ahad (10/9/2023) lalu.", ("Ahad (10/9/2023)", "DATE")),
        ("Putin telah tiba di Vladivostok sejak Senin untuk forum.", ("Senin", "DATE")),
        ("Kim dapat mengunjungi pabrik pesawat pada hari Jumat.", ("hari Jumat", "DATE")),
        (
            "Mereka bertemu di Vladivostok, Rusia, Kamis, 25 April 2019.",
            ("Kamis, 25 April 2019", "DATE"),
        ),
        (
            "Dia ke sana pada bulan Juli 2000 untuk bertemu Kim Jong Il.",
            ("bulan Juli 2000", "DATE"),
        ),
        ("Shoigu mengunjungi Pyongyang pada Juli.", ("Juli", "DATE")),
        ("Dana itu cukup hingga akhir Desember 2014.", ("akhir Desember 2014", "DATE")),
        ("Muktamar digelar awal Juli nanti.", ("awal Juli", "DATE")),
        ("Sep 12, 2023 - 23:16", ("Sep 12, 2023", "DATE")),
        ("Kyiv, Ukraina 14 Sep 2023 – Recruitment Success Academy", ("14 Sep 2023", "DATE")),
        ("Putin yang pernah bertemu pada 2019 dalam perjalanan terakhir Kim.", ("2019", "DATE")),
        ("setelah mereka bertemu pada tahun 2019 dalam perjalanan", ("tahun 2019", "DATE")),
        ("menyetujui resolusi pada akhir 2017 yang menghukum Korea Utara", ("akhir 2017", "DATE")),
        ("Putin pekan lalu berjanji memperluas hubungan.", ("pekan lalu", "DATE")),
        ("Putin berjanji minggu lalu untuk memperluas hubungan.", ("minggu lalu", "DATE")),
        ("sejak invasi ke Ukraina tahun lalu, dan", ("tahun lalu", "DATE")),
        ("Harga beras naik kemarin di pasar induk.", ("kemarin", "DATE")),
        ("Ikuti kami hari ini di LinkedIn.", ("hari ini", "DATE")),
        ("Rabu 13 Sep 2023 07:09 WIB", ("07:09 WIB", "TIME")),
        ("Gempa terjadi pukul 10.00 WIB di Cianjur.", ("pukul 10.00 WIB", "TIME")),
        ("Layanan buka pukul 08.00-12.00 WIB setiap hari.", ("pukul 08.00-12.00 WIB", "TIME")),
        (
            "Survei dilakukan pada 22-25 Januari 2013 di 33 provinsi.",
            ("22-25 Januari 2013", "DATE"),
        ),
        (
            "Kereta diperkirakan tiba pada sore hari waktu setempat.",
            ("sore hari waktu setempat", "TIME"),
        ),
        ("lalu kembali ke Korea Utara malam harinya, katanya.", ("malam harinya", "TIME")),
        ("Kim telah memasuki Rusia pada Selasa pagi.", ("pagi", "TIME")),
        (
            "kosmodrom Vostochny, yang berjarak lebih dari 1.500 km ke utara",
            ("lebih dari 1.500 km", "QUANTITY"),
        ),
        (
            "persediaan senjata dalam lebih dari 18 bulan perang.",
            ("lebih dari 18 bulan", "QUANTITY"),
        ),
        ("dalam 12 tahun kekuasaannya.", ("12 tahun", "QUANTITY")),
        ("Sebanyak 14 orang tewas dalam kecelakaan itu.", ("14 orang", "QUANTITY")),
        (
            "Anggaran proyek itu mencapai Rp 1,5 triliun tahun depan.",
            ("Rp 1,5 triliun", "QUANTITY"),
        ),
        ("Inflasi turun 50 persen dibandingkan bulan sebelumnya.", ("50 persen", "QUANTITY")),
        (
            "Dia hanya melakukan tujuh perjalanan jauh dari negaranya.",
            ("tujuh perjalanan", "QUANTITY"),
        ),
        ("dan dua kali melintasi perbatasan antar-Korea", ("dua kali", "QUANTITY")),
        (
            "kunjungan pertama Kim ke Rusia dalam hampir empat tahun.",
            ("hampir empat tahun", "QUANTITY"),
        ),
        ("Empat tahun lalu Kim datang ke Vladivostok.", ("Empat tahun lalu", "DATE")),
        (
            "Putin akan hadir di acara Eastern Economic Forum in Vladivostok.",
            ("Eastern Economic Forum", "EVENT"),
        ),
        (
            "Ia dijadwalkan menghadiri sesi pleno Forum Ekonomi Timur, yang berlangsung "
            "hingga Rabu.",
            ("Forum Ekonomi Timur", "EVENT"),
        ),
        ("Jerman menyerah pada akhir Perang Dunia II di Eropa.", ("Perang Dunia II", "EVENT")),
        ("Jokowi hadir di KTT G20 di Bali.", ("KTT G20", "EVENT")),
        ("Pemilu 2014 adalah pemilu terakhir menuju sistem baru.", ("Pemilu 2014", "EVENT")),
        ("Jaraknya 2000 km dari ibu kota.", ("2000 km", "QUANTITY")),
        ("Argentina menjuarai Piala Dunia 2022 di Qatar.", ("Piala Dunia 2022", "EVENT")),
        ("Indonesia meraih medali emas di Asian Games.", ("Asian Games", "EVENT")),
        ("Atlet itu lolos ke Olimpiade Paris 2024 bulan lalu.", ("Olimpiade Paris 2024", "EVENT")),
        (
            "Panitia menggelar Festival Film Indonesia di Jakarta.",
            ("Festival Film Indonesia", "EVENT"),
        ),
        (
            "Para pemimpin berkumpul di Konferensi Tingkat Tinggi ASEAN ke-43.",
            ("Konferensi Tingkat Tinggi ASEAN ke-43", "EVENT"),
        ),
    ],
)
def test_rule_finds_entity(sentence: str, expected: tuple[str, str]) -> None:
    assert expected in _found(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "WPK adalah Partai Pekerja Korea, satu-satunya partai yang berkuasa di negara tertutup.",
        "Korut adalah salah satu dari sedikit negara yang mendukung Rusia.",
        "Empat dari perjalanan tersebut dilakukan ke sekutu politik utama Korut.",
        "Mereka melanjutkan komunikasi dalam format satu lawan satu.",
        "Para pemimpin akan melanjutkan komunikasi dalam format empat mata.",
        "Pandemi Covid-19 melanda dunia.",
        "Ini akan menjadi kunjungan kedua Kim ke Rusia.",
        "kata Kirby dalam konferensi pers Gedung Putih",
        "Pasokan itu dapat digunakan dalam perang Ukraina.",
        "Laporan diterima Badan Pengawas Pemilu (Bawaslu) kemarin.",
        "Pameran dibuka di Jakarta Convention Center, Senayan.",
        "Perusahaan itu pada 2014 kehilangan pangsa pasar.",
        "Ekonomi pada 2007 tumbuh pesat.",
    ],
)
def test_no_quantity_or_event_in_lookalikes(sentence: str) -> None:
    assert not [label for _, label in _found(sentence) if label in ("QUANTITY", "EVENT")]


def test_minggu_as_a_day_and_as_a_week() -> None:
    assert ("Minggu", "DATE") in _found("Ia berangkat pada Minggu dan tiba hari ini.")
    assert ("minggu lalu", "DATE") in _found("Ia berangkat minggu lalu.")


def test_rule_spans_do_not_overlap_and_index_the_text(seed_texts: dict[str, str]) -> None:
    for text in seed_texts.values():
        spans = find_rule_spans(text)
        assert spans
        for left, right in zip(spans, spans[1:], strict=False):
            assert left.end <= right.start
        for span in spans:
            piece = text[span.start : span.end]
            assert piece == piece.strip()


def test_seed_article_rules_in_context(seed_texts: dict[str, str]) -> None:
    found = _found(seed_texts["000_fc9175edbb7cee1d"])
    for expected in [
        ("Rabu 13 Sep 2023", "DATE"),
        ("07:09 WIB", "TIME"),
        ("Rabu (13/9/2023)", "DATE"),
        ("Eastern Economic Forum", "EVENT"),
        ("lebih dari 1.500 km", "QUANTITY"),
        ("tujuh perjalanan", "QUANTITY"),
        ("dua kali", "QUANTITY"),
    ]:
        assert expected in found
    assert not any(text.startswith("satu") for text, _ in found)


def test_rules_version_is_a_stable_fingerprint() -> None:
    assert rules_version() == rules_version()
    assert len(rules_version()) == 10


_PIECES = [
    *"0123456789 .,/:()-\n",
    "Selasa", "Rp", "km", "dua", "pukul", "WIB", "Forum", "Ekonomi", "lebih dari",
    "tahun", "Juli", "Sep", "orang", "Kim", "\u00a0",
]  # fmt: skip


@given(st.lists(st.sampled_from(_PIECES), max_size=40).map("".join))
def test_rule_spans_are_ordered_trimmed_and_in_bounds(text: str) -> None:
    previous_end = 0
    for span in find_rule_spans(text):
        assert previous_end <= span.start < span.end <= len(text)
        piece = text[span.start : span.end]
        assert piece == piece.strip()
        previous_end = span.end


@given(st.text())
def test_rules_never_raise_on_any_text(text: str) -> None:
    find_rule_spans(text)
