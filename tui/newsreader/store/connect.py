"""Opening SQLite connections for the store: checks, schema, and in-memory copies."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from newsreader.store.salvage import SalvagedState
from newsreader.store.schema import SCHEMA_VERSION, STATE_ROW, create_schema, schema_version


class NewerSchema(Exception):
    """The file was written by a newer newsreader; it is left untouched."""


def classify(error: sqlite3.Error) -> str:
    """Sort a SQLite error into what we do about it.

    Returns:
        "busy", "readonly", "corrupt", "unavailable" or "other".
    """
    name = getattr(error, "sqlite_errorname", "") or ""
    message = str(error).lower()
    if name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")) or "locked" in message:
        return "busy"
    if name.startswith("SQLITE_READONLY") or "readonly" in message:
        return "readonly"
    if name.startswith(("SQLITE_CORRUPT", "SQLITE_NOTADB")) or (
        "malformed" in message or "not a database" in message
    ):
        return "corrupt"
    if "no such table" in message or "no such column" in message:
        return "corrupt"  # someone else's file, or a schema we no longer recognise
    if name.startswith(("SQLITE_CANTOPEN", "SQLITE_IOERR", "SQLITE_FULL", "SQLITE_PERM")) or (
        "unable to open" in message or "disk i/o" in message or "disk is full" in message
    ):
        return "unavailable"
    return "other"


def connect(target: str, *, uri: bool = False, timeout: float = 5.0) -> sqlite3.Connection:
    """A connection in autocommit mode that other threads may use (under a lock)."""
    # Autocommit mode: transactions are explicit BEGIN IMMEDIATE blocks, so a
    # writer takes its lock up front instead of failing half-way through.
    # check_same_thread=False: the app writes from worker threads; every use
    # goes through Database._lock.
    return sqlite3.connect(
        target, uri=uri, timeout=timeout, isolation_level=None, check_same_thread=False
    )


def exists(path: Path) -> bool:
    """``path.exists()``, with unreadable parents counting as missing."""
    try:
        return path.exists()
    except OSError:  # e.g. a folder we may not search: as good as missing
        return False


def set_page_size(conn: sqlite3.Connection) -> None:
    """Use 8 kB pages for a new file."""
    # Only takes effect on a new file. A cached annotation is typically
    # 2-4 kB: one per 4 kB page wastes a third of the file, three per 8 kB
    # page almost nothing.
    conn.execute("PRAGMA page_size = 8192")


def probe(conn: sqlite3.Connection) -> None:
    """Touch every table once so a damaged file fails now rather than mid-session."""
    conn.execute("SELECT count(*) FROM article_state").fetchone()
    conn.execute("SELECT data FROM position").fetchall()
    conn.execute("SELECT 1 FROM annotations LIMIT 1").fetchall()
    conn.execute("SELECT 1 FROM articles LIMIT 1").fetchall()


def prepare(conn: sqlite3.Connection) -> None:
    """Create or upgrade the schema, then probe every table.

    Raises:
        NewerSchema: the file belongs to a newer newsreader.
        sqlite3.Error: the file is damaged, locked or not writable.
    """
    version = schema_version(conn)
    if version > SCHEMA_VERSION:
        raise NewerSchema(f"schema version {version}")
    if version < SCHEMA_VERSION:
        create_schema(conn)
    probe(conn)


def fresh_memory() -> sqlite3.Connection:
    """A fresh in-memory database with the schema."""
    conn = connect(":memory:")
    create_schema(conn)
    return conn


# Above this a read-only database is not copied whole into memory: only the
# user's state is, and the cache is rebuilt for the session.
MAX_MEMORY_COPY = 256 * 1024 * 1024


def _copy_state(source: sqlite3.Connection) -> sqlite3.Connection:
    memory = fresh_memory()
    rows = source.execute(f"SELECT {STATE_ROW} FROM article_state").fetchall()
    position = source.execute("SELECT data FROM position WHERE slot = 0").fetchone()
    restore(memory, SalvagedState(rows, position[0] if position else None))
    return memory


def memory_copy(path: Path, timeout: float) -> tuple[sqlite3.Connection, bool] | None:
    """Copy a file we may not write into memory.

    Returns:
        The copy and whether it holds the cache too (False: only the user's
        state, the file being too large), or ``None`` when it cannot be read.
    """
    try:
        base = path.resolve().as_uri()
    except (OSError, RuntimeError):
        return None
    # immutable=1 reads a WAL database even where its -shm cannot be created.
    for query in ("?mode=ro", "?mode=ro&immutable=1"):
        source = None
        try:
            source = connect(base + query, uri=True, timeout=timeout)
            # Hold a read transaction for the copy: Connection.backup() retries a
            # locked source forever, while this read gives up after the timeout.
            source.execute("BEGIN")
            source.execute("SELECT count(*) FROM sqlite_master").fetchone()
            version = schema_version(source)
            if version > SCHEMA_VERSION:
                return None
            pages = source.execute("PRAGMA page_count").fetchone()[0]
            page_size = source.execute("PRAGMA page_size").fetchone()[0]
            if pages * page_size > MAX_MEMORY_COPY:
                return _copy_state(source), False
            memory = connect(":memory:")
            source.backup(memory)
            source.execute("COMMIT")
            if version < SCHEMA_VERSION:
                create_schema(memory)
            probe(memory)
            return memory, True
        except sqlite3.Error as error:
            if classify(error) == "busy":
                return None  # immutable=1 would read a file that is being written
            continue
        finally:
            if source is not None:
                source.close()
    return None


def restore(conn: sqlite3.Connection, salvaged: SalvagedState) -> None:
    """Insert salvaged state rows, in one transaction."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        conn.executemany(
            f"INSERT OR REPLACE INTO article_state ({STATE_ROW}) VALUES (?, ?, ?, ?, ?, ?)",
            salvaged.article_rows,
        )
        if salvaged.position is not None:
            conn.execute(
                "INSERT OR REPLACE INTO position (slot, data) VALUES (0, ?)", (salvaged.position,)
            )
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
