"""The Annotator: cleaned text in, entities and sentences out.

Annotating is a pure function of (text, model version): the Annotator keeps
only its loaded pipeline, so results can be cached by ``info.cache_key``
and computed in any process. spaCy is loaded on first use, not on import.
"""

from __future__ import annotations

import os
import re
import sys
import threading
from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING

from newsreader.nlp.annotation import LABELS, Annotation, Entity, ModelInfo
from newsreader.nlp.canonical import canonical_entities
from newsreader.nlp.pipeline import LABEL_MAP, build_pipeline, pipeline_info
from newsreader.nlp.sentences import split_sentences

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

#: Longest piece of text handed to spaCy at once. Longer texts are cut at
#: paragraph (then sentence, then word) boundaries, which keeps memory
#: bounded and spaCy's ``max_length`` out of reach.
MAX_CHUNK_CHARS = 20_000

# Control characters (other than newline and tab) would glue to tokens or
# reach a terminal inside entity text; the model sees a space instead. The
# replacement is one for one, so offsets into the caller's text still hold.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


class Annotator:
    """Finds entities (PER, ORG, LOC, EVENT, DATE, TIME, QUANTITY) and sentences.

    Args:
        model: ``None`` for the committed Indonesian model; otherwise the
            name of an installed spaCy pipeline package or a pipeline
            folder, for articles in other languages.
    """

    def __init__(self, model: str | None = None) -> None:
        self._model = model
        self._nlp: Language | None = None
        self._info: ModelInfo | None = None

    @property
    def info(self) -> ModelInfo:
        """Name and version of model plus rules, known without loading spaCy."""
        if self._info is None:
            self._info = pipeline_info(self._model)
        return self._info

    @property
    def loaded(self) -> bool:
        """Whether the spaCy pipeline has been built already."""
        return self._nlp is not None

    def load(self) -> Language:
        """Build the pipeline (NER model, then rules) once; later calls reuse it.

        Returns:
            The spaCy pipeline.

        Raises:
            OSError: The named model is not installed.
        """
        if self._nlp is None:
            self._nlp = build_pipeline(self._model)
        return self._nlp

    def annotate(self, text: str) -> Annotation:
        """Annotate one cleaned text.

        Args:
            text: The cleaned article text.

        Returns:
            Entities (offsets into ``text``, canonical names filled for the
            article alone) and sentences.
        """
        return next(self.annotate_many([text]))

    def annotate_many(
        self,
        texts: Sequence[str],
        *,
        n_process: int = 1,
        batch_size: int = 32,
        on_progress: Callable[[int, int], None] | None = None,
        should_stop: Callable[[], bool] | None = None,
        on_notice: Callable[[str], None] | None = None,
    ) -> Iterator[Annotation]:
        """Annotate texts in order, streaming results as each text completes.

        Args:
            texts: Cleaned article texts.
            n_process: Worker processes; used only when there are at least
                four texts per process, enough to repay starting them.
            batch_size: Texts per spaCy batch (and per worker task).
            on_progress: Called with (done, total) after each text.
            should_stop: Polled between texts; when it returns True the
                iteration ends early (the workers are shut down).
            on_notice: Told, in words, when worker processes could not be
                used and the texts are annotated in this process instead.

        Yields:
            One Annotation per text, in the order of ``texts``.
        """
        total = len(texts)
        if n_process > 1 and total >= 4 * n_process:
            results = self._annotate_in_pool(texts, n_process, batch_size, on_notice)
        else:
            results = self._annotate_serial(texts, batch_size)
        try:
            for done, annotation in enumerate(results, start=1):
                yield annotation
                if on_progress:
                    on_progress(done, total)
                if should_stop and should_stop():
                    return
        finally:
            results.close()

    def _annotate_serial(self, texts: Sequence[str], batch_size: int) -> Iterator[Annotation]:
        """Annotate in this process, one spaCy stream over paragraph-bounded chunks."""
        nlp = self.load()
        limit = min(MAX_CHUNK_CHARS, nlp.max_length)
        chunks = (
            (_CONTROL.sub(" ", chunk), (index, offset))
            for index, text in enumerate(texts)
            for offset, chunk in _chunks(text, limit)
        )
        current = 0
        entities: list[Entity] = []
        for doc, (index, offset) in nlp.pipe(chunks, as_tuples=True, batch_size=batch_size):
            while index > current:
                yield self._finish(texts[current], entities)
                current += 1
                entities = []
            entities.extend(_entities(doc, texts[index], offset))
        while current < len(texts):
            yield self._finish(texts[current], entities)
            current += 1
            entities = []

    def _annotate_in_pool(
        self,
        texts: Sequence[str],
        n_process: int,
        batch_size: int,
        on_notice: Callable[[str], None] | None = None,
    ) -> Iterator[Annotation]:
        """Annotate batches of texts in worker processes; results come back in order.

        Workers send back Annotations, which are small, instead of spaCy
        Docs (spaCy's own ``n_process`` pickles every Doc with its tensors,
        which costs more than it saves on two cores). Whatever stops the
        pool from starting or working, the texts not yet done are annotated
        here instead, and ``on_notice`` is told why.
        """
        import multiprocessing
        from concurrent.futures import Future, ProcessPoolExecutor

        # Forking copies only the calling thread: from a threaded process (the
        # app annotates from a worker thread) a lock held elsewhere could stay
        # locked forever in the child, so fork only when we are alone.
        alone = threading.active_count() == 1
        if alone and "fork" in multiprocessing.get_all_start_methods():
            # A forked worker inherits the loaded pipeline instead of loading it again.
            context = multiprocessing.get_context("fork")
            worker_annotator = self
            self.load()
        else:
            context = multiprocessing.get_context("spawn")
            worker_annotator = Annotator(self._model)
        batches = [list(texts[i : i + batch_size]) for i in range(0, len(texts), batch_size)]
        executor: ProcessPoolExecutor | None = None
        pending: list[Future[list[Annotation]]] = []
        yielded = 0
        try:
            quiet = not _stdio_is_real()
            if context.get_start_method() != "fork":
                _start_resource_tracker()
            executor = ProcessPoolExecutor(
                max_workers=n_process,
                mp_context=context,
                initializer=_start_worker,
                initargs=(worker_annotator, batch_size, quiet),
            )
            next_batch = 0
            while next_batch < len(batches) or pending:
                # Keep a short queue so memory stays bounded and a stop is quick.
                while next_batch < len(batches) and len(pending) < 2 * n_process:
                    pending.append(executor.submit(_annotate_batch, batches[next_batch]))
                    next_batch += 1
                batch = pending.pop(0).result()
                yielded += len(batch)
                yield from batch
        except Exception as error:  # noqa: BLE001 - any pool failure falls back, never loses the run
            # A pool can fail to start (no importable __main__, no usable
            # stdio inside a terminal UI, a process limit) or break mid-run
            # (a worker killed): finish here, in this process.
            if on_notice is not None:
                reason = f"{type(error).__name__}: {error}".rstrip(": ")
                on_notice(
                    f"worker processes unavailable ({reason}); "
                    f"annotating {len(texts) - yielded} articles in one process"
                )
            for future in pending:
                future.cancel()
            if executor is not None:
                executor.shutdown(wait=False, cancel_futures=True)
                executor = None
            yield from self._annotate_serial(texts[yielded:], batch_size)
        finally:
            if executor is not None:
                executor.shutdown(wait=False, cancel_futures=True)

    @staticmethod
    def _finish(text: str, entities: list[Entity]) -> Annotation:
        return Annotation(
            entities=canonical_entities(entities),
            sentences=tuple(split_sentences(text)),
        )


