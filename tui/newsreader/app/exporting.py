"""Run an export for the app and phrase the outcome in one line."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from newsreader.app.library import Library


@dataclass(frozen=True)
class ExportOutcome:
    summary: str
    problem: bool


def export_selected(
    library: Library, ids: list[str], folder: Path, comparison: dict[str, Any] | None
) -> ExportOutcome:
    """Export the articles ``ids`` as annotated Markdown into ``folder``, never overwriting.

    Args:
        library: Where the articles and their annotations are.
        ids: Articles to export.
        folder: Destination folder (created if missing).
        comparison: The comparison in JSON form, if built.

    Returns:
        What was written and what was kept, in one line.
    """
    try:
        from newsreader.export import export_articles
    except ImportError:
        return ExportOutcome("export: not available in this build yet", True)
    wanted = set(ids)
    annotated = [item for item in library.annotated_articles() if item.article.id in wanted]
    if not annotated:
        return ExportOutcome("export: articles are not annotated yet; try again when done", True)
    try:
        result = export_articles(annotated, folder, force=False)
    except OSError as error:
        return ExportOutcome(f"export failed: {error}", True)
    written = list(getattr(result, "written", []))
    kept = list(getattr(result, "kept", []))
    summary = f"exported {len(written)} file(s) to {folder}"
    if kept:
        summary += (
            f"; kept {len(kept)} existing file(s): {', '.join(Path(p).name for p in kept[:3])}"
        )
    return ExportOutcome(summary, bool(kept))
