"""Messages that cross widgets and workers, named for what already happened."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from textual.message import Message
from textual.worker import Worker

from newsreader.corpus.article import Article, LoadError
from newsreader.nlp.annotation import AnnotatedArticle

if TYPE_CHECKING:
    from newsreader.store import ArticleState


@dataclass
class ArticlesRead(Message):
    """The load worker read more articles (in load order) and is still reading.

    ``states`` is the user's saved state by article id for these articles
    (only those that have some), read in the worker.
    """

    articles: list[Article]
    states: dict[str, ArticleState] | None
    files_done: int
    files_total: int
    worker: Worker[None]


@dataclass
class CorpusLoaded(Message):
    """The corpus is read: every article, in load order.

    ``states`` is the user's saved state by article id, read in the worker,
    for the articles no ``ArticlesRead`` from the same ``worker`` carried;
    ``None`` when it was not read there (articles given to the app).
    """

    articles: list[Article]
    errors: list[LoadError]
    states: dict[str, ArticleState] | None = None
    worker: Worker[None] | None = None


@dataclass
class ArchiveOpened(Message):
    """An archive is open: ``library`` reads it; ``store`` serves its annotations."""

    name: str
    library: Any
    store: Any


@dataclass
class ArchiveFailed(Message):
    """The archive could not be opened; ``reason`` says why in one line."""

    reason: str


@dataclass
class StateWritten(Message):
    """The store finished a write of the user's state (it may have new warnings)."""

    def can_replace(self, message: Message) -> bool:
        return isinstance(message, StateWritten)


@dataclass
class AnnotationProgressed(Message):
    """``done`` of ``total`` articles are annotated (cache hits count as done)."""

    done: int
    total: int

    def can_replace(self, message: Message) -> bool:
        # Only the latest progress matters; a flood of them must not queue up.
        return isinstance(message, AnnotationProgressed)


@dataclass
class ArticlesAnnotated(Message):
    """Annotation finished; ``model`` is the model's cache key."""

    annotated: list[AnnotatedArticle]
    model: str


@dataclass
class AnnotationFailed(Message):
    """No model could be loaded or annotation broke; ``reason`` says why."""

    reason: str


@dataclass
class AnnotationNotice(Message):
    """Annotation goes on, differently from planned; ``text`` says how."""

    text: str


@dataclass
class ComparisonProgressed(Message):
    """compare has done ``done`` of ``total`` steps."""

    done: int
    total: int

    def can_replace(self, message: Message) -> bool:
        return isinstance(message, ComparisonProgressed)


@dataclass
class ComparisonBuilt(Message):
    """``comparison`` is compare's object (for export); ``data`` its JSON form (for views)."""

    comparison: Any
    data: dict[str, Any]


@dataclass
class ComparisonFailed(Message):
    """compare is missing or failed; the pane shows ``reason`` instead of facts."""

    reason: str


@dataclass
class ArticleHighlighted(Message):
    """The list cursor moved onto an article."""

    article_id: str


@dataclass
class ArticleChosen(Message):
    """The user opened an article (Enter or click in the list, or from the comparison)."""

    article_id: str
    sentence_start: int | None = None


@dataclass
class SentencePicked(Message):
    """The reader cursor landed on a sentence (character span in the cleaned text)."""

    article_id: str
    start: int
    end: int


@dataclass
class FilterChanged(Message):
    """The filter input changed to ``text``."""

    text: str


@dataclass
class FilterClosed(Message):
    """Enter kept the filter (``cleared`` False) or Esc cleared it."""

    cleared: bool


@dataclass
class StoreDegraded(Message):
    """A worker's store met trouble (damage set aside, read-only, locked)."""

    warnings: list[str]
