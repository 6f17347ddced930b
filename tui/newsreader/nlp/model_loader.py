"""Loading the trained Indonesian NER pipeline shipped inside the package."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

from newsreader.nlp.annotation import ModelInfo
from newsreader.nlp.tokenizer import register_tokenizer

if TYPE_CHECKING:
    from spacy.language import Language

#: Name of the committed pipeline (its ``meta.json`` name and folder name).
MODEL_NAME = "id_newsreader"


def model_dir() -> Path:
    """Folder of the committed pipeline (inside the package, so wheels carry it).

    Returns:
        ``newsreader/nlp/models/id_newsreader``.
    """
    return Path(__file__).parent / "models" / MODEL_NAME


def model_info(path: Path | None = None) -> ModelInfo:
    """Name and version of a pipeline, read from its ``meta.json`` without spaCy.

    Cheap enough to build an annotation cache key before spaCy is loaded.

    Args:
        path: Pipeline folder; the committed model when ``None``.

    Returns:
        The pipeline's name and version.

    Raises:
        FileNotFoundError: The folder holds no ``meta.json``.
    """
    meta = json.loads(((path or model_dir()) / "meta.json").read_text(encoding="utf-8"))
    return ModelInfo(name=str(meta["name"]), version=str(meta["version"]))


def load_ner_model(path: Path | None = None) -> Language:
    """Load the NER pipeline with the news tokenizer.

    Each call loads a fresh pipeline (about half a second); keep the result.

    Args:
        path: Pipeline folder; the committed model when ``None``.

    Returns:
        The spaCy pipeline: ``nlp(text).ents`` are PER/ORG/LOC spans, and
        character offsets of its Docs index the caller's text unchanged.
    """
    import spacy

    register_tokenizer()
    return spacy.load(path or model_dir())
