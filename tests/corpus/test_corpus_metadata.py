"""Dates, outlets, datelines, headlines and the cleaning rules on lines beyond the seeds."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsreader.corpus import article_from_text, load
from newsreader.corpus.dates import Stamp, normalise_date, parse_date_line
from newsreader.corpus.metadata import Dateline, looks_like_headline, parse_dateline
from newsreader.corpus.outlets import normalise_outlet, normalise_wire
from newsreader.corpus.wrap import unwrap


@pytest.mark.parametrize(
    ("line", "stamp"),
    [
        ("Rabu 13 Sep 2023 07:09 WIB", Stamp("2023-09-13", "07:09", "WIB")),
        ("Sep 12, 2023\u00a0-\u00a023:16", Stamp("2023-09-12", "23:16")),
        ("Sep 12, 2023 - 23:16", Stamp("2023-09-12", "23:16")),
        ("Selasa (12/9/2023)", Stamp("2023-09-12")),
        ("Jumat, 1 Desember 2023 | 14.05 WITA", Stamp("2023-12-01", "14:05", "WITA")),
        ("Diterbitkan: Ahad, 10 Agt 2023 20:00 WIT", Stamp("2023-08-10", "20:00", "WIT")),
        ("Published on March 3, 2024 at 10:15 GMT+7", Stamp("2024-03-03", "10:15", "GMT+7")),
        ("September 12, 2023 10:15 AM UTC", Stamp("2023-09-12", "10:15", "UTC")),
        ("Sep 1, 2023 12:05 a.m.", Stamp("2023-09-01", "00:05")),
        ("Sep 1, 2023 3:05 PM", Stamp("2023-09-01", "15:05")),
        ("Sep 1, 2023 13:05 PM", None),
        ("Minggu, 5 Mei 2024", Stamp("2024-05-05")),
        ("Kompas.com - 12/09/2023, 14:30 WIB", Stamp("2023-09-12", "14:30", "WIB", "Kompas.com")),
        ("12.09.2023", Stamp("2023-09-12")),
        ("2023-09-12T10:00", Stamp("2023-09-12", "10:00")),
        ("12/31/2023", Stamp("2023-12-31")),
        ("31 Februari 2023", None),
        ("Pemimpin Korea tiba pada 12 Sep 2023", None),
        ("Rabu", None),
        ("", None),
    ],
)
def test_parse_date_line(line: str, stamp: Stamp | None) -> None:
    assert parse_date_line(line) == stamp


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("Rabu 13 Sep 2023", "2023-09-13"),
        ("13 Okt 2023", "2023-10-13"),
        ("13 Nopember 2023", "2023-11-13"),
        ("Agu 17, 1945", "1945-08-17"),
        ("December 25, 2022", "2022-12-25"),
        ("pada Senin (11/9/23) malam", "2023-09-11"),
        ("2023-09-12T10:00:00+07:00", "2023-09-12"),
        ("tanpa tanggal", None),
        ("99/99/2023", None),
    ],
)
def test_normalise_date(text: str, iso: str | None) -> None:
    assert normalise_date(text) == iso


@pytest.mark.parametrize(
    ("raw", "name"),
    [
        ("REPUBLIKA.CO.ID", "Republika"),
        ("NUSADAILY.COM", "Nusadaily"),
        ("KOMPAS.com", "Kompas"),
        ("Liputan6.com", "Liputan6"),
        ("detikNews", "Detik"),
        ("news.detik.com", "Detik"),
        ("https://www.cnnindonesia.com/", "CNN Indonesia"),
        ("CNBC Indonesia", "CNBC Indonesia"),
        ("TEMPO.CO", "Tempo"),
        ("antaranews.com", "Antara"),
        ("iNews.id", "iNews"),
        ("Kompas.com - Berita Terkini", "Kompas"),
        ("harianbaru.net", "Harianbaru"),
        ("SuaraKita", "SuaraKita"),
        ("  ", None),
    ],
)
def test_normalise_outlet(raw: str, name: str | None) -> None:
    assert normalise_outlet(raw) == name


@pytest.mark.parametrize(
    ("raw", "name"),
    [
        ("Reuters", "Reuters"),
        ("reuters", "Reuters"),
        ("AP/AFP", "AP, AFP"),
        ("Associated Press dan Antara", "AP, Antara"),
        ("Kompas.com", "Kompas"),
        ("NHK", "NHK"),
    ],
)
def test_normalise_wire(raw: str, name: str) -> None:
    assert normalise_wire(raw) == name


@pytest.mark.parametrize(
    ("line", "dateline"),
    [
        ("REPUBLIKA.CO.ID, MOSKOW -- Pemimpin", Dateline("Moskow", "Republika")),
        ("NUSADAILY.COM \u2013 MOSKOW \u2013 Rusia", Dateline("Moskow", "Nusadaily")),
        ("MOSKOW \u2013 Pemimpin Korea", Dateline("Moskow")),
        ("JAKARTA, KOMPAS.com - Presiden", Dateline("Jakarta", "Kompas")),
        ("Liputan6.com, Jakarta - Presiden", Dateline("Jakarta", "Liputan6")),
        ("Jakarta, CNN Indonesia -- Presiden", Dateline("Jakarta", "CNN Indonesia")),
        ("NEW YORK (Reuters) \u2014 Harga minyak", Dateline("New York", None, "Reuters")),
        ("MOSCOW/SEOUL, Sept 12 (Reuters) - North Korean", Dateline("Moscow", None, "Reuters")),
        ("PORT-AU-PRINCE -- Gempa", Dateline("Port-Au-Prince")),
        ("Jakarta - Presiden", Dateline("Jakarta", weak=True)),
        ("Menurut Putin - kata", None),  # several title-case words alone: maybe a sentence
        ("Jakarta (ANTARA) - Presiden", Dateline("Jakarta", None, "Antara")),
        ("WASHINGTON, D.C. -- The", Dateline("Washington")),
        ("AS, Jepang dan Korea Selatan telah lama mengatakan", None),
        ("Kim Jong Un, pemimpin Korea Utara - tiba", None),
        ("MOSKOW --", None),
        ("Suara.com - Presiden membuka pameran", Dateline(None, "Suara")),
        ("VIVA – Presiden membuka pameran", Dateline(None, "Viva")),
        ("Suara.com, Presiden membuka pameran", None),
        ("SEMARANG, suaramerdeka.com - Hujan", Dateline("Semarang", "Suaramerdeka")),
        # A host in capitals after the city is the outlet, not a region.
        ("BANDUNG, HARIANPRIANGAN.COM -- Enam", Dateline("Bandung", "Harianpriangan")),
        ("MAKASSAR, TRIBUN-TIMUR.COM - Hujan", Dateline("Makassar", "Tribunnews")),
        ("Pemimpin Korea Utara tiba di Rusia.", None),
    ],
)
def test_parse_dateline(line: str, dateline: Dateline | None) -> None:
    assert parse_dateline(line) == dateline


@pytest.mark.parametrize(
    ("line", "headline"),
    [
        ("Kim Jong Un akan Kunjungi Putin di Rusia, Boyong 'Delegasi Senjata'", True),
        ("Apakah Putin Akan ke Pyongyang?", True),
        ("MOSKOW – Pemimpin Korea Utara tiba di Rusia", False),
        ("Pemimpin Korea Utara tiba di Rusia.", False),
        ("Kim tiba. Putin menyambut", False),
        ("Baca:", False),
        ("Satu", False),
        ("kata " * 40, False),
    ],
)
def test_looks_like_headline(line: str, headline: bool) -> None:
    assert looks_like_headline(line.strip()) is headline


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("ADVERTISEMENT", "ad"),
        ("- Advertisement -", "ad"),
        ("Scroll to continue with content", "ad"),
        ("[Iklan]", "ad"),
        ("Baca juga: Harga beras naik lagi", "related"),
        ("BACA JUGA : Harga beras naik lagi", "related"),
        ("Read also: Oil prices rise", "related"),
        ("Berita Terkait", "related"),
        ("More stories", "related"),
        ("Tags: politik, korea", "related"),
        ("Ikuti kami di Google News", "social"),
        ("Sumber: AP", "wire"),
        ("Reporter: Siti Aminah", "credit"),
        ("Penulis: Siti Aminah | Editor: Budi", "credit"),
        ("Editor: Budi Santoso", "credit"),
        ("With reporting by Jane Doe and John Roe.", "credit"),
        ("(ant)", "credit"),
        ("(Siti Aminah)", "credit"),
        ("Photo: Jane Doe/AP", "caption"),
        ("Presiden berpidato di Istana. (ANTARA FOTO/Hafidz Mubarak A/rwa)", "caption"),
        ("AFP-UKRAINE-RUSSIA-CONFLICT-WAR", "caption"),
        ("Copyright © 2023 Kompas", "footer"),
        ("Home > Internasional > Asia", "navigation"),
        ("https://www.example.id/berita/123", "link"),
        ("KOMPAS.com", "metadata"),
        ("Laporan Wartawan Tribunnews.com, Fersianus Waku", "credit"),
    ],
)
def test_rule_kinds_on_boilerplate(line: str, kind: str) -> None:
    text = f"JAKARTA -- Presiden membuka pameran buku.\n\n{line}\n\nPameran dibuka hingga Minggu."
    article = article_from_text(text)
    assert [(r.kind, r.text) for r in article.removed] == [(kind, line)]
    assert article.paragraphs == [
        "JAKARTA -- Presiden membuka pameran buku.",
        "Pameran dibuka hingga Minggu.",
    ]


@pytest.mark.parametrize(
    "line",
    [
        "Red Square dipenuhi turis pada hari Senin.",
        "Sumber daya alam Rusia sangat besar.",
        "Oleh karena itu, pemerintah menunda rencana tersebut.",
        "By the end of the week the talks had stalled.",
        "Kim dan Putin (keduanya pemimpin negara) bertemu.",
        "Foto-foto pertemuan itu beredar luas di media sosial.",
        "Iklan politik dilarang selama masa tenang.",
        "COVID-19 masih menjadi perhatian.",
    ],
)
def test_body_lines_that_resemble_boilerplate_are_kept(line: str) -> None:
    article = article_from_text(f"JAKARTA -- Presiden membuka pameran buku.\n\n{line}")
    assert article.removed == ()
    assert article.paragraphs[-1] == line


def test_teaser_cuts_everything_after_it_but_not_a_leading_marker() -> None:
    article = article_from_text(
        "Previous Post\n\nJAKARTA -- Isi berita.\n\nKalimat kedua.\n\nArtikel Selanjutnya\n\n"
        "Judul lain\n\nIsi lain yang bukan artikel ini."
    )
    assert article.paragraphs == ["JAKARTA -- Isi berita.", "Kalimat kedua."]
    assert [r.kind for r in article.removed] == ["teaser"] * 4


def test_caption_repeated_around_a_credit_goes_entirely() -> None:
    caption = "Warga mengantre bantuan di posko banjir, Senin (4/3/2024)."
    article = article_from_text(
        f"JAKARTA -- Banjir melanda.\n\n{caption}\nFoto: Budi/Antara\n{caption}\n\nWarga mengungsi."
    )
    assert article.paragraphs == ["JAKARTA -- Banjir melanda.", "Warga mengungsi."]
    assert [r.kind for r in article.removed] == ["caption"] * 3


def test_repeated_body_line_keeps_the_first_copy() -> None:
    line = "Presiden meminta semua pihak menahan diri."
    article = article_from_text(
        f"Isi pertama berita.\n\n{line}\n\nLalu sesuatu.\n\n{line}\n\nYa.\n\nYa."
    )
    assert article.paragraphs == ["Isi pertama berita.", line, "Lalu sesuatu.", "Ya.", "Ya."]
    assert [r.kind for r in article.removed] == ["duplicate"]


def test_body_without_title_or_dateline_keeps_every_line() -> None:
    text = "Presiden membuka pameran buku.\n\nPameran berlangsung seminggu."
    article = article_from_text(text)
    assert (article.title, article.summary, article.removed) == (None, None, ())
    assert article.text == text


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Presiden mengatakan bahwa pertemuan itu akan digelar di Jakarta pada pekan depan "
         "dan dihadiri oleh para menteri yang telah diundang.", "id"),
        ("The president said that the meeting would be held in Jakarta next week and was to "
         "be attended by the ministers who had been invited.", "en"),
        ("Kim said \"the talks were a success\" kata KCNA, yang dikutip oleh media di Seoul "
         "dan Tokyo pada hari Rabu.", "id"),
        ("", "id"),
    ],
)  # fmt: skip
def test_article_language(text: str, language: str) -> None:
    assert article_from_text(text).language == language


ENGLISH_WIRE_STORY = """North Korea's Kim arrives in Russia for talks with Putin

