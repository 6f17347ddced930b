"""The command palette (Ctrl+P): the app's actions, searchable by name."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, cast

from textual.command import DiscoveryHit, Hit, Hits, Provider

from newsreader.nlp.annotation import LABELS

if TYPE_CHECKING:
    from newsreader.app.main import NewsReaderApp


class NewsReaderCommands(Provider):
    """Open, filter, export, label toggles, removed lines, theme, panes."""

    def _commands(self) -> list[tuple[str, str, Callable[[], object]]]:
        app = cast("NewsReaderApp", self.app)
        commands: list[tuple[str, str, Callable[[], object]]] = [
            ("Open folder or file…", "Read articles from another path", app.action_open_folder),
            (
                "Filter by entity under cursor",
                "Show the articles that name the entity the reader points at",
                app.action_filter_entity,
            ),
            (
                "Export current article",
                "Annotated Markdown of the open article",
                app.action_export_current,
            ),
            (
                "Export filtered articles",
                "Every article the filter keeps",
                app.action_export_filtered,
            ),
            (
                "Show/hide removed lines",
                "Lines cleaning took out, greyed in place",
                app.action_toggle_removed,
            ),
            ("Toggle comparison pane", "Show or hide the side pane", app.action_toggle_compare),
            ("Story overview", "Outlets against facts, blindspots", app.action_overview),
            ("Switch theme", "Pick a colour theme", app.action_change_theme),
            ("Help: keys", "Every key binding", app.action_help),
        ]
        for label in LABELS:
            commands.append(
                (
                    f"Toggle label {label}",
                    f"Show or hide {label} highlights",
                    partial(app.action_toggle_label, label),
                )
            )
        return commands

    async def discover(self) -> Hits:
        for name, help_text, callback in self._commands():
            yield DiscoveryHit(name, callback, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, help_text, callback in self._commands():
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, matcher.highlight(name), callback, help=help_text)
