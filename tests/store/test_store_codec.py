"""The compact encodings: exact for any values, and damaged rows are misses, not crashes."""

from __future__ import annotations

import json
from dataclasses import dataclass, fields

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsreader.corpus.article import Article, RemovedLine
from newsreader.nlp.annotation import Annotation, Entity, Sentence
from newsreader.store.codec import (
    UndecodableRow,
    decode_annotation,
    decode_article,
    encode_annotation,
    encode_article,
)
from newsreader.store.columns import StringTable, column_kinds, decode_table, encode_table

ints = st.integers(-(2**40), 2**40)
entities = st.builds(Entity, ints, ints, st.text(), st.text(max_size=12), st.text())
annotations = st.builds(
    Annotation,
    st.lists(entities, max_size=20).map(tuple),
    st.lists(st.builds(Sentence, ints, ints), max_size=20).map(tuple),
)


@settings(max_examples=200, deadline=None)
@given(annotations)
def test_any_annotation_round_trips(annotation: Annotation) -> None:
    data = encode_annotation(annotation)
    assert json.loads(data)  # plain JSON, readable by other tools
    assert decode_annotation(data) == annotation


def test_repeated_names_are_stored_once() -> None:
    kim = [Entity(i * 10, i * 10 + 3, "Kim", "PER", "Kim Jong-un") for i in range(50)]
    data = encode_annotation(Annotation(tuple(kim), ()))
    assert data.count("Kim Jong-un") == 1
    assert len(data) < 50 * 30  # about 27 bytes an entity; JSON rows took about 45


@dataclass(frozen=True)
class _Scored:
    name: str | None
    score: float


@dataclass(frozen=True)
class _Named:
    start: int
    name: str | None


def test_other_field_types_fall_back_to_rows() -> None:
    assert column_kinds(_Scored) is None
    items = (_Scored("a", 0.5), _Scored(None, 2.0))
    encoded = encode_table(items, _Scored, None, StringTable())
    assert encoded[0] == "rows"
    assert decode_table(json.loads(json.dumps(encoded)), _Scored, None, []) == items


def test_optional_strings_and_wide_integers() -> None:
    kinds = column_kinds(_Named)
    assert kinds == ("int", "optstr")
    items = (_Named(2**40, None), _Named(-1, "x"), _Named(0, ""))
    table = StringTable()
    encoded = encode_table(items, _Named, kinds, table)
    assert encoded[2] == "q"
    assert decode_table(encoded, _Named, kinds, table.strings) == items


def test_booleans_are_not_packed_as_integers() -> None:
    with pytest.raises(TypeError):
        encode_table((_Named(True, "x"),), _Named, ("int", "optstr"), StringTable())  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "damage",
    [
        lambda row: row.__setitem__(2, ["packed", 3, "i", "AAAA"]),  # wrong size
        lambda row: row.__setitem__(2, ["packed", 1, "i", "!!!!"]),  # not base64
        lambda row: row.__setitem__(2, ["packed", 1, "x", "AAAA"]),  # unknown typecode
        lambda row: row.__setitem__(1, []),  # string table lost
        lambda row: row.__setitem__(3, ["columns"]),  # unknown layout
        lambda row: row.pop(),  # truncated
    ],
)
def test_damaged_rows_are_undecodable(damage) -> None:
    row = json.loads(encode_annotation(Annotation((Entity(0, 3, "Kim", "PER", "Kim"),), ())))
    damage(row)
    with pytest.raises(UndecodableRow):
        decode_annotation(json.dumps(row))


ARTICLE = Article(
    id="a",
    path="/corpus/a.txt",
    text="Presiden tiba di Moskow.\n\nIa bertemu Putin.",
    title="Kunjungan",
    date="2023-09-13",
    removed=(RemovedLine("Baca Juga: Putin", "related", 26), RemovedLine("Foto: AP", "caption", 0)),
)

NAMES = [field.name for field in fields(Article)]
REMOVED, TITLE = NAMES.index("removed"), NAMES.index("title")


def test_article_round_trip_is_exact_and_hashable() -> None:
    decoded = decode_article(encode_article(ARTICLE))
    assert decoded == ARTICLE
    assert isinstance(decoded.removed, tuple)
    assert hash(decoded) == hash(ARTICLE)


@pytest.mark.parametrize(
    "damage",
    [
        lambda values: values.__setitem__(TITLE, ["Kunjungan"]),  # an array in a scalar field
        lambda values: values[REMOVED].__setitem__(0, ["Baca", "Juga"]),  # in a removed line
        lambda values: values[REMOVED].__setitem__(0, ["Baca Juga", "related"]),  # a field short
        lambda values: values[REMOVED].__setitem__(0, ["Baca Juga", "related", "26"]),  # not an int
        lambda values: values.__setitem__(REMOVED, 7),  # removed lines lost
        lambda values: values.pop(),  # truncated
    ],
)
def test_damaged_article_rows_are_undecodable(damage) -> None:
    fmt, values = json.loads(encode_article(ARTICLE))
    damage(values)
    with pytest.raises(UndecodableRow):
        decode_article(json.dumps([fmt, values]))


def test_an_article_row_that_is_not_an_array_is_undecodable() -> None:
    fmt, values = json.loads(encode_article(ARTICLE))
    with pytest.raises(UndecodableRow):
        decode_article(json.dumps([fmt, {"id": "a"}]))
