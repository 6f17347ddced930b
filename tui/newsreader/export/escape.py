"""Escape article text so Markdown shows it exactly as the article reads.

Escaping is minimal but safe for CommonMark, GitHub and Pandoc Markdown:

- always: characters that open markup anywhere in a line
  (``\\ ` * _ [ ] { } < > | ~ $ ^``);
- ``&`` only where it would start an entity reference, ``@`` only where
  Pandoc would read a citation, ``!`` only right before an entity span;
- at the start of a line only: heading, list, quote, setext, definition
  and table markers (``# + - = :``, ``1.``, ``a)``, ``(``), and a leading
  space, written ``&#32;`` so it is neither dropped nor an indented code block.

Every escape is a backslash before an ASCII punctuation character, or
``&#32;`` for a space: :func:`unescape` reverses exactly these.
"""

from __future__ import annotations

import re

ALWAYS = frozenset("\\`*_[]{}<>|~$^")
_LINE_START = frozenset("#+-=:(")
# "1." "12)" "a." "iv)" at a line start are ordered-list markers (Pandoc's
# fancy lists accept letters and roman numerals too).
_LIST_MARKER = re.compile(r"(?:[0-9]{1,9}|[A-Za-z]|[ivxlcdmIVXLCDM]+)([.)])(?=[ \t]|$)")
_ENTITY_REF = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{0,31});")
SPACE_REF = "&#32;"
_ASCII_PUNCT = frozenset("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")


def line_start_escapes(text: str) -> set[int]:
    """Offsets of characters that need a backslash because of where their line starts."""
    positions: set[int] = set()
    start = 0
    while start <= len(text):
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        if start < end:
            if text[start] in _LINE_START:
                positions.add(start)
            marker = _LIST_MARKER.match(text, start, end)
            if marker:
                positions.add(marker.start(1))
        start = end + 1
    return positions


def escape_char(text: str, index: int, *, line_start: bool, span_follows: bool) -> str:
    """The Markdown for ``text[index]``.

    Args:
        text: The whole text (context decides some escapes).
        index: Which character.
        line_start: Whether the character begins a line.
        span_follows: Whether an entity span opens right after it.
    """
    char = text[index]
    if char in ALWAYS:
        return "\\" + char
    if char == " " and line_start:
        return SPACE_REF
    if char == "&" and _ENTITY_REF.match(text, index):
        return "\\&"
    if char == "@" and (index == 0 or not text[index - 1].isalnum()):
        return "\\@"
    if char == "!" and span_follows:
        return "\\!"
    return char


def escape_inline(value: str, *, heading: bool = False) -> str:
    """Escape one line of text (a title, an outlet, a sentence in a list item).

    Args:
        value: Text without line breaks.
        heading: Also escape every ``#`` (a heading drops trailing ones).
    """
    at_start = line_start_escapes(value)
    out: list[str] = []
    for index, char in enumerate(value):
        if index in at_start or (heading and char == "#"):
            out.append("\\" + char)
        else:
            out.append(escape_char(value, index, line_start=index == 0, span_follows=False))
    return "".join(out)


def unescape(markdown: str) -> str:
    """Reverse :func:`escape_inline` (and the text parts of an exported body)."""
    out: list[str] = []
    index = 0
    while index < len(markdown):
        char = markdown[index]
        if char == "\\" and index + 1 < len(markdown) and markdown[index + 1] in _ASCII_PUNCT:
            out.append(markdown[index + 1])
            index += 2
        elif markdown.startswith(SPACE_REF, index):
            out.append(" ")
            index += len(SPACE_REF)
        else:
            out.append(char)
            index += 1
    return "".join(out)


def is_escape_at(markdown: str, index: int) -> int:
    """Length of the escape starting at ``index`` (0 when there is none)."""
    if (
        markdown[index] == "\\"
        and index + 1 < len(markdown)
        and markdown[index + 1] in _ASCII_PUNCT
    ):
        return 2
    if markdown.startswith(SPACE_REF, index):
        return len(SPACE_REF)
    return 0