By Guy Faulconbridge and Josh Smith

September 12, 2023 10:15 AM GMT+7

MOSCOW/SEOUL, Sept 12 (Reuters) - North Korean leader Kim Jong Un arrived in Russia on \
Tuesday. He travelled by armoured train.

ADVERTISEMENT

Scroll to continue

The Kremlin said the visit would be a full-fledged one.

Read more: Kim leaves Pyongyang

"We will keep strengthening our friendship," Peskov said.

(Reporting by Guy Faulconbridge in Moscow and Josh Smith in Seoul; Editing by Alex Richardson)

Our Standards: The Thomson Reuters Trust Principles.
"""


def test_english_wire_story() -> None:
    article = article_from_text(ENGLISH_WIRE_STORY)
    assert article.title == "North Korea's Kim arrives in Russia for talks with Putin"
    assert (article.byline, article.date, article.time, article.timezone) == (
        "Guy Faulconbridge and Josh Smith",
        "2023-09-12",
        "10:15",
        "GMT+7",
    )
    assert (article.dateline, article.wire, article.outlet, article.language) == (
        "Moscow",
        "Reuters",
        None,
        "en",
    )
    assert [p[:20] for p in article.paragraphs] == [
        "MOSCOW/SEOUL, Sept 1",
        "The Kremlin said the",
        '"We will keep streng',
    ]
    assert [r.kind for r in article.removed] == [
        "metadata", "credit", "metadata", "ad", "ad", "related", "credit", "footer",
    ]  # fmt: skip


WRAPPED = """Banjir Melanda Jakarta Utara

