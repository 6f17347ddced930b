"""The user's own state: what they read, starred, corrected, and where they were."""

from __future__ import annotations

import dataclasses
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from newsreader.corpus.article import Article
from newsreader.textsafe import printable

# Fields a person may correct by hand when detection got them wrong or missed them.
OVERRIDABLE_FIELDS: tuple[str, ...] = ("title", "outlet", "date")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


@dataclass(frozen=True)
class ArticleKey:
    """Identifies an article's state.

    State is keyed by the file's absolute path, so two files with the same
    text keep separate read/starred marks. When nothing is stored for the
    path (the file was moved or renamed, or the bundled seeds now live in
    another install), the state saved for the same cleaned text is used
    instead and is carried over to the new path on the next change.
    """

    path: str
    content_hash: str

    @classmethod
    def of(cls, article: Article) -> ArticleKey:
        """The key of a loaded article."""
        return cls(os.path.abspath(article.path), article.content_hash)


@dataclass(frozen=True)
class ArticleState:
    """Read and starred marks plus hand-edited metadata (field name -> value)."""

    read: bool = False
    starred: bool = False
    overrides: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Position:
    """Where the user was: the article open, the list cursor and the reader place."""

    article_id: str | None = None
    path: str | None = None
    list_index: int = 0
    scroll: float = 0.0
    sentence: int | None = None


@dataclass(frozen=True)
class FileKey:
    """A source file as it was when read; any change of size or mtime is a miss."""

    path: str
    size: int
    mtime_ns: int

    @classmethod
    def of(cls, path: str | Path) -> FileKey:
        """Stat ``path`` now.

        Raises:
            OSError: the file cannot be stat'ed.
        """
        stat = os.stat(path)
        return cls(os.path.abspath(path), stat.st_size, stat.st_mtime_ns)


def clean_override(field_name: str, value: str | None) -> str | None:
    """Check a hand-edited value; ``None`` or blank means "clear the override".

    Raises:
        ValueError: unknown field, or a date that is not a real ``YYYY-MM-DD``.
    """
    if field_name not in OVERRIDABLE_FIELDS:
        raise ValueError(f"{field_name!r} cannot be edited; use one of {OVERRIDABLE_FIELDS}")
    if value is None:
        return None
    cleaned = printable(value)
    if not cleaned:
        return None
    if field_name == "date":
        if not _ISO_DATE.fullmatch(cleaned):
            raise ValueError(f"date must be YYYY-MM-DD, not {cleaned!r}")
        date.fromisoformat(cleaned)  # raises ValueError for 2023-02-30
    return cleaned


def apply_overrides(article: Article, overrides: Mapping[str, str]) -> Article:
    """The article with the user's corrections in place of detected metadata."""
    changes = {name: value for name, value in overrides.items() if name in OVERRIDABLE_FIELDS}
    return dataclasses.replace(article, **changes) if changes else article


def position_to_dict(position: Position) -> dict[str, object]:
    """A position as a JSON-ready dict."""
    return dataclasses.asdict(position)


def position_from_dict(data: object) -> Position | None:
    """Rebuild a saved position, tolerating missing or mistyped fields."""
    if not isinstance(data, dict):
        return None

    def pick(name: str, kinds: tuple[type, ...], default: object) -> object:
        value = data.get(name, default)
        # bool is an int subclass; a saved True is no list index.
        if isinstance(value, bool) or not isinstance(value, kinds):
            return default
        return value

    return Position(
        article_id=pick("article_id", (str,), None),  # type: ignore[arg-type]
        path=pick("path", (str,), None),  # type: ignore[arg-type]
        list_index=pick("list_index", (int,), 0),  # type: ignore[arg-type]
        scroll=float(pick("scroll", (int, float), 0.0)),  # type: ignore[arg-type]
        sentence=pick("sentence", (int,), None),  # type: ignore[arg-type]
    )
