"""``newsreader [PATH ...]``: open the Textual reader."""

from __future__ import annotations

import argparse
import sys

from newsreader.commands.common import input_paths
from newsreader.textsafe import printable


def run_reader(args: argparse.Namespace) -> int:
    if args.archive is not None:
        from newsreader.archive import archive_names, archive_path

        try:
            exists = archive_path(args.archive).exists()
        except ValueError as error:
            print(f"newsreader: {error}", file=sys.stderr)
            return 2
        if not exists:
            known = ", ".join(archive_names()) or "none yet"
            print(
                f"newsreader: no archive {printable(args.archive)!r} (archives: {known}); "
                "make one with: newsreader annotate PATH --archive NAME",
                file=sys.stderr,
            )
            return 1
        from newsreader.app import run

        run([], model=args.model, archive=args.archive)
        return 0
    paths = input_paths(args)
    missing = [path for path in paths if not path.exists()]
    for path in missing:
        print(f"newsreader: no such file or folder: {printable(str(path))}", file=sys.stderr)
    if missing and len(missing) == len(paths):
        return 1
    from newsreader.app import run

    run([path for path in paths if path.exists()], model=args.model, max_bytes=args.max_size)
    return 0
