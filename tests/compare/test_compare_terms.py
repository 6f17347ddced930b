"""Content words: stems, names kept whole, function words and values dropped."""

from __future__ import annotations

from newsreader.compare.terms import sentence_stems, stem


def test_affixed_words_share_their_stem() -> None:
    assert stem("kunjungannya") == stem("kunjungan") == "kunjung"
    assert stem("pertemuan") == stem("bertemu") == "temu"
    assert stem("vladivostok") == "vladivostok"  # no affix: not even looked up


def test_sentence_stems_keep_names_and_drop_function_words() -> None:
    sentence = "Warga Kediri mengungsi dari rumah mereka pada Senin (4/3/2024)."
    date = (sentence.index("Senin"), sentence.index(")") + 1)
    starts, stems = sentence_stems(sentence, masked=[date])
    words = [sentence[s:].split()[0].strip(".") for s in starts]
    found = dict(zip(words, stems, strict=True))
    assert found["Warga"] == "warga"
    assert found["Kediri"] == "kediri"  # a name, not "diri"
    assert found["mengungsi"] == "ungsi"
    assert found["dari"] is None and found["mereka"] is None and found["pada"] is None
    assert found["Senin"] is None  # inside the masked date


def test_sentence_stems_start_after_a_dateline() -> None:
    sentence = "MOSKOW -- Rusia mengonfirmasi kunjungan itu."
    starts, stems = sentence_stems(sentence, start_at=sentence.index("Rusia"))
    assert [s for s in stems if s] == ["rusia", "konfirmasi", "kunjung"]
    assert starts[0] == sentence.index("Rusia")
