"""The newsreader app: three panes (list, reader, comparison), a filter bar and workers.

The app wires widgets together and runs slow work in thread workers:
reading files, annotating (spaCy is imported there, never before the list
paints) and comparing. It renders what the core returns; it does no NLP.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any, ClassVar

from rich.text import Text
from textual import on
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.reactive import reactive
from textual.widgets import Header, ProgressBar, Static

from newsreader.app import persistence
from newsreader.app.commands import NewsReaderCommands
from newsreader.app.heap import release_heap, settle_heap
from newsreader.app.library import Library
from newsreader.app.messages import (
    ArticleChosen,
    ArticlesAnnotated,
    ComparisonBuilt,
    CorpusLoaded,
    FilterChanged,
    FilterClosed,
    SentencePicked,
    StateWritten,
)
from newsreader.app.pipeline import Pipeline
from newsreader.app.user_actions import UserActions
from newsreader.app.widgets.compare_pane import ComparePane
from newsreader.app.widgets.filter_bar import FilterBar
from newsreader.app.widgets.key_footer import KeyFooter
from newsreader.app.widgets.legend import Legend
from newsreader.app.widgets.list import ArticleList
from newsreader.app.widgets.reader import Reader
from newsreader.corpus.article import Article
from newsreader.nlp.annotation import LABELS, AnnotatedArticle
from newsreader.query import QueryError, parse
from newsreader.resources import styles_dir
from newsreader.textsafe import printable

# Below this width the comparison pane starts hidden (it can still be toggled).
NARROW_WIDTH = 110


class NewsReaderApp(Pipeline, UserActions, App[None]):
    """Read, compare and export news articles.

    Args:
        paths: Files and folders to read (ignored when ``articles`` is given).
        articles: Articles already loaded (tests, other front ends).
        annotated: Annotations already computed; skips the annotation worker for them.
        model: A spaCy pipeline to use instead of the bundled model.
        max_bytes: Largest file the loader reads.
        annotate: Start the annotation worker once articles are shown.
        use_store: Open the database for the cache and the user's state.
        archive: Open this stored archive (``newsreader annotate --archive``)
            instead of reading ``paths``.
    """

    CSS_PATH: ClassVar[list[str | Path]] = [styles_dir() / "app.tcss"]
    TITLE = "newsreader"
    COMMANDS = App.COMMANDS | {NewsReaderCommands}

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q", "quit", "Quit"),
        Binding("question_mark", "help", "Help"),
        Binding("slash", "open_filter", "Filter"),
        Binding("escape", "clear_filter", "Clear filter", show=False),
        *[
            Binding(str(number), f"toggle_label('{label}')", f"Toggle {label}", show=False)
            for number, label in enumerate(LABELS, 1)
        ],
        Binding("s", "toggle_star", "Star"),
        Binding("u", "toggle_read", "Read/unread"),
        Binding("m", "edit", "Edit"),
        Binding("r", "toggle_removed", "Removed lines", show=False),
        Binding("e", "export_current", "Export"),
        Binding("E", "export_filtered", "Export filtered", show=False),
        Binding("c", "toggle_compare", "Compare pane", show=False),
        Binding("o", "overview", "Overview"),
    ]

    filter_text: reactive[str] = reactive("")
    compare_shown: reactive[bool | None] = reactive(None)

    def __init__(
        self,
        paths: Sequence[Path] = (),
        *,
        articles: Sequence[Article] | None = None,
        annotated: Sequence[AnnotatedArticle] = (),
        model: str | None = None,
        max_bytes: int | None = None,
        annotate: bool = True,
        use_store: bool = True,
        archive: str | None = None,
    ) -> None:
        super().__init__()
        self.archive_name = archive
        self.archive_store: Any = None
        self.paths = list(paths)
        self.model = model
        self.max_bytes = max_bytes
        self.auto_annotate = annotate
        self.use_store = use_store
        self.library = Library(articles or ())
        self._preloaded = articles is not None
        self._preannotated = list(annotated)
        self.pending_sentence: tuple[str, int] | None = None
        # Names of thread work that cannot stop at once (model loading, compare).
        self.busy_work: set[str] = set()
        self.comparison: Any = None
        self.comparison_data: dict[str, Any] | None = None
        self.state_store = persistence.UserStateStore.disabled()

    # -- layout ----------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Header(show_clock=False, icon="≡")
        with Horizontal(id="panes"):
            with Vertical(id="list-pane"):
                yield Static("", id="list-title")
                yield ArticleList(self.library, id="article-list")
            with Vertical(id="reader-pane"):
                yield Legend(id="legend")
                yield Reader(self.library, id="reader")
            yield ComparePane(self.library, id="compare-pane")
        yield FilterBar(id="filter-bar")
        with Horizontal(id="status-bar"):
            yield ProgressBar(total=None, show_eta=False, id="progress")
            yield Static("", id="status")
        yield KeyFooter()

    @property
    def article_list(self) -> ArticleList:
        return self.query_one(ArticleList)

    @property
    def reader(self) -> Reader:
        return self.query_one(Reader)

    @property
    def legend(self) -> Legend:
        return self.query_one(Legend)

    @property
    def compare_pane(self) -> ComparePane:
        return self.query_one(ComparePane)

    @property
    def filter_bar(self) -> FilterBar:
        return self.query_one(FilterBar)

    def set_status(self, message: str) -> None:
        """Show a one-line status under the panes (plain text, never markup)."""
        self.query_one("#status", Static).update(Text(printable(message)))

    def on_mount(self) -> None:
        self.filter_bar.display = False
        self.query_one("#progress").display = False
        self.article_list.focus()
        if self.use_store:
            self.state_store = persistence.UserStateStore.open()
            # post_message is safe from the store's writer thread and never blocks it.
            self.state_store.after_write = lambda: self.post_message(StateWritten())
            self.show_store_warnings()
        if self._preloaded:
            self.post_message(CorpusLoaded(list(self.library.articles), []))
        elif self.archive_name is not None:
            self.set_status(f"opening archive {self.archive_name}…")
            self.open_archive(self.archive_name)
        else:
            self.set_status("reading articles…")
            self.load_corpus()

    def show_store_warnings(self) -> None:
        """Notify problems the store ran into (damaged, locked, read-only) once each."""
        for warning in self.state_store.new_warnings():
            self.notify(
                printable(warning), title="store", severity="warning", markup=False, timeout=10
            )

    @on(CorpusLoaded)
    @on(ArticlesAnnotated)
    @on(ComparisonBuilt)
    def _loaded(self) -> None:
        # Runs beside the pipeline's handlers; after the refresh, so what loaded paints first.
        self.call_after_refresh(settle_heap)

    def on_state_written(self, message: StateWritten) -> None:
        self.show_store_warnings()

    def on_unmount(self) -> None:
        self.state_store.close()
        if self.archive_store is not None:
            self.archive_store.close()
        release_heap()

    def on_resize(self) -> None:
        if self.compare_shown is None:
            self.compare_pane.display = self.size.width >= NARROW_WIDTH

    def watch_compare_shown(self, shown: bool | None) -> None:
        if shown is not None:
            self.compare_pane.display = shown

    # -- list, reader and comparison -------------------------------------

    def on_article_chosen(self, message: ArticleChosen) -> None:
        self.open_article(message.article_id, at=message.sentence_start)

    def open_article(self, article_id: str, *, at: int | None = None) -> None:
        """Show an article in the reader, mark it read and move focus there."""
        if self.library.position(article_id) is None:
            return
        if not self.article_list.select_id(article_id) and self.filter_text:
            # Opened from the comparison but hidden by the filter: keep the reader in sync.
            self.set_status("opened an article the filter hides")
        self.reader.show(article_id, at=at)
        self.compare_pane.show_article(article_id)
        self.set_read(article_id, True)
        self.save_position()
        self.show_store_warnings()
        self._update_legend()
        self.reader.focus()

    def on_sentence_picked(self, message: SentencePicked) -> None:
        text = self.library.article(message.article_id).text
        self.compare_pane.focus_sentence(
            message.start, message.end, text[message.start : message.end]
        )

    def _update_legend(self) -> None:
        article_id = self.reader.article_id
        self.legend.set_counts(self.library.label_counts(article_id) if article_id else {})

    # -- filtering -------------------------------------------------------

    def action_open_filter(self) -> None:
        self.filter_bar.open()

    def action_clear_filter(self) -> None:
        if self.filter_text or self.filter_bar.display:
            self.filter_bar.action_clear()

    @on(FilterChanged)
    def _filter_changed(self, message: FilterChanged) -> None:
        self.filter_text = message.text

    @on(FilterClosed)
    def _filter_closed(self, message: FilterClosed) -> None:
        if message.cleared:
            self.filter_text = ""
            self.filter_bar.display = False
        self.article_list.focus()

    def watch_filter_text(self) -> None:
        self._apply_filter(keep=self.article_list.current_id)

    def _apply_filter(self, keep: str | None) -> None:
        try:
            query = parse(self.filter_text)
        except QueryError as error:
            # Keep the last good result on screen while the query is being typed.
            self.filter_bar.report(f"{error.message} (column {error.position + 1})", error=True)
            return
        rows = self.library.filter(query)
        self.article_list.set_rows(rows, keep=keep)
        total = len(self.library)
        shown = f"{len(rows)} of {total}" if not query.is_empty else f"{total}"
        pending = (
            " (entity terms wait for annotation)"
            if query.needs_entities and not self.library.annotated
            else ""
        )
        self.filter_bar.report(f"{len(rows)} match{'es' if len(rows) != 1 else ''}{pending}")
        title = f"Articles: {shown}"
        if not query.is_empty:
            title += f"  filter: {self.filter_text}"
        self.query_one("#list-title", Static).update(Text(printable(title)))

    def _restore_position(self) -> None:
        """Reopen the article of the last session, or preview the first (not marked read)."""
        saved = self.state_store.saved_position(self.library)
        if saved is not None and self.article_list.select_id(saved.article_id):
            self.reader.show(saved.article_id)
            if saved.sentence is not None:
                # Sentence indexes count annotated sentences: wait for them if need be.
                self.pending_sentence = (saved.article_id, saved.sentence)
                self.apply_pending_sentence()
            self.reader.scroll_to(y=saved.scroll, animate=False, force=True)
            shown: str | None = saved.article_id
        else:
            shown = self.article_list.current_id
            if shown is not None:
                self.reader.show(shown)
        if shown is not None:
            self.compare_pane.show_article(shown)
            self._update_legend()

    def apply_pending_sentence(self) -> None:
        """Put the cursor back on the sentence of the last session once sentences are known."""
        if self.pending_sentence is None:
            return
        article_id, index = self.pending_sentence
        if self.reader.article_id != article_id:
            self.pending_sentence = None
        elif self.library.annotation(article_id) is not None:
            self.pending_sentence = None
            if self.reader.cursor is None:
                self.reader.select_sentence(index)

    def save_position(self) -> None:
        """Remember the open article, the sentence under the cursor and the scroll."""
        if self.reader.article_id is None:
            return
        self.state_store.remember_position(
            self.library,
            self.reader.article_id,
            self.article_list.cursor,
            sentence=self.reader.sentence_index(),
            scroll=float(self.reader.scroll_offset.y),
        )

    async def action_quit(self) -> None:
        self.save_position()
        await super().action_quit()
