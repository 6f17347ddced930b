"""Keep the user's state across runs through the store: flags, edits, last position.

The app talks to the store only through this module. A store that cannot
be opened (missing, corrupted, locked) never stops the app: state is then
kept for the session and the reason is shown once as a warning.

Writes go through one background thread, in order: a database another
program holds locked makes each write wait for the lock, and that wait must
never freeze the screen.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from newsreader.app.library import EDITABLE_FIELDS, Library, Overrides
from newsreader.corpus.article import Article

if TYPE_CHECKING:
    from newsreader.store import ArticleState

# Seconds a write waits for another program's lock before the store queues it.
BUSY_TIMEOUT = 1.0


class UserStateStore:
    """Reads and writes the user's state; a no-op wrapper when ``store`` is ``None``.

    Args:
        store: An open ``newsreader.store.Store``, or ``None`` for session-only state.
        warnings: Problems met while opening, for the app to show.
    """

    def __init__(self, store: Any | None, warnings: list[str]) -> None:
        self.store = store
        self._warnings = list(warnings)
        self._shown = 0
        self._writer = (
            ThreadPoolExecutor(max_workers=1, thread_name_prefix="newsreader-state")
            if store is not None
            else None
        )
        # Called (in the writer thread) after each write, so new warnings reach the screen.
        self.after_write: Callable[[], object] | None = None

    def _write(self, work: Callable[[], object]) -> None:
        """Queue a store write; it runs after every write queued before it."""
        if self._writer is not None:
            self._writer.submit(self._run_write, work)

    def _run_write(self, work: Callable[[], object]) -> None:
        work()
        if self.after_write is not None:
            self.after_write()

    @classmethod
    def disabled(cls) -> UserStateStore:
        """Session-only state (tests, or ``use_store=False``)."""
        return cls(None, [])

    @classmethod
    def open(cls) -> UserStateStore:
        """Open the store; any failure becomes a warning and a session-only state."""
        try:
            from newsreader.store import Store

            store = Store.open(busy_timeout=BUSY_TIMEOUT)
        except Exception as error:  # noqa: BLE001 - a broken store must never stop the app
            return cls(None, [f"state is kept for this session only: {error}"])
        return cls(store, [])

    def add_warnings(self, warnings: list[str]) -> None:
        """Warnings met elsewhere (a worker's own connection), to show like ours."""
        self._warnings.extend(warnings)

    def new_warnings(self) -> list[str]:
        """Warnings not yet returned by an earlier call (the store adds them as it degrades)."""
        every = self._warnings + (list(self.store.warnings) if self.store is not None else [])
        fresh = every[self._shown :]
        self._shown = len(every)
        return fresh

    def close(self) -> None:
        """Finish queued writes, then close the store (it saves what the lock held back)."""
        if self._writer is not None:
            self._writer.shutdown(wait=True)
            self._writer = None
        if self.store is not None:
            self.store.close()
            self.store = None

    # -- per-article state -------------------------------------------------

    def restore(self, library: Library, saved: Mapping[str, ArticleState] | None = None) -> None:
        """Apply saved flags and edits to every article of the library.

        Args:
            library: The corpus just loaded.
            saved: What :func:`saved_states` read for it (the load worker
                reads it off the UI thread); ``None`` reads it here.
        """
        if saved is None:
            if self.store is None or not library.articles:
                return
            saved = saved_states(self.store, [library.parsed(a.id) for a in library.articles])
        for article_id, state in saved.items():
            if library.position(article_id) is None:
                continue
            if state.read or state.starred:
                library.set_state(article_id, read=state.read, starred=state.starred)
            edits = {k: v for k, v in state.overrides.items() if k in EDITABLE_FIELDS}
            if edits:
                library.set_overrides(article_id, Overrides(**edits))

    def _key(self, library: Library, article_id: str) -> Any:
        from newsreader.store import ArticleKey

        return ArticleKey.of(library.parsed(article_id))

    def save_flags(self, library: Library, article_id: str) -> None:
        """Persist an article's read and starred flags."""
        if self.store is None:
            return
        state = library.state(article_id)
        key = self._key(library, article_id)
        store = self.store

        def write() -> None:
            store.mark_read(key, state.read)
            store.set_starred(key, state.starred)

        self._write(write)

    def save_overrides(self, library: Library, article_id: str) -> None:
        """Persist the hand-set title, outlet and date (blank clears an override)."""
        if self.store is None:
            return
        overrides = library.overrides(article_id)
        key = self._key(library, article_id)
        store = self.store

        def write() -> None:
            for name in EDITABLE_FIELDS:
                store.set_override(key, name, getattr(overrides, name))

        self._write(write)

    # -- last position -------------------------------------------------------

    def remember_position(
        self,
        library: Library,
        article_id: str,
        list_index: int,
        *,
        sentence: int | None = None,
        scroll: float = 0.0,
    ) -> None:
        """Save where the user is: the open article, list row, sentence index and scroll."""
        if self.store is None or library.position(article_id) is None:
            return
        from newsreader.store import Position

        path = os.path.abspath(library.article(article_id).path)
        position = Position(
            article_id=article_id,
            path=path,
            list_index=list_index,
            scroll=scroll,
            sentence=sentence,
        )
        store = self.store
        self._write(lambda: store.save_position(position))

    def saved_position(self, library: Library) -> Any | None:
        """The position saved last, if its article is in this corpus (the same file)."""
        if self.store is None or not library.articles:
            return None
        position = self.store.last_position()
        if position is None or position.article_id is None:
            return None
        if library.position(position.article_id) is None:
            return None
        article = library.article(position.article_id)
        if position.path and os.path.abspath(article.path) != position.path:
            return None
        return position


def saved_states(store: Any, articles: Sequence[Article]) -> dict[str, ArticleState]:
    """The saved state by article id, for the articles that have one.

    Keying 10,000 articles hashes their text, so the load worker calls this
    with its own store rather than the UI thread; any thread may.

    Args:
        store: An open ``newsreader.store.Store``.
        articles: The articles as parsed (the user's edits not applied).
    """
    from newsreader.store import ArticleKey

    if not articles or not store.has_states():
        return {}  # nothing to hash the texts for
    found = store.saved_states([ArticleKey.of(article) for article in articles])
    return {articles[i].id: state for i, state in found.items()}


@contextmanager
def cache_store(
    enabled: bool, on_warnings: Callable[[list[str]], object] | None = None
) -> Iterator[Any | None]:
    """A store for the annotation cache, opened and closed in the calling thread.

    SQLite connections belong to the thread that made them, so the worker
    opens its own rather than sharing the UI's.
    """
    if not enabled:
        yield None
        return
    try:
        from newsreader.store import Store

        store = Store.open()
    except Exception:  # noqa: BLE001 - no cache is slower, never fatal
        yield None
        return
    try:
        yield store
    finally:
        store.close()
        # The worker's store may have found damage and set the file aside;
        # the UI must hear of it (and reconnect to the rebuilt database).
        if store.warnings and on_warnings is not None:
            on_warnings(list(store.warnings))
