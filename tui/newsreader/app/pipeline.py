"""The app's slow work, in thread workers: read files, fold for search, annotate, compare.

Each worker posts a message back; the handlers here put the results on
screen. spaCy is imported inside the annotation worker, which starts only
after the list has painted.
"""

from __future__ import annotations

import time
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
    AnnotationNotice,
    AnnotationProgressed,
    ArchiveFailed,
    ArchiveOpened,
    ArticlesAnnotated,
    ArticlesRead,
    ComparisonBuilt,
    ComparisonFailed,
    ComparisonProgressed,
    CorpusLoaded,
    StoreDegraded,
)
from newsreader.corpus.article import Article, LoadError
from newsreader.nlp.annotation import AnnotatedArticle
from newsreader.textsafe import printable

if TYPE_CHECKING:
    from newsreader.app.main import NewsReaderApp


# Large batches go to worker processes: spaCy in this thread would hold the
# GIL and make the interface stutter. Two processes: the machines we target
# have few cores, and the UI needs one.
PROCESSES = 2
PARALLEL_FROM = 200

# A corpus read afresh is shown as it is read: its first rows once the
# worker has read for this long, then more this often, as long as the rest
# looks likely to take as long again. A corpus the cache knows is read whole
# before that, and shown at once.
FIRST_ROWS_AFTER = 0.5
MORE_ROWS_EVERY = 1.0


