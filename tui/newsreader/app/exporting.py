"""Run an export for the app and phrase the outcome in one line."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from newsreader.app.library import Library
from newsreader.textsafe import printable


@dataclass(frozen=True)
class ExportOutcome:
    """What an export did, as the status line and notification show it."""

    summary: str
    problem: bool
    details: tuple[str, ...] = ()


def export_selected(
    library: Library, ids: list[str], folder: Path, comparison: Any | None
) -> ExportOutcome:
    """Export the articles ``ids`` as annotated Markdown into ``folder``, never overwriting.

    Args:
        library: Where the articles (with the user's edits) and annotations are.
        ids: Articles to export, in list order.
        folder: Destination folder (created if missing).
        comparison: compare's ``Comparison`` for the shared/unique sections, if built.

    Returns:
        What was written and what was kept, in one line plus one line per file.
    """
    from newsreader.export import export_articles
    from newsreader.export_items import export_items

    wanted = set(ids)
    annotated = [item for item in library.annotated_articles() if item.article.id in wanted]
    if not annotated:
        return ExportOutcome("export: articles are not annotated yet; try again when done", True)
    report = export_articles(export_items(annotated, comparison), folder, force=False)
    # The index (README.md) is written beside the articles; count articles only.
    articles_written = [path for path in report.written if path != report.index]
    summary = f"exported {len(articles_written)} of {len(annotated)} to {folder}"
    if report.kept:
        summary += f"; kept {len(report.kept)} existing (not overwritten)"
    if report.errors:
        summary += f"; {len(report.errors)} failed"
    missing = len(wanted) - len(annotated)
    if missing:
        summary += f"; {missing} not annotated yet"
    details = tuple(printable(line) for line in report.messages() if not line.startswith("wrote"))
    return ExportOutcome(printable(summary), bool(report.kept or report.errors), details)
