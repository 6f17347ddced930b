"""Walk the paths a user gave and list the article files in them.

Folders are walked recursively, following symbolic links but never the same
folder twice (so a link loop ends instead of spinning). Files in folders
with other extensions are skipped silently; a file the user named directly
with an unsupported extension is reported, since they asked for it.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from newsreader.corpus.article import LoadError

SUPPORTED_SUFFIXES: frozenset[str] = frozenset({".txt", ".md", ".markdown", ".html", ".htm"})


@dataclass(frozen=True)
class Found:
    """A file to read, with its size when it was found (to notice changes).

    ``path`` is spelled as ``str(Path(folder) / name)`` would spell it, but
    built as a string: a Path per file was a tenth of a warm open.
    """

    path: str
    size: int
    mtime_ns: int


def discover(paths: Iterable[str | Path]) -> tuple[list[Found], list[LoadError]]:
    """List supported files under ``paths``, sorted by path, each once.

    Args:
        paths: Files and folders, in any order.

    Returns:
        The files found (sorted, duplicates removed) and one error per path
        that could not be used: missing, unreadable folder, symlink loop,
        unsupported file type named directly.
    """
    found: dict[tuple[int, int], Found] = {}
    errors: list[LoadError] = []
    visited: set[tuple[int, int]] = set()
    for raw in paths:
        path = Path(raw)
        try:
            info = path.stat()
        except OSError as err:
            errors.append(LoadError(str(path), _os_reason(err, path)))
            continue
        if stat.S_ISDIR(info.st_mode):
            _walk(path, info, found, errors, visited)
        elif not stat.S_ISREG(info.st_mode):
            errors.append(LoadError(str(path), "not a regular file or folder"))
        elif path.suffix.lower() not in SUPPORTED_SUFFIXES:
            kinds = ", ".join(sorted(SUPPORTED_SUFFIXES))
            errors.append(
                LoadError(
                    str(path),
                    f"unsupported file type {path.suffix or '(none)'!r}; newsreader reads {kinds}",
                )
            )
        else:
            found.setdefault(
                (info.st_dev, info.st_ino), Found(str(path), info.st_size, info.st_mtime_ns)
            )
    files = sorted(found.values(), key=lambda f: f.path)
    return files, sorted(errors, key=lambda e: e.path)


def _walk(
    root: Path,
    root_info: os.stat_result,
    found: dict[tuple[int, int], Found],
    errors: list[LoadError],
    visited: set[tuple[int, int]],
) -> None:
    # An explicit stack instead of recursion: folder depth is untrusted too.
    stack = [(root, root_info)]
    while stack:
        folder, info = stack.pop()
        key = (info.st_dev, info.st_ino)
        if key in visited:
            continue
        visited.add(key)
        try:
            entries = list(os.scandir(folder))
        except OSError as err:
            errors.append(LoadError(str(folder), _os_reason(err, folder, is_dir=True)))
            continue
        prefix = _child_prefix(folder)
        for entry in entries:
            path = prefix + entry.name
            supported = name_suffix(entry.name).lower() in SUPPORTED_SUFFIXES
            try:
                entry_info = entry.stat(follow_symlinks=True)
            except OSError as err:
                if entry.is_symlink() or supported:
                    errors.append(LoadError(path, _os_reason(err, Path(path))))
                continue
            if stat.S_ISDIR(entry_info.st_mode):
                if (entry_info.st_dev, entry_info.st_ino) in visited:
                    if entry.is_symlink():
                        errors.append(
                            LoadError(path, "symbolic link loop (folder already visited); skipped")
                        )
                    continue
                stack.append((Path(path), entry_info))
            elif stat.S_ISREG(entry_info.st_mode) and supported:
                found.setdefault(
                    (entry_info.st_dev, entry_info.st_ino),
                    Found(path, entry_info.st_size, entry_info.st_mtime_ns),
                )


def name_suffix(name: str) -> str:
    """The file name's suffix as ``Path(name).suffix`` gives it ("" for ".txt" alone)."""
    dot = name.rfind(".")
    return name[dot:] if 0 < dot < len(name) - 1 else ""


def name_stem(name: str) -> str:
    """The file name without its suffix, as ``Path(name).stem`` gives it."""
    dot = name.rfind(".")
    return name[:dot] if 0 < dot < len(name) - 1 else name


def _child_prefix(folder: Path) -> str:
    """What ``str(folder / name)`` puts before ``name`` ("" for the current folder)."""
    text = str(folder)
    return "" if text == "." else os.path.join(text, "")


def _os_reason(err: OSError, path: Path, *, is_dir: bool = False) -> str:
    """A one-line reason for an OS error a person can act on."""
    what = "folder" if is_dir else "file"
    if err.errno == errno.ELOOP:
        return "symbolic link loop; the link never reaches a real file"
    if err.errno == errno.ENOENT:
        if path.is_symlink():
            return "broken symbolic link (its target does not exist)"
        return "no such file or folder (it may have been moved or deleted)"
    if err.errno in (errno.EACCES, errno.EPERM):
        return f"permission denied: cannot read this {what}"
    return f"cannot read this {what}: {err.strerror or err}"