JAKARTA -- Hujan deras yang turun sejak Senin malam membuat
sungai di utara kota meluap dan merendam ribuan rumah warga
hingga setinggi satu meter, kata petugas.

Petugas BPBD mengatakan sebagian warga sudah mengungsi ke
masjid dan sekolah terdekat, sementara dapur umum dibuka di
kantor kelurahan sejak Selasa pagi.

Baca juga: Banjir tahun lalu
Advertisement
Sumber: Antara
"""


def test_hard_wrapped_text_is_joined_into_paragraphs(tmp_path: Path) -> None:
    path = tmp_path / "wrapped.txt"
    path.write_text(WRAPPED, encoding="utf-8")
    (article,) = load([path]).articles
    assert article.title == "Banjir Melanda Jakarta Utara"
    assert article.paragraphs == [
        "JAKARTA -- Hujan deras yang turun sejak Senin malam membuat sungai di utara kota "
        "meluap dan merendam ribuan rumah warga hingga setinggi satu meter, kata petugas.",
        "Petugas BPBD mengatakan sebagian warga sudah mengungsi ke masjid dan sekolah "
        "terdekat, sementara dapur umum dibuka di kantor kelurahan sejak Selasa pagi.",
    ]
    assert [r.kind for r in article.removed] == ["metadata", "related", "ad", "wire"]
    assert article.wire == "Antara"


def test_one_paragraph_per_line_is_not_joined() -> None:
    text = "\n".join(
        f"Kalimat nomor {i} tentang banjir yang melanda kota pada pekan ini." for i in range(5)
    )
    assert unwrap(text) == text


KOMPAS_STYLE = """Presiden Resmikan Bendungan Baru di Jawa Tengah
Kompas.com - 12/09/2023, 14:30 WIB
Penulis Ahmad Naufal | Editor Sabrina Asril
Lihat Foto
Presiden meresmikan bendungan di Jawa Tengah, Selasa. (KOMPAS.com/ANDREAS LUKAS ALTOBELI)
SEMARANG, KOMPAS.com - Presiden meresmikan bendungan baru di Jawa Tengah pada Selasa.
Bendungan itu diharapkan mengairi ribuan hektare sawah.
Baca juga: Bendungan lain segera rampung
Simak breaking news dan berita pilihan kami langsung di ponselmu.
"""
DETIK_STYLE = """Selasa, 12 Sep 2023 14:30 WIB
Harga Beras Naik Lagi di Pasar Tradisional
Jakarta - Harga beras di sejumlah pasar tradisional kembali naik pekan ini.
Pedagang mengatakan pasokan dari daerah berkurang.
(abc/def)
"""


def test_kompas_style_page_text() -> None:
    article = article_from_text(KOMPAS_STYLE)
    assert (article.title, article.outlet, article.date, article.time) == (
        "Presiden Resmikan Bendungan Baru di Jawa Tengah",
        "Kompas",
        "2023-09-12",
        "14:30",
    )
    assert (article.byline, article.editor, article.dateline) == (
        "Ahmad Naufal",
        "Sabrina Asril",
        "Semarang",
    )
    assert article.paragraphs == [
        "SEMARANG, KOMPAS.com - Presiden meresmikan bendungan baru di Jawa Tengah pada Selasa.",
        "Bendungan itu diharapkan mengairi ribuan hektare sawah.",
    ]
    assert [r.kind for r in article.removed] == [
        "metadata", "metadata", "credit", "caption", "caption", "related", "social",
    ]  # fmt: skip


def test_detik_style_page_text() -> None:
    article = article_from_text(DETIK_STYLE)
    assert (article.title, article.date, article.dateline, article.outlet) == (
        "Harga Beras Naik Lagi di Pasar Tradisional",
        "2023-09-12",
        "Jakarta",
        None,
    )
    assert len(article.paragraphs) == 2
    assert [r.kind for r in article.removed] == ["metadata", "metadata", "credit"]


def test_outlet_and_byline_from_a_reporter_credit_line() -> None:
    article = article_from_text(
        "Laporan Wartawan Tribunnews.com, Fersianus Waku\n\n"
        "Presiden membuka pameran buku di Jakarta.\n\nPameran berlangsung seminggu."
    )
    assert (article.outlet, article.byline) == ("Tribunnews", "Fersianus Waku")
    assert article.paragraphs == [
        "Presiden membuka pameran buku di Jakarta.",
        "Pameran berlangsung seminggu.",
    ]


def test_outlet_from_a_header_line_naming_only_the_host() -> None:
    article = article_from_text("KOMPAS.com\n\nJudul Berita Hari Ini\n\nIsi berita.\n\nLagi.")
    assert (article.outlet, article.title) == ("Kompas", "Judul Berita Hari Ini")


def test_section_label_above_the_headline() -> None:
    article = article_from_text(
        "Internasional\n\nKim Tiba di Rusia Naik Kereta\n\nMOSKOW -- Kim tiba.\n\nIa disambut."
    )
    assert article.title == "Kim Tiba di Rusia Naik Kereta"
    assert article.paragraphs == ["MOSKOW -- Kim tiba.", "Ia disambut."]
    assert [(r.kind, r.text) for r in article.removed] == [
        ("metadata", "Internasional"),
        ("metadata", "Kim Tiba di Rusia Naik Kereta"),
    ]


def test_one_word_first_line_without_a_headline_is_body() -> None:
    article = article_from_text("Innalillahi\n\nKami berduka atas kepergian beliau.\n\nSelesai.")
    assert article.title is None
    assert article.paragraphs[0] == "Innalillahi"


def test_weak_dateline_only_opens_the_body() -> None:
    text = (
        "Judul Berita Hari Ini\n\nPresiden membuka pameran buku pada Senin pagi.\n\n"
        "Namun - seperti biasa - acara itu molor satu jam."
    )
    article = article_from_text(text)
    assert article.dateline is None
    assert article.summary is None
    assert len(article.paragraphs) == 2
