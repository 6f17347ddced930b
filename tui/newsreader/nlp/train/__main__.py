"""Command line: ``python -m newsreader.nlp.train [train|evaluate] ...``.

``train`` (the default) converts the corpora, removes leaked sentences,
trains from the committed ``config.cfg`` and prints P/R/F1 per label;
``--install VERSION`` then writes the model into the package.
``evaluate`` prints P/R/F1 per label of the committed model (or ``--model``);
``install --output RUN_DIR --install VERSION`` installs a finished run.
"""

from __future__ import annotations

import argparse
import ast
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from newsreader.nlp.train.commands import (
    default_data_dir,
    default_output_dir,
    install_run,
    run_evaluate,
    run_train,
)
from newsreader.nlp.train.dataset import NERP_MODES, DataOptions


def _override(text: str) -> tuple[str, Any]:
    key, sep, value = text.partition("=")
    if not sep:
        raise argparse.ArgumentTypeError(f"expected section.key=value, got {text!r}")
    try:
        parsed: Any = ast.literal_eval(value)
    except (ValueError, SyntaxError):
        parsed = value
    return key, parsed


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m newsreader.nlp.train", description=__doc__)
    parser.add_argument(
        "command", nargs="?", choices=("train", "evaluate", "install"), default="train"
    )
    parser.add_argument(
        "--data", type=Path, default=None, help="corpora folder (default ../shared/data/ner)"
    )
    parser.add_argument("--output", type=Path, default=None, help="scratch folder for training")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--nerp", choices=NERP_MODES, default=DataOptions.nerp)
    parser.add_argument("--idner-copies", type=int, default=DataOptions.idner_copies)
    parser.add_argument("--no-nergrit", action="store_true", help="train without nergrit")
    parser.add_argument(
        "--adjacent-names",
        type=int,
        default=DataOptions.adjacent_names,
        help="synthetic sentences with a place/organisation right before a person",
    )
    parser.add_argument(
        "--hyphenated-names",
        action="store_true",
        help='add copies of "Kim Jong Un"-style names written "Kim Jong-un"',
    )
    parser.add_argument(
        "--swapped-copies",
        type=int,
        default=DataOptions.swapped_copies,
        help="copies of the cased corpora with names swapped between sentences",
    )
    parser.add_argument(
        "--set",
        dest="overrides",
        type=_override,
        action="append",
        default=[],
        metavar="SECTION.KEY=VALUE",
        help="spaCy config override, e.g. training.max_steps=8000 (repeatable)",
    )
    parser.add_argument("--install", metavar="VERSION", help="install model-best with VERSION")
    parser.add_argument("--model", type=Path, default=None, help="evaluate: pipeline folder")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the training command line.

    Args:
        argv: Arguments (default ``sys.argv[1:]``).

    Returns:
        The exit status.
    """
    args = _parser().parse_args(argv)
    data_dir: Path = args.data or default_data_dir()
    if not data_dir.is_dir():
        print(f"corpora folder not found: {data_dir} (use --data DIR)", file=sys.stderr)
        return 2
    if args.command == "install":
        if not args.install:
            print("install needs --install VERSION (and --output RUN_DIR)", file=sys.stderr)
            return 2
        install_run(args.output or default_output_dir(), args.install)
        return 0
    if args.command == "evaluate":
        run_evaluate(args.model, data_dir)
        return 0
    options = DataOptions(
        nerp=args.nerp,
        idner_copies=args.idner_copies,
        use_nergrit=not args.no_nergrit,
        adjacent_names=args.adjacent_names,
        hyphenated_names=args.hyphenated_names,
        swapped_copies=args.swapped_copies,
    )
    run_train(
        data_dir,
        args.output or default_output_dir(),
        args.seed,
        options,
        dict(args.overrides),
        args.install,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
