"""Tables of the newsreader database.

The cache tables (``annotations``, ``articles``) can always be rebuilt; the
state tables (``article_state``, ``position``) hold what only the user can
recreate, and are what recovery tries to salvage from a damaged file.
"""

from __future__ import annotations

import sqlite3

# 2: cache tables became rowid tables: rows of a few kB overflow a
# WITHOUT ROWID page and wasted almost half the file.
SCHEMA_VERSION = 2

STATE_TABLES = ("article_state", "position")
CACHE_TABLES = ("annotations", "articles")
# Every column of an article_state row, in table order (for copying rows whole).
STATE_ROW = "path, content_hash, read, starred, overrides, updated_at"

_TABLES = """
CREATE TABLE IF NOT EXISTS annotations (
    content_hash TEXT NOT NULL,
    model_key TEXT NOT NULL,
    data TEXT NOT NULL,
    PRIMARY KEY (content_hash, model_key)
);
CREATE TABLE IF NOT EXISTS articles (
    path TEXT PRIMARY KEY,
    size INTEGER NOT NULL,
    mtime_ns INTEGER NOT NULL,
    reader_version TEXT NOT NULL,
    data TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS article_state (
    path TEXT PRIMARY KEY,
    content_hash TEXT NOT NULL,
    read INTEGER NOT NULL DEFAULT 0,
    starred INTEGER NOT NULL DEFAULT 0,
    overrides TEXT NOT NULL DEFAULT '{}',
    updated_at REAL NOT NULL
);
CREATE INDEX IF NOT EXISTS article_state_by_hash ON article_state (content_hash);
CREATE TABLE IF NOT EXISTS position (
    slot INTEGER PRIMARY KEY CHECK (slot = 0),
    data TEXT NOT NULL
);
"""


def schema_version(conn: sqlite3.Connection) -> int:
    """The schema version recorded in the file (0 for a new, empty database)."""
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def create_schema(conn: sqlite3.Connection) -> None:
    """Create or upgrade the tables in one transaction; a no-op when they are current.

    An upgrade drops the cache tables (they are rebuilt as articles are
    read again) and keeps the state tables. ``conn`` must be in
    autocommit mode (``isolation_level=None``).
    """
    conn.execute("BEGIN IMMEDIATE")
    try:
        if 0 < schema_version(conn) < SCHEMA_VERSION:
            for table in CACHE_TABLES:
                conn.execute(f"DROP TABLE IF EXISTS {table}")
        for statement in _TABLES.split(";"):
            if statement.strip():
                conn.execute(statement)
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
