"""Sentence splitting on real news prose: abbreviations, numbers, quotes, glued periods."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsreader.nlp.sentences import split_sentences


def _texts(text: str) -> list[str]:
    return [text[s.start : s.end] for s in split_sentences(text)]


@pytest.mark.parametrize(
    "text",
    [
        "Ini kata Mr. Putin kepada Dr. Budi dan Prof. Ani di kantor.",
        "Surat itu a.n. Budi Santoso, S.H. dan dikirim ke Jl. Sudirman No. 5 kemarin.",
        "Dia bertemu M. Yusuf dan H. Agus di Jakarta.",
        "Jaraknya lebih dari 1.500 km dan biayanya Rp1.5 juta.",
        "Berita lengkap ada di Republika.co.id setiap hari.",
        "Mereka membeli beras, gula, minyak, dll. untuk warga.",
        "Kunjungan ke Federasi Rusia… merupakan wujud nyata sikap pemerintah.",
    ],
)
def test_abbreviations_numbers_and_domains_do_not_split(text: str) -> None:
    assert _texts(text) == [text]


def test_quote_with_attribution_stays_one_sentence() -> None:
    text = (
        "“Saat menerapkan hubungan kami dengan tetangga kami, kepentingan kedua negara "
        "penting bagi kami,” kata Peskov seperti dikutip media Rusia. Korut adalah sekutu."
    )
    assert _texts(text) == [
        "“Saat menerapkan hubungan kami dengan tetangga kami, kepentingan kedua negara "
        "penting bagi kami,” kata Peskov seperti dikutip media Rusia.",
        "Korut adalah sekutu.",
    ]


def test_period_inside_closing_quote_ends_the_sentence() -> None:
    text = 'Putin menyebut pembicaraan itu "peristiwa yang menandai zaman." Kim lalu berangkat.'
    assert _texts(text) == [
        'Putin menyebut pembicaraan itu "peristiwa yang menandai zaman."',
        "Kim lalu berangkat.",
    ]


def test_quote_ending_in_period_followed_by_lowercase_attribution_stays() -> None:
    text = "“Kami siap.” kata dia kepada wartawan. Lalu dia pergi."
    assert _texts(text) == ["“Kami siap.” kata dia kepada wartawan.", "Lalu dia pergi."]


def test_missing_space_after_period_splits_before_capital() -> None:
    text = "“Ini akan menjadi kunjungan penuh.Akan ada negosiasi antara dua delegasi,” kata Peskov."
    assert _texts(text) == [
        "“Ini akan menjadi kunjungan penuh.",
        "Akan ada negosiasi antara dua delegasi,” kata Peskov.",
    ]


def test_ellipsis_splits_only_before_a_new_sentence() -> None:
    assert _texts("Dia menunggu... dan menunggu. Lalu pulang... Besok kembali.") == [
        "Dia menunggu... dan menunggu.",
        "Lalu pulang...",
        "Besok kembali.",
    ]


def test_paragraph_breaks_always_end_a_sentence() -> None:
    text = (
        "Baca Juga\n\nKim tiba di Rusia\n\nDelegasi Pejabat Pertahanan\nDelegasi Korea Utara tiba."
    )
    assert _texts(text) == [
        "Baca Juga",
        "Kim tiba di Rusia",
        "Delegasi Pejabat Pertahanan",
        "Delegasi Korea Utara tiba.",
    ]


def test_hard_wrapped_lines_are_joined() -> None:
    text = "Pemimpin Korea Utara itu tiba\ndi stasiun Khasan pada pagi hari. Dia disambut."
    assert _texts(text) == [
        "Pemimpin Korea Utara itu tiba\ndi stasiun Khasan pada pagi hari.",
        "Dia disambut.",
    ]


def test_offsets_index_the_text_and_are_trimmed(seed_texts: dict[str, str]) -> None:
    for text in seed_texts.values():
        sentences = split_sentences(text)
        assert sentences, "every seed has sentences"
        previous_end = 0
        for sentence in sentences:
            piece = text[sentence.start : sentence.end]
            assert piece == piece.strip() and piece
            assert sentence.start >= previous_end
            previous_end = sentence.end


def test_seed_article_splits_where_a_reader_would(seed_texts: dict[str, str]) -> None:
    text = seed_texts["003_a9307b54b66cf66b"]
    sentences = _texts(text)
    assert (
        "Kim meninggalkan Pyongyang menuju Rusia pada Ahad (10/9/2023) lalu dengan "
        "menggunakan kereta pribadinya, sebagaimana dilaporkan media pemerintah Korut pada Selasa."
    ) in sentences
    assert (
        '"Ini akan menjadi kunjungan penuh," kata juru bicara Kremlin Dmitry Peskov.' in sentences
    )
    assert "Kereta yang membawa Kim telah tiba di stasiun Khasan." in sentences
    # The quote with "..." inside runs on to its attribution.
    assert any(
        s.startswith('"Kami, tentu saja,') and s.endswith("kepada para wartawan.")
        for s in sentences
    )


@given(st.text())
def test_never_raises_and_offsets_are_ordered(text: str) -> None:
    previous_end = 0
    for sentence in split_sentences(text):
        assert previous_end <= sentence.start < sentence.end <= len(text)
        assert not text[sentence.start].isspace() and not text[sentence.end - 1].isspace()
        previous_end = sentence.end
