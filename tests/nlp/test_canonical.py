"""Canonical names within an article and across a story."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsreader.corpus.article import Article
from newsreader.nlp.annotation import AnnotatedArticle, Annotation, Entity
from newsreader.nlp.canonical import canonical_entities, canonical_form, canonicalize, name_key


def _entity(text: str, label: str = "PER") -> Entity:
    return Entity(0, len(text), text, label, text)


def _article(
    article_id: str, *mentions: tuple[str, str], date: str | None = None
) -> AnnotatedArticle:
    text = " ".join(mention for mention, _ in mentions)
    entities: list[Entity] = []
    position = 0
    for mention, label in mentions:
        entities.append(Entity(position, position + len(mention), mention, label, mention))
        position += len(mention) + 1
    article = Article(id=article_id, path=f"{article_id}.txt", text=text, date=date)
    return AnnotatedArticle(article, Annotation(entities=tuple(entities)))


@pytest.mark.parametrize(
    "variants",
    [
        ["Korut", "Korea Utara", "DPRK", "North Korea", "Republik Rakyat Demokratis Korea"],
        ["AS", "Amerika Serikat", "US", "USA", "United States", "U.S."],
        ["Moskow", "Moscow"],
        ["Rusia", "Russia", "Federasi Rusia"],
        ["PBB", "Perserikatan Bangsa-Bangsa", "United Nations"],
        ["Korsel", "Korea Selatan", "South Korea"],
        ["Beijing", "Peking"],
    ],
)
def test_place_and_organisation_variants_share_one_name(variants: list[str]) -> None:
    assert len({canonical_form(text, "LOC") for text in variants}) == 1
    assert len({canonical_form(text, "ORG") for text in variants}) == 1


def test_countries_come_from_babel_in_indonesian() -> None:
    # Not in the alias file: Babel supplies the Indonesian name and the English one.
    assert canonical_form("Germany", "LOC") == canonical_form("Jerman", "LOC") == "Jerman"
    assert canonical_form("Brazil", "LOC") == "Brasil"
    assert canonical_form("FR", "LOC") == "Prancis"


def test_unknown_names_are_kept_as_written() -> None:
    assert canonical_form("Stimson Center", "ORG") == "Stimson Center"
    assert canonical_form("  Vostochny ", "LOC") == "Vostochny"


def test_name_key_ignores_hyphens_case_and_periods() -> None:
    assert name_key("Kim Jong-un") == name_key("Kim Jong Un") == name_key("KIM JONG UN")
    assert name_key("U.S.") == name_key("US")


def test_spelling_variants_and_bare_name_within_an_article() -> None:
    entities = [
        _entity("Kim Jong-un"),
        _entity("Kim"),
        _entity("Kim Jong Un"),
        _entity("Kim Jong Un"),
    ]
    entities += [
        _entity("Putin"),
        _entity("Vladimir Putin"),
        _entity("Peskov"),
        _entity("Dmitry Peskov"),
    ]
    names = [e.canonical for e in canonical_entities(entities)]
    assert names[:4] == ["Kim Jong Un"] * 4
    assert names[4:6] == ["Vladimir Putin"] * 2
    assert names[6:] == ["Dmitry Peskov"] * 2


def test_ambiguous_bare_name_stays_as_written() -> None:
    entities = [_entity("Kim Jong Un"), _entity("Kim Jong Il"), _entity("Kim")]
    assert canonical_entities(entities)[-1].canonical == "Kim"


def test_story_resolves_bare_name_from_another_article_and_folds_spellings() -> None:
    first = _article("a", ("Kim Jong-un", "PER"), ("Korut", "LOC"), ("Moscow", "LOC"))
    second = _article("b", ("Kim", "PER"), ("Korea Utara", "LOC"), ("Moskow", "LOC"))
    third = _article("c", ("Kim Jong Un", "PER"), ("Kim Jong Un", "PER"), ("DPRK", "ORG"))
    result = canonicalize([first, second, third])
    assert [item.article.id for item in result] == ["a", "b", "c"]
    people = {e.canonical for item in result for e in item.entities if e.label == "PER"}
    assert people == {"Kim Jong Un"}
    countries = {
        e.canonical
        for item in result
        for e in item.entities
        if e.text in ("Korut", "Korea Utara", "DPRK")
    }
    assert countries == {"Korea Utara"}
    cities = {
        e.canonical for item in result for e in item.entities if e.label == "LOC" and "M" in e.text
    }
    assert cities == {"Moskow"}
    # New objects: the inputs keep their entities.
    assert first.entities[0].canonical == "Kim Jong-un"


def test_bare_name_prefers_its_own_article_before_the_story() -> None:
    own = _article("a", ("Kim Jong Un", "PER"), ("Kim", "PER"))
    other = _article("b", ("Kim Dae-jung", "PER"))
    result = canonicalize([own, other])
    assert result[0].entities[1].canonical == "Kim Jong Un"


def test_relative_dates_use_the_article_date_in_a_story() -> None:
    result = canonicalize([_article("a", ("kemarin", "DATE"), ("Ahad", "DATE"), date="2023-09-13")])
    assert [e.canonical for e in result[0].entities] == ["2023-09-12", "Minggu"]


def test_a_date_is_read_against_each_article_only_when_it_states_no_year() -> None:
    mentions = (("12 September", "DATE"), ("kemarin", "DATE"), ("Selasa (12/9/2023)", "DATE"))
    result = canonicalize(
        [
            _article("a", *mentions, date="2023-09-13"),
            _article("b", *mentions, date="2022-01-01"),
            _article("c", *mentions),
        ]
    )
    assert [[e.canonical for e in item.entities] for item in result] == [
        ["2023-09-12", "2023-09-12", "2023-09-12"],
        ["2022-09-12", "2021-12-31", "2023-09-12"],
        ["--12-09", "-1d", "2023-09-12"],
    ]


def test_an_article_whose_names_are_already_canonical_is_kept_as_it_is() -> None:
    settled = _article("a", ("Vladimir Putin", "PER"), ("Moskow", "LOC"))
    renamed = _article("b", ("Putin", "PER"))
    result = canonicalize([settled, renamed])
    assert result[0] is settled
    assert result[1].entities[0].canonical == "Vladimir Putin"
    assert renamed.entities[0].canonical == "Putin"


def test_values_are_canonical_for_dates_and_quantities() -> None:
    assert canonical_form("Ahad", "DATE") == canonical_form("Minggu", "DATE")
    assert canonical_form("Selasa (12/9/2023)", "DATE") == "2023-09-12"
    assert canonical_form("lebih dari 1.500 km", "QUANTITY") == "lebih dari 1500 km"


@given(st.text(), st.sampled_from(["PER", "ORG", "LOC", "EVENT", "DATE", "TIME", "QUANTITY"]))
def test_canonical_form_never_raises_and_is_never_empty_for_text(text: str, label: str) -> None:
    form = canonical_form(text, label)
    assert isinstance(form, str)
    if text.strip():
        assert form


def test_a_truncated_name_joins_the_fuller_one() -> None:
    entities = [_entity("Kim Jong-un"), _entity("Kim Jong"), _entity("Kim"), _entity("Jong Un")]
    assert {e.canonical for e in canonical_entities(entities)} == {"Kim Jong-un"}
    ambiguous = [_entity("Kim Jong Un"), _entity("Kim Jong Il"), _entity("Kim Jong")]
    assert canonical_entities(ambiguous)[-1].canonical == "Kim Jong"
