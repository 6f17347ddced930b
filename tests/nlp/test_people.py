"""People named after an office the model missed ("kata juru bicara Kremlin Dmitry Peskov")."""

from __future__ import annotations

import pytest

from newsreader.nlp.rules.people import title_cued_people


def _people(make_doc, text: str, spans: list[tuple[str, str]]) -> list[tuple[str, str]]:
    doc = make_doc(text)
    found = []
    for phrase, label in spans:
        start = text.index(phrase)
        found.append(doc.char_span(start, start + len(phrase), label=label))
    return [(span.text, span.label_) for span in title_cued_people(doc, found)]


def test_person_after_office_and_body(make_doc) -> None:
    text = "Kunjungan itu berskala penuh, kata juru bicara Kremlin Dmitry Peskov dalam video."
    assert _people(make_doc, text, [("Kremlin", "LOC")]) == [
        ("Kremlin", "LOC"),
        ("Dmitry Peskov", "PER"),
    ]
    # The body need not be tagged when it is a known name.
    assert ("Dmitry Peskov", "PER") in _people(make_doc, text, [])


def test_person_right_after_an_office(make_doc) -> None:
    text = "Hal itu disampaikan menteri luar negeri Retno Marsudi di Jakarta."
    assert _people(make_doc, text, [("Jakarta", "LOC")]) == [
        ("Retno Marsudi", "PER"),
        ("Jakarta", "LOC"),
    ]


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        # Capitalised titles run into capitalised portfolios.
        ("telah menegur Menteri Koordinator Politik Hukum dan Keamanan.", []),
        ("kata Kepala Staf Angkatan Laut kepada wartawan.", []),
        # A known place after the office is not a person.
        ("kata juru bicara Korea Selatan kepada wartawan.", []),
        # The model's person stays as it is.
        ("ujar Wakil Menteri Luar Negeri Korea Selatan Chang Ho-jin.", [("Chang Ho-jin", "PER")]),
        # One capitalised word is too little to tell a name.
        ("kata juru bicara Kremlin kepada wartawan.", [("Kremlin", "LOC")]),
        ("kata pejabat senior dari Moskow.", [("Moskow", "LOC")]),
    ],
)
def test_no_person_where_the_text_does_not_show_one(
    make_doc, text: str, spans: list[tuple[str, str]]
) -> None:
    assert _people(make_doc, text, spans) == spans
