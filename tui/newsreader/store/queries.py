"""The SQL behind the store: batched lookups and rows <-> state objects."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator, Sequence
from typing import TypeVar

from newsreader.corpus.article import Article
from newsreader.nlp.annotation import Annotation
from newsreader.store.codec import UndecodableRow, decode_annotation, decode_article
from newsreader.store.state import ArticleKey, ArticleState, FileKey

# SQLite allows 32,766 bound parameters since 3.32; 500 keeps each query small
# while a 10,000-article corpus still needs only 20 round trips.
BATCH = 500

K = TypeVar("K")


def batches(items: Sequence[K], size: int = BATCH) -> Iterator[Sequence[K]]:
    """Consecutive slices of at most ``size`` items."""
    for start in range(0, len(items), size):
        yield items[start : start + size]


def marks(count: int) -> str:
    """``count`` SQL parameter placeholders, comma-separated."""
    return ",".join("?" * count)


STATE_COLUMNS = "path, content_hash, read, starred, overrides"


def state_from_row(row: tuple[object, ...]) -> ArticleState:
    """An ArticleState from a row of :data:`STATE_COLUMNS`."""
    overrides: dict[str, str] = {}
    try:
        loaded = json.loads(str(row[4]))
        if isinstance(loaded, dict):
            overrides = {str(k): str(v) for k, v in loaded.items() if isinstance(v, str)}
    except ValueError:
        pass  # a damaged overrides cell loses the overrides, not the marks
    return ArticleState(read=bool(row[2]), starred=bool(row[3]), overrides=overrides)


def lookup_state(conn: sqlite3.Connection, key: ArticleKey) -> ArticleState:
    """The state saved for the key's path, else the latest for its text, else defaults."""
    row = conn.execute(
        f"SELECT {STATE_COLUMNS} FROM article_state WHERE path = ?", (key.path,)
    ).fetchone()
    if row is None:
        row = conn.execute(
            f"SELECT {STATE_COLUMNS} FROM article_state WHERE content_hash = ?"
            " ORDER BY updated_at DESC LIMIT 1",
            (key.content_hash,),
        ).fetchone()
    return state_from_row(row) if row is not None else ArticleState()


def read_annotations(
    conn: sqlite3.Connection, hashes: list[str], model_key: str
) -> dict[str, Annotation]:
    """Decoded annotations for ``hashes`` under ``model_key``, one query per batch.

    Rows that do not decode (another format, damage) are left out: misses.
    """
    found: dict[str, Annotation] = {}
    for batch in batches(hashes):
        rows = conn.execute(
            "SELECT content_hash, data FROM annotations"
            f" WHERE model_key = ? AND content_hash IN ({marks(len(batch))})",
            (model_key, *batch),
        )
        for content_hash, data in rows:
            try:
                found[content_hash] = decode_annotation(data)
            except UndecodableRow:
                continue
    return found


def stored_hashes(conn: sqlite3.Connection, hashes: list[str], model_key: str) -> set[str]:
    """Which of ``hashes`` have an annotation under ``model_key`` (nothing is decoded)."""
    found: set[str] = set()
    for batch in batches(hashes):
        rows = conn.execute(
            "SELECT content_hash FROM annotations"
            f" WHERE model_key = ? AND content_hash IN ({marks(len(batch))})",
            (model_key, *batch),
        )
        found.update(content_hash for (content_hash,) in rows)
    return found


def read_articles(
    conn: sqlite3.Connection, wanted: dict[str, FileKey], reader_version: str
) -> dict[FileKey, Article]:
    """Decoded articles cached under ``reader_version`` for files unchanged since.

    Args:
        conn: The database.
        wanted: Absolute path -> the file's key as it is now.
        reader_version: Version of the reading rules the rows must carry.

    Returns:
        file key -> article for the paths whose size and mtime still match;
        rows that do not decode are left out (misses).
    """
    found: dict[FileKey, Article] = {}
    for batch in batches(list(wanted)):
        rows = conn.execute(
            "SELECT path, size, mtime_ns, data FROM articles"
            f" WHERE reader_version = ? AND path IN ({marks(len(batch))})",
            (reader_version, *batch),
        )
        for path, size, mtime_ns, data in rows:
            key = wanted[path]
            if (key.size, key.mtime_ns) != (size, mtime_ns):
                continue
            try:
                found[key] = decode_article(data)
            except UndecodableRow:
                continue
    return found
