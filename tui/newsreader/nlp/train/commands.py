"""The ``train`` and ``evaluate`` commands behind ``python -m newsreader.nlp.train``."""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newsreader.nlp.model_loader import load_ner_model, model_dir
from newsreader.nlp.train.corpora import LABELS, read_split
from newsreader.nlp.train.dataset import DataOptions, build_training_data, write_docbin
from newsreader.nlp.train.evaluation import Evaluation, evaluate
from newsreader.nlp.train.training import install_pipeline, train_pipeline

if TYPE_CHECKING:
    from spacy.language import Language

_REPO_ROOT = Path(__file__).resolve().parents[4]

#: The splits every evaluation reports: (corpus, split).
REPORTED_SPLITS: tuple[tuple[str, str], ...] = (
    ("idner", "dev"),
    ("idner", "test"),
    ("nergrit", "test"),
)


def default_data_dir() -> Path:
    """Where the corpora are by default: ``../shared/data/ner`` beside the repository.

    Returns:
        The folder, relative to the repository when it exists there, else
        relative to the working directory.
    """
    beside_repo = _REPO_ROOT.parent / "shared" / "data" / "ner"
    if beside_repo.is_dir():
        return beside_repo
    return Path.cwd().parent / "shared" / "data" / "ner"


def default_output_dir() -> Path:
    """Scratch folder for training runs (git-ignored ``training/`` in the repository)."""
    return _REPO_ROOT / "training" / "run"


def evaluate_reported(
    nlp: Language, data_dir: Path, labels: tuple[str, ...] = LABELS
) -> list[Evaluation]:
    """Evaluate a pipeline on every reported split.

    Args:
        nlp: The pipeline.
        data_dir: The folder holding the corpora.
        labels: Labels to score.

    Returns:
        One evaluation per split in ``REPORTED_SPLITS``.
    """
    return [
        evaluate(nlp, read_split(data_dir, corpus, split, labels), labels, f"{corpus} {split}")
        for corpus, split in REPORTED_SPLITS
    ]


def _scores_json(evaluations: list[Evaluation]) -> dict[str, Any]:
    return {
        ev.name: {
            score.label: {
                "p": round(score.precision, 4),
                "r": round(score.recall, 4),
                "f": round(score.f1, 4),
                "gold": score.gold,
            }
            for score in [*ev.labels.values(), ev.overall]
        }
        for ev in evaluations
    }


def run_train(
    data_dir: Path,
    output_dir: Path,
    seed: int,
    options: DataOptions,
    overrides: dict[str, Any],
    install_version: str | None,
) -> list[Evaluation]:
    """Build the data, train, evaluate, and optionally install the model.

    Args:
        data_dir: The folder holding the corpora.
        output_dir: Scratch folder for the converted corpora and spaCy's output.
        seed: Random seed.
        options: What goes into the training set.
        overrides: spaCy config overrides.
        install_version: When given, install ``model-best`` into the package
            with this version.

    Returns:
        The evaluations of ``model-best`` on the reported splits.
    """

    data = build_training_data(data_dir, options, seed)
    for line in data.leaks.lines():
        print(line, flush=True)
    train_path = output_dir / "corpus" / "train.spacy"
    dev_path = output_dir / "corpus" / "dev.spacy"
    print(f"training sentences: {write_docbin(data.train, train_path)}", flush=True)
    print(f"selection (idner dev) sentences: {write_docbin(data.dev, dev_path)}", flush=True)
    best = train_pipeline(output_dir, train_path, dev_path, seed, overrides)
    nlp = load_ner_model(best)
    evaluations = evaluate_reported(nlp, data_dir, options.labels)
    for ev in evaluations:
        print(ev.table(), flush=True)
    record = {
        "seed": seed,
        "options": asdict(options),
        "overrides": overrides,
        "leaks_removed": dict(data.leaks.removed),
        "scores": _scores_json(evaluations),
    }
    (output_dir / "scores.json").write_text(json.dumps(record, indent=2), encoding="utf-8")
    if install_version:
        install_run(output_dir, install_version)
    return evaluations


def install_run(run_dir: Path, version: str) -> None:
    """Install a finished run's ``model-best`` into the package.

    The run's record (seed, data options, leak counts, scores) goes into
    ``meta.json`` so the committed model says how it was made.

    Args:
        run_dir: The ``--output`` folder of a training run.
        version: Model version (part of the annotation cache key).
    """
    record = json.loads((run_dir / "scores.json").read_text(encoding="utf-8"))
    nlp = load_ner_model(run_dir / "model-best")
    install_pipeline(
        nlp,
        model_dir(),
        version,
        {
            "sources": [
                {"name": "idner-news-2k", "license": "MIT"},
                {"name": "nergrit (IndoNLU)", "license": "Apache-2.0"},
                {"name": "nerp (IndoNLU)", "license": "Apache-2.0"},
            ],
            "newsreader_training": record,
        },
    )
    print(f"installed {model_dir()} version {version}", flush=True)


def run_evaluate(model_path: Path | None, data_dir: Path) -> list[Evaluation]:
    """Print P/R/F1 per label of a pipeline (the committed one by default).

    Args:
        model_path: Pipeline folder, or ``None`` for the committed model.
        data_dir: The folder holding the corpora.

    Returns:
        The evaluations on the reported splits.
    """
    nlp = load_ner_model(model_path)
    print(f"model {nlp.meta.get('name')} {nlp.meta.get('version')}", flush=True)
    evaluations = evaluate_reported(nlp, data_dir)
    for ev in evaluations:
        print(ev.table(), flush=True)
    return evaluations
