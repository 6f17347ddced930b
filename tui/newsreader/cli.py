"""Command line: parse arguments and dispatch. The work lives in ``commands/``."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from newsreader import __version__

SUBCOMMANDS = ("entities", "compare", "export", "annotate", "train")

EXIT_OK = 0
EXIT_NOTHING_READ = 1
EXIT_USAGE = 2


def _add_common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "paths",
        nargs="*",
        type=Path,
        metavar="PATH",
        help="files or folders of .txt, .md, .html articles (default: the bundled articles)",
    )
    parser.add_argument(
        "--model",
        default=None,
        help="an installed spaCy pipeline (name or path) to use instead of the bundled "
        "Indonesian model",
    )
    parser.add_argument(
        "--max-size",
        type=_size,
        default=None,
        metavar="BYTES",
        help="skip files larger than this (accepts K/M suffixes; default 20M)",
    )


def _size(value: str) -> int:
    units = {"k": 1_000, "m": 1_000_000, "g": 1_000_000_000}
    text = value.strip().lower().removesuffix("b")
    factor = units.get(text[-1:], 1)
    number = text[:-1] if text[-1:] in units else text
    try:
        size = int(float(number) * factor)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a size: {value!r} (try 20M)") from None
    if size <= 0:
        raise argparse.ArgumentTypeError("the size limit must be positive")
    return size


def _workers(value: str) -> int:
    try:
        count = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of workers: {value!r}") from None
    if not 1 <= count <= 1024:
        raise argparse.ArgumentTypeError("workers must be between 1 and 1024")
    return count


def build_parser(command: str | None) -> argparse.ArgumentParser:
    """Build the parser for the app (``command`` None) or one subcommand."""
    if command is None:
        parser = argparse.ArgumentParser(
            prog="newsreader",
            description="Read and compare how news outlets report the same story.",
            epilog="subcommands: newsreader {entities,compare,export,annotate,train} --help",
        )
        parser.add_argument("--version", action="version", version=f"newsreader {__version__}")
        _add_common(parser)
        parser.add_argument(
            "--archive",
            default=None,
            metavar="NAME",
            help="open a stored archive (made by `newsreader annotate PATH --archive NAME`)",
        )
        return parser

    parser = argparse.ArgumentParser(prog=f"newsreader {command}")
    if command == "train":
        return parser
    _add_common(parser)
    if command in ("entities", "compare", "annotate"):
        parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    if command == "annotate":
        parser.add_argument(
            "--engine",
            choices=("local", "dask"),
            default="local",
            help="local: worker processes here (default); dask: a Dask cluster",
        )
        parser.add_argument(
            "--scheduler",
            default=None,
            metavar="ADDRESS",
            help="a running Dask scheduler (tcp://host:8786); implies --engine dask",
        )
        parser.add_argument(
            "--workers",
            type=_workers,
            default=2,
            metavar="N",
            help="worker processes for the local engine or a local Dask cluster (default 2)",
        )
        parser.add_argument(
            "--archive",
            default=None,
            metavar="NAME",
            help="also list the articles in the archive NAME, for `newsreader --archive NAME`",
        )
        return parser
    if command == "export":
        parser.add_argument("--out", type=Path, required=True, metavar="DIR", help="output folder")
        parser.add_argument(
            "--force", action="store_true", help="overwrite files that already exist"
        )
        parser.add_argument(
            "--style",
            choices=("pandoc", "html", "plain"),
            default="pandoc",
            help="how entities are marked: Pandoc spans (default), <mark> tags or bold",
        )
    parser.add_argument(
        "--no-cache", action="store_true", help="neither read nor write the annotation cache"
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``newsreader`` script."""
    try:
        return _dispatch(argv)
    except BrokenPipeError:
        # The reader of our output went away (``newsreader ... | head``): stop
        # quietly, and keep Python from complaining again while flushing.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 1


def _dispatch(argv: Sequence[str] | None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    command = args_list[0] if args_list and args_list[0] in SUBCOMMANDS else None

    if command == "train":
        from newsreader.nlp.train.__main__ import main as train_main

        return int(train_main(args_list[1:]) or 0)

    parser = build_parser(command)
    try:
        args = parser.parse_args(args_list[1:] if command else args_list)
    except SystemExit as exit_:
        return int(exit_.code or 0)

    if command is None:
        from newsreader.commands.reader import run_reader

        return run_reader(args)
    if command == "entities":
        from newsreader.commands.entities import run_entities

        return run_entities(args)
    if command == "compare":
        from newsreader.commands.compare import run_compare

        return run_compare(args)
    if command == "annotate":
        if args.engine == "local" and args.scheduler and "--engine" in args_list:
            parser.print_usage(sys.stderr)
            print("newsreader annotate: --scheduler needs --engine dask", file=sys.stderr)
            return EXIT_USAGE
        from newsreader.commands.annotate import run_annotate

        return run_annotate(args)
    from newsreader.commands.export import run_export

    return run_export(args)


if __name__ == "__main__":
    sys.exit(main())
