"""Annotated Markdown export: one file per article plus an index.

Entities are marked so text and labels can be recovered exactly
(:func:`parse_export`); files are written atomically, named from article
ids only, and never outside the chosen folder.
"""

from newsreader.export.markup import STYLES
from newsreader.export.model import (
    ArticleComparison,
    ExportFailure,
    ExportItem,
    ExportReport,
    FactDiscrepancy,
    KeptFile,
    SharedFact,
)
from newsreader.export.parse import parse_export
from newsreader.export.render import render_article, render_index
from newsreader.export.writer import export_articles

__all__ = [
    "STYLES",
    "ArticleComparison",
    "ExportFailure",
    "ExportItem",
    "ExportReport",
    "FactDiscrepancy",
    "KeptFile",
    "SharedFact",
    "export_articles",
    "parse_export",
    "render_article",
    "render_index",
]
