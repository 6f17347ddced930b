"""EVENT patterns: named events from a short list plus head-noun shapes.

Indonesian names put the head first ("Forum Ekonomi Timur", "Piala Dunia
2022", "KTT ASEAN ke-43"); English names put it last ("Eastern Economic
Forum", "Asian Games"). Both shapes need capitalised words around the head,
so "konferensi pers" or "perang Ukraina" written in lower case stay plain
words. The list in ``data/events.txt`` covers names the shapes cannot see
("Pemilu", "Olimpiade" alone, "Perang Dingin" is caught anyway).
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from newsreader.nlp.rules.quantity import function_words

_DATA = Path(__file__).resolve().parent.parent / "data" / "events.txt"

# Heads that open an Indonesian event name.
HEADS_ID: tuple[str, ...] = (
    "Forum", "Konferensi Tingkat Tinggi", "Konferensi", "Kongres", "KTT", "Festival",
    "Pemilu", "Pemilihan Umum", "Pilpres", "Pilkada", "Pileg", "Olimpiade",
    "Paralimpiade", "Piala", "Perang", "Pekan", "Kejuaraan", "Turnamen", "Muktamar",
    "Musyawarah Nasional", "Munas", "Rakernas", "Pameran", "Tragedi", "Revolusi",
    "Pertempuran", "Pertemuan Tingkat Tinggi", "Sidang Umum",
)  # fmt: skip
# Heads that close an English event name.
HEADS_EN: tuple[str, ...] = (
    "Forum", "Summit", "Conference", "Congress", "Festival", "Games", "Olympics",
    "Cup", "War", "Championship", "Championships", "Expo", "Awards", "Marathon",
    "Grand Prix", "Convention", "Fair", "Biennale", "Dialogue",
)  # fmt: skip


def _alternation(words: list[str] | tuple[str, ...]) -> str:
    return "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True))


@lru_cache(maxsize=1)
def event_names() -> tuple[str, ...]:
    """The listed event names, longest first."""
    lines = _DATA.read_text(encoding="utf-8").splitlines()
    names = {line.strip() for line in lines if line.strip() and line[0] != "#"}
    return tuple(sorted(names, key=len, reverse=True))


def event_patterns() -> tuple[str, ...]:
    """The EVENT regular expressions: the listed names first, then the shapes."""
    year = r"(?:1[6-9]\d\d|2[01]\d\d)"
    tail = rf"(?:\s+(?:{year}|[Kk]e-?\d+|[IVX]+)(?![\w-]))?"
    # Capitalised words that are not sentence-initial function words ("Namun", "Di").
    stop = _alternation(sorted({w.capitalize() for w in function_words()} | _ENGLISH_STOPS))
    cap = rf"(?!(?:{stop})(?![\w-]))[A-Z][\w’'&.-]*(?<![.’'])"
    modifier = rf"(?:{cap}|{year}|[Kk]e-?\d+|[IVX]+(?![\w-]))"
    start = r"(?<![\w-])"
    end = r"(?![\w-])"
    return (
        rf"{start}(?:{_alternation(event_names())}){tail}{end}",
        rf"{start}(?:{_alternation(HEADS_ID)})(?:\s+{modifier}){{1,4}}{end}",
        # Not when another capitalised word follows: "Jakarta Convention Center" is a place.
        # The cheap look-ahead for a head first spares the stop-word test at
        # every capital letter of the text.
        rf"{start}(?=(?:[A-Z]\S*\s+){{1,4}}(?:{_alternation(HEADS_EN)}))"
        rf"(?:{cap}\s+){{1,4}}(?:{_alternation(HEADS_EN)}){tail}{end}(?!\s+[A-Z])",
    )


HEAD_WORDS: frozenset[str] = frozenset(
    {head.split()[0] for head in HEADS_ID} | {head.split()[-1] for head in HEADS_EN}
)


def inside_longer_name(text: str, start: int) -> bool:
    """Whether an event match at ``start`` continues a capitalised name before it.

    "Badan Pengawas Pemilu" or "RUU Pemilu" name an agency and a bill, not
    the election: a capitalised word right before the match, unless it
    opens the sentence, makes the match part of that longer name.
    """
    window_start = max(0, start - 60)
    window = text[window_start:start]
    previous = _PREVIOUS_WORD.search(window)
    if previous is None or not previous.group(1)[:1].isupper():
        return False
    before = window[: previous.start()].rstrip(" \t")
    if not before:
        # Nothing before the word: the start of the text, or too far to tell.
        return window_start > 0
    return before[-1] not in _SENTENCE_OPENERS


# The word before a match, directly before it (no punctuation between).
_PREVIOUS_WORD = re.compile(r"([\w'’-]+)[ \t]+$")
_SENTENCE_OPENERS = ".!?:;\"“”‘’'(\n—–-"
_ENGLISH_STOPS = {"The", "A", "An", "In", "On", "At", "Of", "And", "For", "To", "By", "With"}
