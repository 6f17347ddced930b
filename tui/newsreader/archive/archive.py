"""Create, fill and query an archive."""

from __future__ import annotations

import dataclasses
import re
import sqlite3
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from newsreader.archive.schema import ARCHIVE_SCHEMA_VERSION, SCHEMA
from newsreader.archive.sql import condition
from newsreader.corpus.article import Article
from newsreader.nlp.annotation import AnnotatedArticle, Annotation
from newsreader.query import ArticleState, FlagTerm, Query, fold
from newsreader.store.codec import decode_article, encode_article

_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,63}")

# Rows written per transaction while filling: large enough for SQLite's
# speed, small enough that a stopped fill keeps nearly all it did.
FILL_BATCH = 2_000


def archive_names() -> list[str]:
    """Names of the archives in the user data directory, sorted."""
    folder = _folder()
    return sorted(path.stem for path in folder.glob("*.sqlite3")) if folder.is_dir() else []


def archive_path(name: str) -> Path:
    """The database file of archive ``name`` (letters, digits, '.', '_', '-').

    Raises:
        ValueError: The name could reach outside the archive folder.
    """
    if not _NAME.fullmatch(name):
        raise ValueError(
            f"not an archive name: {name!r} (letters, digits, '.', '_' and '-', at most 64)"
        )
    return _folder() / f"{name}.sqlite3"


def _folder() -> Path:
    return Path(platformdirs.user_data_dir("newsreader", appauthor=False)) / "archives"


@dataclass(frozen=True)
class ArchiveRow:
    """What the article list shows of one article."""

    rowid: int
    path: str
    id: str
    title: str | None
    outlet: str | None
    date: str | None
    content_hash: str


