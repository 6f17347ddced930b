"""Write a set of articles and their index into an export folder."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from newsreader.export.files import INDEX_NAME, UniqueNames, fsync_dir, write_atomic
from newsreader.export.markup import check_style
from newsreader.export.model import ExportFailure, ExportItem, ExportReport, KeptFile
from newsreader.export.render import INDEX_MARKER, render_article, render_index
from newsreader.export.sanitize import clean_line

KEEP_REASON = "use --force to overwrite"


def _is_our_index(path: Path) -> bool:
    """Whether ``path`` is an index we wrote (its first line is our marker)."""
    try:
        with path.open("r", encoding="utf-8", errors="replace") as handle:
            first = handle.readline()
    except OSError:
        return False
    return first.rstrip("\r\n") == INDEX_MARKER


def _reason(error: OSError) -> str:
    return error.strerror or str(error)


def export_articles(
    items: Sequence[ExportItem],
    out_dir: Path,
    *,
    style: str = "pandoc",
    force: bool = False,
) -> ExportReport:
    """Write one Markdown file per article, plus ``README.md`` listing them.

    Nothing is written outside ``out_dir``; file names come from article
    ids only. Each file is written atomically. An existing article file is
    kept unless ``force``; the index is rewritten when it is one of ours
    (first line is our marker), and kept otherwise unless ``force``.

    Args:
        items: The articles with their comparison context.
        out_dir: The export folder; created when missing.
        style: Entity markup: "pandoc" (default), "html" or "plain".
        force: Overwrite existing files.

    Returns:
        What was written, kept and what failed; problems with files are
        reported there rather than raised.

    Raises:
        ValueError: unknown style.
    """
    check_style(style)
    report = ExportReport(out_dir=out_dir)
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        reason = f"cannot create the folder {out_dir}: {_reason(error)}"
        report.errors = [ExportFailure(clean_line(i.article.article.id), reason) for i in items]
        return report

    names = UniqueNames()
    exported: list[tuple[ExportItem, str]] = []
    for item in items:
        article_id = clean_line(item.article.article.id)
        name = names.name_for(item.article.article.id)
        target = out_dir / name
        try:
            document = render_article(item, style=style)
            if write_atomic(target, document, overwrite=force, sync_dir=False):
                report.written.append(target)
            else:
                report.kept.append(KeptFile(target, KEEP_REASON))
            exported.append((item, name))
        except OSError as error:
            report.errors.append(ExportFailure(article_id, f"{name}: {_reason(error)}"))

    index = out_dir / INDEX_NAME
    if exported:
        try:
            ours = _is_our_index(index) or not index.exists()
            if ours or force:
                write_atomic(index, render_index(exported), overwrite=True, sync_dir=False)
                report.written.append(index)
                report.index = index
            else:
                report.kept.append(KeptFile(index, f"not written by newsreader; {KEEP_REASON}"))
        except OSError as error:
            report.errors.append(ExportFailure(INDEX_NAME, _reason(error)))
    fsync_dir(out_dir)
    return report
