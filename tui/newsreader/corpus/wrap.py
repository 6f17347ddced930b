"""Undo hard wrapping in plain-text files (wire copy and e-mail cut at ~72 columns).

A .txt article normally has one paragraph per line. Some are hard-wrapped:
every line of a paragraph cut at the same width, mid-sentence. Left alone,
each fragment would become a "paragraph" and the sentence splitter, the
cleaner and the reader would all see broken sentences. A blank-line block
is joined only when it clearly is wrapped prose, so one-paragraph-per-line
files (the common case) and blocks of boilerplate are left as they are.
"""

from __future__ import annotations

import re

from newsreader.corpus.dates import parse_date_line
from newsreader.corpus.rules import ANY_RULE

_MIN_WIDTH = 40
_MAX_WIDTH = 100
# Lines wrapped at a fixed width differ by about one word's length.
_MAX_SPREAD = 25
_SENTENCE_END = re.compile(r"[.!?:;\"”’)]$")
_BLOCKS = re.compile(r"\n[ \t]*\n")


def unwrap(text: str) -> str:
    """Join hard-wrapped lines back into one line per paragraph.

    Args:
        text: Sanitised plain text.

    Returns:
        The text with each clearly wrapped block on one line; every other
        block unchanged.
    """
    return "\n\n".join(_unwrap_block(block) for block in _BLOCKS.split(text))


def _unwrap_block(block: str) -> str:
    lines = [line.strip() for line in block.split("\n") if line.strip()]
    if len(lines) < 3:
        return block
    wrapped = lines[:-1]
    widths = [len(line) for line in wrapped]
    if min(widths) < _MIN_WIDTH or max(widths) > _MAX_WIDTH:
        return block
    if max(widths) - min(widths) > _MAX_SPREAD:
        return block
    mid_sentence = sum(1 for line in wrapped if not _SENTENCE_END.search(line))
    if mid_sentence * 2 < len(wrapped):
        return block
    if any(ANY_RULE.match(line) or parse_date_line(line) for line in lines):
        return block
    return " ".join(lines)
