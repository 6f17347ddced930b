"""The store: annotation and article cache plus the user's own state, in one file."""

from __future__ import annotations

import json
import sqlite3
import time
from collections.abc import Iterable, Sequence
from pathlib import Path

from newsreader.corpus.article import Article
from newsreader.gcpause import gc_paused
from newsreader.nlp.annotation import Annotation
from newsreader.store.codec import (
    encode_annotation,
    encode_article,
)
from newsreader.store.database import Database
from newsreader.store.location import default_path
from newsreader.store.queries import (
    STATE_COLUMNS,
    batches,
    lookup_state,
    marks,
    read_annotations,
    read_articles,
    state_from_row,
    stored_hashes,
)
from newsreader.store.state import (
    ArticleKey,
    ArticleState,
    FileKey,
    Position,
    clean_override,
    position_from_dict,
    position_to_dict,
)


class Store:
    """Cache and user state. Never raises for problems with the file itself.

    Anything that went wrong (damaged file, read-only folder, locked
    database) is described in :attr:`warnings`, for the app to show. One
    store may be shared by threads: calls are serialised.
    """

    def __init__(self, db: Database):
        self._db = db

    @classmethod
    def open(cls, path: Path | None = None, *, busy_timeout: float = 5.0) -> Store:
        """Open the database, creating it when missing.

        Args:
            path: The database file; default ``newsreader.sqlite3`` in the
                user data directory (``XDG_DATA_HOME`` is honoured).
            busy_timeout: Seconds to wait for another process's lock.

        Returns:
            A usable store, in memory if the file cannot be used.
        """
        return cls(Database.open(path or default_path(), busy_timeout=busy_timeout))

    @classmethod
    def memory(cls) -> Store:
        """A store that keeps nothing after the process ends."""
        return cls(Database.memory())

    @property
    def warnings(self) -> list[str]:
        """Human-readable messages about every way the store had to degrade."""
        return self._db.warnings

    @property
    def path(self) -> Path | None:
        """The database file (even when degraded to memory), ``None`` for :meth:`memory`."""
        return self._db.path

    @property
    def persistent(self) -> bool:
        """Whether changes are being saved to :attr:`path`."""
        return self._db.persistent

    def close(self) -> None:
        """Save queued state changes if the file is free, then close it."""
        self._db.close()

    def flush(self) -> bool:
        """Retry state changes queued while the file was locked.

        Returns:
            True when nothing is left unsaved.
        """
        return self._db.flush()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- annotation cache ----------------------------------------------------

    def get_annotation(self, content_hash: str, model_key: str) -> Annotation | None:
        """The cached annotation for one cleaned text and model, if any."""
        return self.get_annotations([content_hash], model_key).get(content_hash)

    def get_annotations(
        self, content_hashes: Iterable[str], model_key: str
    ) -> dict[str, Annotation]:
        """Cached annotations for many texts, one query per 500 keys.

        Args:
            content_hashes: ``Article.content_hash`` values.
            model_key: ``ModelInfo.cache_key`` ("name@version").

        Returns:
            content hash -> annotation, for the hashes found; rows in an
            older format are left out (they are misses).
        """
        unique = list(dict.fromkeys(content_hashes))

        def work(conn: sqlite3.Connection) -> dict[str, Annotation]:
            with gc_paused():
                return read_annotations(conn, unique, model_key)

        return self._db.read("reading cached annotations", work, {})

    def annotated_hashes(self, content_hashes: Iterable[str], model_key: str) -> set[str]:
        """Which texts already have an annotation under ``model_key``, without decoding any.

        A bulk run over a million articles needs only this to know what is left.
        """
        unique = list(dict.fromkeys(content_hashes))

        def work(conn: sqlite3.Connection) -> set[str]:
            return stored_hashes(conn, unique, model_key)

        return self._db.read("reading cached annotations", work, set())

    def put_annotations(self, items: Iterable[tuple[str, Annotation]], model_key: str) -> None:
        """Cache annotations, all in one transaction.

        Args:
            items: (content hash, annotation) pairs.
            model_key: ``ModelInfo.cache_key`` of the model that produced them.
        """
        rows: list[tuple[str, str, str]] = []
        for content_hash, annotation in items:
            try:
                rows.append((content_hash, model_key, encode_annotation(annotation)))
            except (TypeError, ValueError) as error:
                self._db.warn(f"An annotation could not be cached: {error}.")

        def work(conn: sqlite3.Connection) -> None:
            conn.executemany(
                "INSERT OR REPLACE INTO annotations (content_hash, model_key, data)"
                " VALUES (?, ?, ?)",
                rows,
            )

        if rows:
            self._db.write("caching annotations", work)

    def prune_annotations(self, keep_model_key: str) -> bool:
        """Forget annotations made by any other model (e.g. after a model upgrade).

        Returns:
            True when done.
        """

        def work(conn: sqlite3.Connection) -> None:
            conn.execute("DELETE FROM annotations WHERE model_key != ?", (keep_model_key,))

        return self._db.write("pruning old annotations", work)

    def prune_articles(self, keep_reader_version: str) -> bool:
        """Forget articles read under any other version of the reading rules.

        A file read again replaces its own entry, but after the rules
        change every file not opened since keeps a row no load can use.

        Returns:
            True when done.
        """

        def work(conn: sqlite3.Connection) -> None:
            conn.execute("DELETE FROM articles WHERE reader_version != ?", (keep_reader_version,))

        return self._db.write("pruning old articles", work)

    def clear_cache(self) -> bool:
        """Forget every cached annotation and article; the user's state is kept.

        Returns:
            True when done.
        """

        def work(conn: sqlite3.Connection) -> None:
            conn.execute("DELETE FROM annotations")
            conn.execute("DELETE FROM articles")

        return self._db.write("clearing the cache", work)

    # -- article cache -------------------------------------------------------

    def get_articles(
        self, keys: Iterable[FileKey], reader_version: str = ""
    ) -> dict[FileKey, Article]:
        """Articles cached for files that have not changed since they were read.

        Args:
            keys: The files as they are now (see :meth:`FileKey.of`).
            reader_version: Version of the reading/cleaning rules; articles
                cached under another version are misses.

        Returns:
            file key -> article, for the files whose path, size and mtime match.
        """
        wanted = {key.path: key for key in keys}

        def work(conn: sqlite3.Connection) -> dict[FileKey, Article]:
            with gc_paused():
                return read_articles(conn, wanted, reader_version)

        return self._db.read("reading cached articles", work, {})

    def put_articles(
        self, items: Iterable[tuple[FileKey, Article]], reader_version: str = ""
    ) -> None:
        """Cache read articles by file, all in one transaction (replacing older entries)."""
        rows: list[tuple[str, int, int, str, str]] = []
        for key, article in items:
            try:
                data = encode_article(article)
            except (TypeError, ValueError) as error:
                self._db.warn(f"An article could not be cached: {error}.")
                continue
            rows.append((key.path, key.size, key.mtime_ns, reader_version, data))

        def work(conn: sqlite3.Connection) -> None:
            conn.executemany(
                "INSERT OR REPLACE INTO articles (path, size, mtime_ns, reader_version, data)"
                " VALUES (?, ?, ?, ?, ?)",
                rows,
            )

        if rows:
            self._db.write("caching articles", work)

    # -- user state ----------------------------------------------------------

    def get_state(self, key: ArticleKey) -> ArticleState:
        """Read/starred marks and corrections for one article (defaults when none)."""
        return self._db.read(
            "reading article state", lambda conn: lookup_state(conn, key), ArticleState()
        )

    def get_states(self, keys: Iterable[ArticleKey]) -> dict[ArticleKey, ArticleState]:
        """The state of many articles at once, batched; every key gets an entry."""
        wanted = list(dict.fromkeys(keys))
        saved = self.saved_states(wanted)
        return {key: saved.get(i) or ArticleState() for i, key in enumerate(wanted)}

    def has_states(self) -> bool:
        """Whether any article has saved state: a cheap check before keying a whole corpus."""

        def work(conn: sqlite3.Connection) -> bool:
            return conn.execute("SELECT 1 FROM article_state LIMIT 1").fetchone() is not None

        # When the file cannot be read, say yes: the lookup then reports it.
        return self._db.read("reading article states", work, True)

    def states_by_path(self) -> dict[str, ArticleState]:
        """Every saved state with a mark or an edit, by path (an archive filters by path)."""

        def work(conn: sqlite3.Connection) -> dict[str, ArticleState]:
            rows = conn.execute(
                f"SELECT {STATE_COLUMNS} FROM article_state"
                " WHERE read OR starred OR overrides <> '{}'"
            )
            return {str(row[0]): state_from_row(row) for row in rows}

        return self._db.read("reading article states", work, {})

    def saved_states(self, keys: Sequence[ArticleKey]) -> dict[int, ArticleState]:
        """The state saved for each key that has one (by path, else by text), batched.

        Args:
            keys: The articles, typically a whole corpus.

        Returns:
            Index in ``keys`` -> saved state, only for keys with one: restoring
            10,000 articles of which few carry state builds (and hashes) nothing
            for the rest.
        """

        def work(conn: sqlite3.Connection) -> dict[int, ArticleState]:
            by_path: dict[str, ArticleState] = {}
            for batch in batches(list({key.path for key in keys})):
                sql = (
                    f"SELECT {STATE_COLUMNS} FROM article_state WHERE path IN ({marks(len(batch))})"
                )
                for row in conn.execute(sql, batch):
                    by_path[row[0]] = state_from_row(row)
            missing = list({key.content_hash for key in keys if key.path not in by_path})
            by_hash: dict[str, ArticleState] = {}
            for batch in batches(missing):
                sql = (
                    f"SELECT {STATE_COLUMNS} FROM article_state"
                    f" WHERE content_hash IN ({marks(len(batch))}) ORDER BY updated_at"
                )
                for row in conn.execute(sql, batch):
                    by_hash[row[1]] = state_from_row(row)  # the latest wins
            found: dict[int, ArticleState] = {}
            if not by_path and not by_hash:
                return found
            for i, key in enumerate(keys):
                state = by_path.get(key.path) or by_hash.get(key.content_hash)
                if state is not None:
                    found[i] = state
            return found

        return self._db.read("reading article states", work, {})

    def mark_read(self, key: ArticleKey, read: bool = True) -> bool:
        """Mark an article read or unread. Returns True when saved, False when queued or lost."""
        return self._change(key, "marking an article read", read=read)

    def set_starred(self, key: ArticleKey, starred: bool = True) -> bool:
        """Star or unstar an article. Returns True when saved."""
        return self._change(key, "starring an article", starred=starred)

    def set_override(self, key: ArticleKey, field: str, value: str | None) -> bool:
        """Correct ``title``, ``outlet`` or ``date`` by hand; ``None`` restores detection.

        Raises:
            ValueError: unknown field, or a date that is not ``YYYY-MM-DD``.
        """
        cleaned = clean_override(field, value)
        return self._change(key, "saving an edited field", override=(field, cleaned))

    def overrides(self, key: ArticleKey) -> dict[str, str]:
        """The hand-edited metadata of an article (field -> value)."""
        return dict(self.get_state(key).overrides)

    def _change(
        self,
        key: ArticleKey,
        what: str,
        *,
        read: bool | None = None,
        starred: bool | None = None,
        override: tuple[str, str | None] | None = None,
    ) -> bool:
        def work(conn: sqlite3.Connection) -> None:
            # Read inside the write transaction, so another process's change
            # to a different field of the same article is not lost.
            state = lookup_state(conn, key)
            overrides = dict(state.overrides)
            if override is not None:
                name, value = override
                if value is None:
                    overrides.pop(name, None)
                else:
                    overrides[name] = value
            conn.execute(
                "INSERT OR REPLACE INTO article_state"
                " (path, content_hash, read, starred, overrides, updated_at)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                (
                    key.path,
                    key.content_hash,
                    int(state.read if read is None else read),
                    int(state.starred if starred is None else starred),
                    json.dumps(overrides, ensure_ascii=False, sort_keys=True),
                    time.time(),
                ),
            )

        return self._db.write(what, work, queue_if_busy=True)

    # -- position ------------------------------------------------------------

    def save_position(self, position: Position) -> bool:
        """Remember where the user is. Returns True when saved."""
        data = json.dumps(position_to_dict(position), ensure_ascii=False)

        def work(conn: sqlite3.Connection) -> None:
            conn.execute("INSERT OR REPLACE INTO position (slot, data) VALUES (0, ?)", (data,))

        return self._db.write("saving the reading position", work, queue_if_busy=True)

    def last_position(self) -> Position | None:
        """The position saved last, or ``None``."""

        def work(conn: sqlite3.Connection) -> Position | None:
            row = conn.execute("SELECT data FROM position WHERE slot = 0").fetchone()
            if row is None:
                return None
            try:
                return position_from_dict(json.loads(row[0]))
            except (TypeError, ValueError):
                return None

        return self._db.read("reading the last position", work, None)
