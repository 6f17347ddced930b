"""``newsreader [PATH ...]``: open the Textual reader."""

from __future__ import annotations

import argparse
import sys

from newsreader.commands.common import input_paths
from newsreader.textsafe import printable


def run_reader(args: argparse.Namespace) -> int:
    paths = input_paths(args)
    missing = [path for path in paths if not path.exists()]
    for path in missing:
        print(f"newsreader: no such file or folder: {printable(str(path))}", file=sys.stderr)
    if missing and len(missing) == len(paths):
        return 1
    from newsreader.app import run

    run([path for path in paths if path.exists()], model=args.model, max_bytes=args.max_size)
    return 0
