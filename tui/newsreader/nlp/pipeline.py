"""Assembling the spaCy pipeline: the NER model, then the rules.

Nothing here imports spaCy at module level; ``build_pipeline`` does, when
an annotator is first used.
"""

from __future__ import annotations

import hashlib
import json
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING

from newsreader.nlp.annotation import ModelInfo
from newsreader.nlp.rules import rules_version

if TYPE_CHECKING:
    from spacy.language import Language

# Components of third-party pipelines that entity recognition does not need;
# excluding them keeps a general-purpose model fast.
_UNNEEDED = ("parser", "tagger", "morphologizer", "lemmatizer", "attribute_ruler", "senter",
             "textcat", "textcat_multilabel", "entity_linker", "trainable_lemmatizer")  # fmt: skip

# Labels of other pipelines (OntoNotes, WikiNER) mapped onto ours; labels
# absent here (CARDINAL, ORDINAL, LAW, LANGUAGE, NORP, WORK_OF_ART, PRODUCT)
# are dropped rather than guessed.
LABEL_MAP: dict[str, str] = {
    "PER": "PER", "PERSON": "PER", "ORG": "ORG", "LOC": "LOC", "GPE": "LOC", "FAC": "LOC",
    "EVENT": "EVENT", "DATE": "DATE", "TIME": "TIME", "QUANTITY": "QUANTITY",
    "MONEY": "QUANTITY", "PERCENT": "QUANTITY",
}  # fmt: skip


def uses_rules(model: str | None, language: str) -> bool:
    """Whether the Indonesian rules run after the NER of this pipeline."""
    return model is None or language == "id"


def pipeline_info(model: str | None) -> ModelInfo:
    """Name and version of the pipeline ``model`` names, without loading spaCy.

    The version carries the rules fingerprint, so changing either the model
    or the rules changes every cache key built from it.

    Args:
        model: ``None`` for the committed model, else a spaCy package name or path.

    Returns:
        The pipeline's identity for caches and the JSON output.
    """
    if model is None:
        from newsreader.nlp.model_loader import model_dir, model_info

        try:
            base = model_info()
        except FileNotFoundError:
            base = ModelInfo(name="id_blank", version="0")
            return ModelInfo(base.name, f"{base.version}+rules{rules_version()}")
        # The meta's scores change with every training run, so its digest
        # tells retrained weights apart even if no one bumped the version.
        meta = hashlib.sha256((model_dir() / "meta.json").read_bytes()).hexdigest()[:8]
        return ModelInfo(base.name, f"{base.version}+meta{meta}.rules{rules_version()}")
    path = Path(model)
    meta_path = path / "meta.json"
    if meta_path.is_file():
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
        name = f"{meta.get('lang', 'xx')}_{meta.get('name', path.name)}"
        version = str(meta.get("version", "0"))
        language = str(meta.get("lang", ""))
    else:
        name = model
        try:
            version = metadata.version(model)
        except metadata.PackageNotFoundError:
            version = "unknown"
        language = model.split("_", 1)[0]
    if uses_rules(model, language):
        version = f"{version}+rules{rules_version()}"
    return ModelInfo(name, version)


def build_pipeline(model: str | None = None) -> Language:
    """Load the NER pipeline and add the rules after it.

    Args:
        model: ``None`` for the committed Indonesian model; otherwise an
            installed spaCy pipeline package or a pipeline folder, for
            articles in other languages.

    Returns:
        A pipeline whose ``doc.ents`` use our labels' sources (model labels
        are mapped with ``LABEL_MAP`` by the annotator).

    Raises:
        OSError: ``model`` names no installed pipeline.
    """
    import spacy

    if model is None:
        nlp = _committed_model()
    else:
        nlp = spacy.load(model, exclude=list(_UNNEEDED))
    if uses_rules(model, nlp.lang):
        from newsreader.nlp.rules.component import COMPONENT_NAME

        nlp.add_pipe(COMPONENT_NAME, last=True)
    return nlp


def _committed_model() -> Language:
    from newsreader.nlp.model_loader import load_ner_model, model_dir

    if (model_dir() / "meta.json").is_file():
        return load_ner_model()
    # Without the trained model (a source checkout before training) the
    # rules still find dates, times, quantities and events; pipeline_info
    # names this "id_blank" so its annotations are cached apart.
    from newsreader.nlp.tokenizer import news_blank

    return news_blank()
