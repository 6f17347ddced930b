"""Fill the store with the annotations of many articles, with the engine asked for."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from itertools import islice
from typing import TYPE_CHECKING

from newsreader.bulk.batches import Batch, make_batches
from newsreader.bulk.progress import Progress
from newsreader.nlp.annotation import Annotation

if TYPE_CHECKING:
    from distributed import Client, Future

    from newsreader.corpus.article import Article
    from newsreader.store import Store

ENGINES = ("local", "dask")

# Batches waiting at each worker: one running, one ready, so no worker idles
# while the writer stores a result, and memory stays a few batches deep.
QUEUE_PER_WORKER = 2


@dataclass(frozen=True)
class BulkReport:
    """What a bulk run did."""

    total: int  # distinct texts among the articles
    cached: int  # already in the store when the run started
    annotated: int  # annotated and stored by this run
    words: int  # words in the texts annotated by this run
    seconds: float
    engine: str
    workers: int

    @property
    def words_per_second(self) -> float:
        return self.words / self.seconds if self.seconds > 0 else 0.0


def annotate_into_store(
    articles: Sequence[Article],
    store: Store,
    *,
    model: str | None = None,
    engine: str = "local",
    workers: int = 2,
    scheduler: str | None = None,
    progress: Progress | None = None,
    should_stop: Callable[[], bool] | None = None,
) -> BulkReport:
    """Annotate every article the store lacks and write each batch as it completes.

    Args:
        articles: Loaded (cleaned) articles.
        store: Where results go; texts it already has are skipped.
        model: An installed spaCy pipeline, ``None`` for the bundled model.
        engine: ``"local"`` (worker processes on this machine) or
            ``"dask"`` (a Dask cluster: ``scheduler``'s, or a LocalCluster).
        workers: Worker processes for ``local`` and for a LocalCluster.
        scheduler: Address of a running Dask scheduler (``tcp://host:8786``).
        progress: Drawn as batches complete; its total is set here.
        should_stop: Polled between batches; True ends the run (stored
            batches stay stored).

    Returns:
        Counts and speed of the run.
    """
    from newsreader.nlp.annotator import Annotator

    if engine not in ENGINES:
        raise ValueError(f"unknown engine {engine!r}: choose one of {', '.join(ENGINES)}")
    model_key = Annotator(model).info.cache_key
    texts: dict[str, str] = {}
    for article in articles:
        texts.setdefault(article.content_hash, article.text)
    cached = store.annotated_hashes(texts, model_key)
    missing = [(h, text) for h, text in texts.items() if h not in cached]
    progress = progress or Progress(total=0)
    progress.total = len(missing)
    started = time.monotonic()
    batches = make_batches(missing)
    annotated = words = 0
    with ExitStack() as stack:
        if engine == "dask":
            client = stack.enter_context(dask_client(scheduler, workers))
            used = len(client.scheduler_info().get("workers", {})) or max(1, workers)
            results = _dask_results(client, batches, model, used)
        else:
            used = max(1, workers)
            results = _local_results(batches, model, used)
        stack.callback(results.close)
        for batch, annotations in results:
            store.put_annotations(zip(batch.hashes, annotations, strict=True), model_key)
            annotated += len(batch.texts)
            words += batch.words
            progress.add(len(batch.texts), batch.words)
            if should_stop and should_stop():
                break
    if missing:
        progress.draw(final=True)
    return BulkReport(
        total=len(texts),
        cached=len(cached),
        annotated=annotated,
        words=words,
        seconds=time.monotonic() - started,
        engine=engine,
        workers=used,
    )


def _local_results(
    batches: Iterable[Batch], model: str | None, workers: int
) -> Iterator[tuple[Batch, list[Annotation]]]:
    """The annotator's own process pool, its results regrouped into the batches."""
    from newsreader.nlp.annotator import Annotator

    annotator = Annotator(model)
    pending = list(batches)
    flat = [text for batch in pending for text in batch.texts]
    stream = annotator.annotate_many(flat, n_process=workers)
    try:
        for batch in pending:
            yield batch, list(islice(stream, len(batch.texts)))
    finally:
        stream.close()


@contextmanager
def dask_client(scheduler: str | None, workers: int) -> Iterator[Client]:
    """A client of ``scheduler``, or of a LocalCluster of ``workers`` processes on loopback."""
    try:
        from distributed import Client, LocalCluster
    except ImportError as error:
        raise RuntimeError("the dask engine needs Dask: pip install 'newsreader[dask]'") from error

    if scheduler:
        with Client(scheduler, timeout="30s") as client:
            yield client
        return
    # Loopback only: a LocalCluster must not listen on the network.
    with (
        LocalCluster(
            n_workers=max(1, workers),
            threads_per_worker=1,
            processes=True,
            host="127.0.0.1",
            dashboard_address=None,
        ) as cluster,
        Client(cluster) as client,
    ):
        yield client


def _dask_results(
    client: Client, batches: Iterable[Batch], model: str | None, workers: int
) -> Iterator[tuple[Batch, list[Annotation]]]:
    """Batches as Dask tasks, a few per worker at a time; results as they complete."""
    from distributed import as_completed

    from newsreader.bulk.worker import annotate_texts

    todo = iter(batches)
    waiting: dict[Future, Batch] = {}
    done = as_completed()

    def submit(batch: Batch) -> None:
        future = client.submit(annotate_texts, model, batch.texts, pure=False)
        waiting[future] = batch
        done.add(future)

    try:
        for batch in islice(todo, QUEUE_PER_WORKER * workers):
            submit(batch)
        for future in done:
            batch = waiting.pop(future)
            annotations = future.result()
            following = next(todo, None)
            if following is not None:
                submit(following)
            yield batch, annotations
    finally:
        for future in waiting:
            future.cancel()
