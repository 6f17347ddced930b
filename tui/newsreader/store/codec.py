"""Compact JSON for cached annotations and articles.

Each value is a JSON array headed by a fingerprint of the dataclass field
names and types. When another part of newsreader adds a field to
``Entity``, ``Sentence``, ``Annotation``, ``Article`` or ``RemovedLine``,
the fingerprint changes and old rows simply miss the cache, so nothing is
ever decoded into the wrong field or silently loses the new one.
Entities and sentences are stored as packed columns (see ``columns``);
articles, one per row, as plain arrays in field order.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import fields
from typing import Any

from newsreader.corpus.article import Article, RemovedLine
from newsreader.nlp.annotation import Annotation, Entity, Sentence
from newsreader.store.columns import StringTable, column_kinds, decode_table, encode_table

_ENTITY_FIELDS = tuple(f.name for f in fields(Entity))
_SENTENCE_FIELDS = tuple(f.name for f in fields(Sentence))
_ANNOTATION_EXTRAS = tuple(
    f.name for f in fields(Annotation) if f.name not in ("entities", "sentences")
)
_ENTITY_KINDS = column_kinds(Entity)
_SENTENCE_KINDS = column_kinds(Sentence)
_ARTICLE_FIELDS = tuple(f.name for f in fields(Article))
_REMOVED_FIELDS = tuple(f.name for f in fields(RemovedLine))
_REMOVED_AT = _ARTICLE_FIELDS.index("removed")


def _fingerprint(*names: tuple[str, ...]) -> str:
    return hashlib.sha1(repr(names).encode("utf-8")).hexdigest()[:12]


ANNOTATION_FORMAT = _fingerprint(
    _ENTITY_FIELDS, _ENTITY_KINDS or (), _SENTENCE_FIELDS, _SENTENCE_KINDS or (), _ANNOTATION_EXTRAS
)
ARTICLE_FORMAT = _fingerprint(_ARTICLE_FIELDS, _REMOVED_FIELDS)


class UndecodableRow(ValueError):
    """A cached row written by another format, or damaged: treat it as a miss."""


def _dumps(value: Any) -> str:
    # allow_nan=False: NaN is not JSON and would not read back in other tools.
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False)


def _frozen(value: Any) -> Any:
    """Lists back to tuples, so decoded dataclasses stay hashable."""
    if isinstance(value, list):
        return tuple(_frozen(item) for item in value)
    return value


def encode_annotation(annotation: Annotation) -> str:
    """Serialise an annotation as one compact JSON array.

    Raises:
        TypeError, ValueError: a field holds something JSON cannot carry.
    """
    table = StringTable()
    entities = encode_table(annotation.entities, Entity, _ENTITY_KINDS, table)
    sentences = encode_table(annotation.sentences, Sentence, _SENTENCE_KINDS, table)
    extras = [getattr(annotation, name) for name in _ANNOTATION_EXTRAS]
    return _dumps([ANNOTATION_FORMAT, table.strings, entities, sentences, extras])


def decode_annotation(data: str) -> Annotation:
    """Rebuild an annotation from :func:`encode_annotation` output.

    Raises:
        UndecodableRow: the row has another format or is damaged.
    """
    try:
        fmt, strings, entities, sentences, extras = json.loads(data)
        if fmt != ANNOTATION_FORMAT:
            raise UndecodableRow(f"annotation format {fmt!r}")
        return Annotation(
            decode_table(entities, Entity, _ENTITY_KINDS, strings),
            decode_table(sentences, Sentence, _SENTENCE_KINDS, strings),
            *(_frozen(value) for value in extras),
        )
    except UndecodableRow:
        raise
    except (ValueError, TypeError, IndexError) as error:
        raise UndecodableRow(str(error)) from error


def encode_article(article: Article) -> str:
    """Serialise an article (with its removed lines) as one compact JSON array.

    Raises:
        TypeError, ValueError: a field holds something JSON cannot carry.
    """
    values: list[Any] = []
    for name in _ARTICLE_FIELDS:
        value = getattr(article, name)
        if name == "removed":
            value = [[getattr(line, field) for field in _REMOVED_FIELDS] for line in value]
        values.append(value)
    return _dumps([ARTICLE_FORMAT, values])


def decode_article(data: str) -> Article:
    """Rebuild an article from :func:`encode_article` output.

    Raises:
        UndecodableRow: the row has another format or is damaged.
    """
    try:
        fmt, values = json.loads(data)
        if fmt != ARTICLE_FORMAT:
            raise UndecodableRow(f"article format {fmt!r}")
        if type(values) is not list or len(values) != len(_ARTICLE_FIELDS):
            raise UndecodableRow("article row has the wrong shape")
        values[_REMOVED_AT] = _removed_lines(values[_REMOVED_AT])
        # Every other field is a scalar; an array there is damage, and
        # would make the (hashable) article unhashable.
        if list in map(type, values):
            raise UndecodableRow("article row holds an array in a scalar field")
        return Article(*values)
    except UndecodableRow:
        raise
    except (ValueError, TypeError) as error:
        raise UndecodableRow(str(error)) from error


def _removed_lines(rows: list[Any]) -> tuple[RemovedLine, ...]:
    # A warm open decodes tens of thousands of these: unpack and check the
    # fields directly rather than freezing every value recursively. Adding
    # a field to RemovedLine changes ARTICLE_FORMAT and must extend this.
    lines = []
    for text, kind, offset in rows:
        if type(text) is not str or type(kind) is not str or type(offset) is not int:
            raise UndecodableRow("removed line has a field of the wrong type")
        lines.append(RemovedLine(text, kind, offset))
    return tuple(lines)
