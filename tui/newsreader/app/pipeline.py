"""The app's slow work, in thread workers: read files, fold for search, annotate, compare.

Each worker posts a message back; the handlers here put the results on
screen. spaCy is imported inside the annotation worker, which starts only
after the list has painted.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from textual import work
from textual.widgets import ProgressBar
from textual.worker import Worker, WorkerState, get_current_worker

from newsreader.app import persistence
from newsreader.app.library import Library
from newsreader.app.messages import (
    AnnotationFailed,
    AnnotationProgressed,
    ArticlesAnnotated,
    ComparisonBuilt,
    ComparisonFailed,
    ComparisonProgressed,
    CorpusLoaded,
    StoreDegraded,
)
from newsreader.corpus.article import Article
from newsreader.nlp.annotation import AnnotatedArticle
from newsreader.textsafe import printable

if TYPE_CHECKING:
    from newsreader.app.main import NewsReaderApp


# Large batches go to worker processes: spaCy in this thread would hold the
# GIL and make the interface stutter. Two processes: the machines we target
# have few cores, and the UI needs one.
PROCESSES = 2
PARALLEL_FROM = 200


class Pipeline:
    """Workers and their result handlers, mixed into :class:`NewsReaderApp`."""

    @work(thread=True, exclusive=True, exit_on_error=False, group="load", description="load")
    def load_corpus(self: NewsReaderApp) -> None:
        """Read the files (fast, no spaCy) and hand the articles to the UI."""
        from newsreader.corpus import load
        from newsreader.resources import seeds_dir

        paths = self.paths or [seeds_dir()]
        kwargs = {"max_bytes": self.max_bytes} if self.max_bytes else {}
        # Unchanged files come back from the store without being read again,
        # which is what makes a large corpus paint quickly the second time.
        states = None
        with persistence.cache_store(self.use_store, self._store_degraded) as store:
            result = load(paths, cache=store, **kwargs)
            if store is not None and not get_current_worker().is_cancelled:
                # Keyed and looked up here: on the UI thread it held up the first paint.
                states = persistence.saved_states(store, result.articles)
        if not get_current_worker().is_cancelled:
            self.post_message(CorpusLoaded(list(result.articles), list(result.errors), states))

    @work(thread=True, exclusive=True, exit_on_error=False, group="index", description="index")
    def index_corpus(self: NewsReaderApp, library: Library) -> None:
        """Fold titles and bodies for filtering ahead of the first keystroke."""
        worker = get_current_worker()
        library.build_search_docs(should_stop=lambda: worker.is_cancelled)

    @contextmanager
    def busy(self: NewsReaderApp, what: str) -> Iterator[None]:
        """Mark slow, uninterruptible work as running (see ``newsreader.app.run``)."""
        self.busy_work.add(what)
        try:
            yield
        finally:
            self.busy_work.discard(what)

    @work(
        thread=True, exclusive=True, exit_on_error=False, group="annotate", description="annotate"
    )
    def annotate_corpus(self: NewsReaderApp, articles: list[Article]) -> None:
        """Load the model and annotate through the cache, posting progress."""
        with self.busy("annotate"):
            self._annotate(articles)

    def _annotate(self: NewsReaderApp, articles: list[Article]) -> None:
        worker = get_current_worker()
        try:
            from newsreader.analysis import annotate_articles
            from newsreader.nlp.annotator import Annotator
        except ImportError as error:
            self.post_message(AnnotationFailed(f"model not available ({error})"))
            return
        self.post_message(AnnotationProgressed(0, len(articles)))
        # The model loads only if some article misses the cache, so a warm
        # open never imports spaCy.
        annotator = Annotator(model=self.model)
        with persistence.cache_store(self.use_store, self._store_degraded) as store:
            try:
                annotated = annotate_articles(
                    articles,
                    annotator,
                    store,
                    n_process=PROCESSES if len(articles) >= PARALLEL_FROM else 1,
                    on_progress=lambda done, total: self.post_message(
                        AnnotationProgressed(done, total)
                    ),
                    should_stop=lambda: worker.is_cancelled,
                )
            except Exception as error:  # noqa: BLE001 - any model failure is reported, not fatal
                self.post_message(AnnotationFailed(f"model not available ({error})"))
                return
            if store is not None and not worker.is_cancelled:
                store.prune_annotations(annotator.info.cache_key)
        if not worker.is_cancelled:
            self.post_message(ArticlesAnnotated(annotated, annotator.info.cache_key))

    @work(thread=True, exclusive=True, exit_on_error=False, group="compare", description="compare")
    def compare_corpus(self: NewsReaderApp, annotated: list[AnnotatedArticle]) -> None:
        """Build the comparison; views render its JSON form, export uses the object."""
        with self.busy("compare"):
            self._compare(annotated)

    def _compare(self: NewsReaderApp, annotated: list[AnnotatedArticle]) -> None:
        worker = get_current_worker()
        try:
            from newsreader import compare
        except ImportError as error:
            self.post_message(ComparisonFailed(f"comparison: not available ({error})"))
            return
        try:
            comparison = compare.build(
                annotated,
                should_stop=lambda: worker.is_cancelled,
                on_progress=lambda done, total: self.post_message(
                    ComparisonProgressed(done, total)
                ),
            )
        except compare.CompareCancelled:
            return
        if not worker.is_cancelled:
            self.post_message(ComparisonBuilt(comparison, compare.to_json(comparison)))

    def _store_degraded(self: NewsReaderApp, warnings: list[str]) -> None:
        self.post_message(StoreDegraded(warnings))

    def on_store_degraded(self: NewsReaderApp, message: StoreDegraded) -> None:
        """Reconnect the user's state to the database the worker may have rebuilt."""
        old = self.state_store
        if old.store is not None:
            old.close()
            fresh = persistence.UserStateStore.open()
            fresh.after_write = old.after_write
            self.state_store = fresh
        self.state_store.add_warnings(message.warnings)
        self.show_store_warnings()

    def on_worker_state_changed(self: NewsReaderApp, event: Worker.StateChanged) -> None:
        """One place where worker failures become a notification instead of a crash."""
        if event.state != WorkerState.ERROR:
            return
        error = event.worker.error
        what = {"load": "reading articles", "annotate": "annotation", "compare": "comparison"}
        area = what.get(event.worker.group, event.worker.group)
        self.notify(
            printable(f"{area} failed: {error}"), severity="error", markup=False, timeout=10
        )
        self.query_one("#progress").display = False
        self.set_status(f"{area} failed")
        if event.worker.group == "compare":
            self.compare_pane.set_comparison(None, "comparison: failed")

    # -- worker results --------------------------------------------------

    def on_corpus_loaded(self: NewsReaderApp, message: CorpusLoaded) -> None:
        if not self._preloaded:
            self.library = Library(message.articles)
            for widget in (self.article_list, self.reader, self.compare_pane):
                widget.library = self.library
            # A new corpus may reuse ids (same file names): forget what was open.
            self.reader.cursor = None
            self.reader.article_id = None
        self.state_store.restore(self.library, message.states)
        for error in message.errors[:5]:
            self.notify(
                f"skipped {printable(error.path)}: {printable(error.reason)}",
                severity="warning",
                markup=False,
            )
        if len(message.errors) > 5:
            self.notify(f"… and {len(message.errors) - 5} more files skipped", severity="warning")
        self._apply_filter(keep=None)
        if self.library.articles:
            self.set_status(f"{len(self.library)} articles read")
        else:
            self.set_status("no article could be read: open another folder (Ctrl+P)")
        self._restore_position()
        # Folding 10,000 articles holds the GIL: start after the first paint.
        self.call_after_refresh(self.index_corpus, self.library)
        if self._preannotated:
            self.post_message(ArticlesAnnotated(self._preannotated, "preloaded"))
        elif self.auto_annotate and self.library.articles:
            # After the next refresh, so the list paints before spaCy is imported.
            self.call_after_refresh(self.start_annotation)

    def start_annotation(self: NewsReaderApp) -> None:
        """Annotate every article of the library in the background."""
        self.annotate_corpus(list(self.library.articles))

    def on_annotation_progressed(self: NewsReaderApp, message: AnnotationProgressed) -> None:
        progress = self.query_one("#progress", ProgressBar)
        progress.display = True
        progress.update(total=max(message.total, 1), progress=message.done)
        if message.done == 0:
            self.set_status(f"loading the model, then annotating {message.total} articles…")
        else:
            self.set_status(f"annotating {message.done}/{message.total}")

    def on_articles_annotated(self: NewsReaderApp, message: ArticlesAnnotated) -> None:
        self.library.set_annotations(message.annotated)
        self.query_one("#progress").display = False
        self.set_status(f"{len(message.annotated)} articles annotated")
        self.reader.restyle()
        self.apply_pending_sentence()
        self._update_legend()
        if self.filter_text:  # entity and label terms can only match now
            self._apply_filter(keep=self.article_list.current_id)
        self.compare_pane.set_comparison(None, "comparison: computing…")
        self.compare_corpus(self.library.annotated_articles())

    def on_annotation_failed(self: NewsReaderApp, message: AnnotationFailed) -> None:
        self.query_one("#progress").display = False
        self.set_status(message.reason)
        self.notify(printable(message.reason), title="annotation", severity="warning", markup=False)

    def on_comparison_progressed(self: NewsReaderApp, message: ComparisonProgressed) -> None:
        progress = self.query_one("#progress", ProgressBar)
        progress.display = True
        progress.update(total=max(message.total, 1), progress=message.done)
        self.set_status(f"comparing {message.done}/{message.total}")

    def on_comparison_built(self: NewsReaderApp, message: ComparisonBuilt) -> None:
        self.query_one("#progress").display = False
        self.set_status(f"{len(self.library)} articles annotated and compared")
        self.comparison = message.comparison
        self.comparison_data = message.data
        self.compare_pane.set_comparison(message.data)

    def on_comparison_failed(self: NewsReaderApp, message: ComparisonFailed) -> None:
        self.query_one("#progress").display = False
        self.compare_pane.set_comparison(None, message.reason)
