"""SQLite cache of annotations and read articles, and the user's own state.

One database file under the user data directory holds both. The cache is
rebuildable; the state (read, starred, hand-edited metadata, last position)
is not, so every failure mode of the file keeps it where it can.
"""

from newsreader.store.location import default_path
from newsreader.store.state import (
    OVERRIDABLE_FIELDS,
    ArticleKey,
    ArticleState,
    FileKey,
    Position,
    apply_overrides,
)
from newsreader.store.store import Store

__all__ = [
    "OVERRIDABLE_FIELDS",
    "ArticleKey",
    "ArticleState",
    "FileKey",
    "Position",
    "Store",
    "apply_overrides",
    "default_path",
]
