"""``newsreader entities``: articles, metadata, cleaned text and entities."""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from typing import Any, TextIO

from newsreader.commands.common import (
    annotate_for_command,
    errors_json,
    exit_code,
    load_reporting,
    print_json,
)
from newsreader.nlp.annotation import AnnotatedArticle, ModelInfo
from newsreader.textsafe import printable


def entities_payload(
    annotated: list[AnnotatedArticle], info: ModelInfo, errors: list[dict[str, str]]
) -> dict[str, Any]:
    """The ``entities --json`` object, exactly as the design's contract says."""
    return {
        "model": {"name": info.name, "version": info.version},
        "articles": [_article_json(item) for item in annotated],
        "errors": errors,
    }


def _article_json(item: AnnotatedArticle) -> dict[str, Any]:
    article = item.article
    return {
        "id": article.id,
        "path": article.path,
        "title": article.title,
        "outlet": article.outlet,
        "date": article.date,
        "time": article.time,
        "timezone": article.timezone,
        "dateline": article.dateline,
        "byline": article.byline,
        "editor": article.editor,
        "wire": article.wire,
        "summary": article.summary,
        "language": article.language,
        "encoding": article.encoding,
        "text": article.text,
        "removed": [line.text for line in article.removed],
        "removed_kinds": [line.kind for line in article.removed],
        "entities": [
            {
                "start": entity.start,
                "end": entity.end,
                "text": entity.text,
                "label": entity.label,
                "canonical": entity.canonical,
            }
            for entity in item.entities
        ],
    }


def render_table(annotated: list[AnnotatedArticle], out: TextIO) -> None:
    """A readable summary: one block per article with its entities by label."""
    for item in annotated:
        article = item.article
        title = printable(article.title or "(no title)")
        meta = " · ".join(
            printable(value)
            for value in (article.outlet or "unknown outlet", article.date or "undated")
        )
        print(f"{article.id}  {title}", file=out)
        print(f"    {meta}", file=out)
        by_label: dict[str, Counter[str]] = {}
        for entity in item.entities:
            by_label.setdefault(entity.label, Counter())[entity.canonical] += 1
        for label, counts in sorted(by_label.items()):
            names = ", ".join(
                f"{printable(name)} ×{n}" if n > 1 else printable(name)
                for name, n in counts.most_common()
            )
            print(f"    {label:<9}{names}", file=out)
        if not item.entities:
            print("    (no entities)", file=out)
        print(file=out)


def run_entities(args: argparse.Namespace) -> int:
    result = load_reporting(args)
    if not result.articles:
        if args.json:
            print_json({"model": None, "articles": [], "errors": errors_json(result)})
        return exit_code(result)
    annotated, annotator = annotate_for_command(args, result)
    if args.json:
        print_json(entities_payload(annotated, annotator.info, errors_json(result)))
    else:
        render_table(annotated, sys.stdout)
    return exit_code(result)
