"""What runs on a worker: annotate a batch of texts with a model loaded once per process."""

from __future__ import annotations

import threading

from newsreader.nlp.annotation import Annotation

# One annotator per model per worker process: loading spaCy takes seconds,
# a batch far less. A Dask worker may run tasks on several threads; the
# lock keeps one spaCy pipeline to one thread at a time.
_ANNOTATORS: dict[str | None, object] = {}
_LOCK = threading.Lock()


def annotate_texts(model: str | None, texts: tuple[str, ...]) -> list[Annotation]:
    """Annotate ``texts`` in this process with ``model`` (``None``: the bundled one)."""
    from newsreader.nlp.annotator import Annotator

    with _LOCK:
        annotator = _ANNOTATORS.get(model)
        if not isinstance(annotator, Annotator):
            annotator = Annotator(model)
            annotator.load()
            _ANNOTATORS[model] = annotator
        return list(annotator.annotate_many(list(texts)))
