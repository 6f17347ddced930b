"""Where the database lives by default."""

from __future__ import annotations

from pathlib import Path

import platformdirs

DB_FILENAME = "newsreader.sqlite3"


def default_path() -> Path:
    """The database file under the user data directory (honours ``XDG_DATA_HOME``).

    Returns:
        ``<user data dir>/newsreader.sqlite3``; the folder may not exist yet.
    """
    return Path(platformdirs.user_data_dir("newsreader", appauthor=False)) / DB_FILENAME
