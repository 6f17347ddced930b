"""Safe file names and atomic writes inside the export folder.

Names come from article ids only, and are reduced to letters, digits,
``-``, ``_`` and single dots, so no id ("../../etc/passwd", "a/b", "con",
an escape sequence) can name a file outside the folder or one a common
file system refuses.
"""

from __future__ import annotations

import contextlib
import os
import re
import tempfile
import unicodedata
from pathlib import Path

from newsreader.export.sanitize import clean_line

SUFFIX = ".md"
INDEX_NAME = "README.md"
MAX_CHARS = 80
MAX_BYTES = 160  # leaves room for "-NN.md" well under the usual 255-byte limit
_WINDOWS_RESERVED = {"CON", "PRN", "AUX", "NUL"} | {
    f"{name}{n}" for name in ("COM", "LPT") for n in "123456789"
}
_NOT_ALLOWED = re.compile(r"[^\w.-]+")
_DOTS = re.compile(r"\.{2,}")


def file_stem(article_id: str) -> str:
    """A file name stem for ``article_id`` that is safe on Linux, macOS and Windows."""
    stem = unicodedata.normalize("NFC", clean_line(article_id))
    stem = _NOT_ALLOWED.sub("_", stem)
    stem = _DOTS.sub(".", stem).strip("._- ")
    while len(stem) > MAX_CHARS or len(stem.encode("utf-8")) > MAX_BYTES:
        stem = stem[:-1]
    stem = stem.rstrip("._- ")
    first, dot, rest = stem.partition(".")
    if first.upper() in _WINDOWS_RESERVED:  # Windows reserves "con" with any extension too
        stem = f"{first}_{dot}{rest}"
    return stem or "article"


class UniqueNames:
    """Hands out file names that differ even on case-insensitive file systems."""

    def __init__(self, reserved: tuple[str, ...] = (INDEX_NAME,)):
        self._taken = {name.casefold() for name in reserved}

    def name_for(self, article_id: str) -> str:
        """The next free ``<stem>.md`` (``<stem>-2.md`` and on for repeats)."""
        stem = file_stem(article_id)
        candidate, counter = stem + SUFFIX, 1
        while candidate.casefold() in self._taken:
            counter += 1
            candidate = f"{stem}-{counter}{SUFFIX}"
        self._taken.add(candidate.casefold())
        return candidate


def fsync_dir(folder: Path) -> None:
    """Make renames in ``folder`` durable (best effort: not every platform can)."""
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def write_atomic(target: Path, content: str, *, overwrite: bool, sync_dir: bool = True) -> bool:
    """Write ``content`` to ``target`` through a temporary file in the same folder.

    A reader never sees a half-written file. Without ``overwrite`` an
    existing file (or symlink) is never replaced, even one that appears
    while we write.

    Args:
        target: The file to write.
        content: Its text (written as UTF-8).
        overwrite: Replace an existing file.
        sync_dir: Also make the rename durable now; a caller writing many
            files can pass False and call :func:`fsync_dir` once at the end.

    Returns:
        True when written, False when ``target`` exists and was kept.

    Raises:
        OSError: the file could not be written.
    """
    fd, temp_name = tempfile.mkstemp(dir=target.parent, prefix=".newsreader-", suffix=".tmp")
    temp = Path(temp_name)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(content.encode("utf-8"))
            handle.flush()
            os.fsync(handle.fileno())
        if overwrite:
            os.replace(temp, target)
        else:
            try:
                # link() fails when the name exists: no check-then-write race.
                os.link(temp, target)
            except FileExistsError:
                return False
            except OSError:
                # File systems without hard links: the best we can do is check first.
                if os.path.lexists(target):
                    return False
                os.replace(temp, target)
        if sync_dir:
            fsync_dir(target.parent)
        return True
    finally:
        with contextlib.suppress(FileNotFoundError):
            temp.unlink()
