"""``newsreader export``: annotated Markdown, one file per article, plus an index."""

from __future__ import annotations

import argparse
import sys

from newsreader.commands.common import annotate_for_command, exit_code, load_reporting
from newsreader.textsafe import printable


def run_export(args: argparse.Namespace) -> int:
    from newsreader import compare
    from newsreader.export import export_articles
    from newsreader.export_items import export_items

    result = load_reporting(args)
    if not result.articles:
        return exit_code(result)
    annotated, _ = annotate_for_command(args, result)
    comparison = compare.build(annotated)
    report = export_articles(
        export_items(annotated, comparison), args.out, style=args.style, force=args.force
    )
    for line in report.messages():
        stream = sys.stdout if line.startswith("wrote") else sys.stderr
        print(f"newsreader: {printable(line)}", file=stream)
    if report.index is not None:
        print(f"newsreader: index {printable(str(report.index))}")
    if report.errors and not report.written:
        return 1
    return exit_code(result)
