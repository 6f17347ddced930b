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
from newsreader.corpus.article import Article
from newsreader.query import ArticleState
from newsreader.textsafe import printable

ROW_HEIGHT = 2
STRIP_CACHE_SIZE = 2_000
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
        self._styles: dict[str, Style] | None = None
        self._styles_key: tuple[tuple[str, Style], ...] = ()
        self._strips: dict[tuple[object, ...], Strip] = {}

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

    def watch_cursor(self, old: int, cursor: int) -> None:
        if not self.rows:
            return
        self.scroll_to_region(
            Region(0, cursor * ROW_HEIGHT, max(self.size.width, 1), ROW_HEIGHT),
            animate=False,
            force=True,
        )
        # Only the two rows whose look changed need repainting (a scroll repaints all anyway).
        self.refresh_lines(old * ROW_HEIGHT, ROW_HEIGHT)
        self.refresh_lines(cursor * ROW_HEIGHT, ROW_HEIGHT)
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
    #
    # Each repaint asks for every visible line; building Rich Text and
    # resolving CSS styles per line is what costs, so both are cached. The
    # strip cache key holds everything a line's look depends on, the styles
    # included: focus changes the cursor colour, and opening an article moves
    # focus away and back, so both looks stay cached.

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._styles = None

    def on_focus(self) -> None:
        self.notify_style_update()

    def on_blur(self) -> None:
        self.notify_style_update()

    def _style_table(self) -> dict[str, Style]:
        if self._styles is None:
            styles = {name: self.get_component_rich_style(name) for name in self.COMPONENT_CLASSES}
            styles["base"] = self.rich_style
            self._styles = styles
            self._styles_key = tuple(sorted(styles.items()))
        return self._styles

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        styles = self._style_table()
        row, part = divmod(y + int(self.scroll_offset.y), ROW_HEIGHT)
        if row >= len(self.rows):
            return Strip.blank(width, styles["base"])
        article = self.library.articles[self.rows[row]]
        state = self.library.state(article.id)
        key = (article, state, part, row == self.cursor, width, self._styles_key)
        strip = self._strips.get(key)
        if strip is None:
            if len(self._strips) > STRIP_CACHE_SIZE:
                self._strips.clear()
            strip = self._render_row(article, state, part, row == self.cursor, width, styles)
            self._strips[key] = strip
        return strip

    def _render_row(
        self,
        article: Article,
        state: ArticleState,
        part: int,
        is_cursor: bool,
        width: int,
        styles: dict[str, Style],
    ) -> Strip:
        text = (
            self._title_line(article, state, styles)
            if part == 0
            else self._meta_line(article, styles)
        )
        text.truncate(width, overflow="ellipsis", pad=True)
        style = styles["base"]
        if is_cursor:
            style = style + styles["article-list--cursor"]
        text.stylize_before(style)
        return Strip(list(text.render(self.app.console)), width)

    def _title_line(self, article: Article, state: ArticleState, styles: dict[str, Style]) -> Text:
        star = Text("★ " if state.starred else "  ", styles["article-list--star"])
        title_style = styles["article-list--read"] if state.read else Style(bold=True)
        if article.title:
            title = Text(printable(article.title), title_style)
        else:
            title = Text(f"({article.id})", styles["article-list--unknown"])
        return Text.assemble(star, title, no_wrap=True)

    def _meta_line(self, article: Article, styles: dict[str, Style]) -> Text:
        meta, unknown = styles["article-list--meta"], styles["article-list--unknown"]
        if article.outlet:
            outlet = Text(printable(article.outlet), meta)
        else:
            outlet = Text(UNKNOWN_OUTLET, unknown)
        date = Text(article.date, meta) if article.date else Text(UNKNOWN, unknown)
        return Text.assemble("  ", outlet, Text(" · ", meta), date, no_wrap=True)
