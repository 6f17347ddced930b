"""What every headless command does first: load, report bad files, annotate."""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path
from typing import Any, TextIO

from newsreader.analysis import annotate_articles
from newsreader.corpus import load
from newsreader.corpus.article import LoadResult
from newsreader.nlp.annotation import AnnotatedArticle
from newsreader.resources import seeds_dir
from newsreader.textsafe import printable

DEFAULT_MAX_BYTES = 20_000_000
_C1 = re.compile("[\x7f-\x9f]")


def input_paths(args: argparse.Namespace) -> list[Path]:
    """The paths named on the command line, or the bundled seeds when none are."""
    return list(args.paths) or [seeds_dir()]


def load_reporting(args: argparse.Namespace, stderr: TextIO = sys.stderr) -> LoadResult:
    """Load the articles and print one line per bad file on stderr."""
    result = load(input_paths(args), max_bytes=args.max_size or DEFAULT_MAX_BYTES)
    for error in result.errors:
        path, reason = printable(error.path), printable(error.reason)
        print(f"newsreader: skipped {path}: {reason}", file=stderr)
    if not result.articles:
        print("newsreader: no article could be read", file=stderr)
    return result


def annotate_for_command(
    args: argparse.Namespace, result: LoadResult, stderr: TextIO = sys.stderr
) -> tuple[list[AnnotatedArticle], Any]:
    """Annotate through the cache; returns the annotated articles and the annotator."""
    from newsreader.nlp.annotator import Annotator

    annotator = Annotator(model=args.model)
    store = None
    if not getattr(args, "no_cache", False):
        from newsreader.store import Store

        store = Store.open()
    try:
        n_process = 2 if len(result.articles) >= 200 else 1
        annotated = annotate_articles(
            result.articles,
            annotator,
            store,
            n_process=n_process,
            on_notice=lambda text: print(f"newsreader: {printable(text)}", file=stderr),
        )
        if store is not None:
            # Entries from older model or rule versions can never hit again.
            store.prune_annotations(annotator.info.cache_key)
    finally:
        if store is not None:
            store.close()
            # Damage can be found at open or later, while reading the cache:
            # report everything the store met, once, after it is done.
            for warning in dict.fromkeys(store.warnings):
                print(f"newsreader: {printable(warning)}", file=stderr)
    return annotated, annotator


def errors_json(result: LoadResult) -> list[dict[str, str]]:
    return [{"path": error.path, "reason": error.reason} for error in result.errors]


def print_json(payload: object, stdout: TextIO = sys.stdout) -> None:
    # ensure_ascii=False keeps Indonesian and other scripts readable; JSON
    # escaping already neutralises control characters in strings.
    text = json.dumps(payload, ensure_ascii=False, indent=2)
    # JSON escapes C0 controls but not C1 (U+0080-U+009F), which a terminal
    # may still interpret (U+009B is an 8-bit CSI): escape them too.
    stdout.write(_C1.sub(lambda m: f"\\u{ord(m.group()):04x}", text))
    stdout.write("\n")


def exit_code(result: LoadResult) -> int:
    return 0 if result.articles else 1
