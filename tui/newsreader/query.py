"""The filter grammar: what a person types after ``/`` to narrow the article list.

A query is a whitespace-separated list of terms, all of which must hold::

    kim "kereta pribadi" outlet:republika entity:"Jo Chun Ryong" label:ORG
    date:2023-09-12  date:2023-09-10..2023-09-13  date:..2023-09-12
    is:starred  is:unread  -outlet:antara  -"baca juga"

Free text is matched against title and body, ignoring case, accents and
punctuation (so ``jong un`` finds "Jong-un"). A leading ``-`` negates a term.
Matching goes through a precomputed :class:`SearchDoc` per article, so
filtering a large corpus is a set of substring tests, not a re-scan.

This module is part of the core: it never imports Textual.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date

from newsreader.corpus.article import Article
from newsreader.nlp.annotation import LABELS, Entity

FIELDS: tuple[str, ...] = ("outlet", "entity", "label", "date", "is")
FLAGS: tuple[str, ...] = ("starred", "unstarred", "read", "unread")

_NON_WORD = re.compile(r"[\W_]+")
# Combining marks left by NFKD decomposition (accents); a regex is far faster
# than testing unicodedata.combining() per character on long bodies.
_COMBINING = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")


class QueryError(ValueError):
    """A query that cannot be parsed.

    Attributes:
        message: What is wrong, phrased for the person typing.
        position: Character index in the query where the problem starts.
    """

    def __init__(self, message: str, position: int) -> None:
        super().__init__(f"{message} (at column {position + 1})")
        self.message = message
        self.position = position


@dataclass(frozen=True)
class ArticleState:
    """The user's own flags on an article, as the ``is:`` field sees them."""

    read: bool = False
    starred: bool = False


def fold(text: str) -> str:
    """Normalise text for matching: no case, no accents, punctuation as single spaces.

    Args:
        text: Any text.

    Returns:
        Lowercase words without diacritics, separated by single spaces.
    """
    if not text.isascii():
        text = _COMBINING.sub("", unicodedata.normalize("NFKD", text))
    return _NON_WORD.sub(" ", text.casefold()).strip()


@dataclass(frozen=True)
class SearchDoc:
    """What filtering needs from one article, computed once.

    Folded needles never contain a newline, so the newlines that separate
    fields (and entity names) keep a plain substring test from matching
    across two of them.
    """

    text: str
    entities: str
    labels: frozenset[str]
    outlet: str = ""

    @classmethod
    def build(cls, article: Article, entities: Iterable[Entity] = ()) -> SearchDoc:
        """Fold an article's title, body and entity names into a search document.

        Args:
            article: The article (with any user overrides already applied).
            entities: Its entities; empty before annotation.

        Returns:
            The search document.
        """
        text = f" {fold(article.title or '')} \n {fold(article.text)} "
        names: list[str] = []
        labels: set[str] = set()
        for entity in entities:
            labels.add(entity.label)
            names.append(fold(entity.canonical))
            names.append(fold(entity.text))
        # One name per line, so a quoted needle "\nname\n" means the whole name.
        joined = "\n" + "\n".join(names) + "\n" if names else ""
        return cls(
            text=text,
            entities=joined,
            labels=frozenset(labels),
            outlet=fold(article.outlet or ""),
        )


Candidate = tuple[Article, SearchDoc, ArticleState]


@dataclass(frozen=True)
class Term:
    """One condition of a query; ``negated`` inverts it."""

    negated: bool

    def holds(self, article: Article, doc: SearchDoc, state: ArticleState) -> bool:
        """Whether the condition is true for an article, before negation."""
        raise NotImplementedError

    def test(self, article: Article, doc: SearchDoc, state: ArticleState) -> bool:
        return self.holds(article, doc, state) != self.negated

    def keep(self, indices: list[int], rows: Sequence[Candidate]) -> list[int]:
        """The indices of ``rows`` for which this term (with negation) is true."""
        return [i for i in indices if self.test(*rows[i])]


