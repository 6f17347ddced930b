"""Clean untrusted text for export while keeping entity offsets true.

Terminal escape sequences and C0/C1 control characters never reach an
exported file. Removing them shifts the text, so the body is cleaned
through an offset map and every entity span is moved with it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from newsreader.nlp.annotation import Entity
from newsreader.textsafe import CONTROL_CHARS, ESCAPE_SEQUENCES

# Everything removed from the body: escape sequences and controls as
# newsreader.textsafe defines them, a CR too. A tab becomes a space instead
# (same length) and a lone surrogate U+FFFD, which UTF-8 cannot carry.
_REMOVED = re.compile(rf"{ESCAPE_SEQUENCES}|\r\n?|[{CONTROL_CHARS}]")
_SURROGATE = re.compile(r"[\ud800-\udfff]")
_LABEL_CHARS = re.compile(r"[^A-Za-z0-9_-]")
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class Span:
    """An entity to mark: offsets into the cleaned text and a safe label."""

    start: int
    end: int
    label: str


def _keep_newline(match: re.Match[str]) -> str:
    # A CR or CRLF line end is a line end, not something to delete.
    return "\n" if match.group().startswith("\r") else ""


def clean_text(text: str) -> tuple[str, list[int]]:
    """Remove control characters and escape sequences from a body text.

    Returns:
        The cleaned text and a map from every old offset (0..len(text)) to
        the offset in the cleaned text.
    """
    if not _REMOVED.search(text):  # the usual case: nothing moves
        return _SURROGATE.sub("\ufffd", text.replace("\t", " ")), list(range(len(text) + 1))
    pieces: list[str] = []
    offsets: list[int] = []
    position = 0
    length = 0
    for match in _REMOVED.finditer(text):
        kept = text[position : match.start()]
        pieces.append(kept)
        offsets.extend(range(length, length + len(kept)))
        length += len(kept)
        replacement = _keep_newline(match)
        pieces.append(replacement)
        # Every removed character maps to where the text resumes.
        offsets.extend([length] * (match.end() - match.start()))
        length += len(replacement)
        position = match.end()
    tail = text[position:]
    pieces.append(tail)
    offsets.extend(range(length, length + len(tail)))
    offsets.append(length + len(tail))
    cleaned = "".join(pieces).replace("\t", " ")
    return _SURROGATE.sub("\ufffd", cleaned), offsets


def clean_line(value: str) -> str:
    """One line of metadata: controls removed, any whitespace run made one space."""
    cleaned = _SURROGATE.sub("\ufffd", _REMOVED.sub(_keep_newline, value))
    return _SPACES.sub(" ", cleaned).strip()


def safe_label(label: str) -> str:
    """A label usable as a Pandoc class and an HTML class: letters, digits, ``_`` and ``-``."""
    cleaned = _LABEL_CHARS.sub("_", clean_line(label))
    if not cleaned:
        return "ENT"
    return cleaned if cleaned[0].isalpha() else f"L{cleaned}"


def spans_to_mark(text: str, offsets: list[int], entities: Iterable[Entity]) -> list[Span]:
    """The entity spans that can be marked in the cleaned text, in order.

    Spans are moved through ``offsets``, trimmed of surrounding whitespace
    (a label belongs to the name, not to the space around it), and dropped
    when empty or out of range. Where entities overlap, the one starting
    first (the longer, on a tie) is marked: Markdown spans cannot overlap.
    """
    limit = len(offsets) - 1
    moved: list[Span] = []
    for entity in entities:
        if not (0 <= entity.start < entity.end <= limit):
            continue
        start, end = offsets[entity.start], offsets[entity.end]
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start < end:
            moved.append(Span(start, end, safe_label(entity.label)))
    moved.sort(key=lambda span: (span.start, -span.end))
    marked: list[Span] = []
    for span in moved:
        if not marked or span.start >= marked[-1].end:
            marked.append(span)
    return marked
