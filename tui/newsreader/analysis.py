"""Annotate loaded articles through the cache: the one path app and CLI share.

Annotation is a pure function of (cleaned text, model version), so results
are looked up in the store by that key first and only the misses go through
spaCy. Canonical names are then unified across the whole set, since a bare
"Kim" can only be resolved against the longer names other articles use.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from newsreader.corpus.article import Article
from newsreader.gcpause import gc_paused
from newsreader.nlp.annotation import AnnotatedArticle, Annotation

if TYPE_CHECKING:
    from newsreader.nlp.annotator import Annotator
    from newsreader.store import Store

ProgressCallback = Callable[[int, int], None]


def annotate_articles(
    articles: Sequence[Article],
    annotator: Annotator,
    store: Store | None = None,
    *,
    n_process: int = 1,
    on_progress: ProgressCallback | None = None,
    should_stop: Callable[[], bool] | None = None,
    on_notice: Callable[[str], None] | None = None,
) -> list[AnnotatedArticle]:
    """Annotate ``articles``, reusing cached annotations where the key matches.

    Args:
        articles: Cleaned articles, in the order results are wanted.
        annotator: The annotator; its model is loaded only if something misses the cache.
        store: The cache; ``None`` annotates everything afresh.
        n_process: Worker processes for large batches of misses.
        on_progress: Called with (done, total) as articles are annotated.
        should_stop: Polled between batches; returning True abandons the run.
        on_notice: Told in words when worker processes could not be used.

    Returns:
        One AnnotatedArticle per input article, same order, with canonical
        names unified across the set. Empty if stopped early.
    """
    model_key = annotator.info.cache_key
    hashes = [article.content_hash for article in articles]
    cached: dict[str, Annotation] = store.get_annotations(hashes, model_key) if store else {}
    total = len(articles)
    done = sum(1 for h in hashes if h in cached)
    if on_progress:
        on_progress(done, total)

    # A dict, not a list: a cold 10,000-article run would otherwise scan it 10,000 times.
    missing: dict[str, str] = {}
    for article, content_hash in zip(articles, hashes, strict=True):
        if content_hash not in cached and content_hash not in missing:
            missing[content_hash] = article.text
    missing_hashes = list(missing)
    missing_texts = list(missing.values())

    if missing_texts:
        fresh: list[tuple[str, Annotation]] = []
        for content_hash, annotation in zip(
            missing_hashes,
            annotator.annotate_many(
                missing_texts,
                n_process=n_process,
                should_stop=should_stop,
                on_notice=on_notice,
            ),
            strict=False,
        ):
            cached[content_hash] = annotation
            fresh.append((content_hash, annotation))
            done += 1
            if on_progress:
                on_progress(done, total)
            if should_stop and should_stop():
                break
        if store and fresh:
            store.put_annotations(fresh, model_key)
        if should_stop and should_stop():
            return []

    from newsreader.nlp.canonical import canonicalize

    annotated = [
        AnnotatedArticle(article, cached[content_hash])
        for article, content_hash in zip(articles, hashes, strict=True)
    ]
    # Renaming half a million entities builds no cycles: collecting meanwhile
    # only walks them again and again (a fifth of a warm 10,000-article run).
    with gc_paused():
        return canonicalize(annotated)
