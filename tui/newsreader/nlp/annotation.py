"""Plain results of annotation: what the app, compare and export consume.

Nothing here imports spaCy: these are built from spaCy Docs inside
``nlp`` and are what gets cached.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from newsreader.corpus.article import Article

LABELS: tuple[str, ...] = ("PER", "ORG", "LOC", "EVENT", "DATE", "TIME", "QUANTITY")


@dataclass(frozen=True)
class ModelInfo:
    name: str
    version: str

    @property
    def cache_key(self) -> str:
        return f"{self.name}@{self.version}"


@dataclass(frozen=True)
class Entity:
    """A named entity; ``start``/``end`` are character offsets into the cleaned text."""

    start: int
    end: int
    text: str
    label: str
    canonical: str


@dataclass(frozen=True)
class Sentence:
    """A sentence as character offsets into the cleaned text."""

    start: int
    end: int


@dataclass(frozen=True)
class Annotation:
    """What annotating one cleaned text yields: a pure function of (text, model)."""

    entities: tuple[Entity, ...] = field(default_factory=tuple)
    sentences: tuple[Sentence, ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class AnnotatedArticle:
    article: Article
    annotation: Annotation

    @property
    def entities(self) -> tuple[Entity, ...]:
        return self.annotation.entities

    @property
    def sentences(self) -> tuple[Sentence, ...]:
        return self.annotation.sentences
