"""Shared verbatim passages and wire credits."""

from __future__ import annotations

from newsreader.compare.provenance import MIN_SHARED_CHARS, shared_passages, wire_credits
from newsreader.corpus.article import Article

WIRE_COPY = (
    "Akan ada negosiasi antara dua delegasi, dan setelah itu, jika perlu, para pemimpin akan "
    "melanjutkan komunikasi mereka dalam format empat mata, kata juru bicara itu kepada wartawan."
)


def test_copied_paragraph_is_found_with_its_length() -> None:
    a = "Kim tiba di Rusia pada Selasa pagi. " + WIRE_COPY + " Ia kemudian kembali."
    b = "Laporan lain menyebut hal berbeda sama sekali. " + WIRE_COPY
    c = "Banjir melanda Pesisir Selatan dan ribuan warga mengungsi ke sekolah terdekat."
    found = shared_passages(["a", "b", "c"], [a, b, c])
    assert len(found) == 1
    assert found[0].articles == ("a", "b")
    assert found[0].chars == len(WIRE_COPY) - 1  # the final period is not a word
    assert found[0].longest == WIRE_COPY[:-1]


def test_short_coincidences_are_not_copies() -> None:
    a = "Presiden mengatakan bahwa kerja sama kedua negara akan terus diperkuat tahun ini."
    b = "Menteri mengatakan bahwa kerja sama kedua negara akan terus diperkuat ke depan."
    found = shared_passages(["a", "b"], [a, b])
    assert found == [] or all(p.chars >= MIN_SHARED_CHARS for p in found)
    assert found == []


def test_wire_credits_from_metadata_credit_lines_and_attribution() -> None:
    text = (
        "Dikutip Reuters, media pemerintah melaporkan kunjungan itu. "
        "JAKARTA (ANTARA) - Pemerintah menyiapkan bantuan. "
        "Putin tiba di Vladivostok, kata kantor berita Rusia TASS. "
        "Jalan kaki ke kantor AP hanya contoh kata, bukan kredit."
    )
    article = Article(id="w", path="w.txt", text=text, wire="Reuters")
    found = [(c.wire, c.evidence) for c in wire_credits(article)]
    assert found == [
        ("Reuters", "metadata"),
        ("Reuters", "credit"),
        ("Antara", "credit"),
        ("TASS", "attribution"),
    ]


def test_lower_case_words_are_not_agencies() -> None:
    article = Article(id="x", path="x.txt", text="Ia berkata ap dan afp bukan nama di sini.")
    assert wire_credits(article) == []
