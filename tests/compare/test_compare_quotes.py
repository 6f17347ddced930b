"""Who is quoted: speaker side by verb kind, pronoun forms, verbatim vs paraphrase."""

from __future__ import annotations

from compare_samples import make_article

from newsreader.compare import build
from newsreader.compare.quotes import attribute
from newsreader.compare.units import article_units
from newsreader.nlp.annotation import Entity

PESKOV = ("Dmitry Peskov", "PER", "Dmitry Peskov")
PUTIN = ("Vladimir Putin", "PER", "Vladimir Putin")
KREMLIN = ("Kremlin", "ORG", "Kremlin")


def _entities(sentence: str, specs: list[tuple[str, str, str]]) -> list[Entity]:
    return [
        Entity(sentence.index(s), sentence.index(s) + len(s), s, label, canonical)
        for s, label, canonical in specs
        if s in sentence
    ]


def test_kata_puts_the_speaker_after_the_verb() -> None:
    s = '"Ini akan menjadi kunjungan penuh," kata juru bicara Kremlin Dmitry Peskov.'
    att = attribute(s, _entities(s, [PESKOV, KREMLIN]))
    assert att is not None
    assert att.speaker == "Dmitry Peskov"
    assert att.verbatim
    assert att.quoted == "Ini akan menjadi kunjungan penuh,"


def test_me_verb_puts_the_speaker_before_and_ignores_who_comes_after_bahwa() -> None:
    s = "Dmitry Peskov mengatakan bahwa Vladimir Putin akan memimpin delegasi."
    att = attribute(s, _entities(s, [PESKOV, PUTIN]))
    assert att is not None and att.speaker == "Dmitry Peskov"
    assert not att.verbatim


def test_organisation_speaks_when_no_person_is_named() -> None:
    s = "Kremlin menyatakan bahwa pertemuan akan berlangsung pekan depan."
    att = attribute(s, _entities(s, [KREMLIN]))
    assert att is not None and att.speaker == "Kremlin"


def test_adjective_jelas_is_not_a_reporting_verb() -> None:
    s = "Belum jelas di mana Vladimir Putin akan bertemu dengan delegasi itu."
    assert attribute(s, _entities(s, [PUTIN])) is None


def test_words_inside_the_quote_are_not_the_speaker() -> None:
    s = '"Vladimir Putin akan datang," kata Dmitry Peskov.'
    att = attribute(s, _entities(s, [PUTIN, PESKOV]))
    assert att is not None and att.speaker == "Dmitry Peskov"


def test_ujarnya_resolves_to_the_previous_speaker() -> None:
    text = (
        "Menurut Dmitry Peskov, delegasi akan bertemu di Moskow. "
        '"Ketika saya sampai di sana, Anda akan tahu," ujarnya.'
    )
    item = make_article("q1", text, [PESKOV])
    units = article_units(item, 0)
    assert [u.speaker for u in units] == ["Dmitry Peskov", "Dmitry Peskov"]
    assert units[1].attribution is not None and units[1].attribution.pronoun


def test_story_quotes_list_speaker_outlet_and_kind() -> None:
    text = (
        '"Kami akan terus memperkuat persahabatan kami," kata Dmitry Peskov. '
        "Menurut Dmitry Peskov, topik utama pembicaraan adalah hubungan bilateral."
    )
    comparison = build([make_article("q2", text, [PESKOV], outlet="Kompas")])
    quotes = comparison.stories[0].quotes
    assert [(q.speaker, q.outlet, q.verbatim) for q in quotes] == [
        ("Dmitry Peskov", "Kompas", True),
        ("Dmitry Peskov", "Kompas", False),
    ]
    assert quotes[0].text == "Kami akan terus memperkuat persahabatan kami,"


def test_pronoun_after_an_unnamed_speaker_stays_unnamed() -> None:
    text = (
        '"Ini akan menjadi kunjungan penuh," kata Dmitry Peskov. '
        "Pejabat AS mengatakan bahwa pembicaraan senjata mengalami kemajuan. "
        "Menurutnya, kedua pemimpin akan membahas pasokan senjata."
    )
    units = article_units(make_article("q3", text, [PESKOV]), 0)
    assert [u.speaker for u in units] == ["Dmitry Peskov", None, None]


def test_speaker_must_stand_next_to_menurut() -> None:
    s = "Menurut pejabat itu, Vladimir Putin akan datang ke Vladivostok pekan depan."
    att = attribute(s, _entities(s, [PUTIN]))
    assert att is not None and att.speaker is None


def test_end_of_a_quote_opened_in_the_previous_sentence_is_verbatim() -> None:
    s = "Akan ada negosiasi antara dua delegasi,” kata juru bicara Kremlin Dmitry Peskov."
    att = attribute(s, _entities(s, [PESKOV, KREMLIN]))
    assert att is not None and att.verbatim and att.speaker == "Dmitry Peskov"
    assert att.quoted == "Akan ada negosiasi antara dua delegasi,"
    plain = "Harga beras naik lagi di pasar induk, kata pedagang."
    att = attribute(plain, [])
    assert att is not None and not att.verbatim


def test_the_attribution_clause_spans_verb_and_speaker_with_title() -> None:
    basarnas = ("Basarnas", "ORG", "Basarnas")
    budi = ("Budi Santoso", "PER", "Budi Santoso")
    after = "Evakuasi dihentikan karena cuaca buruk, kata Kepala Basarnas Budi Santoso."
    att = attribute(after, _entities(after, [basarnas, budi]))
    assert att is not None and att.clause is not None
    assert after[att.clause[0] : att.clause[1]] == "kata Kepala Basarnas Budi Santoso"
    before = "Budi Santoso mengatakan bahwa evakuasi dilanjutkan besok pagi."
    att = attribute(before, _entities(before, [budi]))
    assert att is not None and att.clause is not None
    assert before[att.clause[0] : att.clause[1]] == "Budi Santoso mengatakan"


def test_a_long_title_after_a_closing_quote_still_leads_to_the_speaker() -> None:
    hendra = ("Hendra Wiguna", "PER", "Hendra Wiguna")
    polda = ("Polda Jawa Barat", "ORG", "Polda Jawa Barat")
    s = (
        '"Dugaan sementara, pengemudi bus mengantuk," kata Direktur Lalu Lintas '
        "(Dirlantas) Polda Jawa Barat Kombes Hendra Wiguna di Bandung."
    )
    att = attribute(s, _entities(s, [hendra, polda]))
    assert att is not None and att.speaker == "Hendra Wiguna"
    assert att.clause is not None
    # All that follows "kata" says who spoke, not what was said.
    assert s[att.clause[0] :] == s[s.index("kata") :]
