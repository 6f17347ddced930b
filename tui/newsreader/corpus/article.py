"""The article as the rest of newsreader sees it: clean text plus metadata."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field


@dataclass(frozen=True)
class RemovedLine:
    """A line that cleaning took out of the article, kept so nothing is lost.

    ``offset`` is the position in the cleaned ``Article.text`` where the line
    stood (the start of the paragraph that followed it, or ``len(text)`` at
    the end), so a reader can show it greyed out in place.
    """

    text: str
    # "ad", "related", "social", "teaser", "caption", "credit", "wire",
    # "footer", "metadata", "summary", "duplicate" (see corpus/rules.py, clean.py)
    kind: str
    offset: int


@dataclass(frozen=True)
class Article:
    """One news article after reading and cleaning.

    ``text`` is the cleaned body: paragraphs separated by a blank line
    ("\\n\\n"), with no title line. Every metadata field is ``None`` when the
    source does not state it; nothing is guessed.
    """

    id: str
    path: str
    text: str
    title: str | None = None
    outlet: str | None = None
    date: str | None = None  # ISO "YYYY-MM-DD"
    time: str | None = None  # "HH:MM", with ``timezone`` when stated
    timezone: str | None = None  # e.g. "WIB"
    dateline: str | None = None  # city, e.g. "Moskow"
    byline: str | None = None
    wire: str | None = None  # credited wire service, e.g. "Reuters"
    language: str = "id"
    removed: tuple[RemovedLine, ...] = field(default_factory=tuple)
    # The sub-headline teaser printed between title and lede. It paraphrases
    # the body, so it is not part of ``text`` (also listed in ``removed``).
    summary: str | None = None
    editor: str | None = None  # credited editor, e.g. "Red: Nidia Zuraya"
    # How the file's bytes were decoded ("utf-8", "utf-16-le", "cp1252"...),
    # so a reader can see when a file was not UTF-8; None for in-memory text.
    encoding: str | None = None

    @property
    def content_hash(self) -> str:
        """Stable key of the cleaned text (what annotation depends on)."""
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()

    @property
    def paragraphs(self) -> list[str]:
        return [p for p in self.text.split("\n\n") if p]


@dataclass(frozen=True)
class LoadError:
    """A file that could not be read, with a one-line reason a person can act on."""

    path: str
    reason: str


@dataclass
class LoadResult:
    articles: list[Article] = field(default_factory=list)
    errors: list[LoadError] = field(default_factory=list)
