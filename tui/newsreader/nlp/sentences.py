"""Indonesian sentence splitting in pure Python (no spaCy needed).

News text breaks most naive splitters: titles and initials end in a period
("Dr.", "M. Yusuf"), numbers use the period as a thousands separator
("1.500"), quotes end with the attribution after them ("“...,” kata X."),
and scraped text sometimes loses the space after a period ("penuh.Akan").
The rules here look at the word before a period and the character after
the gap, which is enough for news prose and fast on long archives.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from newsreader.nlp.annotation import Sentence

_DATA_DIR = Path(__file__).resolve().parent / "data"

# A run of terminal punctuation, then any closing quotes or brackets. The
# terminator ends a sentence only if what follows passes _starts_sentence.
_TERMINATOR = re.compile(r"(?:\.{2,}|…|[.!?])+[\"”’'»)\]]*")
# A period glued between a lower-case word and a capitalised word: "penuh.Akan".
# Two lower-case letters before it keep "S.H.Dia"-like initials out.
_GLUED = re.compile(r"(?<=[a-z]{2})\.(?=[A-Z][a-z])")
_OPENERS = "\"“‘'«([—-"
_CLOSING_QUOTES = "\"”’'»)]"
_WORD_BEFORE = re.compile(r"[^\s\"“‘'«(\[]+$")
_DOTTED = re.compile(r"^(?:[A-Za-z]\.)+[A-Za-z]$")
_BLANK_LINE = re.compile(r"\n[ \t\r\f\v]*\n\s*")


@lru_cache(maxsize=1)
def abbreviations() -> frozenset[str]:
    """Lower-cased words that take a period without ending the sentence."""
    text = (_DATA_DIR / "abbreviations.txt").read_text(encoding="utf-8")
    return frozenset(
        line.strip().lower() for line in text.splitlines() if line.strip() and line[0] != "#"
    )


def split_sentences(text: str) -> list[Sentence]:
    """Split cleaned article text into sentences.

    Paragraph breaks (a blank line) always end a sentence; a single line
    break ends one unless the next line plainly continues it (starts in
    lower case after a line without final punctuation), so hard-wrapped
    plain text still reads as whole sentences.

    Args:
        text: The cleaned article text.

    Returns:
        Sentences in order, as offsets into ``text``, trimmed of surrounding
        whitespace; empty sentences are never returned.
    """
    sentences: list[Sentence] = []
    for block_start, block_end in _blocks(text):
        cut = block_start
        for boundary in _boundaries(text, block_start, block_end):
            _append_trimmed(sentences, text, cut, boundary)
            cut = boundary
        _append_trimmed(sentences, text, cut, block_end)
    return sentences


def _blocks(text: str) -> list[tuple[int, int]]:
    """Spans of text between hard breaks: blank lines and sentence-ending line breaks."""
    blocks: list[tuple[int, int]] = []
    start = 0
    for match in _BLANK_LINE.finditer(text):
        blocks.extend(_line_blocks(text, start, match.start()))
        start = match.end()
    blocks.extend(_line_blocks(text, start, len(text)))
    return blocks


def _line_blocks(text: str, start: int, end: int) -> list[tuple[int, int]]:
    blocks: list[tuple[int, int]] = []
    block_start = start
    pos = start
    while pos < end:
        newline = text.find("\n", pos, end)
        if newline < 0:
            break
        if not _continues(text[block_start:newline], text[newline + 1 : end]):
            blocks.append((block_start, newline))
            block_start = newline + 1
        pos = newline + 1
    blocks.append((block_start, end))
    return blocks


def _continues(before: str, after: str) -> bool:
    """Whether the line after a single line break continues the sentence before it."""
    before = before.rstrip()
    after = after.lstrip(" \t")
    if not before or not after:
        return False
    return after[0].islower() and before[-1] not in ".!?…:" + _CLOSING_QUOTES


def _boundaries(text: str, start: int, end: int) -> list[int]:
    """Positions inside [start, end) where a new sentence begins (before its whitespace)."""
    cuts: list[int] = []
    for match in _TERMINATOR.finditer(text, start, end):
        after = match.end()
        if after >= end or not text[after].isspace():
            continue
        nxt = _next_visible(text, after, end)
        if nxt is None or not _starts_sentence(text, nxt, end):
            continue
        if match.group().rstrip(_CLOSING_QUOTES) == "." and _is_abbreviation(text, match.start()):
            continue
        cuts.append(after)
    for match in _GLUED.finditer(text, start, end):
        if not _is_abbreviation(text, match.start()):
            cuts.append(match.end())
    return sorted(set(cuts))


def _next_visible(text: str, pos: int, end: int) -> int | None:
    while pos < end and text[pos].isspace():
        pos += 1
    return pos if pos < end else None


def _starts_sentence(text: str, pos: int, end: int) -> bool:
    """Whether the character at ``pos`` can open a sentence: capital, digit or opener."""
    char = text[pos]
    if char.isupper() or char.isdigit():
        return True
    if char in _OPENERS:
        following = _next_visible(text, pos + 1, end)
        return following is not None and (text[following].isupper() or text[following].isdigit())
    return False


def _is_abbreviation(text: str, period: int) -> bool:
    """Whether the word ending just before ``period`` is an abbreviation or initial."""
    match = _WORD_BEFORE.search(text, max(0, period - 40), period)
    if match is None:
        return False
    word = match.group()
    if len(word) == 1 and word.isalpha():
        # An initial ("M. Yusuf") or a title letter ("H. Agus").
        return word.isupper()
    if _DOTTED.match(word):
        return True  # "a.n", "S.H", "U.S"
    return word.lower() in abbreviations()


def _append_trimmed(sentences: list[Sentence], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        sentences.append(Sentence(start, end))
