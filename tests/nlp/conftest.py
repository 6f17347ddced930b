"""Fixtures for the nlp tests: the seed texts and one annotator per session."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsreader.nlp.annotator import Annotator


@pytest.fixture(scope="session")
def seed_texts(seeds_dir: Path) -> dict[str, str]:
    """Raw seed files by stem (they are not cleaned: rules must cope with the mess)."""
    return {path.stem: path.read_text(encoding="utf-8") for path in sorted(seeds_dir.glob("*.txt"))}


@pytest.fixture(scope="session")
def annotator() -> Annotator:
    """The default annotator, loaded once: model loading takes seconds."""
    instance = Annotator()
    instance.load()
    return instance


@pytest.fixture(scope="session")
def has_trained_model() -> bool:
    from newsreader.nlp.model_loader import model_dir

    return (model_dir() / "meta.json").is_file()


@pytest.fixture(scope="session")
def make_doc(annotator: Annotator):
    """Tokenize without running the model, for tests on hand-set entities.

    Reuses the loaded pipeline's tokenizer: a second pipeline costs seconds.
    """
    return annotator.load().make_doc
