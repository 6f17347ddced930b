"""The filter grammar: parsing, matching and error positions."""

from __future__ import annotations

import subprocess
import sys
import time

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsreader.corpus.article import Article
from newsreader.nlp.annotation import Entity
from newsreader.query import ArticleState, QueryError, SearchDoc, fold, parse

BODY = (
    "Pemimpin Korea Utara Kim Jong-un tiba di Vostochny dengan kereta pribadi. "
    "Menteri Jo Chun Ryong ikut dalam rombongan, kata kantor berita KCNA."
)


def _entities(text: str) -> list[Entity]:
    found = []
    for surface, label, canonical in (
        ("Kim Jong-un", "PER", "Kim Jong Un"),
        ("Jo Chun Ryong", "PER", "Jo Chun Ryong"),
        ("KCNA", "ORG", "KCNA"),
        ("Korea Utara", "LOC", "Korea Utara"),
    ):
        start = text.index(surface)
        found.append(Entity(start, start + len(surface), surface, label, canonical))
    return found


ARTICLE = Article(
    id="a1",
    path="a1.txt",
    text=BODY,
    title="Kunjungan Kim ke Rusia",
    outlet="Republika",
    date="2023-09-12",
)
ENTITIES = _entities(BODY)


def matches(query: str, article: Article = ARTICLE, state: ArticleState | None = None) -> bool:
    return parse(query).matches(article, ENTITIES, state)


def test_fold_drops_case_accents_and_punctuation() -> None:
    assert fold("Kim Jong-un") == "kim jong un"
    assert fold("Café  DÉJÀ-vu!") == "cafe deja vu"


def test_empty_query_matches_everything() -> None:
    assert parse("   ").is_empty
    assert matches("")


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("kereta", True),
        ("KERETA pribadi", True),
        ('"kereta pribadi"', True),
        ('"pribadi kereta"', False),
        ("jong un", True),  # punctuation folded: "Jong-un" matches
        ("kunjungan", True),  # title is searched too
        ("pesawat", False),
        ("-pesawat", True),
        ("-kereta", False),
    ],
)
def test_free_text(query: str, expected: bool) -> None:
    assert matches(query) is expected


def test_accent_insensitive_free_text() -> None:
    article = Article(id="b", path="b.txt", text="Kunjungan ke Moskva, kata Pérez.")
    assert parse("perez").matches(article)
    assert parse("PÉREZ").matches(article)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("outlet:republika", True),
        ("outlet:REPUB", True),
        ("outlet:antara", False),
        ("-outlet:antara", True),
        ('entity:"Jo Chun Ryong"', True),
        ('entity:"Kim Jong Un"', True),  # canonical name
        ('entity:"Kim Jong-un"', True),  # surface form
        ('entity:"Jo Chun"', False),  # quoted means the whole name
        ("entity:putin", False),
        ("label:ORG", True),
        ("label:org", True),
        ("label:EVENT", False),
        ("date:2023-09-12", True),
        ("date:2023-09-13", False),
        ("date:2023-09-10..2023-09-13", True),
        ("date:..2023-09-12", True),
        ("date:2023-09-13..", False),
        ("kereta outlet:republika label:PER date:2023-09-12", True),
        ("kereta outlet:antara", False),
    ],
)
def test_fields(query: str, expected: bool) -> None:
    assert matches(query) is expected


def test_unknown_values_never_match_a_field() -> None:
    bare = Article(id="c", path="c.txt", text=BODY)
    assert not parse("outlet:republika").matches(bare)
    assert not parse("date:..2030-01-01").matches(bare)
    assert parse("-date:..2030-01-01").matches(bare)


def test_flags() -> None:
    fresh = ArticleState()
    starred_read = ArticleState(read=True, starred=True)
    assert matches("is:unread", state=fresh)
    assert not matches("is:unread", state=starred_read)
    assert matches("is:starred is:read", state=starred_read)
    assert not matches("is:starred", state=fresh)
    assert matches("-is:starred", state=fresh)


def test_entity_terms_depend_on_annotation() -> None:
    assert parse("label:PER").needs_entities
    assert not parse("kereta outlet:x").needs_entities
    assert not parse("label:PER").matches(ARTICLE, [])


@pytest.mark.parametrize(
    ("query", "fragment", "position"),
    [
        ('kim "kereta', "unclosed quote", 4),
        ('entity:"Jo Chun', "unclosed quote", 7),
        ("date:2023-13-45", "bad date", 5),
        ("date:2023-09-10..2023-9-x", "bad date", 17),
        ("date:2023-09-13..2023-09-10", "backwards", 5),
        ("date:..", "at least one end", 5),
        ("author:kim", "unknown field", 0),
        ("kim -colour:red", "unknown field", 5),
        ("label:THING", "unknown label", 6),
        ("is:pinned", "unknown flag", 3),
        ("outlet:", "needs a value", 0),
        ('"kim"jong', "space after", 5),
    ],
)
def test_malformed_queries_report_message_and_position(
    query: str, fragment: str, position: int
) -> None:
    with pytest.raises(QueryError) as caught:
        parse(query)
    assert fragment in caught.value.message
    assert caught.value.position == position


def test_time_of_day_is_text_not_a_field() -> None:
    article = Article(id="d", path="d.txt", text="Tiba pukul 07:09 WIB.")
    assert parse("07:09").matches(article)


@given(st.text(max_size=40))
def test_parse_never_fails_other_than_query_error(text: str) -> None:
    try:
        query = parse(text)
    except QueryError as error:
        assert 0 <= error.position <= len(text)
    else:
        query.matches(ARTICLE, ENTITIES, ArticleState())


def test_filtering_ten_thousand_articles_is_fast() -> None:
    """Not a timing assertion on a shared machine: a generous bound against O(n^2) slips."""
    articles = [
        Article(
            id=f"s{i}",
            path=f"s{i}.txt",
            text=BODY * 6 + f" Paragraf nomor {i}.",
            title=f"Berita {i}",
            outlet=f"outlet{i % 7}",
        )
        for i in range(10_000)
    ]
    docs = [SearchDoc.build(a, ENTITIES) for a in articles]
    query = parse('kereta outlet:outlet3 -"nomor 17" label:PER')
    started = time.perf_counter()
    hits = [a for a, d in zip(articles, docs, strict=True) if query.matches(a, doc=d)]
    elapsed = time.perf_counter() - started
    print(f"matches() over 10,000 articles: {elapsed * 1000:.1f} ms")
    expected = [i for i in range(10_000) if i % 7 == 3 and "nomor 17" not in f"nomor {i}."]
    assert len(hits) == len(expected)
    assert elapsed < 1.0


def test_query_is_core_code_without_textual_or_spacy() -> None:
    code = "import sys, newsreader.query; print(' '.join(sorted(sys.modules)))"
    loaded = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.split()
    assert "newsreader.query" in loaded
    assert not any(name.split(".")[0] in {"textual", "spacy"} for name in loaded)
