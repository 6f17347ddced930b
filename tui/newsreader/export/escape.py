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

_ALWAYS = re.compile(r"[\\`*_\[\]{}<>|~$^]")
_LINE_START = frozenset("#+-=:(")
# "1." "12)" "a." "iv)" at a line start are ordered-list markers (Pandoc's
# fancy lists accept letters and roman numerals too).
_LIST_MARKER = re.compile(r"(?:[0-9]{1,9}|[A-Za-z]|[ivxlcdmIVXLCDM]+)([.)])(?=[ \t]|$)")
_ENTITY_REF = re.compile(r"&(?=(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{0,31});)")
# Pandoc reads "@name" as a citation unless a letter or digit comes before it.
_CITATION = re.compile(r"(?<![^\W_])@")
_LEADING_SPACE = re.compile(r"^ ", re.MULTILINE)
SPACE_REF = "&#32;"
_ASCII_PUNCT = frozenset("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")


def _line_start_escapes(text: str) -> dict[int, str]:
    escapes: dict[int, str] = {}
    start = 0
    while start <= len(text):
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        if start < end:
            if text[start] in _LINE_START:
                escapes[start] = "\\" + text[start]
            marker = _LIST_MARKER.match(text, start, end)
            if marker:
                escapes[marker.start(1)] = "\\" + marker.group(1)
        start = end + 1
    return escapes


def escapes(text: str) -> dict[int, str]:
    """Offset -> Markdown for every character of ``text`` that must be escaped.

    Characters not in the result are written as they are. The ``!`` before
    an entity span is the caller's to add, since only it knows the spans.
    """
    found = {match.start(): "\\" + match.group() for match in _ALWAYS.finditer(text)}
    found.update((match.start(), "\\&") for match in _ENTITY_REF.finditer(text))
    found.update((match.start(), "\\@") for match in _CITATION.finditer(text))
    found.update(_line_start_escapes(text))
    found.update((match.start(), SPACE_REF) for match in _LEADING_SPACE.finditer(text))
    return found


def apply_escapes(
    text: str, replaced: dict[int, str], inserted: dict[int, list[str]] | None = None
) -> str:
    """Write ``text`` with characters replaced and markup inserted.

    Args:
        text: The text.
        replaced: Offset -> what to write instead of that character.
        inserted: Offset -> markup written before the character there
            (``len(text)`` for markup at the very end).
    """
    inserted = inserted or {}
    out: list[str] = []
    position = 0
    for offset in sorted(replaced.keys() | inserted.keys()):
        out.append(text[position:offset])
        out.extend(inserted.get(offset, ()))
        if offset in replaced:
            out.append(replaced[offset])
            position = offset + 1
        else:
            position = offset
    out.append(text[position:])
    return "".join(out)


def escape_inline(value: str, *, heading: bool = False) -> str:
    """Escape one line of text (a title, an outlet, a sentence in a list item).

    Args:
        value: Text without line breaks.
        heading: Also escape every ``#`` (a heading drops trailing ones).
    """
    replaced = escapes(value)
    if heading:
        replaced.update((index, "\\#") for index, char in enumerate(value) if char == "#")
    return apply_escapes(value, replaced)


def unescape(markdown: str) -> str:
    """Reverse :func:`escape_inline` (and the text parts of an exported body)."""
    out: list[str] = []
    index = 0
    while index < len(markdown):
        length = is_escape_at(markdown, index)
        if length:
            out.append(" " if length == len(SPACE_REF) else markdown[index + 1])
            index += length
        else:
            out.append(markdown[index])
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
