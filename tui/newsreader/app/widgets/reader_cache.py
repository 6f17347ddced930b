"""Layouts and painted lines of recently shown articles, so reopening one costs little.

Going back and forth between two outlets' reports of a story is the common
way to compare them; the reader then repaints from memory instead of
re-wrapping and re-highlighting. Entries are keyed by value where that is
cheap (ids, widths, toggles, cursor, style) and guarded by identity where
it is not: an edited article or a new annotation is a new object, so a
stale entry is never reused.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Hashable, Sequence

from rich.style import Style
from textual.strip import Strip

from newsreader.app.widgets.reader_layout import Cursor, Layout, layout_article
from newsreader.corpus.article import Article
from newsreader.nlp.annotation import Entity

# Articles kept; each is a few hundred lines at most.
CACHE_SIZE = 32


class _Recent:
    """A small least-recently-used map whose entries remember the objects they were built from."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._entries: OrderedDict[Hashable, tuple[tuple[object, ...], object]] = OrderedDict()

    def get(self, key: Hashable, sources: tuple[object, ...]) -> object | None:
        entry = self._entries.get(key)
        if entry is None or len(entry[0]) != len(sources):
            return None
        if any(old is not new for old, new in zip(entry[0], sources, strict=True)):
            return None
        self._entries.move_to_end(key)
        return entry[1]

    def put(self, key: Hashable, sources: tuple[object, ...], value: object) -> None:
        self._entries[key] = (sources, value)
        self._entries.move_to_end(key)
        while len(self._entries) > self.size:
            self._entries.popitem(last=False)


class ReaderCache:
    """Per-article layouts, and per-look painted lines (row -> strip)."""

    def __init__(self, size: int = CACHE_SIZE) -> None:
        self._layouts = _Recent(size)
        self._strips = _Recent(size)

    def layout(self, article: Article, width: int, show_removed: bool) -> Layout:
        """The article laid out at ``width`` (built once per article object)."""
        key = (article.id, width, show_removed)
        layout = self._layouts.get(key, (article,))
        if not isinstance(layout, Layout):
            layout = layout_article(article, width, show_removed=show_removed)
            self._layouts.put(key, (article,), layout)
        return layout

    def strips(
        self,
        layout: Layout,
        entities: Sequence[Entity],
        shown_labels: frozenset[str],
        cursor: Cursor | None,
        width: int,
        style: Style,
    ) -> dict[int, Strip]:
        """The painted lines of one look of a layout, filled as rows are painted."""
        key = (id(layout), id(entities), shown_labels, cursor, width, style)
        strips = self._strips.get(key, (layout, entities))
        if not isinstance(strips, dict):
            strips = {}
            self._strips.put(key, (layout, entities), strips)
        return strips
