"""Archives: a large collection read from the store instead of held in memory.

An archive is a named SQLite database beside the store that lists its
articles (path, id, title, outlet, date, content hash, the cleaned article
itself) with an FTS5 index over the folded text and tables of entity names
and labels. The reader's list and filters query it, so opening a million
articles costs one page of rows, not a million objects.
"""

from newsreader.archive.archive import (
    Archive,
    ArchiveRow,
    archive_names,
    archive_path,
    fill_archive,
)

__all__ = ["Archive", "ArchiveRow", "archive_names", "archive_path", "fill_archive"]
