"""Repairs of NER spans whose own words show the mistake (on hand-set spans)."""

from __future__ import annotations

import pytest

from newsreader.nlp.rules.repair import repair_entities


@pytest.fixture
def blank(make_doc):
    return make_doc


def _repaired(make_doc, text: str, spans: list[tuple[str, str]]) -> list[tuple[str, str]]:
    doc = make_doc(text)
    ents = []
    for phrase, label in spans:
        start = text.index(phrase)
        span = doc.char_span(start, start + len(phrase), label=label)
        assert span is not None, phrase
        ents.append(span)
    doc.ents = ents
    return [(span.text, span.label_) for span in repair_entities(doc)]


def test_place_run_into_a_person_is_split(blank) -> None:
    text = "kata juru bicara Istana Kremlin Dmitry Peskov kepada wartawan."
    assert _repaired(blank, text, [("Istana Kremlin Dmitry Peskov", "LOC")]) == [
        ("Istana Kremlin", "LOC"),
        ("Dmitry Peskov", "PER"),
    ]
    text = "Pemimpin Korea Utara Kim Jong Un tiba di Rusia."
    assert _repaired(blank, text, [("Korea Utara Kim Jong Un", "LOC")]) == [
        ("Korea Utara", "LOC"),
        ("Kim Jong Un", "PER"),
    ]


def test_title_and_place_in_front_of_a_person_are_dropped(blank) -> None:
    text = "Juru Bicara Kremlin Dmitry Peskov mengatakan itu."
    assert _repaired(blank, text, [("Juru Bicara Kremlin Dmitry Peskov", "PER")]) == [
        ("Dmitry Peskov", "PER")
    ]


def test_organisation_heads_relabel_people_and_places(blank) -> None:
    text = "kata Michael Madden dari Stimson Center di Washington."
    assert _repaired(blank, text, [("Michael Madden", "PER"), ("Stimson Center", "PER")]) == [
        ("Michael Madden", "PER"),
        ("Stimson Center", "ORG"),
    ]
    text = "Ia kuliah di Universitas Indonesia dekat Kantor Presiden dan Stimson Center."
    spans = [
        ("Universitas Indonesia", "PER"),
        ("Kantor Presiden", "LOC"),
        ("Stimson Center", "LOC"),
    ]
    # A person is never an institution; an office is a place in the corpora.
    assert _repaired(blank, text, spans) == [
        ("Universitas Indonesia", "ORG"),
        ("Kantor Presiden", "LOC"),
        ("Stimson Center", "ORG"),
    ]


def test_entity_is_cut_at_a_paragraph_break(blank) -> None:
    text = "Kim Jong Un akan Kunjungi Putin di Rusia\n\nBelum jelas di mana."
    assert _repaired(blank, text, [("Rusia\n\nBelum", "LOC")]) == [("Rusia", "LOC")]


@pytest.mark.parametrize(
    ("text", "phrase", "label"),
    [
        (
            "Pasukan itu dikirim ke Korea Utara Menyatakan Putin Mungkin Mengunjungi hari ini.",
            "Korea Utara Menyatakan Putin Mungkin Mengunjungi",
            "LOC",
        ),
        ("Warga AS Khawatir Korut menjual senjata.", "AS Khawatir Korut", "LOC"),
        ("Ia bekerja di Rusia Federasi Sepakbola.", "Rusia Federasi Sepakbola", "ORG"),
        ("Jordan Henderson bermain baik.", "Jordan Henderson", "PER"),
        ("Delegasi Korea Utara tiba.", "Korea Utara", "LOC"),
    ],
)
def test_spans_without_a_clear_mistake_are_kept(blank, text: str, phrase: str, label: str) -> None:
    assert _repaired(blank, text, [(phrase, label)]) == [(phrase, label)]


def test_known_names_keep_their_label(blank) -> None:
    text = "Rusia dan KCNA melaporkan pertemuan di Moskow."
    spans = [("Rusia", "PER"), ("KCNA", "LOC"), ("Moskow", "PER")]
    assert _repaired(blank, text, spans) == [("Rusia", "LOC"), ("KCNA", "ORG"), ("Moskow", "LOC")]


def test_repeated_mentions_agree_on_the_majority_label(blank) -> None:
    # The same name: three people and one place.
    text = "Madden bicara. Madden setuju. Madden pergi. Madden pulang."
    doc = blank(text)
    starts = [i for i in range(len(text)) if text.startswith("Madden", i)]
    labels = ["PER", "PER", "PER", "LOC"]
    doc.ents = [
        doc.char_span(i, i + 6, label=label) for i, label in zip(starts, labels, strict=True)
    ]
    assert [(s.text, s.label_) for s in repair_entities(doc)] == [("Madden", "PER")] * 4


def test_a_lone_word_of_a_full_name_is_that_person(blank) -> None:
    doc = blank("Presiden Vladimir Putin tiba. Putin lalu berpidato.")
    doc.ents = [doc.char_span(9, 23, label="PER"), doc.char_span(30, 35, label="LOC")]
    assert [(s.text, s.label_) for s in repair_entities(doc)] == [
        ("Vladimir Putin", "PER"),
        ("Putin", "PER"),
    ]


def test_a_split_vote_is_left_alone_and_country_names_may_be_people(blank) -> None:
    doc = blank("Jordan menang. Jordan kalah.")
    doc.ents = [doc.char_span(0, 6, label="PER"), doc.char_span(15, 21, label="LOC")]
    assert [(s.text, s.label_) for s in repair_entities(doc)] == [
        ("Jordan", "PER"),
        ("Jordan", "LOC"),
    ]


def test_common_words_run_on_past_a_name_are_dropped(blank) -> None:
    text = "Washington memperbarui peringatannya dari gedung DPR tentang rudal balistik."
    spans = [("Washington memperbarui", "LOC"), ("gedung DPR", "LOC"), ("rudal balistik", "ORG")]
    # A leading common noun belongs to the name in the corpora's convention;
    # an all-lower-case span is a name typed in lower case, kept as it is.
    assert _repaired(blank, text, spans) == [
        ("Washington", "LOC"),
        ("gedung DPR", "LOC"),
        ("rudal balistik", "ORG"),
    ]
    text = "Delegasi dari Korea selatan dan Vincent van Gogh tiba."
    spans = [("Korea selatan", "LOC"), ("Vincent van Gogh", "PER")]
    assert _repaired(blank, text, spans) == spans
