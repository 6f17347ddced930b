"""Lay an article out as screen lines that remember which characters they show.

The reader needs to go from a character offset (an entity, a sentence) to a
screen line and back (a click), so wrapping is done here rather than by
Rich: each line keeps the span of the cleaned text it shows. Text is always
built from plain strings plus styles, never parsed as markup.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field

from rich.cells import cell_len, get_character_cell_size
from rich.style import Style
from rich.text import Text

from newsreader.app.label_styles import label_style
from newsreader.corpus.article import Article
from newsreader.nlp.annotation import Entity, Sentence
from newsreader.textsafe import printable

# Control characters become a visible placeholder of the same length, so
# offsets into the cleaned text stay valid and nothing reaches the terminal.
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]")
PLACEHOLDER = "\ufffd"

HEADLINE = Style(bold=True)
META = Style(dim=True)
REMOVED = Style(dim=True, italic=True, strike=True)
REMOVED_TAG = Style(dim=True, italic=True)
SENTENCE_CURSOR = Style(underline=True)
ENTITY_CURSOR = Style(reverse=True, bold=True)


def neutralise(text: str) -> str:
    """Replace control characters (ESC included) one-for-one with a placeholder.

    Tabs become spaces; newlines stay, as they structure the text.
    """
    return _CONTROLS.sub(PLACEHOLDER, text.replace("\t", " "))


@dataclass(frozen=True)
class Line:
    """One screen line.

    Fixed lines (headline, metadata, removed lines, blanks) carry their
    ``text``; body lines carry ``start``/``end`` into the cleaned text and are
    styled only when painted, so moving the cursor never re-lays the article.
    """

    text: Text | None = None
    start: int | None = None
    end: int | None = None


@dataclass(frozen=True)
class Cursor:
    """What the reader points at: an entity or a sentence, by character span."""

    start: int
    end: int
    is_entity: bool


@dataclass
class Layout:
    """The lines of an article at one width; ``body`` is the neutralised cleaned text."""

    lines: list[Line] = field(default_factory=list)
    body: str = ""
    _starts: list[int] = field(default_factory=list)
    _rows: list[int] = field(default_factory=list)

    def index_body(self) -> None:
        """Remember where body lines start, for offset-to-line lookups by bisection."""
        self._rows = [i for i, line in enumerate(self.lines) if line.start is not None]
        self._starts = [self.lines[i].start or 0 for i in self._rows]

    def line_of(self, offset: int) -> int | None:
        """Index of the line showing character ``offset`` (or the next one, for a break space)."""
        if not self._rows:
            return None
        position = bisect_right(self._starts, offset) - 1
        if position < 0:
            return self._rows[0]
        row = self._rows[position]
        end = self.lines[row].end or 0
        if offset >= end and position + 1 < len(self._rows):
            # An offset on the space where a line was broken belongs to the next line.
            return self._rows[position + 1]
        return row

    def plain(self, index: int) -> str:
        line = self.lines[index]
        if line.text is not None:
            return line.text.plain
        return self.body[line.start or 0 : line.end or 0]


def wrap_spans(text: str, width: int) -> list[tuple[int, int]]:
    """Greedy word wrap: (start, end) spans of ``text`` that each fit ``width`` cells."""
    width = max(width, 1)
    if not text:
        return [(0, 0)]
    if cell_len(text) == len(text):
        return _wrap_single_cells(text, width)
    spans: list[tuple[int, int]] = []
    start, length = 0, len(text)
    while start < length:
        cells, index, last_space = 0, start, -1
        while index < length:
            size = get_character_cell_size(text[index])
            if cells + size > width:
                break
            if text[index] == " ":
                last_space = index
            cells += size
            index += 1
        if index >= length:
            spans.append((start, length))
            break
        if text[index] == " ":
            spans.append((start, index))
            start = index + 1
        elif last_space > start:
            spans.append((start, last_space))
            start = last_space + 1
        else:
            # A word longer than the line is cut where it hits the edge.
            spans.append((start, max(index, start + 1)))
            start = max(index, start + 1)
    return spans


def _wrap_single_cells(text: str, width: int) -> list[tuple[int, int]]:
    """The same greedy wrap when every character is one cell wide (most text): no per-char loop."""
    spans: list[tuple[int, int]] = []
    start, length = 0, len(text)
    while start < length:
        if length - start <= width:
            spans.append((start, length))
            break
        cut = text.rfind(" ", start, start + width + 1)
        if cut <= start:
            spans.append((start, start + width))
            start += width
        else:
            spans.append((start, cut))
            start = cut + 1
    return spans


def _metadata(article: Article) -> Text:
    parts: list[Text] = [
        Text(printable(article.outlet)) if article.outlet else Text("unknown outlet", META),
    ]
    when = " ".join(v for v in (article.date, article.time, article.timezone) if v)
    parts.append(Text(printable(when)) if when else Text("—", META))
    for value in (article.dateline, article.byline, article.wire):
        if value:
            parts.append(Text(printable(value)))
    return Text(" · ", META).join(parts)


def _wrapped_text(text: Text, width: int) -> list[Line]:
    return [Line(text[s:e]) for s, e in wrap_spans(text.plain, width)]


def layout_article(article: Article, width: int, *, show_removed: bool = False) -> Layout:
    """Lay out headline, metadata line and paragraphs (entities are styled when painted).

    Args:
        article: The article, with user overrides applied.
        width: Cells per line.
        show_removed: Show the lines cleaning removed, greyed out where they stood.

    Returns:
        The lines, body lines knowing their span of the cleaned text.
    """
    body = neutralise(article.text)
    layout = Layout(body=body)
    title = (
        Text(printable(article.title), HEADLINE) if article.title else Text(f"({article.id})", META)
    )
    layout.lines.extend(_wrapped_text(title, width))
    meta = _metadata(article)
    meta.stylize(META)
    layout.lines.extend(_wrapped_text(meta, width))
    layout.lines.append(Line(Text("")))

    removed = sorted(article.removed, key=lambda r: r.offset) if show_removed else []
    removed_at = 0

    def add_removed_before(offset: int) -> None:
        nonlocal removed_at
        while removed_at < len(removed) and removed[removed_at].offset <= offset:
            item = removed[removed_at]
            line = Text.assemble((f"[{item.kind}] ", REMOVED_TAG), (printable(item.text), REMOVED))
            layout.lines.extend(_wrapped_text(line, width))
            removed_at += 1

    offset = 0
    paragraphs = body.split("\n\n")
    for number, paragraph in enumerate(paragraphs):
        if paragraph.strip():
            add_removed_before(offset)
            for row_start, row_end in _row_starts(paragraph):
                base = offset + row_start
                for s, e in wrap_spans(paragraph[row_start:row_end], width):
                    layout.lines.append(Line(None, base + s, base + e))
            if number < len(paragraphs) - 1:
                layout.lines.append(Line(Text("")))
        offset += len(paragraph) + 2
    add_removed_before(len(body))
    layout.index_body()
    return layout


class Highlighter:
    """Styles body lines: entity colours for the shown labels, and the cursor.

    Args:
        entities: The article's entities.
        shown_labels: Labels switched on.
        cursor: The entity or sentence under the cursor.
        length: Length of the cleaned text (entities past it are ignored).
    """

    def __init__(
        self,
        entities: Sequence[Entity],
        shown_labels: frozenset[str] | set[str],
        cursor: Cursor | None,
        length: int,
    ) -> None:
        self.entities = sorted(
            (e for e in entities if e.label in shown_labels and 0 <= e.start < e.end <= length),
            key=lambda e: e.start,
        )
        self._starts = [e.start for e in self.entities]
        self._longest = max((e.end - e.start for e in self.entities), default=0)
        self.cursor = cursor

    def line(self, layout: Layout, index: int) -> Text:
        """The styled text of line ``index``."""
        line = layout.lines[index]
        if line.text is not None:
            return line.text
        start, end = line.start or 0, line.end or 0
        text = Text(layout.body[start:end])
        cursor = self.cursor
        if cursor and not cursor.is_entity and cursor.start < end and cursor.end > start:
            text.stylize(
                SENTENCE_CURSOR, max(cursor.start - start, 0), min(cursor.end, end) - start
            )
        first = bisect_left(self._starts, start - self._longest)
        last = bisect_left(self._starts, end)
        for entity in self.entities[first:last]:
            if entity.end > start:
                text.stylize(
                    label_style(entity.label),
                    max(entity.start - start, 0),
                    min(entity.end, end) - start,
                )
        if cursor and cursor.is_entity and cursor.start < end and cursor.end > start:
            text.stylize(ENTITY_CURSOR, max(cursor.start - start, 0), min(cursor.end, end) - start)
        return text


def _row_starts(paragraph: str) -> list[tuple[int, int]]:
    """Spans of the hard lines inside a paragraph (single newlines are kept)."""
    spans, start = [], 0
    for piece in paragraph.split("\n"):
        spans.append((start, start + len(piece)))
        start += len(piece) + 1
    return spans


def offset_at(layout: Layout, row: int, x: int) -> int | None:
    """Character offset in the cleaned text under cell column ``x`` of line ``row``."""
    line = layout.lines[row]
    if line.start is None or line.end is None:
        return None
    cells = 0
    for index, char in enumerate(layout.body[line.start : line.end]):
        cells += get_character_cell_size(char)
        if x < cells:
            return line.start + index
    return None


def sentence_spans(article: Article, sentences: Sequence[Sentence]) -> list[tuple[int, int]]:
    """Sentence spans for the ``[``/``]`` keys; paragraphs stand in before annotation."""
    if sentences:
        return [(s.start, s.end) for s in sentences if s.end > s.start]
    spans, offset = [], 0
    for paragraph in article.text.split("\n\n"):
        if paragraph.strip():
            spans.append((offset, offset + len(paragraph)))
        offset += len(paragraph) + 2
    return spans
