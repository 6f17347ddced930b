"""The comparison pane: the open article's facts beside the other outlets' wording.

It renders the comparison in its JSON form (``compare.to_json``: the
documented contract; see :mod:`compare_view`), so the pane depends on the
published shape, not on compare's internal classes. Selecting another
outlet's wording opens that article at that sentence.

Opening an article must show it in the reader first: the pane fills its
rows after the next screen refresh, and keeps the rows of recently shown
articles so going back and forth between outlets costs little.
"""

from __future__ import annotations

from collections import OrderedDict
from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import OptionList, Static

from newsreader.app.library import Library
from newsreader.app.messages import ArticleChosen
from newsreader.app.widgets.compare_view import (
    NOT_COMPUTED,
    PaneView,
    build_view,
    squeeze,
    view_key,
)

# Views kept for reopening; each is a few dozen rows.
VIEW_CACHE_SIZE = 64


class ComparePane(Vertical):
    """Facts of the open article; ``focus_sentence`` highlights the fact of a sentence."""

    def __init__(self, library: Library, *, id: str | None = None) -> None:  # noqa: A002 - Textual names it id
        super().__init__(id=id)
        self.library = library
        self.data: dict[str, Any] | None = None
        self.article_id: str | None = None
        # The article whose facts the rows hold now (None without a comparison).
        self.shown_article_id: str | None = None
        self._status: str | None = None
        self._view = PaneView(NOT_COMPUTED)
        self._views: OrderedDict[tuple[str, ...], PaneView] = OrderedDict()
        self._views_library: Library | None = None
        self._fill_pending = False
        self._pending_focus: tuple[int, int, str] | None = None

    def compose(self) -> ComposeResult:
        yield Static(NOT_COMPUTED, id="compare-title")
        yield OptionList(id="compare-list", compact=True)

    @property
    def options(self) -> OptionList:
        return self.query_one("#compare-list", OptionList)

    def set_comparison(self, data: dict[str, Any] | None, status: str | None = None) -> None:
        """Take a new comparison (``None`` with a status line when there is none)."""
        self.data = data
        self._status = status
        self._views.clear()
        self._schedule_fill()

    def show_article(self, article_id: str | None) -> None:
        """Show the facts of the article now in the reader (after the next refresh)."""
        if article_id != self.article_id:
            self._pending_focus = None
        self.article_id = article_id
        self._schedule_fill()

    def _schedule_fill(self) -> None:
        if not self._fill_pending:
            self._fill_pending = True
            self.call_after_refresh(self._fill_rows)

    def _fill_rows(self) -> None:
        self._fill_pending = False
        view = self._view_for(self.article_id)
        self._view = view
        self.shown_article_id = None if self.data is None else self.article_id
        self.query_one("#compare-title", Static).update(view.title)
        # set_options reuses the rows' measured heights when a cached view comes back.
        self.options.set_options(view.options)
        if self._pending_focus is not None:
            start, end, text = self._pending_focus
            self._pending_focus = None
            self.focus_sentence(start, end, text)

    def _view_for(self, article_id: str | None) -> PaneView:
        if self.data is None or article_id is None:
            return build_view(self.data, self.library, article_id, self._status)
        if self._views_library is not self.library:
            self._views.clear()
            self._views_library = self.library
        key = view_key(self.data, self.library, article_id)
        view = self._views.get(key)
        if view is None:
            view = build_view(self.data, self.library, article_id, self._status)
            self._views[key] = view
            if len(self._views) > VIEW_CACHE_SIZE:
                self._views.popitem(last=False)
        else:
            self._views.move_to_end(key)
        return view

    def focus_sentence(self, start: int, end: int, text: str) -> bool:
        """Point at the fact this article states in the sentence ``text`` at ``start:end``.

        The fact is the one whose wording here overlaps the sentence most (by
        offsets when compare gives them, else by equal text); the first other
        outlet's wording of it is highlighted. Asked before the rows of a newly
        opened article are in, it waits for them.

        Returns:
            Whether the sentence belongs to a shared fact (``False`` while waiting).
        """
        if self._fill_pending:
            self._pending_focus = (start, end, text)
            return False
        overlaps = [wording.overlap(start, end, text) for wording in self._view.fact_rows]
        if overlaps and max(overlaps) > 0:
            return self._highlight_fact(overlaps.index(max(overlaps)))
        options = self.options
        for number, wording in enumerate(self._view.unique_rows):
            if squeeze(wording) == squeeze(text):
                options.highlighted = options.get_option_index(f"unique{number}")
                options.scroll_to_highlight()
                return False
        options.highlighted = None
        return False

    def _highlight_fact(self, fact_index: int) -> bool:
        options = self.options
        seen = -1
        for index in range(options.option_count):
            option = options.get_option_at_index(index)
            prompt = option.prompt
            if option.disabled and isinstance(prompt, Text) and prompt.plain.startswith("fact "):
                seen += 1
            elif seen == fact_index and not option.disabled:
                options.highlighted = index
                options.scroll_to_highlight(top=True)
                return True
        return False

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        target = self._view.targets.get(event.option.id or "")
        if target is None or self.library.position(target.article_id) is None:
            return
        at = target.start
        if at is None:
            found = self.library.article(target.article_id).text.find(target.sentence.strip())
            at = found if found >= 0 else None
        self.post_message(ArticleChosen(target.article_id, at))
