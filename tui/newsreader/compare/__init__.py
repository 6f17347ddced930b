"""Comparison of articles: stories, aligned facts, discrepancies and provenance.

Core code: imports no Textual. ``build`` turns annotated articles into a
``Comparison``; ``to_json`` gives the ``compare --json`` shape.
"""

from newsreader.compare.build import build
from newsreader.compare.model import (
    Blindspot,
    CompareCancelled,
    Comparison,
    Discrepancy,
    Fact,
    Mention,
    Quote,
    SharedPassage,
    Story,
    WireCredit,
    outlet_label,
)
from newsreader.compare.serialize import to_json

__all__ = [
    "Blindspot",
    "CompareCancelled",
    "Comparison",
    "Discrepancy",
    "Fact",
    "Mention",
    "Quote",
    "SharedPassage",
    "Story",
    "WireCredit",
    "build",
    "outlet_label",
    "to_json",
]
