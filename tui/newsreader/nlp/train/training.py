"""Running spaCy training and installing the result inside the package."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newsreader.nlp.tokenizer import register_tokenizer

if TYPE_CHECKING:
    from spacy.language import Language

#: The committed training configuration.
CONFIG_PATH = Path(__file__).with_name("config.cfg")


def train_pipeline(
    output_dir: Path,
    train_path: Path,
    dev_path: Path,
    seed: int,
    overrides: dict[str, Any] | None = None,
    config_path: Path = CONFIG_PATH,
) -> Path:
    """Train with spaCy from the committed config.

    Args:
        output_dir: Where spaCy writes ``model-best`` and ``model-last``.
        train_path: The training ``.spacy`` file.
        dev_path: The selection (dev) ``.spacy`` file.
        seed: Random seed.
        overrides: Extra config overrides (``"section.key": value``).
        config_path: The config to train from.

    Returns:
        The ``model-best`` folder (best score on the dev set).
    """
    from spacy.cli.train import train

    register_tokenizer()
    settings: dict[str, Any] = {
        "paths.train": str(train_path),
        "paths.dev": str(dev_path),
        "system.seed": seed,
    }
    settings.update(overrides or {})
    train(config_path, output_dir, use_gpu=-1, overrides=settings)
    return output_dir / "model-best"


def install_pipeline(
    nlp: Language, target_dir: Path, version: str, meta_extra: dict[str, Any]
) -> None:
    """Write a trained pipeline where the package loads it from.

    Args:
        nlp: The trained pipeline.
        target_dir: The package's model folder (replaced as a whole).
        version: Model version; it is part of the annotation cache key.
        meta_extra: Further ``meta.json`` fields (sources, scores, ...).
    """
    nlp.meta["name"] = "id_newsreader"
    nlp.meta["version"] = version
    nlp.meta["description"] = "Indonesian news NER (PER, ORG, LOC) for newsreader"
    nlp.meta["license"] = "MIT"
    nlp.meta.update(meta_extra)
    staging = target_dir.with_name(target_dir.name + ".new")
    if staging.exists():
        shutil.rmtree(staging)
    nlp.to_disk(staging)
    if target_dir.exists():
        shutil.rmtree(target_dir)
    staging.rename(target_dir)
