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


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("ujar Kasat Lantas Polres Subang AKP Rizal Firmansyah di lokasi.", "Rizal Firmansyah"),
        ("Kapolda Metro Jaya Irjen Karyoto menyampaikan hal itu.", "Karyoto"),
        ("Brigjen TNI Hartono hadir di lokasi.", "Hartono"),
        ("kata Direktur Lalu Lintas Polda Jawa Barat Kombes Pol Hendra Wiguna.", "Hendra Wiguna"),
    ],
)
def test_a_rank_names_the_person_after_it(make_doc, text: str, person: str) -> None:
    assert (person, "PER") in _people(make_doc, text, [])


def test_a_capitalised_office_needs_a_known_body_before_the_name(make_doc) -> None:
    text = "Juru Bicara Kremlin Dmitry Peskov mengatakan bahwa kedua pemimpin akan bertemu."
    assert ("Dmitry Peskov", "PER") in _people(make_doc, text, [])
    # No body between: the capitalised words may be the office's portfolio.
    text = "Menteri Koordinator Perekonomian Airlangga Hartarto hadir."
    assert not [p for p in _people(make_doc, text, []) if p[1] == "PER"]
