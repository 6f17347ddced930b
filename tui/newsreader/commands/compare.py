"""``newsreader compare``: stories, facts, discrepancies."""

from __future__ import annotations

import argparse
import sys

from newsreader.commands.common import (
    annotate_for_command,
    errors_json,
    exit_code,
    load_reporting,
    print_json,
)


def run_compare(args: argparse.Namespace) -> int:
    from newsreader import compare

    result = load_reporting(args)
    if not result.articles:
        if args.json:
            print_json({"stories": [], "errors": errors_json(result)})
        return exit_code(result)
    annotated, _ = annotate_for_command(args, result)
    comparison = compare.build(annotated)
    if args.json:
        print_json(compare.to_json(comparison, errors=errors_json(result)))
    else:
        from newsreader.compare.report import render_text

        sys.stdout.write(render_text(comparison))
    return exit_code(result)
