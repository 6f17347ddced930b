"""The corpus as the app holds it: articles, their annotations, the user's flags and edits.

Plain Python (no Textual) so it can be tested and reused without a screen.
Widgets read from it; the app changes it and persists changes through the
store. Filtering goes through precomputed search documents so narrowing a
large corpus answers within a frame.
"""

from __future__ import annotations

import dataclasses
import threading
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from newsreader.corpus.article import Article
from newsreader.nlp.annotation import LABELS, AnnotatedArticle, Annotation, Entity
from newsreader.query import ArticleState, Candidate, Query, SearchDoc

EDITABLE_FIELDS: tuple[str, ...] = ("title", "outlet", "date")
UNMARKED = ArticleState()


@dataclass(frozen=True)
class Overrides:
    """Metadata the user set by hand; ``None`` keeps what was parsed."""

    title: str | None = None
    outlet: str | None = None
    date: str | None = None

    def apply(self, article: Article) -> Article:
        """Return the article with these values in place of the parsed ones."""
        changes = {name: getattr(self, name) for name in EDITABLE_FIELDS}
        changes = {name: value for name, value in changes.items() if value is not None}
        return dataclasses.replace(article, **changes) if changes else article


class Library:
    """Articles in load order with everything the app shows about them.

    Args:
        articles: The articles as parsed.
    """

    def __init__(self, articles: Sequence[Article] = ()) -> None:
        self._parsed: list[Article] = list(articles)
        self._shown: list[Article] = list(articles)
        self._index: dict[str, int] = {a.id: i for i, a in enumerate(articles)}
        self._annotations: dict[str, Annotation] = {}
        self._states: dict[str, ArticleState] = {}
        self._overrides: dict[str, Overrides] = {}
        self._docs: dict[str, SearchDoc] = {}
        # A worker folds documents ahead of time while the UI may change an
        # article; the version stops it storing a document built from stale data.
        self._doc_versions: dict[str, int] = {}
        self._doc_lock = threading.Lock()
        # (article, search doc, state) per article, rebuilt after any change to one of them.
        self._candidates: list[Candidate] | None = None

    def __len__(self) -> int:
        return len(self._shown)

    def extend(self, articles: Sequence[Article]) -> None:
        """Add articles after the others (a corpus shown while it is read)."""
        for article in articles:
            self._index[article.id] = len(self._parsed)
            self._parsed.append(article)
            self._shown.append(article)
        self._candidates = None

    @property
    def articles(self) -> list[Article]:
        """Articles with the user's overrides applied, in load order."""
        return self._shown

    def article(self, article_id: str) -> Article:
        """An article as shown (overrides applied); KeyError if unknown."""
        return self._shown[self._index[article_id]]

    def position(self, article_id: str) -> int | None:
        """Load-order index of an article, or ``None`` if it is not in the library."""
        return self._index.get(article_id)

    # -- annotations -------------------------------------------------------

    @property
    def annotated(self) -> bool:
        """Whether any annotation has arrived."""
        return bool(self._annotations)

    def set_annotations(self, annotated: Iterable[AnnotatedArticle]) -> None:
        """Take annotation results (keyed by article id) and refresh search documents."""
        for item in annotated:
            if item.article.id in self._index:
                self._annotations[item.article.id] = item.annotation
                self._forget_doc(item.article.id)
        self._candidates = None

    def annotation(self, article_id: str) -> Annotation | None:
        """The annotation of an article, ``None`` until it is annotated."""
        return self._annotations.get(article_id)

    def entities(self, article_id: str) -> tuple[Entity, ...]:
        """Entities of an article; empty before annotation."""
        annotation = self._annotations.get(article_id)
        return annotation.entities if annotation else ()

    def annotated_articles(self) -> list[AnnotatedArticle]:
        """Annotated articles (overrides applied) in load order, for compare and export."""
        return [
            AnnotatedArticle(article, self._annotations[article.id])
            for article in self._shown
            if article.id in self._annotations
        ]

    def label_counts(self, article_id: str) -> Counter[str]:
        """Entities per label in an article, every label present (zero when absent)."""
        counts: Counter[str] = Counter({label: 0 for label in LABELS})
        counts.update(entity.label for entity in self.entities(article_id))
        return counts

    # -- the user's flags and edits ------------------------------------------

    def state(self, article_id: str) -> ArticleState:
        """Read and starred flags of an article."""
        return self._states.get(article_id, UNMARKED)

    def set_state(
        self, article_id: str, *, read: bool | None = None, starred: bool | None = None
    ) -> ArticleState:
        """Change read and/or starred; returns the new state."""
        old = self.state(article_id)
        new = ArticleState(
            read=old.read if read is None else read,
            starred=old.starred if starred is None else starred,
        )
        self._states[article_id] = new
        self._candidates = None
        return new

    def overrides(self, article_id: str) -> Overrides:
        """The metadata the user set by hand for an article."""
        return self._overrides.get(article_id, Overrides())

    def parsed(self, article_id: str) -> Article:
        """The article as read from its file, without the user's edits."""
        return self._parsed[self._index[article_id]]

    def set_overrides(self, article_id: str, overrides: Overrides) -> Article:
        """Apply hand-set metadata; returns the article as now shown."""
        position = self._index[article_id]
        self._overrides[article_id] = overrides
        self._shown[position] = overrides.apply(self._parsed[position])
        self._forget_doc(article_id)
        self._candidates = None
        return self._shown[position]

    # -- filtering ---------------------------------------------------------

    def _forget_doc(self, article_id: str) -> None:
        with self._doc_lock:
            self._doc_versions[article_id] = self._doc_versions.get(article_id, 0) + 1
            self._docs.pop(article_id, None)

    def search_doc(self, article_id: str) -> SearchDoc:
        """The folded search document of an article, built once (any thread may call this)."""
        with self._doc_lock:
            version = self._doc_versions.get(article_id, 0)
            doc = self._docs.get(article_id)
        if doc is not None:
            return doc
        doc = SearchDoc.build(self.article(article_id), self.entities(article_id))
        with self._doc_lock:
            if self._doc_versions.get(article_id, 0) == version:
                self._docs[article_id] = doc
        return doc

    def build_search_docs(self, should_stop: Callable[[], bool] = lambda: False) -> None:
        """Fold every article ahead of the first filter (run in a worker on large corpora)."""
        for article in list(self._shown):
            if should_stop():
                return
            self.search_doc(article.id)

    def filter(self, query: Query) -> list[int]:
        """Positions of the articles the query keeps, in load order."""
        if query.is_empty:
            return list(range(len(self._shown)))
        if self._candidates is None:
            self._candidates = [(a, self.search_doc(a.id), self.state(a.id)) for a in self._shown]
        return query.select(self._candidates)
