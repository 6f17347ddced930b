"""``newsreader annotate``: fill the store with annotations, on this machine or a Dask cluster."""

from __future__ import annotations

import argparse
import sqlite3
import sys
from contextlib import nullcontext
from typing import TextIO

from newsreader.commands.common import DEFAULT_MAX_BYTES, input_paths, print_json
from newsreader.textsafe import printable

EXIT_INTERRUPTED = 130


def run_annotate(
    args: argparse.Namespace, stdout: TextIO = sys.stdout, stderr: TextIO = sys.stderr
) -> int:
    from newsreader.bulk import annotate_into_store
    from newsreader.bulk.progress import Progress
    from newsreader.corpus import load
    from newsreader.store import Store

    engine = "dask" if args.scheduler else args.engine
    archive = None
    if args.archive is not None:
        from newsreader.archive import Archive

        try:
            archive = Archive.open(args.archive, create=True)
        except (ValueError, OSError, sqlite3.Error) as error:
            print(f"newsreader annotate: {printable(str(error))}", file=stderr)
            return 2
    with Store.open() as store, archive if archive is not None else nullcontext():
        result = load(input_paths(args), max_bytes=args.max_size or DEFAULT_MAX_BYTES, cache=store)
        for error in result.errors:
            print(
                f"newsreader: skipped {printable(error.path)}: {printable(error.reason)}",
                file=stderr,
            )
        if not result.articles:
            print("newsreader: no article could be read", file=stderr)
            return 1
        progress = Progress(total=0, stream=stderr)
        try:
            report = annotate_into_store(
                result.articles,
                store,
                model=args.model,
                engine=engine,
                workers=args.workers,
                scheduler=args.scheduler,
                progress=progress,
            )
        except KeyboardInterrupt:
            print(
                f"\nnewsreader: stopped; {progress.done:,} articles were stored, "
                "run the same command again to annotate the rest",
                file=stderr,
            )
            return EXIT_INTERRUPTED
        except (OSError, RuntimeError, TimeoutError) as error:
            print(f"newsreader: annotation failed: {printable(str(error))}", file=stderr)
            return 1
        archived = 0
        if archive is not None:
            from newsreader.archive import fill_archive
            from newsreader.nlp.annotator import Annotator

            model_key = Annotator(args.model).info.cache_key
            archived = fill_archive(
                archive,
                result.articles,
                lambda hashes: store.get_annotations(hashes, model_key),
            )
        for warning in dict.fromkeys(store.warnings):
            print(f"newsreader: {printable(warning)}", file=stderr)
        where = str(store.path) if store.path else "memory"
    if args.json:
        print_json(
            {
                "engine": report.engine,
                "workers": report.workers,
                "articles": len(result.articles),
                "texts": report.total,
                "cached": report.cached,
                "annotated": report.annotated,
                "words": report.words,
                "seconds": round(report.seconds, 3),
                "store": where,
                "archive": args.archive,
                "archived": archived,
                "errors": [{"path": e.path, "reason": e.reason} for e in result.errors],
            },
            stdout,
        )
    else:
        stdout.write(
            f"{len(result.articles):,} articles: {report.cached:,} already annotated, "
            f"{report.annotated:,} annotated now in {report.seconds:.1f} s "
            f"({report.words_per_second:,.0f} words/s, {report.engine} engine, "
            f"{report.workers} workers)\nstore: {printable(where)}\n"
        )
        if args.archive is not None:
            stdout.write(
                f"archive {args.archive}: {archived:,} articles added or updated; "
                f"open it with: newsreader --archive {args.archive}\n"
            )
    return 0
