"""The article list: a virtual, two-lines-per-article view over the filtered corpus.

Only the rows on screen are rendered (Line API), so ten thousand articles
cost what twenty do.
"""

from __future__ import annotations

from typing import ClassVar

from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Region, Size
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from newsreader.app.library import Library
from newsreader.app.messages import ArticleChosen, ArticleHighlighted
from newsreader.textsafe import printable

ROW_HEIGHT = 2
UNKNOWN_OUTLET = "unknown outlet"
UNKNOWN = "—"


class ArticleList(ScrollView, can_focus=True):
    """Titles with outlet and date; ``rows`` holds library positions in display order."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up,k", "cursor_up", "Up", show=False),
        Binding("down,j", "cursor_down", "Down", show=False),
        Binding("pageup", "page_up", "Page up", show=False),
        Binding("pagedown", "page_down", "Page down", show=False),
        Binding("g,home", "first", "Top", show=False),
        Binding("G,end", "last", "Bottom", show=False),
        Binding("enter", "choose", "Open"),
    ]

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "article-list--cursor",
        "article-list--meta",
        "article-list--unknown",
        "article-list--read",
        "article-list--star",
    }

    cursor: reactive[int] = reactive(0, always_update=True)

    def __init__(self, library: Library, *, name: str | None = None, id: str | None = None) -> None:  # noqa: A002 - Textual names it id
        super().__init__(name=name, id=id)
        self.library = library
        self.rows: list[int] = []

    # -- data ----------------------------------------------------------------

    def set_rows(self, rows: list[int], *, keep: str | None = None) -> None:
        """Show these library positions; keep the cursor on article ``keep`` if still shown."""
        self.rows = rows
        self.virtual_size = Size(0, len(rows) * ROW_HEIGHT)
        target = 0
        if keep is not None:
            position = self.library.position(keep)
            if position is not None and position in rows:
                target = rows.index(position)
        self.cursor = min(target, max(len(rows) - 1, 0))
        self.refresh()

    @property
    def current_id(self) -> str | None:
        """Id of the article under the cursor, or ``None`` when the list is empty."""
        if not self.rows:
            return None
        return self.library.articles[self.rows[self.cursor]].id

    def select_id(self, article_id: str) -> bool:
        """Move the cursor onto an article if it is shown; returns whether it was."""
        position = self.library.position(article_id)
        if position is None or position not in self.rows:
            return False
        self.cursor = self.rows.index(position)
        return True

    def validate_cursor(self, cursor: int) -> int:
        return max(0, min(cursor, len(self.rows) - 1)) if self.rows else 0

    def watch_cursor(self, cursor: int) -> None:
        if not self.rows:
            return
        self.scroll_to_region(
            Region(0, cursor * ROW_HEIGHT, max(self.size.width, 1), ROW_HEIGHT),
            animate=False,
            force=True,
        )
        self.refresh()
        self.post_message(ArticleHighlighted(self.library.articles[self.rows[cursor]].id))

    # -- actions ---------------------------------------------------------

    def action_cursor_up(self) -> None:
        self.cursor -= 1

    def action_cursor_down(self) -> None:
        self.cursor += 1

    def _page(self) -> int:
        return max(self.scrollable_content_region.height // ROW_HEIGHT, 1)

    def action_page_up(self) -> None:
        self.cursor -= self._page()

    def action_page_down(self) -> None:
        self.cursor += self._page()

    def action_first(self) -> None:
        self.cursor = 0

    def action_last(self) -> None:
        self.cursor = len(self.rows) - 1

    def action_choose(self) -> None:
        article_id = self.current_id
        if article_id is not None:
            self.post_message(ArticleChosen(article_id))

    def on_click(self, event: events.Click) -> None:
        row = (event.y + int(self.scroll_offset.y)) // ROW_HEIGHT
        if 0 <= row < len(self.rows):
            self.cursor = row
            self.action_choose()

    # -- rendering -------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        line = y + int(self.scroll_offset.y)
        row, part = divmod(line, ROW_HEIGHT)
        base = self.rich_style
        if row >= len(self.rows):
            return Strip.blank(width, base)
        text = self._title_line(row) if part == 0 else self._meta_line(row)
        text.truncate(width, overflow="ellipsis", pad=True)
        style = base
        if row == self.cursor:
            style = base + self.get_component_rich_style("article-list--cursor")
        text.stylize_before(style)
        return Strip(list(text.render(self.app.console)), width)

    def _title_line(self, row: int) -> Text:
        article = self.library.articles[self.rows[row]]
        state = self.library.state(article.id)
        star = Text(
            "★ " if state.starred else "  ", self.get_component_rich_style("article-list--star")
        )
        title_style: Style | str = ""
        if state.read:
            title_style = self.get_component_rich_style("article-list--read")
        else:
            title_style = Style(bold=True)
        if article.title:
            title = Text(printable(article.title), title_style)
        else:
            title = Text(f"({article.id})", self.get_component_rich_style("article-list--unknown"))
        return Text.assemble(star, title, no_wrap=True)

    def _meta_line(self, row: int) -> Text:
        article = self.library.articles[self.rows[row]]
        meta = self.get_component_rich_style("article-list--meta")
        unknown = self.get_component_rich_style("article-list--unknown")
        outlet = (
            Text(printable(article.outlet), meta)
            if article.outlet
            else Text(UNKNOWN_OUTLET, unknown)
        )
        date = Text(article.date, meta) if article.date else Text(UNKNOWN, unknown)
        return Text.assemble("  ", outlet, Text(" · ", meta), date, no_wrap=True)
