"""The general word tables behind paraphrase matching, and what they change in alignment."""

from __future__ import annotations

from pathlib import Path

import Sastrawi

from newsreader.compare.lexicon import name_translations, synonyms
from newsreader.compare.terms import sentence_stems

_ROOT_WORDS = Path(Sastrawi.__file__).parent / "Stemmer" / "data" / "kata-dasar.txt"


def _stems(sentence: str) -> set[str]:
    return {s for s in sentence_stems(sentence)[1] if s}


def test_no_english_name_word_is_also_an_indonesian_word() -> None:
    # "air" is water in Indonesian: translating it would corrupt Indonesian names.
    roots = set(_ROOT_WORDS.read_text(encoding="utf-8").split())
    clashes = {en for en, id_ in name_translations().items() if en in roots and en != id_}
    assert clashes == set()


def test_tables_are_small_and_groups_do_not_overlap() -> None:
    table = synonyms()
    assert 0 < len(name_translations()) <= 200
    assert 0 < len(table) <= 200
    # An entry listed in two groups would silently belong to the first only.
    rows = [
        line.split("#", 1)[0].split()
        for line in (Path(__file__).parents[2] / "tui/newsreader/compare/data/synonyms_id.txt")
        .read_text(encoding="utf-8")
        .splitlines()
    ]
    entries = [w for row in rows for w in row]
    assert len(entries) == len(set(entries))


def test_english_and_indonesian_names_share_their_words() -> None:
    english = _stems("Putin akan hadir di acara Eastern Economic Forum di Vladivostok.")
    indonesian = _stems("Ia dijadwalkan menghadiri sesi pleno Forum Ekonomi Timur di Vladivostok.")
    assert {"forum", "ekonomi", "timur"} <= english & indonesian


def test_synonymous_news_verbs_read_as_one_word() -> None:
    died = _stems("Lima orang tewas dalam kecelakaan itu.")
    passed = _stems("Lima orang meninggal dalam kecelakaan itu.")
    assert died == passed
    assert _stems("Polisi membantah kabar itu.") == _stems("Polisi menyangkal kabar itu.")


def test_name_words_are_not_replaced_by_synonyms() -> None:
    # "Masyarakat" inside a name (no ORG span given) stays itself.
    assert "masyarakat" in _stems("Kami bertemu Ketua Forum Masyarakat Jakarta kemarin.")
    assert _stems("Bantuan untuk masyarakat desa.") == _stems("Bantuan untuk warga desa.")