class Pipeline:
    """Workers and their result handlers, mixed into :class:`NewsReaderApp`."""

    # The load worker whose batches the list shows, while it is still reading.
    _streaming: Worker[None] | None = None

    @work(thread=True, exclusive=True, exit_on_error=False, group="load", description="load")
    def load_corpus(self: NewsReaderApp) -> None:
        """Read the files (fast, no spaCy) and hand the articles to the UI.

        Unchanged files come back from the store without being read again,
        which is what makes a large corpus paint quickly the second time. A
        corpus that takes longer to read is shown as it is read.
        """
        from newsreader.corpus import READER_VERSION, load_batches
        from newsreader.resources import seeds_dir

        worker = get_current_worker()
        paths = self.paths or [seeds_dir()]
        kwargs = {"max_bytes": self.max_bytes} if self.max_bytes else {}
        articles: list[Article] = []
        errors: list[LoadError] = []
        shown = 0
        started = last = time.monotonic()
        with persistence.cache_store(self.use_store, self._store_degraded) as store:
            for batch in load_batches(paths, cache=store, **kwargs):
                if worker.is_cancelled:
                    return
                articles.extend(batch.articles)
                errors.extend(batch.errors)
                now = time.monotonic()
                due = FIRST_ROWS_AFTER if shown == 0 else MORE_ROWS_EVERY
                # Worth showing part of the corpus only if the rest will take a while yet.
                done, total = batch.files_done, batch.files_total
                left = (now - started) * (total - done) / max(done, 1)
                if done < total and len(articles) > shown and now - last >= due and left >= due:
                    fresh = articles[shown:]
                    states = persistence.saved_states(store, fresh) if store else None
                    self.post_message(
                        ArticlesRead(fresh, states, batch.files_done, batch.files_total, worker)
                    )
                    shown, last = len(articles), time.monotonic()
            # Read here, not on the UI thread, where keying 10,000 articles
            # held up the first paint.
            states = persistence.saved_states(store, articles[shown:]) if store else None
            errors.sort(key=lambda e: e.path)
            if worker.is_cancelled:
                return
            self.post_message(CorpusLoaded(articles, errors, states, worker))
            if store is not None:
                # After the list has what it needs: entries of older reading rules are dead weight.
                store.prune_articles(READER_VERSION)

    @work(thread=True, exclusive=True, exit_on_error=False, group="load", description="archive")
    def open_archive(self: NewsReaderApp, name: str) -> None:
        """Open a stored archive: no file is read, the list queries SQLite page by page."""
        import sqlite3

        from newsreader.app.archive_library import ArchiveLibrary
        from newsreader.app.library import EDITABLE_FIELDS, Overrides
        from newsreader.archive import Archive
        from newsreader.nlp.pipeline import pipeline_info
        from newsreader.query import ArticleState as Flags
        from newsreader.store import Store

        try:
            archive = Archive.open(name)
        except (FileNotFoundError, ValueError, OSError, sqlite3.Error) as error:
            self.post_message(ArchiveFailed(str(error)))
            return
        store = Store.open()
        key = pipeline_info(self.model).cache_key
        saved = store.states_by_path()
        flags = {path: Flags(read=s.read, starred=s.starred) for path, s in saved.items()}
        library = ArchiveLibrary(archive, lambda h: store.get_annotation(h, key), flags)
        for path, state in saved.items():
            edits = {k: v for k, v in state.overrides.items() if k in EDITABLE_FIELDS}
            article_id = archive.id_of(path) if edits else None
            if article_id is not None:
                library.set_overrides(article_id, Overrides(**edits))
        self.post_message(ArchiveOpened(name, library, store))

    def on_archive_opened(self: NewsReaderApp, message: ArchiveOpened) -> None:
        self.archive_store = message.store
        self.library = message.library
        for widget in (self.article_list, self.reader, self.compare_pane):
            widget.library = self.library
        self.reader.cursor = None
        self.reader.article_id = None
        self._apply_filter(keep=None)
        self.set_status(f"archive {message.name}: {len(self.library):,} articles")
        self._restore_position()
        self.compare_pane.set_comparison(
            None,
            "comparison: not computed for a whole archive; "
            "run `newsreader compare` on one story's files",
        )

    def on_archive_failed(self: NewsReaderApp, message: ArchiveFailed) -> None:
        self.set_status(message.reason)
        self.notify(printable(message.reason), title="archive", severity="error", markup=False)

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
                    on_notice=lambda text: self.post_message(AnnotationNotice(text)),
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

    def _new_library(self: NewsReaderApp, articles: list[Article]) -> None:
        self.library = Library(articles)
        for widget in (self.article_list, self.reader, self.compare_pane):
            widget.library = self.library
        # A new corpus may reuse ids (same file names): forget what was open.
        self.reader.cursor = None
        self.reader.article_id = None

    def on_articles_read(self: NewsReaderApp, message: ArticlesRead) -> None:
        """Show the articles read so far while the load worker reads the rest."""
        if message.worker.is_cancelled:
            return  # queued before another corpus was opened
        first = self._streaming is not message.worker
        if first:
            self._streaming = message.worker
            self._new_library(message.articles)
        else:
            self.library.extend(message.articles)
        if message.states is not None:  # else the final message restores every article
            self.state_store.restore(self.library, message.states)
        self._apply_filter(keep=None if first else self.article_list.current_id)
        self.set_status(f"reading articles… {message.files_done:,}/{message.files_total:,}")
        if first:
            self._restore_position()

    def on_corpus_loaded(self: NewsReaderApp, message: CorpusLoaded) -> None:
        if message.worker is not None and message.worker.is_cancelled:
            return  # queued before another corpus was opened
        streamed = message.worker is not None and self._streaming is message.worker
        self._streaming = None
        if streamed:
            # The list already shows the first batches; the rest follow them.
            self.library.extend(message.articles[len(self.library.articles) :])
        elif not self._preloaded:
            self._new_library(message.articles)
        self.state_store.restore(self.library, message.states)
        for error in message.errors[:5]:
            self.notify(
                f"skipped {printable(error.path)}: {printable(error.reason)}",
                severity="warning",
                markup=False,
            )
        if len(message.errors) > 5:
            self.notify(f"… and {len(message.errors) - 5} more files skipped", severity="warning")
        self._apply_filter(keep=self.article_list.current_id if streamed else None)
        if self.library.articles:
            self.set_status(f"{len(self.library)} articles read")
        else:
            self.set_status("no article could be read: open another folder (Ctrl+P)")
        if not streamed or self._still_at_preview():
            self._restore_position()
        # Folding 10,000 articles holds the GIL: start after the first paint.
        self.call_after_refresh(self.index_corpus, self.library)
        if self._preannotated:
            self.post_message(ArticlesAnnotated(self._preannotated, "preloaded"))
        elif self.auto_annotate and self.library.articles:
            # After the next refresh, so the list paints before spaCy is imported.
            self.call_after_refresh(self.start_annotation)

    def _still_at_preview(self: NewsReaderApp) -> bool:
        """Whether the user has left the first article shown while the corpus was read.

        The last session's article may be read after the first rows were
        shown; it is reopened then, unless the user has moved on already.
        """
        first = self.library.articles[0].id if self.library.articles else None
        saved = self.state_store.saved_position(self.library)
        return (
            saved is not None
            and saved.article_id != self.reader.article_id
            and self.reader.article_id == first
            and self.article_list.current_id == first
        )

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

    def on_annotation_notice(self: NewsReaderApp, message: AnnotationNotice) -> None:
        self.notify(printable(message.text), title="annotation", severity="warning", markup=False)

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
