"""A SQLite connection that degrades instead of failing.

Everything that can go wrong with a file on someone's disk is turned into
a message in ``warnings`` and a fallback that keeps the app running:

- damaged file: salvage the state rows, move the file aside as
  ``<name>.corrupt-<timestamp>``, start a fresh file, put the state back;
- read-only file or folder, full or failing disk: continue on an in-memory
  copy (what was saved stays readable; new changes last for this session);
- locked by another process past the busy timeout: reads return nothing,
  state writes are queued and retried on the next write or on close.
"""

from __future__ import annotations

import os
import sqlite3
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from newsreader.store.connect import (
    NewerSchema,
    classify,
    connect,
    exists,
    fresh_memory,
    memory_copy,
    prepare,
    restore,
    set_page_size,
)
from newsreader.store.salvage import move_aside, salvage_state

T = TypeVar("T")
Work = Callable[[sqlite3.Connection], T]

_LOST_FOR_SESSION = "changes made now last only until newsreader quits"


class Database:
    """One connection plus the fallbacks described in the module docstring."""

    def __init__(self, conn: sqlite3.Connection, path: Path | None, *, busy_timeout: float):
        self.conn = conn
        self.path = path
        self.persistent = path is not None
        self.busy_timeout = busy_timeout
        self.warnings: list[str] = []
        self._lock = threading.RLock()
        self._pending: list[Work[None]] = []

    # -- opening -------------------------------------------------------------

    @classmethod
    def memory(cls) -> Database:
        """A database that lives only as long as the process."""
        return cls(fresh_memory(), None, busy_timeout=0)

    @classmethod
    def open(cls, path: Path, *, busy_timeout: float = 5.0) -> Database:
        """Open or create the database at ``path``, falling back as needed; never raises."""
        try:
            return cls._open(path, busy_timeout)
        except (OSError, RuntimeError) as error:  # RuntimeError: a symlink loop in resolve()
            db = cls.memory()
            db.path = path
            db.warn(f"Cannot use {path} ({error}); {_LOST_FOR_SESSION}.")
            return db

    @classmethod
    def _open(cls, path: Path, busy_timeout: float) -> Database:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            db = cls.memory()
            db.warn(
                f"Cannot create the folder {path.parent} ({error.strerror or error}); "
                f"reading state and the annotation cache are not saved: {_LOST_FOR_SESSION}."
            )
            return db
        if exists(path) and not (os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)):
            # Checked up front: SQLite itself would only fail at the first write.
            db = cls(fresh_memory(), path, busy_timeout=busy_timeout)
            db._fall_back("readonly", "read-only file or folder")
            return db
        conn: sqlite3.Connection | None = None
        try:
            conn = connect(str(path), timeout=busy_timeout)
            set_page_size(conn)
            conn.execute("PRAGMA journal_mode=WAL")
            # NORMAL is durable across application crashes in WAL mode, and
            # avoids an fsync per cached annotation batch.
            conn.execute("PRAGMA synchronous=NORMAL")
            prepare(conn)
            return cls(conn, path, busy_timeout=busy_timeout)
        except NewerSchema:
            if conn is not None:
                conn.close()
            db = cls.memory()
            db.path = path
            db.warn(
                f"{path} was written by a newer version of newsreader; it is left as it is "
                f"and {_LOST_FOR_SESSION}."
            )
            return db
        except sqlite3.Error as error:
            if conn is not None:
                conn.close()
            db = cls(fresh_memory(), path, busy_timeout=busy_timeout)
            db.persistent = False
            db._fall_back(classify(error), str(error))
            return db

    # -- fallbacks -----------------------------------------------------------

    def warn(self, message: str) -> None:
        """Record a message for the user, once."""
        if message not in self.warnings:
            self.warnings.append(message)

    def _fall_back(self, kind: str, reason: str) -> None:
        """Replace the connection after a failure of ``kind``; the new one is always usable."""
        assert self.path is not None
        if kind == "corrupt":
            self._recover()
        elif kind == "busy":
            copy = memory_copy(self.path, self.busy_timeout)
            self._use(copy[0] if copy else fresh_memory(), persistent=False)
            self.warn(
                f"{self.path} is locked by another program (is another newsreader busy?); "
                f"{_LOST_FOR_SESSION}."
            )
        else:
            copy = memory_copy(self.path, self.busy_timeout) if exists(self.path) else None
            self._use(copy[0] if copy else fresh_memory(), persistent=False)
            kept = ""
            if copy is not None:
                kept = (
                    "what was saved is still shown, but "
                    if copy[1]
                    else (
                        "your saved state is still shown (the cache is too large to copy and is "
                        "rebuilt for this session), but "
                    )
                )
            self.warn(f"Cannot write to {self.path} ({reason}); {kept}{_LOST_FOR_SESSION}.")

    def _use(self, conn: sqlite3.Connection, *, persistent: bool) -> None:
        try:
            self.conn.close()
        except sqlite3.Error:
            pass
        self.conn = conn
        self.persistent = persistent

    def _recover(self) -> None:
        """Salvage state from the damaged file, move it aside, start a fresh one."""
        assert self.path is not None
        try:
            self.conn.close()
        except sqlite3.Error:
            pass
        salvaged = salvage_state(self.path)
        rescued = f"{len(salvaged.article_rows)} saved article states were recovered"
        try:
            moved = move_aside(self.path)
            fresh = connect(str(self.path), timeout=self.busy_timeout)
            set_page_size(fresh)
            fresh.execute("PRAGMA journal_mode=WAL")
            fresh.execute("PRAGMA synchronous=NORMAL")
            prepare(fresh)
            restore(fresh, salvaged)
            self.conn = fresh
            self.persistent = True
            self.warn(
                f"The newsreader database was damaged and has been moved to {moved.name}; "
                f"{rescued} and the annotation cache will be rebuilt."
            )
        except (OSError, sqlite3.Error) as error:
            memory = fresh_memory()
            restore(memory, salvaged)
            self.conn = memory
            self.persistent = False
            self.warn(
                f"The newsreader database {self.path} is damaged and could not be replaced "
                f"({error}); {rescued}, {_LOST_FOR_SESSION}."
            )

    # -- running work --------------------------------------------------------

    def read(self, what: str, work: Work[T], default: T) -> T:
        """Run a read; on failure fall back and retry once, else return ``default``."""
        with self._lock:
            for attempt in range(2):
                try:
                    return work(self.conn)
                except sqlite3.Error as error:
                    if not self._handle(what, error, attempt):
                        return default
            return default

    def write(self, what: str, work: Work[None], *, queue_if_busy: bool = False) -> bool:
        """Run ``work`` in one write transaction.

        Args:
            what: Says what was being done, for the message if it fails.
            work: Does the writing; must not commit.
            queue_if_busy: Keep the work and retry it later when the file is
                locked (for the user's state, which must not be lost).

        Returns:
            True when the work is committed.
        """
        with self._lock:
            if self._pending and not self._replay_pending():
                if queue_if_busy:
                    self._pending.append(work)
                return False
            for attempt in range(2):
                try:
                    self._transaction(work)
                    return True
                except sqlite3.Error as error:
                    if classify(error) == "busy" and queue_if_busy:
                        self._pending.append(work)
                        self.warn(
                            "The newsreader database is locked by another program; "
                            "your changes are kept and will be saved when it is free."
                        )
                        return False
                    if not self._handle(what, error, attempt):
                        return False
            return False

    def flush(self) -> bool:
        """Retry queued state writes now. Returns True when nothing is left queued."""
        with self._lock:
            return self._replay_pending()

    def _replay_pending(self) -> bool:
        while self._pending:
            try:
                self._transaction(self._pending[0])
            except sqlite3.Error as error:
                if classify(error) == "busy":
                    return False
                self._handle("saving queued changes", error, 0)
                try:
                    self._transaction(self._pending[0])
                except sqlite3.Error:
                    self.warn("Some queued changes could not be saved.")
            self._pending.pop(0)
        return True

    def _transaction(self, work: Work[None]) -> None:
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            work(self.conn)
            self.conn.execute("COMMIT")
        except BaseException:
            try:
                if self.conn.in_transaction:
                    self.conn.execute("ROLLBACK")
            except sqlite3.Error:
                pass  # the original error is the one worth reporting
            raise

    def _handle(self, what: str, error: sqlite3.Error, attempt: int) -> bool:
        """React to ``error``; True when the work should be tried again."""
        if isinstance(error, sqlite3.ProgrammingError | sqlite3.IntegrityError):
            raise error  # our bug, not the file's: do not hide it
        kind = classify(error)
        if kind == "busy":
            self.warn(f"The newsreader database is locked by another program; {what} skipped.")
            return False
        if attempt > 0 or kind == "other" or self.path is None or not self.persistent:
            self.warn(f"Database error while {what}: {error}.")
            return False
        self._fall_back(kind, str(error))
        return True

    def close(self) -> None:
        """Save queued changes if possible and close the file."""
        with self._lock:
            if self._pending and not self._replay_pending():
                self.warn(
                    f"{len(self._pending)} changes could not be saved: the database stayed locked."
                )
            try:
                self.conn.close()
            except sqlite3.Error:
                pass
