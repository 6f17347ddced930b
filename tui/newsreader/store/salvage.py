"""Rescue the user's state from a damaged database and move the file aside.

A damaged page only breaks the rows stored on it, so each state table is
read forwards until the first error and then backwards from the end; what
either pass returned is kept. The cache is never salvaged: it is rebuilt.
"""

from __future__ import annotations

import os
import sqlite3
import time
from dataclasses import dataclass, field
from pathlib import Path

from newsreader.store.schema import STATE_ROW


@dataclass
class SalvagedState:
    """State rows read from a damaged file, ready to re-insert."""

    article_rows: list[tuple[object, ...]] = field(default_factory=list)
    position: str | None = None


def _read_rows(conn: sqlite3.Connection, sql: str) -> list[tuple[object, ...]]:
    rows: list[tuple[object, ...]] = []
    try:
        for row in conn.execute(sql):
            rows.append(tuple(row))
    except sqlite3.DatabaseError:
        pass  # keep what was read before the damaged page
    return rows


def salvage_state(path: Path) -> SalvagedState:
    """Read whatever state rows can still be read from ``path``.

    Never raises for a damaged or unreadable file: it returns what it got.
    """
    salvaged = SalvagedState()
    try:
        conn = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True, timeout=1.0)
    except (sqlite3.Error, OSError, RuntimeError):
        return salvaged
    try:
        # Makes SQLite skip its checks of the schema (root pages past the end
        # of a truncated file), so tables on intact pages stay readable. The
        # connection is read-only: nothing is ever written through it.
        conn.execute("PRAGMA writable_schema = ON")
        by_path: dict[object, tuple[object, ...]] = {}
        for order in ("ASC", "DESC"):
            sql = f"SELECT {STATE_ROW} FROM article_state ORDER BY rowid {order}"
            for row in _read_rows(conn, sql):
                if _valid_state_row(row):
                    by_path.setdefault(row[0], row)
        salvaged.article_rows = list(by_path.values())
        positions = _read_rows(conn, "SELECT data FROM position WHERE slot = 0")
        if positions and isinstance(positions[0][0], str):
            salvaged.position = positions[0][0]
    except sqlite3.DatabaseError:
        pass  # nothing readable at all
    finally:
        conn.close()
    return salvaged


def _valid_state_row(row: tuple[object, ...]) -> bool:
    path, content_hash, read, starred, overrides, updated_at = row
    return (
        isinstance(path, str)
        and isinstance(content_hash, str)
        and isinstance(read, int)
        and isinstance(starred, int)
        and isinstance(overrides, str)
        and isinstance(updated_at, int | float)
    )


def move_aside(path: Path) -> Path:
    """Rename a damaged database (and its WAL) to ``<name>.corrupt-<UTC timestamp>``.

    The shared-memory index is deleted: it is derived data and a stale one
    would confuse the fresh database created at ``path``.

    Returns:
        The new name of the damaged file.

    Raises:
        OSError: the file could not be renamed.
    """
    stamp = time.strftime("%Y%m%dT%H%M%SZ", time.gmtime())
    target = path.with_name(f"{path.name}.corrupt-{stamp}")
    counter = 1
    while target.exists():
        counter += 1
        target = path.with_name(f"{path.name}.corrupt-{stamp}-{counter}")
    os.replace(path, target)
    wal = path.with_name(path.name + "-wal")
    try:
        if wal.stat().st_size == 0:
            wal.unlink()
        else:
            # Committed changes may still sit only in the WAL: keep it beside the file.
            os.replace(wal, target.with_name(target.name + "-wal"))
    except OSError:
        pass  # missing, or stuck: the main file is out of the way, which is what matters
    shm = path.with_name(path.name + "-shm")
    try:
        shm.unlink(missing_ok=True)
    except OSError:
        pass
    return target
