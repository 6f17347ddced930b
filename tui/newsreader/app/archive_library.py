"""A library read from an archive: the list's rows come from SQLite, one page at a time.

Plain Python (no Textual), like :class:`~newsreader.app.library.Library`,
whose interface it keeps so the widgets cannot tell the two apart. Nothing
is held per article but what the user touched: flags, edits, and a small
cache of the articles and annotations last shown.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import overload

from newsreader.app.library import Library, Overrides
from newsreader.archive import Archive
from newsreader.corpus.article import Article
from newsreader.nlp.annotation import AnnotatedArticle, Annotation, Entity
from newsreader.query import ArticleState, Query

# Articles and annotations kept decoded: a few screens' worth.
CACHE_SIZE = 512


class _Lru(OrderedDict[object, object]):
    def fetch(self, key: object, make: Callable[[], object]) -> object:
        if key in self:
            self.move_to_end(key)
            return self[key]
        value = make()
        self[key] = value
        if len(self) > CACHE_SIZE:
            self.popitem(last=False)
        return value


class _Articles(Sequence[Article]):
    """The archive's articles by list position, decoded on demand, edits applied."""

    def __init__(self, library: ArchiveLibrary) -> None:
        self._library = library

    def __len__(self) -> int:
        return self._library.size

    @overload
    def __getitem__(self, index: int) -> Article: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[Article]: ...
    def __getitem__(self, index: int | slice) -> Article | Sequence[Article]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        if index < 0:
            index += len(self)
        if not 0 <= index < len(self):
            raise IndexError(index)
        return self._library.shown_at(index)

    def __iter__(self) -> Iterator[Article]:
        for index in range(len(self)):
            yield self[index]


class ArchiveLibrary(Library):
    """A :class:`Library` over an :class:`Archive`.

    Args:
        archive: The open archive (used from the thread that calls this).
        annotations: content hash -> annotation, from the store.
        states: The user's saved read/starred flags by path, if known.
    """

    def __init__(
        self,
        archive: Archive,
        annotations: Callable[[str], Annotation | None],
        states: Mapping[str, ArticleState] | None = None,
    ) -> None:
        super().__init__(())
        self.archive = archive
        self.size = len(archive)
        self._lookup = annotations
        self._cache = _Lru()
        self._flags_by_path: dict[str, ArticleState] = dict(states or {})
        self._view = _Articles(self)

    # -- articles --------------------------------------------------------

    def __len__(self) -> int:
        return self.size

    def extend(self, articles: Sequence[Article]) -> None:
        raise TypeError("an archive grows with `newsreader annotate PATH --archive NAME`")

    @property
    def articles(self) -> Sequence[Article]:  # type: ignore[override]
        return self._view

    def _parsed_at(self, position: int) -> Article:
        article = self._cache.fetch(("article", position), lambda: self.archive.at(position))
        if not isinstance(article, Article):
            raise IndexError(position)
        return article

    def shown_at(self, position: int) -> Article:
        article = self._parsed_at(position)
        overrides = self._overrides.get(article.id)
        return overrides.apply(article) if overrides else article

    def position(self, article_id: str) -> int | None:
        found = self._cache.fetch(
            ("position", article_id), lambda: self.archive.position_of(article_id)
        )
        return found if isinstance(found, int) else None

    def article(self, article_id: str) -> Article:
        position = self.position(article_id)
        if position is None:
            raise KeyError(article_id)
        return self.shown_at(position)

    def parsed(self, article_id: str) -> Article:
        position = self.position(article_id)
        if position is None:
            raise KeyError(article_id)
        return self._parsed_at(position)

    def set_overrides(self, article_id: str, overrides: Overrides) -> Article:
        self._overrides[article_id] = overrides
        return self.article(article_id)

    # -- annotations -----------------------------------------------------

    @property
    def annotated(self) -> bool:
        return True

    def set_annotations(self, annotated: Iterable[AnnotatedArticle]) -> None:
        for item in annotated:
            self._cache[("annotation", item.article.id)] = item.annotation

    def annotation(self, article_id: str) -> Annotation | None:
        def fetch() -> Annotation | None:
            position = self.position(article_id)
            if position is None:
                return None
            return self._lookup(self._parsed_at(position).content_hash)

        found = self._cache.fetch(("annotation", article_id), fetch)
        return found if isinstance(found, Annotation) else None

    def entities(self, article_id: str) -> tuple[Entity, ...]:
        annotation = self.annotation(article_id)
        return annotation.entities if annotation else ()

    def annotated_articles(self) -> list[AnnotatedArticle]:
        """None: comparing a whole archive is `newsreader compare`'s job, not the reader's."""
        return []

    # -- flags and filtering ---------------------------------------------

    def state(self, article_id: str) -> ArticleState:
        if article_id in self._states:
            return self._states[article_id]
        position = self.position(article_id)
        if position is None or not self._flags_by_path:
            return ArticleState()
        return self._flags_by_path.get(self._parsed_at(position).path, ArticleState())

    def set_state(
        self, article_id: str, *, read: bool | None = None, starred: bool | None = None
    ) -> ArticleState:
        new = super().set_state(article_id, read=read, starred=starred)
        self._flags_by_path[self.article(article_id).path] = new
        return new

    def build_search_docs(self, should_stop: Callable[[], bool] = lambda: False) -> None:
        """Nothing to fold: the archive's FTS5 index answers text filters."""

    def filter(self, query: Query) -> list[int]:
        if query.is_empty:
            return list(range(self.size))
        return self.archive.positions(query, self._flags_by_path)