@dataclass(frozen=True)
class TextTerm(Term):
    """Words of the title or body, matched from the start of a word: "rusi" finds
    "Rusia", "usia" does not. An archive's FTS5 index answers the same way."""

    needle: str

    def holds(self, article: Article, doc: SearchDoc, state: ArticleState) -> bool:
        # Folded text has one space before every word (and before the first).
        return f" {self.needle}" in doc.text

    def keep(self, indices: list[int], rows: Sequence[Candidate]) -> list[int]:
        # The common case while typing: one substring test per article, no calls.
        needle = f" {self.needle}"
        if self.negated:
            return [i for i in indices if needle not in rows[i][1].text]
        return [i for i in indices if needle in rows[i][1].text]


@dataclass(frozen=True)
class OutletTerm(Term):
    needle: str

    def holds(self, article: Article, doc: SearchDoc, state: ArticleState) -> bool:
        return self.needle in doc.outlet

    def keep(self, indices: list[int], rows: Sequence[Candidate]) -> list[int]:
        needle, negated = self.needle, self.negated
        return [i for i in indices if (needle in rows[i][1].outlet) != negated]


@dataclass(frozen=True)
class EntityTerm(Term):
    needle: str

    def holds(self, article: Article, doc: SearchDoc, state: ArticleState) -> bool:
        return self.needle in doc.entities

    def keep(self, indices: list[int], rows: Sequence[Candidate]) -> list[int]:
        needle, negated = self.needle, self.negated
        return [i for i in indices if (needle in rows[i][1].entities) != negated]


@dataclass(frozen=True)
class LabelTerm(Term):
    label: str

    def holds(self, article: Article, doc: SearchDoc, state: ArticleState) -> bool:
        return self.label in doc.labels


@dataclass(frozen=True)
class DateTerm(Term):
    """An inclusive range of ISO dates; either end may be open."""

    start: str | None
    end: str | None

    def holds(self, article: Article, doc: SearchDoc, state: ArticleState) -> bool:
        if article.date is None:
            return False
        if self.start is not None and article.date < self.start:
            return False
        return not (self.end is not None and article.date > self.end)


@dataclass(frozen=True)
class FlagTerm(Term):
    flag: str

    def holds(self, article: Article, doc: SearchDoc, state: ArticleState) -> bool:
        if self.flag == "starred":
            return state.starred
        if self.flag == "unstarred":
            return not state.starred
        if self.flag == "read":
            return state.read
        return not state.read


@dataclass(frozen=True)
class Query:
    """A parsed filter: every term must hold. An empty query matches everything."""

    source: str = ""
    terms: tuple[Term, ...] = field(default_factory=tuple)

    @property
    def is_empty(self) -> bool:
        """Whether the query has no terms (it then matches everything)."""
        return not self.terms

    @property
    def needs_entities(self) -> bool:
        """Whether the answer depends on annotation (entity or label terms)."""
        return any(isinstance(term, EntityTerm | LabelTerm) for term in self.terms)

    def matches(
        self,
        article: Article,
        entities: Iterable[Entity] = (),
        state: ArticleState | None = None,
        *,
        doc: SearchDoc | None = None,
    ) -> bool:
        """Whether an article passes the filter.

        Args:
            article: The article, with user overrides applied.
            entities: Its entities (ignored when ``doc`` is given).
            state: Its read/starred flags; unread and unstarred if ``None``.
            doc: A precomputed search document, to avoid folding the text again.

        Returns:
            True when every term holds.
        """
        if not self.terms:
            return True
        search_doc = doc if doc is not None else SearchDoc.build(article, entities)
        flags = state if state is not None else ArticleState()
        return all(term.test(article, search_doc, flags) for term in self.terms)

    def select(self, rows: Sequence[Candidate]) -> list[int]:
        """Indices of the rows that pass, in order; faster than ``matches`` on each.

        Args:
            rows: (article, search document, state) per article.

        Returns:
            The indices of the rows every term keeps.
        """
        indices = list(range(len(rows)))
        for term in self.terms:
            if not indices:
                break
            indices = term.keep(indices, rows)
        return indices


