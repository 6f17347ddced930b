"""The reader: headline, metadata and cleaned text with entities highlighted.

A Line API widget over :mod:`reader_layout`, so the cursor (an entity or a
sentence) can be scrolled into view and clicks map back to text offsets.
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
from newsreader.app.messages import SentencePicked
from newsreader.app.widgets.reader_cache import ReaderCache
from newsreader.app.widgets.reader_layout import (
    Cursor,
    Highlighter,
    Layout,
    Line,
    offset_at,
    sentence_spans,
)
from newsreader.nlp.annotation import LABELS, Entity

EMPTY_HINT = "No article open: pick one in the list (Enter or click)."


class Reader(ScrollView, can_focus=True):
    """Shows one article; ``n``/``N`` walk entities, ``[``/``]`` walk sentences."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("n", "next_entity", "Next entity"),
        Binding("N", "previous_entity", "Prev entity"),
        Binding("right_square_bracket", "next_sentence", "Next sentence"),
        Binding("left_square_bracket", "previous_sentence", "Prev sentence"),
    ]

    article_id: reactive[str | None] = reactive(None)
    shown_labels: reactive[frozenset[str]] = reactive(frozenset(LABELS))
    show_removed: reactive[bool] = reactive(False)
    cursor: reactive[Cursor | None] = reactive(None)

    def __init__(self, library: Library, *, name: str | None = None, id: str | None = None) -> None:  # noqa: A002 - Textual names it id
        super().__init__(name=name, id=id)
        self.library = library
        self._layout = Layout()
        self._entities: tuple[Entity, ...] = ()
        self._highlighter = Highlighter((), frozenset(), None, 0)
        self._cache = ReaderCache()
        # Set for one render pass: the width, base style and strip table every line shares.
        self._pass: tuple[int, Style, dict[int, Strip]] | None = None

    # -- what is shown ---------------------------------------------------

    def show(self, article_id: str, *, at: int | None = None) -> None:
        """Open an article, optionally with the cursor on the sentence at offset ``at``."""
        if article_id != self.article_id:
            self.cursor = None
            self.article_id = article_id
            self.scroll_to(0, 0, animate=False)
        if at is not None:
            for start, end in self._sentences():
                if start <= at < end:
                    self.cursor = Cursor(start, end, is_entity=False)
                    break

    def relayout(self) -> None:
        """Rebuild the lines (after an article change, an edit, a toggle or a resize)."""
        width = max(self.scrollable_content_region.width, 10)
        if self.article_id is None or self.library.position(self.article_id) is None:
            self._layout = Layout(lines=[Line(Text(EMPTY_HINT, "dim"))])
        else:
            article = self.library.article(self.article_id)
            self._layout = self._cache.layout(article, width, self.show_removed)
        self.virtual_size = Size(0, len(self._layout.lines))
        self.restyle()

    def restyle(self) -> None:
        """Recompute highlights (labels, cursor, new annotation) without re-laying lines."""
        self._entities = self.library.entities(self.article_id) if self.article_id else ()
        self._highlighter = Highlighter(
            self._entities, self.shown_labels, self.cursor, len(self._layout.body)
        )
        self.refresh()

    def watch_article_id(self) -> None:
        self.relayout()

    def watch_shown_labels(self) -> None:
        if self.cursor and self.cursor.is_entity:
            self.cursor = None
        self.restyle()

    def watch_show_removed(self) -> None:
        self.relayout()

    def watch_cursor(self, cursor: Cursor | None) -> None:
        self.restyle()
        if cursor is None or self.article_id is None:
            return
        line = self._layout.line_of(cursor.start)
        if line is not None:
            self.scroll_to_center_line(line)
        sentence = self._sentence_at(cursor.start)
        if sentence is not None:
            self.post_message(SentencePicked(self.article_id, *sentence))

    def scroll_to_center_line(self, line: int) -> None:
        """Scroll so ``line`` is visible, a third of the way down, unless it already is."""
        height = self.scrollable_content_region.height
        if not (self.scroll_offset.y <= line < self.scroll_offset.y + height):
            self.scroll_to(y=max(line - height // 3, 0), animate=False, force=True)

    def on_resize(self) -> None:
        self.relayout()

    # -- entities and sentences ------------------------------------------

    def visible_entities(self) -> list[Entity]:
        """Entities of the open article whose label is shown, in text order."""
        if self.article_id is None:
            return []
        entities = self.library.entities(self.article_id)
        return sorted((e for e in entities if e.label in self.shown_labels), key=lambda e: e.start)

    def _sentences(self) -> list[tuple[int, int]]:
        if self.article_id is None:
            return []
        annotation = self.library.annotation(self.article_id)
        article = self.library.article(self.article_id)
        return sentence_spans(article, annotation.sentences if annotation else ())

    def _sentence_at(self, offset: int) -> tuple[int, int] | None:
        for start, end in self._sentences():
            if start <= offset < end:
                return start, end
        return None

    def sentence_index(self) -> int | None:
        """Index of the sentence under the cursor, among the article's sentences."""
        if self.cursor is None:
            return None
        for index, (start, end) in enumerate(self._sentences()):
            if start <= self.cursor.start < end:
                return index
        return None

    def select_sentence(self, index: int) -> None:
        """Put the cursor on the ``index``-th sentence, if there is one."""
        sentences = self._sentences()
        if 0 <= index < len(sentences):
            self.cursor = Cursor(*sentences[index], is_entity=False)

    @property
    def entity_under_cursor(self) -> Entity | None:
        """The entity the cursor is on, if the cursor is on one."""
        if self.cursor is None or not self.cursor.is_entity:
            return None
        for entity in self.visible_entities():
            if (entity.start, entity.end) == (self.cursor.start, self.cursor.end):
                return entity
        return None

    def _step_entity(self, forward: bool) -> None:
        entities = self.visible_entities()
        if not entities:
            self.notify("No entities to jump to (annotation pending or all labels hidden).")
            return
        here = self.cursor.start if self.cursor else (-1 if forward else 1 << 62)
        if forward:
            after = [e for e in entities if e.start > here]
            target = after[0] if after else entities[0]
        else:
            before = [e for e in entities if e.start < here]
            target = before[-1] if before else entities[-1]
        self.cursor = Cursor(target.start, target.end, is_entity=True)

    def _step_sentence(self, forward: bool) -> None:
        sentences = self._sentences()
        if not sentences:
            return
        here = self.cursor.start if self.cursor else -1
        if forward:
            after = [s for s in sentences if s[0] > here]
            target = after[0] if after else sentences[-1]
        else:
            # From an entity this lands on its own sentence first, then walks back.
            before = [s for s in sentences if s[0] < here]
            target = before[-1] if before else sentences[0]
        self.cursor = Cursor(*target, is_entity=False)

    def action_next_entity(self) -> None:
        self._step_entity(True)

    def action_previous_entity(self) -> None:
        self._step_entity(False)

    def action_next_sentence(self) -> None:
        self._step_sentence(True)

    def action_previous_sentence(self) -> None:
        self._step_sentence(False)

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None:
            return
        row = offset.y + int(self.scroll_offset.y)
        if not 0 <= row < len(self._layout.lines):
            return
        char = offset_at(self._layout, row, offset.x + int(self.scroll_offset.x))
        if char is None:
            return
        for entity in self.visible_entities():
            if entity.start <= char < entity.end:
                self.cursor = Cursor(entity.start, entity.end, is_entity=True)
                return
        sentence = self._sentence_at(char)
        if sentence is not None:
            self.cursor = Cursor(*sentence, is_entity=False)

    # -- rendering -------------------------------------------------------

    def render_lines(self, crop: Region) -> list[Strip]:
        # The base style walks every ancestor's CSS: look it up once per pass, not per line.
        width, style = self.scrollable_content_region.width, self.rich_style
        strips = self._cache.strips(
            self._layout, self._entities, self.shown_labels, self.cursor, width, style
        )
        self._pass = (width, style, strips)
        try:
            return super().render_lines(crop)
        finally:
            self._pass = None

    def render_line(self, y: int) -> Strip:
        if self._pass is None:  # called on its own, outside a render pass
            width, style = self.scrollable_content_region.width, self.rich_style
            strips: dict[int, Strip] = {}
        else:
            width, style, strips = self._pass
        row = y + int(self.scroll_offset.y)
        if row >= len(self._layout.lines):
            return Strip.blank(width, style)
        strip = strips.get(row)
        if strip is None:
            text = self._highlighter.line(self._layout, row)
            strip = Strip(list(text.render(self.app.console)), text.cell_len)
            strip = strip.crop_extend(0, width, None).apply_style(style)
            strips[row] = strip
        return strip

    def line_texts(self) -> list[str]:
        """Plain text of every laid-out line (for tests and screen readers)."""
        return [self._layout.plain(index) for index in range(len(self._layout.lines))]
