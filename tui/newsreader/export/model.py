"""What export takes in and what it reports back.

The comparison context is export's own small shape, so export does not
depend on the internals of ``compare``; the caller adapts a story's facts
to it for each article.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from newsreader.nlp.annotation import AnnotatedArticle


@dataclass(frozen=True)
class SharedFact:
    """A sentence of this article stating a fact other outlets report too."""

    sentence: str
    outlets: tuple[str, ...]


@dataclass(frozen=True)
class FactDiscrepancy:
    """Values of one kind (date, number, place, speaker) that differ across outlets.

    ``values`` is ((outlet, value), ...) in the order to show them.
    """

    kind: str
    values: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class ArticleComparison:
    """This article seen against the other outlets in its story."""

    shared: tuple[SharedFact, ...] = ()
    unique: tuple[str, ...] = ()
    discrepancies: tuple[FactDiscrepancy, ...] = ()


@dataclass(frozen=True)
class ExportItem:
    """One article to export, with its comparison context when there is one.

    ``story`` names the story the article belongs to; the index groups
    discrepancies by it.
    """

    article: AnnotatedArticle
    comparison: ArticleComparison | None = None
    story: str | None = None


@dataclass(frozen=True)
class KeptFile:
    """An existing file that was not overwritten, and why."""

    path: Path
    reason: str


@dataclass(frozen=True)
class ExportFailure:
    """An article (or the index) that could not be written, with a reason to act on."""

    article_id: str
    reason: str


@dataclass
class ExportReport:
    """What an export did: one entry per file."""

    out_dir: Path
    written: list[Path] = field(default_factory=list)
    kept: list[KeptFile] = field(default_factory=list)
    errors: list[ExportFailure] = field(default_factory=list)
    index: Path | None = None

    def messages(self) -> list[str]:
        """One human-readable line per file, for the command line or the app."""
        lines = [f"wrote {path.name}" for path in self.written]
        lines += [f"kept existing {kept.path.name} ({kept.reason})" for kept in self.kept]
        lines += [f"could not export {error.article_id}: {error.reason}" for error in self.errors]
        return lines
