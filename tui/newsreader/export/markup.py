"""Entity markup in the exported body, and reading it back exactly.

Three styles:

- ``pandoc`` (default): ``[Kim Jong-un]{.PER}``, a Pandoc bracketed span;
- ``html``: ``<mark class="ent PER" data-label="PER">Kim Jong-un</mark>``;
- ``plain``: ``**Kim Jong-un**``. Bold carries no label, so this style
  round-trips the text and span offsets but not the labels; and a
  renderer may leave bold that touches punctuation (``a**"Kim"**``) as
  literal asterisks, per CommonMark's flanking rules.

Markdown spans cannot cross a paragraph break, so an entity that does is
written as several pieces; every piece after the first is marked
``.continued`` (``data-continued="true"`` in HTML) and reading joins them
(in ``plain`` the pieces come back as separate spans).

Pandoc renders straight quotes, ``--`` and ``...`` typographically unless
read with ``-f markdown-smart``; the file itself keeps them as typed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsreader.export.escape import SPACE_REF, apply_escapes, escapes, is_escape_at
from newsreader.export.sanitize import Span

STYLES: tuple[str, ...] = ("pandoc", "html", "plain")

_PARAGRAPH_BREAK = re.compile(r"\n{2,}")
_PANDOC_CLOSE = re.compile(r"\]\{\.([A-Za-z][A-Za-z0-9_-]*)( \.continued)?\}")
_HTML_OPEN = re.compile(
    r'<mark class="ent ([A-Za-z][A-Za-z0-9_-]*)" data-label="\1"( data-continued="true")?>'
)
_HTML_CLOSE = "</mark>"
_BOLD = "**"


@dataclass(frozen=True)
class _Piece:
    start: int
    end: int
    label: str
    continued: bool


def check_style(style: str) -> None:
    """Raise ``ValueError`` for a style name that is not one of :data:`STYLES`."""
    if style not in STYLES:
        raise ValueError(f"unknown export style {style!r}; choose one of {', '.join(STYLES)}")


def _pieces(text: str, spans: list[Span]) -> list[_Piece]:
    pieces: list[_Piece] = []
    for span in spans:
        start = span.start
        continued = False
        for gap in _PARAGRAPH_BREAK.finditer(text, span.start, span.end):
            pieces.append(_Piece(start, gap.start(), span.label, continued))
            start, continued = gap.end(), True
        pieces.append(_Piece(start, span.end, span.label, continued))
    return pieces


def _opening(style: str, piece: _Piece) -> str:
    if style == "pandoc":
        return "["
    if style == "html":
        more = ' data-continued="true"' if piece.continued else ""
        return f'<mark class="ent {piece.label}" data-label="{piece.label}"{more}>'
    return _BOLD


def _closing(style: str, piece: _Piece) -> str:
    if style == "pandoc":
        return f"]{{.{piece.label}{' .continued' if piece.continued else ''}}}"
    if style == "html":
        return _HTML_CLOSE
    return _BOLD


def render_body(text: str, spans: list[Span], style: str) -> str:
    """The cleaned text as Markdown, with every span marked in ``style``.

    Args:
        text: Cleaned text (no control characters).
        spans: Non-overlapping spans in order, as from ``spans_to_mark``.
        style: One of :data:`STYLES`.
    """
    check_style(style)
    replaced = escapes(text)
    inserted: dict[int, list[str]] = {}
    for piece in _pieces(text, spans):
        # Pieces never overlap, so a close and an open can share an offset
        # only as one ending where the next begins: the close goes first.
        inserted.setdefault(piece.end, []).insert(0, _closing(style, piece))
        inserted.setdefault(piece.start, []).append(_opening(style, piece))
        if piece.start > 0 and text[piece.start - 1] == "!":
            replaced[piece.start - 1] = "\\!"  # "![" would start an image
    return apply_escapes(text, replaced, inserted)


class _Reader:
    """Collects decoded text and spans while scanning a body."""

    def __init__(self) -> None:
        self.chars: list[str] = []
        self.spans: list[tuple[int, int, str]] = []
        self.open_at: int | None = None
        self.open_label = ""
        self.open_continued = False

    def open(self, label: str = "", continued: bool = False) -> None:
        self.open_at, self.open_label, self.open_continued = len(self.chars), label, continued

    def close(self, label: str | None = None, continued: bool | None = None) -> None:
        assert self.open_at is not None
        label = self.open_label if label is None else label
        continued = self.open_continued if continued is None else continued
        if continued and self.spans:
            start, _, _ = self.spans[-1]
            self.spans[-1] = (start, len(self.chars), label)
        else:
            self.spans.append((self.open_at, len(self.chars), label))
        self.open_at = None


def parse_body(markdown: str, style: str) -> tuple[str, list[tuple[int, int, str]]]:
    """Read a body written by :func:`render_body` back into text and spans.

    Returns:
        The text and its spans as (start, end, label); labels are ``""``
        for the ``plain`` style.
    """
    check_style(style)
    reader = _Reader()
    index = 0
    while index < len(markdown):
        escape = is_escape_at(markdown, index)
        if escape:
            reader.chars.append(
                " " if markdown.startswith(SPACE_REF, index) else markdown[index + 1]
            )
            index += escape
            continue
        char = markdown[index]
        if style == "pandoc" and char == "[" and reader.open_at is None:
            reader.open()
            index += 1
            continue
        if style == "pandoc" and char == "]" and reader.open_at is not None:
            match = _PANDOC_CLOSE.match(markdown, index)
            if match:
                reader.close(match.group(1), bool(match.group(2)))
                index = match.end()
                continue
        if style == "html" and char == "<":
            match = _HTML_OPEN.match(markdown, index)
            if match and reader.open_at is None:
                reader.open(match.group(1), bool(match.group(2)))
                index = match.end()
                continue
            if markdown.startswith(_HTML_CLOSE, index) and reader.open_at is not None:
                reader.close()
                index += len(_HTML_CLOSE)
                continue
        if style == "plain" and markdown.startswith(_BOLD, index):
            if reader.open_at is None:
                reader.open()
            else:
                reader.close()
            index += len(_BOLD)
            continue
        reader.chars.append(char)
        index += 1
    return "".join(reader.chars), reader.spans
