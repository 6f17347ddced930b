"""The article-metadata cache ``load`` can use: what it needs, and when entries go stale.

Reading and cleaning 10,000 files costs seconds; looking their articles up
by (path, size, mtime) costs a fraction of that. Corpus only defines the
interface (``ArticleCache``) so it never imports the store; the store's
``Store`` satisfies it. Entries are valid for one ``READER_VERSION``, which
changes whenever the reading, cleaning or metadata rules change.
"""

from __future__ import annotations

import hashlib
import os
import sys
import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from newsreader.corpus.article import Article

# Raise by hand for a change the source digest below cannot see (e.g. a
# change of meaning in a dependency such as trafilatura or markdown-it).
CORPUS_VERSION = "1"

# Every module whose code decides what an Article holds. Their source is
# digested, so editing a rule or a pattern invalidates the cache by itself.
_RULE_MODULES = (
    "article",
    "clean",
    "dates",
    "decode",
    "html",
    "language",
    "loader",
    "markdown",
    "metadata",
    "outlets",
    "parse",
    "rules",
    "sanitize",
    "wrap",
)

# A file written this recently may be rewritten within the same mtime tick
# with the same size, which the key could not tell apart; it is not cached.
_RACY_SECONDS = 2.0


@dataclass(frozen=True)
class FileKey:
    """A source file as it was when found; a change of size or mtime is a miss.

    Same fields and meaning as ``newsreader.store.FileKey``: ``path`` is
    absolute, so the cache works whatever the current folder.
    """

    path: str
    size: int
    mtime_ns: int


class ArticleCache(Protocol):
    """Where ``load`` keeps articles it has read (``newsreader.store.Store`` is one)."""

    def get_articles(
        self, keys: Iterable[FileKey], reader_version: str
    ) -> Mapping[FileKey, Article]:
        """Articles cached for these files under this version (only the hits)."""
        ...

    def put_articles(self, items: Iterable[tuple[FileKey, Article]], reader_version: str) -> None:
        """Remember articles read from these files under this version."""
        ...


def _digest_rules() -> str:
    digest = hashlib.sha256(CORPUS_VERSION.encode())
    package = Path(__file__).resolve().parent
    for name in _RULE_MODULES:
        digest.update(name.encode())
        try:
            digest.update((package / f"{name}.py").read_bytes())
        except OSError:
            # Source not shipped (a frozen build): fall back to the
            # interpreter and package identity, which still changes on upgrade.
            digest.update(sys.version.encode())
    return digest.hexdigest()[:16]


READER_VERSION = f"corpus-{CORPUS_VERSION}-{_digest_rules()}"


def file_key(path: str | Path, size: int, mtime_ns: int) -> FileKey:
    """The cache key of a file found with this size and mtime."""
    text = str(path)
    # Found paths under an absolute root are already absolute; abspath's
    # normalisation costs more than the rest of building the key.
    return FileKey(text if os.path.isabs(text) else os.path.abspath(text), size, mtime_ns)


def cacheable(key: FileKey, now_ns: int | None = None) -> bool:
    """Whether an article read from ``key`` may be cached (not written just now)."""
    now = time.time_ns() if now_ns is None else now_ns
    return key.mtime_ns < now - int(_RACY_SECONDS * 1e9)