# The annotator of a worker process, set once when the worker starts.
_worker: tuple[Annotator, int] | None = None

# Swapping sys.stderr is process-wide: one thread at a time.
_TRACKER_LOCK = threading.Lock()


def _stdio_is_real() -> bool:
    """Whether this process's stderr is a real file descriptor.

    Inside a Textual app it is not: the app captures ``sys.stderr`` with an
    object whose ``fileno()`` is -1, and the terminal itself belongs to the
    app, so nothing else may write to it.
    """
    try:
        return sys.stderr is not None and sys.stderr.fileno() >= 0
    except (AttributeError, OSError, ValueError):
        return False


def _start_resource_tracker() -> None:
    """Start multiprocessing's resource tracker with a usable stderr.

    A spawn or forkserver pool starts the tracker on first use, handing it
    ``sys.stderr.fileno()``; inside a Textual app that is -1 and the spawn
    fails with "bad value(s) in fds_to_keep". Starting the tracker here,
    with the real stderr (or /dev/null) in place for the moment, keeps
    worker processes independent of the app's stdio.
    """
    from multiprocessing import resource_tracker

    if _stdio_is_real():
        resource_tracker.ensure_running()
        return
    with _TRACKER_LOCK:
        saved = sys.stderr
        original = sys.__stderr__
        try:
            usable = original is not None and original.fileno() >= 0
        except (AttributeError, OSError, ValueError):
            usable = False
        with open(os.devnull, "w", encoding="utf-8") as devnull:
            sys.stderr = original if usable and original is not None else devnull
            try:
                resource_tracker.ensure_running()
            finally:
                sys.stderr = saved


def _start_worker(annotator: Annotator, batch_size: int, quiet: bool = False) -> None:
    global _worker
    if quiet:
        # The parent's terminal is drawn by the app: a warning printed by a
        # worker would land in the middle of its screen.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 1)
        os.dup2(devnull, 2)
        os.close(devnull)
    annotator.load()
    _worker = (annotator, batch_size)


def _annotate_batch(texts: list[str]) -> list[Annotation]:
    if _worker is None:
        raise RuntimeError("annotation worker used before it was started")
    annotator, batch_size = _worker
    return list(annotator._annotate_serial(texts, batch_size))


def _entities(doc: Doc, text: str, offset: int) -> list[Entity]:
    """The Doc's entities as Entities with offsets into the whole ``text``."""
    found: list[Entity] = []
    for ent in doc.ents:
        label = LABEL_MAP.get(ent.label_, ent.label_)
        if label not in LABELS:
            continue
        start, end = offset + ent.start_char, offset + ent.end_char
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start < end:
            found.append(Entity(start, end, text[start:end], label, text[start:end]))
    return found


def _chunks(text: str, limit: int) -> list[tuple[int, str]]:
    """Cut ``text`` into (offset, piece) of at most ``limit`` characters, at natural breaks."""
    if len(text) <= limit:
        return [(0, text)]
    pieces: list[tuple[int, str]] = []
    start = 0
    while start < len(text):
        end = min(len(text), start + limit)
        if end < len(text):
            end = _break_before(text, start, end)
        pieces.append((start, text[start:end]))
        start = end
    return pieces


def _break_before(text: str, start: int, limit: int) -> int:
    """The best place to cut in (start, limit]: a paragraph, a sentence end, or a space."""
    for separator in ("\n\n", "\n", ". ", " "):
        cut = text.rfind(separator, start + 1, limit)
        if cut > start:
            return cut + len(separator)
    return limit