@dataclass(frozen=True)
class _Token:
    negated: bool
    name: str | None
    value: str
    start: int
    quoted: bool


_FIELD_PREFIX = re.compile(r"([A-Za-z]+):")


def _read_value(query: str, pos: int) -> tuple[str, int, bool]:
    """Read a bare word or a quoted phrase starting at ``pos``; return (value, end, quoted)."""
    if pos < len(query) and query[pos] == '"':
        close = query.find('"', pos + 1)
        if close == -1:
            raise QueryError('unclosed quote: add a closing "', pos)
        return query[pos + 1 : close], close + 1, True
    end = pos
    while end < len(query) and not query[end].isspace():
        if query[end] == '"':
            raise QueryError("a quote must start a word or a field value", end)
        end += 1
    return query[pos:end], end, False


def _tokens(query: str) -> list[_Token]:
    tokens: list[_Token] = []
    pos = 0
    while pos < len(query):
        if query[pos].isspace():
            pos += 1
            continue
        start = pos
        negated = query[pos] == "-" and pos + 1 < len(query) and not query[pos + 1].isspace()
        if negated:
            pos += 1
        name: str | None = None
        prefix = _FIELD_PREFIX.match(query, pos)
        if prefix:
            name = prefix.group(1).lower()
            if name not in FIELDS:
                raise QueryError(
                    f"unknown field {prefix.group(0)!r} (fields: "
                    + ", ".join(f"{f}:" for f in FIELDS)
                    + "; put text with a colon in quotes)",
                    pos,
                )
            pos = prefix.end()
        value, pos, quoted = _read_value(query, pos)
        if pos < len(query) and not query[pos].isspace():
            raise QueryError("expected a space after the closing quote", pos)
        tokens.append(_Token(negated, name, value, start, quoted))
    return tokens


def _parse_date(value: str, position: int) -> str:
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise QueryError(f"bad date {value!r}: use YYYY-MM-DD", position) from None


def _date_term(token: _Token, value_at: int) -> DateTerm:
    low, sep, high = token.value.partition("..")
    if not sep:
        day = _parse_date(low, value_at)
        return DateTerm(token.negated, day, day)
    if not low and not high:
        raise QueryError("a date range needs at least one end: date:2023-09-10..", value_at)
    start = _parse_date(low, value_at) if low else None
    end = _parse_date(high, value_at + len(low) + 2) if high else None
    if start and end and start > end:
        raise QueryError(f"date range runs backwards: {start} is after {end}", value_at)
    return DateTerm(token.negated, start, end)


def _term(token: _Token) -> Term:
    value_at = token.start + int(token.negated) + (len(token.name) + 1 if token.name else 0)
    if token.name is None:
        needle = fold(token.value)
        if not needle:
            raise QueryError("nothing to search for in this word", token.start)
        return TextTerm(token.negated, needle)
    if not token.value.strip():
        raise QueryError(f"{token.name}: needs a value", token.start)
    if token.name == "date":
        return _date_term(token, value_at)
    if token.name == "label":
        label = token.value.upper()
        if label not in LABELS:
            raise QueryError(
                f"unknown label {token.value!r} (labels: {', '.join(LABELS)})", value_at
            )
        return LabelTerm(token.negated, label)
    if token.name == "is":
        flag = token.value.lower()
        if flag not in FLAGS:
            raise QueryError(f"unknown flag is:{token.value} (flags: {', '.join(FLAGS)})", value_at)
        return FlagTerm(token.negated, flag)
    needle = fold(token.value)
    if not needle:
        raise QueryError(f"{token.name}: needs letters or digits", value_at)
    if token.name == "outlet":
        return OutletTerm(token.negated, needle)
    return EntityTerm(token.negated, f"\n{needle}\n" if token.quoted else needle)


def parse(query: str) -> Query:
    """Parse a filter query.

    Args:
        query: What the person typed.

    Returns:
        The parsed query; empty (matching everything) for blank input.

    Raises:
        QueryError: With a message and the column of the problem.
    """
    return Query(source=query, terms=tuple(_term(token) for token in _tokens(query)))