class Archive:
    """One archive database. Not shared between threads: open one per thread."""

    def __init__(self, conn: sqlite3.Connection, path: Path | None) -> None:
        self._conn = conn
        self.path = path

    @classmethod
    def open(cls, name_or_path: str | Path, *, create: bool = False) -> Archive:
        """Open an archive by name (in the user data directory) or by file path.

        Raises:
            FileNotFoundError: It does not exist and ``create`` is False.
            ValueError: A name that is not a plain file name.
        """
        path = Path(name_or_path) if isinstance(name_or_path, Path) else archive_path(name_or_path)
        if not path.exists() and not create:
            known = ", ".join(archive_names()) or "none yet"
            raise FileNotFoundError(
                f"no archive {path.stem!r} (archives: {known}); "
                "make one with: newsreader annotate PATH --archive NAME"
            )
        path.parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(path, timeout=10, isolation_level=None, check_same_thread=False)
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=NORMAL")
        conn.executescript(SCHEMA)
        conn.execute(
            "INSERT OR IGNORE INTO meta (key, value) VALUES ('schema', ?)",
            (ARCHIVE_SCHEMA_VERSION,),
        )
        return cls(conn, path)

    @classmethod
    def memory(cls) -> Archive:
        conn = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
        conn.executescript(SCHEMA)
        return cls(conn, None)

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> Archive:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- filling --------------------------------------------------------

    def add(self, items: Iterable[AnnotatedArticle]) -> int:
        """Add or replace articles (by path) with their entity names and labels.

        Returns:
            How many were written.
        """
        written = 0
        batch: list[AnnotatedArticle] = []
        for item in items:
            batch.append(item)
            if len(batch) >= FILL_BATCH:
                written += self._add_batch(batch)
                batch = []
        if batch:
            written += self._add_batch(batch)
        if written:
            self._renumber()
        return written

    def _renumber(self) -> None:
        """Give every article its place in the list (0, 1, ...), in rowid order.

        The reader's list addresses articles by position; keeping positions
        in the table lets a filter return them straight from SQLite.
        """
        self._conn.execute("BEGIN IMMEDIATE")
        try:
            self._conn.execute(
                "WITH ranked AS (SELECT rowid AS r, row_number() OVER (ORDER BY rowid) - 1 AS p"
                " FROM articles) UPDATE articles SET position ="
                " (SELECT p FROM ranked WHERE ranked.r = articles.rowid)"
            )
            self._conn.execute("COMMIT")
        except BaseException:
            self._conn.execute("ROLLBACK")
            raise

    def _add_batch(self, batch: list[AnnotatedArticle]) -> int:
        conn = self._conn
        batch = sorted(batch, key=lambda item: item.article.path)
        conn.execute("BEGIN IMMEDIATE")
        try:
            for item in batch:
                article = item.article
                old = conn.execute(
                    "SELECT rowid FROM articles WHERE path = ?", (article.path,)
                ).fetchone()
                if old is not None:
                    self._forget(old[0])
                article = self._unique_id(article)
                cursor = conn.execute(
                    "INSERT INTO articles (path, id, title, outlet, outlet_folded, date,"
                    " content_hash, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    (
                        article.path,
                        article.id,
                        article.title,
                        article.outlet,
                        fold(article.outlet or ""),
                        article.date,
                        article.content_hash,
                        encode_article(article),
                    ),
                )
                rowid = cursor.lastrowid
                conn.execute(
                    "INSERT INTO text_index (rowid, text) VALUES (?, ?)",
                    (rowid, _indexed_text(article)),
                )
                names = {
                    f"\n{fold(name)}\n"
                    for entity in item.entities
                    for name in (entity.canonical, entity.text)
                    if fold(name)
                }
                for name in names:
                    conn.execute("INSERT OR IGNORE INTO names (name) VALUES (?)", (name,))
                conn.executemany(
                    "INSERT OR IGNORE INTO article_names (name_id, article)"
                    " SELECT name_id, ? FROM names WHERE name = ?",
                    [(rowid, name) for name in names],
                )
                conn.executemany(
                    "INSERT OR IGNORE INTO article_labels (label, article) VALUES (?, ?)",
                    [(label, rowid) for label in {entity.label for entity in item.entities}],
                )
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        return len(batch)

    def _unique_id(self, article: Article) -> Article:
        """The article, its id suffixed ("-2", "-3"...) if another file has it already."""
        candidate, n = article.id, 1
        while self._conn.execute(
            "SELECT 1 FROM articles WHERE id = ? AND path <> ?", (candidate, article.path)
        ).fetchone():
            n += 1
            candidate = f"{article.id}-{n}"
        return article if candidate == article.id else dataclasses.replace(article, id=candidate)

    def _forget(self, rowid: int) -> None:
        conn = self._conn
        text = conn.execute("SELECT data FROM articles WHERE rowid = ?", (rowid,)).fetchone()
        if text is not None:
            # A contentless FTS5 table forgets a row only when told its old text.
            old = decode_article(text[0])
            conn.execute(
                "INSERT INTO text_index (text_index, rowid, text) VALUES ('delete', ?, ?)",
                (rowid, _indexed_text(old)),
            )
        conn.execute("DELETE FROM article_names WHERE article = ?", (rowid,))
        conn.execute("DELETE FROM article_labels WHERE article = ?", (rowid,))
        conn.execute("DELETE FROM articles WHERE rowid = ?", (rowid,))

    # -- reading --------------------------------------------------------

    def __len__(self) -> int:
        return int(self._conn.execute("SELECT count(*) FROM articles").fetchone()[0])

    def count(self, query: Query, states: Mapping[str, ArticleState] | None = None) -> int:
        """How many articles pass ``query``."""
        where, params = self._where(query, states)
        row = self._conn.execute(f"SELECT count(*) FROM articles WHERE {where}", params)
        return int(row.fetchone()[0])

    def rows(
        self,
        query: Query,
        offset: int = 0,
        limit: int = 100,
        states: Mapping[str, ArticleState] | None = None,
    ) -> list[ArchiveRow]:
        """One page of the articles that pass ``query``, in the archive's order.

        The order is the order articles were added (a fill adds them in path
        order): rowid order lets SQLite and FTS5 walk their indexes instead
        of sorting every match to show the first fifty.
        """
        where, params = self._where(query, states)
        cursor = self._conn.execute(
            "SELECT rowid, path, id, title, outlet, date, content_hash FROM articles"
            f" WHERE {where} ORDER BY rowid LIMIT ? OFFSET ?",
            [*params, limit, offset],
        )
        return [ArchiveRow(*row) for row in cursor]

    def paths(self, query: Query, states: Mapping[str, ArticleState] | None = None) -> list[str]:
        """The paths of every article that passes ``query``, in the archive's order."""
        where, params = self._where(query, states)
        cursor = self._conn.execute(
            f"SELECT path FROM articles WHERE {where} ORDER BY rowid", params
        )
        return [path for (path,) in cursor]

    def positions(
        self, query: Query, states: Mapping[str, ArticleState] | None = None
    ) -> list[int]:
        """List positions of the articles that pass ``query``, in order."""
        where, params = self._where(query, states)
        cursor = self._conn.execute(
            f"SELECT position FROM articles WHERE {where} ORDER BY rowid", params
        )
        return [position for (position,) in cursor]

    def at(self, position: int) -> Article | None:
        """The article at a list position."""
        row = self._conn.execute(
            "SELECT data FROM articles WHERE position = ?", (position,)
        ).fetchone()
        return decode_article(row[0]) if row is not None else None

    def position_of(self, article_id: str) -> int | None:
        """The list position of an article id."""
        row = self._conn.execute(
            "SELECT position FROM articles WHERE id = ?", (article_id,)
        ).fetchone()
        return int(row[0]) if row is not None else None

    def id_of(self, path: str) -> str | None:
        """The article id the archive gives the file at ``path``."""
        row = self._conn.execute("SELECT id FROM articles WHERE path = ?", (path,)).fetchone()
        return str(row[0]) if row is not None else None

    def known(self) -> dict[str, str]:
        """path -> content hash of every article in the archive."""
        return dict(self._conn.execute("SELECT path, content_hash FROM articles"))

    def article(self, path: str) -> Article | None:
        """The cleaned article stored for ``path``."""
        row = self._conn.execute("SELECT data FROM articles WHERE path = ?", (path,)).fetchone()
        return decode_article(row[0]) if row is not None else None

    def _where(
        self, query: Query, states: Mapping[str, ArticleState] | None
    ) -> tuple[str, list[object]]:
        if any(isinstance(term, FlagTerm) for term in query.terms):
            conn = self._conn
            conn.execute(
                "CREATE TEMP TABLE IF NOT EXISTS flags"
                " (path TEXT PRIMARY KEY, read INTEGER, starred INTEGER)"
            )
            conn.execute("DELETE FROM flags")
            conn.executemany(
                "INSERT INTO flags (path, read, starred) VALUES (?, ?, ?)",
                [
                    (path, int(state.read), int(state.starred))
                    for path, state in (states or {}).items()
                    if state.read or state.starred
                ],
            )
        return condition(query)


def _indexed_text(article: Article) -> str:
    return f"{fold(article.title or '')}\n{fold(article.text)}"


def fill_archive(
    archive: Archive,
    articles: Iterable[Article],
    annotations: Callable[[list[str]], Mapping[str, Annotation]],
) -> int:
    """Add ``articles`` whose path or text the archive does not have yet.

    Args:
        archive: Where they go.
        articles: Cleaned articles.
        annotations: content hashes -> their annotations (the store's cache).

    Returns:
        How many articles were added or replaced.
    """
    known = archive.known()
    written = 0
    chunk: list[Article] = []

    def flush() -> int:
        found = annotations([article.content_hash for article in chunk])
        items = [
            AnnotatedArticle(article, found.get(article.content_hash, Annotation()))
            for article in chunk
        ]
        return archive.add(items)

    for article in articles:
        if known.get(article.path) == article.content_hash:
            continue
        chunk.append(article)
        if len(chunk) >= FILL_BATCH:
            written += flush()
            chunk = []
    if chunk:
        written += flush()
    return written
