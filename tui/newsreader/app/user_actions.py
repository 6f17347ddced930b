"""What the user does to articles and the view: flags, edits, toggles, export, dialogs.

A mixin of the app's ``action_*`` methods, kept apart from the wiring in
``main.py`` so each module stays small.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from textual.binding import Binding

from newsreader.app.dialogs.edit import EditDialog
from newsreader.app.dialogs.folder import FolderDialog
from newsreader.app.library import Overrides
from newsreader.app.screens.help import HelpScreen
from newsreader.app.screens.overview import OverviewScreen
from newsreader.nlp.annotation import LABELS

if TYPE_CHECKING:
    from newsreader.app.main import NewsReaderApp

DEFAULT_EXPORT_DIR = "newsreader-export"


class UserActions:
    """``action_*`` methods of :class:`NewsReaderApp`."""

    def _target_id(self: NewsReaderApp) -> str | None:
        """The article an action applies to: the open one when the reader has focus."""
        if self.focused is self.reader and self.reader.article_id:
            return self.reader.article_id
        return self.article_list.current_id or self.reader.article_id

    # -- flags -------------------------------------------------------------

    def set_read(self: NewsReaderApp, article_id: str, read: bool) -> None:
        """Mark an article read or unread, on screen and in the store."""
        self.library.set_state(article_id, read=read)
        self.state_store.save_flags(self.library, article_id)
        self.article_list.refresh()

    def action_toggle_read(self: NewsReaderApp) -> None:
        article_id = self._target_id()
        if article_id is None:
            return
        read = not self.library.state(article_id).read
        self.set_read(article_id, read)
        self.set_status("marked read" if read else "marked unread")

    def action_toggle_star(self: NewsReaderApp) -> None:
        article_id = self._target_id()
        if article_id is None:
            return
        starred = not self.library.state(article_id).starred
        self.library.set_state(article_id, starred=starred)
        self.state_store.save_flags(self.library, article_id)
        self.article_list.refresh()
        self.set_status("starred" if starred else "unstarred")

    # -- view toggles ----------------------------------------------------

    def action_toggle_label(self: NewsReaderApp, label: str) -> None:
        if label not in LABELS:
            return
        shown = set(self.reader.shown_labels)
        shown.symmetric_difference_update({label})
        self.reader.shown_labels = frozenset(shown)
        self.legend.shown_labels = frozenset(shown)

    def action_toggle_removed(self: NewsReaderApp) -> None:
        self.reader.show_removed = not self.reader.show_removed
        self.set_status(
            "removed lines shown" if self.reader.show_removed else "removed lines hidden"
        )

    def action_toggle_compare(self: NewsReaderApp) -> None:
        self.compare_shown = not self.compare_pane.display

    def action_help(self: NewsReaderApp) -> None:
        from newsreader.app.widgets.filter_bar import FilterBar
        from newsreader.app.widgets.list import ArticleList
        from newsreader.app.widgets.reader import Reader

        self.push_screen(
            HelpScreen(
                [
                    ("Everywhere", [*self.BINDINGS, *_PANE_KEYS]),
                    ("Article list", ArticleList.BINDINGS),
                    ("Reader", Reader.BINDINGS),
                    ("Filter bar", FilterBar.BINDINGS),
                ]
            )
        )

    def action_overview(self: NewsReaderApp) -> None:
        self.push_screen(OverviewScreen(self.comparison_data, self.library))

    # -- edits -----------------------------------------------------------

    def action_edit(self: NewsReaderApp) -> None:
        article_id = self._target_id()
        if article_id is None:
            return

        def saved(overrides: Overrides | None) -> None:
            if overrides is None:
                return
            self.library.set_overrides(article_id, overrides)
            self.state_store.save_overrides(self.library, article_id)
            self._apply_filter(keep=article_id)
            self.reader.relayout()
            self.compare_pane.show_article(self.reader.article_id)
            self.set_status("metadata saved")
            if self.library.annotated:
                # Outlet and date feed the comparison (stories, who carries what).
                self.compare_pane.set_comparison(None, "comparison: updating…")
                self.compare_corpus(self.library.annotated_articles())

        self.push_screen(
            EditDialog(self.library.parsed(article_id), self.library.overrides(article_id)), saved
        )

    def action_filter_entity(self: NewsReaderApp) -> None:
        entity = self.reader.entity_under_cursor
        if entity is None:
            self.notify("Put the reader cursor on an entity first (n / N or a click).")
            return
        name = entity.canonical.replace('"', "")
        self.filter_bar.display = True
        self.filter_bar.input.value = f'entity:"{name}"'
        self.filter_text = self.filter_bar.input.value

    # -- folders: open and export ----------------------------------------

    def action_open_folder(self: NewsReaderApp) -> None:
        def chosen(path: Path | None) -> None:
            if path is None:
                return
            self.workers.cancel_group(self, "annotate")
            self.paths = [path]
            self._preloaded = False
            self._preannotated = []
            self.comparison = None
            self.comparison_data = None
            self.compare_pane.set_comparison(None)
            self.set_status(f"reading {path}…")
            self.load_corpus()

        self.push_screen(
            FolderDialog("Open a folder or file of articles", str(Path.cwd()), must_exist=True),
            chosen,
        )

    def action_export_current(self: NewsReaderApp) -> None:
        article_id = self._target_id()
        if article_id is None:
            return
        self._ask_and_export([article_id], "Export the current article to folder")

    def action_export_filtered(self: NewsReaderApp) -> None:
        ids = [self.library.articles[row].id for row in self.article_list.rows]
        if not ids:
            self.notify("No article matches the filter: nothing to export.")
            return
        self._ask_and_export(ids, f"Export {len(ids)} filtered articles to folder")

    def _ask_and_export(self: NewsReaderApp, ids: list[str], prompt: str) -> None:
        def chosen(folder: Path | None) -> None:
            if folder is not None:
                self.export_to(ids, folder)

        self.push_screen(FolderDialog(prompt, DEFAULT_EXPORT_DIR), chosen)

    def export_to(self: NewsReaderApp, ids: list[str], folder: Path) -> None:
        """Write annotated Markdown for ``ids`` into ``folder``; existing files are kept."""
        from newsreader.app.exporting import export_selected

        outcome = export_selected(self.library, ids, folder, self.comparison)
        message = "\n".join([outcome.summary, *outcome.details[:5]])
        severity = "warning" if outcome.problem else "information"
        self.notify(message, title="export", severity=severity, markup=False, timeout=8)
        self.set_status(outcome.summary)


# Tab moves between panes; the Screen binds it, so the help lists it here.
_PANE_KEYS = [
    Binding("tab", "focus_next", "Next pane"),
    Binding("shift+tab", "focus_previous", "Previous pane"),
    Binding("ctrl+p", "command_palette", "Command palette"),
]
